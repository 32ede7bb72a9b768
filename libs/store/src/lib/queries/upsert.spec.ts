import { chunk, lastPerKey, upsertInChunks } from './upsert';

describe('upsert helpers', () => {
  it('chunks rows, keeping order; an empty list gives no chunks', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });

  it('keeps the last row per key in first-seen order', () => {
    const rows = [
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'a', value: 3 },
    ];
    expect(lastPerKey(rows, (row) => row.key)).toEqual([
      { key: 'a', value: 3 },
      { key: 'b', value: 2 },
    ]);
  });

  it('totals inserted, updated and skipped rows over chunks of 500', async () => {
    const sizes: number[] = [];
    const rows = Array.from({ length: 1_200 }, (_, index) => index);
    const result = await upsertInChunks(rows, async (part) => {
      sizes.push(part.length);
      return part.filter((row) => row % 3 !== 0).map((row) => ({ inserted: row % 2 === 0 }));
    });
    expect(sizes).toEqual([500, 500, 200]);
    expect(result).toEqual({ inserted: 400, updated: 400, skipped: 400 });
  });
});
