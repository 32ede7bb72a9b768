import { fetchJson, MalformedResponseError, type RetryHooks, withRetry } from '@ops/sync-core';

export interface XeroTenantRef {
  tenantId: string;
  tenantName: string;
}

interface ConnectionWire {
  tenantId?: unknown;
  tenantName?: unknown;
  tenantType?: unknown;
}

/** `GET /connections`: the organisations the grant reaches (tenant type ORGANISATION only). */
export async function listTenants(
  url: string,
  authorized: <T>(call: (accessToken: string) => Promise<T>) => Promise<T>,
  hooks: RetryHooks = {},
): Promise<XeroTenantRef[]> {
  const { body } = await withRetry(
    () =>
      authorized((accessToken) =>
        fetchJson<ConnectionWire[]>(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, timeoutMs: 20_000 }),
      ),
    undefined,
    hooks,
  );
  if (!Array.isArray(body)) throw new MalformedResponseError('GET /connections: not an array');
  return body
    .filter((c) => c.tenantType === undefined || c.tenantType === 'ORGANISATION')
    .map((c) => {
      if (typeof c.tenantId !== 'string') throw new MalformedResponseError('GET /connections: an entry without tenantId');
      return { tenantId: c.tenantId, tenantName: typeof c.tenantName === 'string' ? c.tenantName : '' };
    });
}
