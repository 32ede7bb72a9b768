import { createHmac } from 'node:crypto';

import { SANDBOX_SYSTEMS } from './sandbox-systems';
import { unleashedSystem } from './unleashed.system';

describe('the unleashed sandbox system', () => {
  it('is one of the systems `npm run sandbox` starts', () => {
    expect(SANDBOX_SYSTEMS.map((s) => s.name)).toContain('unleashed');
  });

  it('starts on a free port with --port=0 and describes itself in its manifest entry', async () => {
    const started = await unleashedSystem.start(['--port=0', '--reference-date=2026-12-01T00:00:00Z'], {});
    try {
      const { endpoint, apiId, apiKey, changesUrl } = started.manifest;
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(endpoint).not.toBe('http://127.0.0.1:8770');
      expect(changesUrl).toBe(`${endpoint}/_sandbox/changes`);
      expect(started.lines.join('\n')).toMatch(/SANDBOX DATA[\s\S]*40 products/);
      const query = 'pageSize=1';
      const signed = await fetch(`${endpoint}/StockOnHand/1?${query}`, {
        headers: { 'api-auth-id': apiId, 'api-auth-signature': createHmac('sha256', apiKey).update(query).digest('base64') },
      });
      expect(signed.status).toBe(200);
      expect(((await signed.json()) as { Pagination: { PageSize: number } }).Pagination.PageSize).toBe(1);
      const changes = await fetch(changesUrl, { method: 'POST' });
      expect(((await changes.json()) as { changedPairs: string[] }).changedPairs.length).toBeGreaterThan(0);
    } finally {
      await started.close();
    }
  });

  it('refuses a bad port or date before listening', async () => {
    await expect(unleashedSystem.start(['--unleashed-port=99999'], {})).rejects.toThrow('unleashed-port');
    await expect(unleashedSystem.start(['--port=0', '--reference-date=soon'], {})).rejects.toThrow('reference-date');
  });
});
