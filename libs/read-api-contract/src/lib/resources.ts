/** Every resource the dashboard reads, each served at `GET /api/<resource>` on the all-in-one origin. */
export const READ_RESOURCES = ['integrations', 'sales', 'working-capital', 'inventory', 'production', 'forecasts', 'forecast-jobs'] as const;

export type ReadResource = (typeof READ_RESOURCES)[number];

/** The path a resource is read from: `readPath('sales')` is `/api/sales`. */
export function readPath(resource: ReadResource): `/api/${ReadResource}` {
  return `/api/${resource}`;
}

export function isReadResource(value: string): value is ReadResource {
  return (READ_RESOURCES as readonly string[]).includes(value);
}
