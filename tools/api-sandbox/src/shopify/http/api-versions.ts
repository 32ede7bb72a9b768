/** Stable Admin API versions the sandbox serves (2025-10 .. 2026-10) plus `unstable`. */
export const SUPPORTED_API_VERSIONS = ['2025-10', '2026-01', '2026-04', '2026-07', '2026-10'] as const;

/**
 * The version a request is served with: a supported one as is, a retired one "falls forward"
 * to the oldest supported (as Shopify does), anything else (future or malformed) is undefined (404).
 */
export function resolveApiVersion(requested: string): string | undefined {
  if (requested === 'unstable') return requested;
  if ((SUPPORTED_API_VERSIONS as readonly string[]).includes(requested)) return requested;
  if (!/^\d{4}-(01|04|07|10)$/.test(requested)) return undefined;
  const oldest = SUPPORTED_API_VERSIONS[0];
  return requested < oldest ? oldest : undefined;
}
