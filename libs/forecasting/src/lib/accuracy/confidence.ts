import type { BacktestAccuracy, Confidence } from '../types';

/**
 * Confidence from the rolling-origin backtest (documented in docs/benchmarks.md):
 * - high: MASE < 0.8, the method's backtest MAE below seasonal naive's from the same origins (relativeMae < 1),
 *   80 % coverage within 0.10 of 0.80 and 95 % coverage >= 0.85;
 * - medium: MASE < 1 and 80 % coverage within 0.20 of 0.80;
 * - low: anything else; unknown: no backtest figures (history too short, or no seasonal variation to scale by).
 */
export function confidenceOf(accuracy: BacktestAccuracy): Confidence {
  const { mase, relativeMae, coverage80, coverage95 } = accuracy;
  if (mase === null || coverage80 === null || coverage95 === null) return 'unknown';
  const gap80 = Math.abs(coverage80 - 0.8);
  const beatsBaseline = relativeMae !== null && relativeMae < 1;
  if (mase < 0.8 && beatsBaseline && gap80 <= 0.1 && coverage95 >= 0.85) return 'high';
  if (mase < 1 && gap80 <= 0.2) return 'medium';
  return 'low';
}
