import type { ForecastsResponse } from '@ops/read-api-contract';
import { useId, useState } from 'react';

import { StatusNote } from '../components/StatusNote';
import { formatCount, formatInstant, formatRatio, formatShare } from '../lib/format';
import { ForecastChart } from './ForecastChart';

type Latest = ForecastsResponse['latest'];

/** The latest finished job: its counts, a SKU picker and that SKU's chart and accuracy. */
export function ForecastResults({ latest }: { latest: Latest }) {
  const selectId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  if (latest.status === 'no_data') return <StatusNote state="no_data">No forecast yet: {latest.reason}</StatusNote>;
  if (latest.skus.total === 0) {
    return <StatusNote state="empty">The latest forecast job found no sales history to forecast from; run one once sales have synced.</StatusNote>;
  }
  if (latest.forecasts.length === 0) {
    return (
      <StatusNote state="empty">
        The latest job forecast no SKU ({formatCount(latest.skus.insufficient_history)} of {formatCount(latest.skus.total)} had too little history).
      </StatusNote>
    );
  }
  const entry = latest.forecasts.find((f) => f.sku === chosen) ?? latest.forecasts[0];
  const { accuracy } = entry;
  return (
    <div className="forecast-results">
      <p className="card-subtitle">
        Job {latest.jobId} ({latest.trigger}), finished <time dateTime={latest.finishedAt}>{formatInstant(latest.finishedAt)}</time>:{' '}
        {formatCount(latest.skus.forecast)} SKUs forecast {latest.horizonDays} days ahead, {formatCount(latest.skus.insufficient_history)} with too
        little history{latest.truncated ? `; the ${latest.forecasts.length} with the largest demand shown` : ''}.
      </p>
      <div className="field">
        <label htmlFor={selectId}>SKU</label>
        <select id={selectId} value={entry.sku} onChange={(event) => setChosen(event.target.value)}>
          {latest.forecasts.map((f) => (
            <option key={f.sku} value={f.sku}>
              {f.sku}
            </option>
          ))}
        </select>
      </div>
      <ForecastChart entry={entry} />
      <p className="muted small">
        {entry.model}, confidence {entry.confidence}
        {accuracy.mase !== null && `, MASE ${formatRatio(accuracy.mase)}`}
        {accuracy.coverage80 !== null && `, 80% interval held ${formatShare(accuracy.coverage80)} of backtest days`}
        {accuracy.reason && ` (${accuracy.reason})`}
      </p>
    </div>
  );
}
