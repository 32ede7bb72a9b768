import { parseOrderSearch } from './order-search';

const s = (iso: string) => Date.parse(iso) / 1000;
const MAX = Number.MAX_SAFE_INTEGER;

describe('parseOrderSearch', () => {
  it.each([
    ["updated_at:>'2026-01-01T00:00:00Z'", { updated: { lo: s('2026-01-01T00:00:00Z') + 1, hi: MAX } }],
    ["updated_at:>='2026-01-01T00:00:00Z'", { updated: { lo: s('2026-01-01T00:00:00Z'), hi: MAX } }],
    ['updated_at:<2026-01-01T00:00:00Z', { updated: { lo: 0, hi: s('2026-01-01T00:00:00Z') - 1 } }],
    ['created_at:<=2026-01-01', { created: { lo: 0, hi: s('2026-01-01T00:00:00Z') } }],
    [
      "updated_at:>='2025-11-01T00:00:00Z' AND updated_at:<'2025-12-01T00:00:00Z'",
      { updated: { lo: s('2025-11-01T00:00:00Z'), hi: s('2025-12-01T00:00:00Z') - 1 } },
    ],
    ['processed_at:>=2026-05-01 status:any', { created: { lo: s('2026-05-01T00:00:00Z'), hi: MAX }, status: 'any' }],
    ['', {}],
  ])('%s', (query, filter) => {
    expect(parseOrderSearch(query).filter).toEqual(filter);
  });

  it('ignores unsupported terms with a warning, like Shopify', () => {
    const { filter, warnings } = parseOrderSearch('email:bob@example.com OR updated_at:nope');
    expect(filter).toEqual({});
    expect(warnings.map((w) => w.field)).toEqual(['email', 'OR', 'updated_at']);
  });
});
