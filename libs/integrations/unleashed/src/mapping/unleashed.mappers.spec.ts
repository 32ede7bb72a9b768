import { MalformedResponseError } from '@ops/sync-core';

import { RawAssemblySchema, RawProductSchema, RawStockOnHandSchema } from '../client/unleashed.api-types';
import { assemblyStatus, mapAssembly } from './assembly.mapper';
import { jsonDecimal } from './json-decimal';
import { mapProductLevels } from './product-levels.mapper';
import { mapStockOnHand } from './stock-on-hand.mapper';

// Bodies as Unleashed writes them, parsed by JSON.parse as the client does.
const stockRow = RawStockOnHandSchema.parse(
  JSON.parse(
    '{"Guid":"7fc624f7","ProductGuid":"7fc624f7","ProductCode":"WID-BLU-M","ProductDescription":"Widget, Blue, M","WarehouseCode":"MAIN","Warehouse":"Main Warehouse","OnPurchase":120.0,"AllocatedQty":14.0,"AvailableQty":226.5,"QtyOnHand":240.5,"AvgCost":7.3125,"TotalCost":1758.65625,"LastModifiedOn":"/Date(1764460800000)/"}',
  ),
);
const assembly = RawAssemblySchema.parse(
  JSON.parse(
    '{"Guid":"a1b2","AssemblyNumber":"ASM-00012","AssemblyDate":"/Date(1764460800000)/","AssembleBy":"/Date(1764547200000)/","AssemblyStatus":"In Progress","AssemblyType":"Assembly","Quantity":12.5,"Product":{"Guid":"p1","ProductCode":"FG-CHAIR-OAK","ProductDescription":"Oak chair"},"SourceWarehouse":{"WarehouseCode":"MAIN"},"LastModifiedOn":"/Date(1764460800000)/"}',
  ),
);
const product = RawProductSchema.parse(
  JSON.parse(
    '{"Guid":"p1","ProductCode":"FG-CHAIR-OAK","ProductDescription":"Oak chair","MinStockAlertLevel":5.0,"MaxStockAlertLevel":50.0,"ReOrderPoint":null,"Obsolete":false,"InventoryDetails":[{"WarehouseCode":"EAST","MinStockAlertLevel":null,"ReOrderPoint":8.0}],"LastModifiedOn":"/Date(1764460800000)/"}',
  ),
);

describe('jsonDecimal', () => {
  it.each([
    [1755.0, '1755'],
    [7.3125, '7.3125'],
    [0.1, '0.1'],
    [-0, '0'],
    [-14.25, '-14.25'],
    [1e-7, '0.0000001'],
    [123456789.125, '123456789.125'],
  ])('%p -> %s', (value, text) => expect(jsonDecimal(value)).toBe(text));

  it('refuses what it cannot write exactly', () => {
    expect(() => jsonDecimal(Number.NaN)).toThrow(MalformedResponseError);
    expect(() => jsonDecimal(1e21)).toThrow(MalformedResponseError);
  });
});

describe('mappers', () => {
  it('maps a stock-on-hand row with exact quantities and value', () => {
    expect(mapStockOnHand(stockRow)).toEqual({
      productCode: 'WID-BLU-M',
      productDescription: 'Widget, Blue, M',
      warehouseCode: 'MAIN',
      onHand: '240.5',
      allocated: '14',
      available: '226.5',
      value: '1758.65625',
      lastModifiedOn: new Date('2025-11-30T00:00:00Z'),
    });
  });

  it('maps an assembly with its status and UTC due date', () => {
    expect(mapAssembly(assembly)).toEqual({
      externalId: 'a1b2',
      assemblyNumber: 'ASM-00012',
      status: 'InProgress',
      productCode: 'FG-CHAIR-OAK',
      quantity: '12.5',
      dueDate: '2025-12-01',
    });
    expect(mapAssembly({ ...assembly, AssembleBy: null }).dueDate).toBeNull();
  });

  it.each([
    ['Parked', 'Parked'],
    ['Planned', 'Planned'],
    ['In Progress', 'InProgress'],
    ['InProgress', 'InProgress'],
    ['Completed', 'Completed'],
    ['Cancelled', 'Cancelled'],
  ])('status %s is %s', (raw, status) => expect(assemblyStatus(raw)).toBe(status));

  it('never files an unknown status under another', () => {
    expect(() => assemblyStatus('Exploded')).toThrow(MalformedResponseError);
  });

  it('maps product stock levels, null where unset, per warehouse where present', () => {
    expect(mapProductLevels(product)).toEqual({
      productCode: 'FG-CHAIR-OAK',
      obsolete: false,
      reorderPoint: null,
      minStockAlertLevel: '5',
      warehouses: [{ warehouseCode: 'EAST', reorderPoint: '8', minStockAlertLevel: null }],
    });
  });
});
