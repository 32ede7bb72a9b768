/**
 * The `data-figure` keys of the page. Browser tests find figures by these, so the shapes are fixed:
 * `sales.<system>.<account>.<field>`, `sales.<system>.<account>.<period>.<field>`,
 * `working-capital.<tenantId>.<field>`, `inventory.<system>.<account>.<field>`, `production.<account>.<field>`.
 */
export const SALES_PERIODS = ['today', 'last7Days', 'last30Days'] as const;
export type SalesPeriod = (typeof SALES_PERIODS)[number];

export function salesKey(system: string, account: string, field: string): string {
  return `sales.${system}.${account}.${field}`;
}

export function salesPeriodKey(system: string, account: string, period: SalesPeriod, field: string): string {
  return `sales.${system}.${account}.${period}.${field}`;
}

export function workingCapitalKey(tenantId: string, field: string): string {
  return `working-capital.${tenantId}.${field}`;
}

export function inventoryKey(system: string, account: string, field: string): string {
  return `inventory.${system}.${account}.${field}`;
}

export function productionKey(account: string, field: string): string {
  return `production.${account}.${field}`;
}
