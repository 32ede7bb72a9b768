import type { SandboxAssembly, SandboxProduct, SandboxStockLine } from './unleashed-dataset';

const quarters = (q: number) => q / 4;
const cents = (c: number) => c / 100;
const dotnetDate = (ms: number) => `/Date(${ms})/`;
const optionalQ = (q: number | null) => (q === null ? null : quarters(q));

/** A product as `GET /Products` writes it. */
export function productJson(p: SandboxProduct): Record<string, unknown> {
  return {
    Guid: p.guid,
    ProductCode: p.code,
    ProductDescription: p.description,
    UnitOfMeasure: { Name: 'EA' },
    MinStockAlertLevel: optionalQ(p.minStockAlertLevelQ),
    MaxStockAlertLevel: null,
    ReOrderPoint: optionalQ(p.reorderPointQ),
    InventoryDetails: p.warehouses.map((w) => ({
      WarehouseCode: w.warehouseCode,
      MinStockAlertLevel: optionalQ(w.minStockAlertLevelQ),
      ReOrderPoint: optionalQ(w.reorderPointQ),
    })),
    IsAssembledProduct: false,
    Obsolete: p.obsolete,
    LastModifiedOn: dotnetDate(p.modifiedMs),
  };
}

/** A line as `GET /StockOnHand` writes it (AvailableQty = on hand - allocated: no auto-assembly here). */
export function stockJson(s: SandboxStockLine, warehouseName: string): Record<string, unknown> {
  return {
    Guid: s.productGuid,
    ProductGuid: s.productGuid,
    ProductCode: s.productCode,
    ProductDescription: null,
    ProductGroupName: null,
    ProductSourceId: null,
    WarehouseId: null,
    WarehouseCode: s.warehouseCode,
    Warehouse: warehouseName,
    DaysSinceLastSale: null,
    OnPurchase: 0,
    AllocatedQty: quarters(s.allocatedQ),
    AvailableQty: quarters(s.onHandQ - s.allocatedQ),
    QtyOnHand: quarters(s.onHandQ),
    AvgCost: s.onHandQ === 0 ? 0 : Math.round((s.totalCostCents / 100 / (s.onHandQ / 4)) * 10000) / 10000,
    TotalCost: cents(s.totalCostCents),
    LastModifiedOn: dotnetDate(s.modifiedMs),
  };
}

/** A job as `GET /Assemblies` writes it. */
export function assemblyJson(a: SandboxAssembly): Record<string, unknown> {
  return {
    Guid: a.guid,
    AssemblyNumber: a.number,
    AssemblyDate: dotnetDate(a.modifiedMs),
    AssembleBy: a.assembleByMs === null ? null : dotnetDate(a.assembleByMs),
    AssemblyStatus: a.status,
    AssemblyType: 'Assembly',
    Quantity: quarters(a.quantityQ),
    Product: { ProductCode: a.productCode, ProductDescription: null },
    SourceWarehouse: { WarehouseCode: 'MAIN' },
    DestinationWarehouse: { WarehouseCode: 'MAIN' },
    LastModifiedOn: dotnetDate(a.modifiedMs),
  };
}
