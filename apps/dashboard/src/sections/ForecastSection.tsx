import { ForecastsResponseSchema } from '@ops/read-api-contract';
import { useEffect, useId, useState } from 'react';

import { Card } from '../components/Card';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { useForecastJob } from '../hooks/use-forecast-job';
import { useReadQuery } from '../hooks/use-read-query';
import { ForecastProgress } from './ForecastProgress';
import { ForecastResults } from './ForecastResults';

const HORIZONS = [7, 14, 28, 56, 90] as const;

/** Demand forecasts: start a job, watch it run, and compare forecast with history per SKU. */
export function ForecastSection() {
  const query = useReadQuery('forecasts', ForecastsResponseSchema);
  const job = useForecastJob();
  const horizonId = useId();
  const [horizonDays, setHorizonDays] = useState<number>(28);
  const activeJob = query.data?.activeJob ?? null;
  const { follow } = job;

  useEffect(() => {
    if (activeJob) follow(activeJob);
  }, [activeJob, follow]);

  const busy = job.state.phase === 'starting' || job.state.phase === 'running';
  return (
    <Section title="Demand forecast" className="section-wide" testId="forecast">
      <Card title="Forecast jobs" sandbox={query.data?.source.environment === 'sandbox'} className="card-wide">
        <form
          className="forecast-controls"
          onSubmit={(event) => {
            event.preventDefault();
            job.start(horizonDays);
          }}
        >
          <div className="field">
            <label htmlFor={horizonId}>Horizon</label>
            <select id={horizonId} value={horizonDays} onChange={(event) => setHorizonDays(Number(event.target.value))}>
              {HORIZONS.map((days) => (
                <option key={days} value={days}>
                  {days} days
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={busy}>
            Run forecast
          </button>
        </form>
        <ForecastProgress state={job.state} />
        <QueryState query={query} what="forecasts">
          {(response) => <ForecastResults latest={response.latest} />}
        </QueryState>
      </Card>
    </Section>
  );
}
