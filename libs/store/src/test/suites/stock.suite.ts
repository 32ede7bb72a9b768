import type { Database } from '../../lib/database/database.types';
import { getInventorySnapshot, replaceInventorySnapshot } from '../../lib/queries/inventory.queries';
import {
  listAssemblyJobs,
  listForecasts,
  saveForecast,
  upsertAssemblyJobs,
} from '../../lib/queries/production.queries';

/** Inventory snapshots, assembly jobs and forecasts. */
export function stockSuite(database: () => Database): void {
  describe('stock and production', () => {
    it('replaces an inventory snapshot and returns the previous quantities', async () => {
      const { db } = database();
      const observedAt = new Date('2025-03-01T12:00:00Z');
      const first = await replaceInventorySnapshot(db, 'amazon', 'eu', [
        { sku: 'A', location: 'FBA-UK', quantity: '10', observedAt },
        { sku: 'B', location: 'FBA-UK', quantity: '2.5', observedAt },
      ]);
      expect(first).toEqual([]);

      const later = new Date('2025-03-01T13:00:00Z');
      const previous = await replaceInventorySnapshot(db, 'amazon', 'eu', [
        { sku: 'A', location: 'FBA-UK', quantity: '7', observedAt: later },
        { sku: 'C', location: 'FBA-DE', quantity: '1', observedAt: later },
        { sku: 'C', location: 'FBA-DE', quantity: '4', observedAt: later },
      ]);
      expect(previous).toEqual([
        { sku: 'A', location: 'FBA-UK', quantity: '10', observedAt },
        { sku: 'B', location: 'FBA-UK', quantity: '2.5', observedAt },
      ]);
      expect(await getInventorySnapshot(db, 'amazon', 'eu')).toEqual([
        { sku: 'A', location: 'FBA-UK', quantity: '7', observedAt: later },
        { sku: 'C', location: 'FBA-DE', quantity: '4', observedAt: later },
      ]);
      expect(await getInventorySnapshot(db, 'amazon', 'us')).toEqual([]);
    });

    it('upserts assembly jobs by external id', async () => {
      const { db } = database();
      const job = {
        integration: 'unleashed',
        accountId: 'org',
        externalId: 'AJ-1',
        productCode: 'KIT-1',
        quantity: '5',
        dueDate: '2025-04-01',
      };
      await upsertAssemblyJobs(db, [
        { ...job, status: 'Planned' },
        { ...job, externalId: 'AJ-2', status: 'Planned', dueDate: null },
      ]);
      const result = await upsertAssemblyJobs(db, [{ ...job, status: 'Completed' }]);
      expect(result).toEqual({ inserted: 0, updated: 1, skipped: 0 });
      const jobs = await listAssemblyJobs(db, 'unleashed', 'org');
      expect(jobs.map((row) => [row.externalId, row.status, row.dueDate])).toEqual([
        ['AJ-1', 'Completed', '2025-04-01'],
        ['AJ-2', 'Planned', null],
      ]);
    });

    it('saves one forecast per job and SKU, replacing on a second save', async () => {
      const { db } = database();
      const points = [{ date: '2025-04-01', quantity: '12.5', lower: '10', upper: '15' }];
      await saveForecast(db, { jobId: 'job-1', sku: 'B', horizonDays: 7, points });
      await saveForecast(db, { jobId: 'job-1', sku: 'A', horizonDays: 7, points: [] });
      await saveForecast(db, { jobId: 'job-1', sku: 'A', horizonDays: 14, points });
      const saved = await listForecasts(db, 'job-1');
      expect(saved.map((row) => [row.sku, row.horizonDays, row.points])).toEqual([
        ['A', 14, points],
        ['B', 7, points],
      ]);
      expect(await listForecasts(db, 'job-unknown')).toEqual([]);
    });
  });
}
