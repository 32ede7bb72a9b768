import { RestoringBucket } from './restoring-bucket';

describe('RestoringBucket', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 0));

  it('refills at the restore rate up to capacity', () => {
    const bucket = new RestoringBucket({ available: 100, capacity: 2000, restorePerSecond: 100 }, clock);
    now = 5_000;
    expect(bucket.available()).toBe(600);
    now = 60_000;
    expect(bucket.available()).toBe(2000);
  });

  it('says how long to wait for a query cost, from the API-reported state', () => {
    const bucket = new RestoringBucket({ available: 2000, capacity: 2000, restorePerSecond: 100 }, clock);
    bucket.update({ available: 50 }); // e.g. extensions.cost.throttleStatus.currentlyAvailable
    expect(bucket.delayFor(352)).toBe(3_020);
    now = 3_020;
    expect(bucket.delayFor(352)).toBe(0);
  });

  it('deducts spent cost until the next report corrects it', () => {
    const bucket = new RestoringBucket({ available: 1000, capacity: 1000, restorePerSecond: 50 }, clock);
    bucket.spend(900);
    expect(bucket.available()).toBe(100);
    bucket.update({ available: 400 });
    expect(bucket.available()).toBe(400);
  });

  it('never waits for more than the capacity and reports forever when nothing restores', () => {
    const bucket = new RestoringBucket({ available: 0, capacity: 40, restorePerSecond: 2 }, clock);
    expect(bucket.delayFor(1000)).toBe(20_000);
    bucket.update({ restorePerSecond: 0 });
    expect(bucket.delayFor(1)).toBe(Number.POSITIVE_INFINITY);
  });
});
