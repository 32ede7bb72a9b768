import type { SeriesResult } from '@ops/forecasting';

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const round = (x: number | null) => (x === null ? null : Number(x.toFixed(3)));

/** Method mix and backtest accuracy per SKU kind. */
export function summarise(results: SeriesResult[], kindOf: (id: string) => string) {
  const groups = new Map<string, SeriesResult[]>();
  for (const r of results) groups.set(kindOf(r.id), [...(groups.get(kindOf(r.id)) ?? []), r]);
  const byKind: Record<string, unknown> = {};
  for (const [kind, items] of groups) {
    const ok = items.flatMap((r) => (r.result.status === 'ok' ? [r.result] : []));
    const models: Record<string, number> = {};
    for (const r of ok) models[r.model] = (models[r.model] ?? 0) + 1;
    const confidence: Record<string, number> = {};
    for (const r of ok) confidence[r.confidence] = (confidence[r.confidence] ?? 0) + 1;
    const points = ok.reduce((a, r) => a + r.accuracy.points, 0);
    const pooled = (key: 'coverage80' | 'coverage95') =>
      points ? ok.reduce((a, r) => a + (r.accuracy[key] ?? 0) * r.accuracy.points, 0) / points : null;
    byKind[kind] = {
      series: items.length,
      models,
      confidence,
      medianMase: round(median(ok.flatMap((r) => (r.accuracy.mase === null ? [] : [r.accuracy.mase])))),
      medianRelativeMae: round(median(ok.flatMap((r) => (r.accuracy.relativeMae === null ? [] : [r.accuracy.relativeMae])))),
      pooledCoverage80: round(pooled('coverage80')),
      pooledCoverage95: round(pooled('coverage95')),
    };
  }
  return { byKind };
}
