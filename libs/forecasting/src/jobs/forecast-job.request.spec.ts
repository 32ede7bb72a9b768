import { parseForecastJobRequest, scopeKeyOf } from './forecast-job.request';

describe('parseForecastJobRequest', () => {
  it.each([
    [{}, 'horizonDays'],
    [{ horizonDays: 0 }, 'horizonDays'],
    [{ horizonDays: 181 }, 'horizonDays'],
    [{ horizonDays: 7.5 }, 'horizonDays'],
    [{ horizonDays: 7, skus: [] }, 'skus'],
    [{ horizonDays: 7, skus: ['bad sku'] }, 'skus.0'],
    [{ horizonDays: 7, sources: ['ebay'] }, 'sources.0'],
    [{ horizonDays: 7, extra: 1 }, 'extra'],
    [undefined, 'horizonDays'],
  ])('rejects %j naming %s', (body, field) => {
    const parsed = parseForecastJobRequest(body);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(field);
  });

  it('normalises SKUs and sources so the same work has the same scope key', () => {
    const a = parseForecastJobRequest({ horizonDays: 14, skus: ['B', 'A', 'B'], sources: ['shopify'] });
    const b = parseForecastJobRequest({ horizonDays: 14, skus: ['A', 'B'], sources: ['shopify'] });
    const c = parseForecastJobRequest({ horizonDays: 28, skus: ['A', 'B'], sources: ['shopify'] });
    if (!a.ok || !b.ok || !c.ok) throw new Error('valid requests rejected');
    expect(a.scope).toEqual({ skus: ['A', 'B'], sources: ['shopify'], horizonDays: 14 });
    expect(scopeKeyOf(a.scope)).toBe(scopeKeyOf(b.scope));
    expect(scopeKeyOf(a.scope)).not.toBe(scopeKeyOf(c.scope));
    expect(scopeKeyOf({ skus: null, sources: null, horizonDays: 14 })).not.toBe(scopeKeyOf(a.scope));
  });
});
