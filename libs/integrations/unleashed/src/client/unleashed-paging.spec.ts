import { MalformedResponseError } from '@ops/sync-core';

import { RawStockOnHandSchema } from './unleashed.api-types';
import { hasNextPage, pageRequest, readPage } from './unleashed-paging';

// The StockOnHand row of Unleashed's documentation (apidocs.unleashedsoftware.com/StockOnHand).
const DOC_ROW = {
  Guid: '7fc624f7-738a-4e95-aed1-758662372899',
  ProductGuid: '7fc624f7-738a-4e95-aed1-758662372899',
  ProductCode: 'WID-BLU-M',
  ProductDescription: 'Widget, Blue, M',
  ProductGroupName: 'Widgets',
  ProductSourceId: null,
  WarehouseId: '1b0e5a64-0000-0000-0000-000000000000',
  WarehouseCode: 'MAIN',
  Warehouse: 'Main Warehouse',
  DaysSinceLastSale: 3,
  OnPurchase: 120.0,
  AllocatedQty: 14.0,
  AvailableQty: 226.0,
  QtyOnHand: 240.0,
  AvgCost: 7.3125,
  TotalCost: 1755.0,
  LastModifiedOn: '/Date(1764460800000)/',
};

describe('pageRequest', () => {
  it('puts the page in the path and the filters, in order, in the query it signs', () => {
    expect(pageRequest('StockOnHand', 2, { modifiedSince: '2026-11-30', pageSize: 1000 })).toEqual({
      path: '/StockOnHand/2',
      query: 'modifiedSince=2026-11-30&pageSize=1000',
    });
  });

  it('leaves out absent filters; no filters is an empty query', () => {
    expect(pageRequest('Assemblies', 1, { modifiedSince: undefined })).toEqual({ path: '/Assemblies/1', query: '' });
  });

  it('refuses page 0', () => {
    expect(() => pageRequest('Products', 0, {})).toThrow(RangeError);
  });
});

describe('readPage', () => {
  const page = (pagination: object, items: unknown[]) => ({ Pagination: pagination, Items: items });

  it('reads the documented envelope and row', () => {
    const { pagination, items } = readPage(
      page({ NumberOfItems: 2, PageSize: 200, PageNumber: 1, NumberOfPages: 1 }, [DOC_ROW]),
      RawStockOnHandSchema,
      'GET /StockOnHand/1',
      1,
    );
    expect(pagination).toEqual({ NumberOfItems: 2, PageSize: 200, PageNumber: 1, NumberOfPages: 1 });
    expect(items[0]).toMatchObject({ ProductCode: 'WID-BLU-M', WarehouseCode: 'MAIN', QtyOnHand: 240, TotalCost: 1755 });
    expect(hasNextPage(pagination)).toBe(false);
  });

  it.each([
    ['no Pagination', { Items: [] }, 'Pagination'],
    ['a row without ProductCode', page({ NumberOfItems: 1, PageSize: 200, PageNumber: 1, NumberOfPages: 1 }, [{ ...DOC_ROW, ProductCode: undefined }]), 'Items.0.ProductCode'],
    ['a quantity as text', page({ NumberOfItems: 1, PageSize: 200, PageNumber: 1, NumberOfPages: 1 }, [{ ...DOC_ROW, QtyOnHand: '240' }]), 'Items.0.QtyOnHand'],
    ['another page than asked', page({ NumberOfItems: 1, PageSize: 200, PageNumber: 2, NumberOfPages: 2 }, []), 'asked for page 1'],
  ])('rejects %s', (_, body, mention) => {
    expect(() => readPage(body, RawStockOnHandSchema, 'GET /StockOnHand/1', 1)).toThrow(MalformedResponseError);
    expect(() => readPage(body, RawStockOnHandSchema, 'GET /StockOnHand/1', 1)).toThrow(mention);
  });

  it('goes on while the page number is below the number of pages', () => {
    expect(hasNextPage({ NumberOfItems: 2500, PageSize: 1000, PageNumber: 2, NumberOfPages: 3 })).toBe(true);
    expect(hasNextPage({ NumberOfItems: 2500, PageSize: 1000, PageNumber: 3, NumberOfPages: 3 })).toBe(false);
    expect(hasNextPage({ NumberOfItems: 0, PageSize: 1000, PageNumber: 1, NumberOfPages: 0 })).toBe(false);
  });
});
