import { jobChannel } from '@ops/sse-events';
import { useCallback, useEffect, useReducer } from 'react';

import { readForecastJob, startForecastJob } from '../api/forecast-jobs';
import { forecastJobReducer, IDLE_FORECAST_JOB, type ForecastJobAction, type ForecastJobState } from '../lib/forecast-job.state';
import { useLive } from '../live/live-context';

export interface ForecastJobControl {
  state: ForecastJobState;
  start(horizonDays: number): void;
  /** Follows a job that was already running when the page opened; does nothing once the page has a job. */
  follow(job: { jobId: string; progress: number; stage: string | null }): void;
}

/**
 * Starts forecast jobs and follows the current one live: its `job:{jobId}` channel is subscribed while it
 * runs, and its status is read once after subscribing, which covers events sent before the subscription.
 */
export function useForecastJob(): ForecastJobControl {
  const { client } = useLive();
  const [state, dispatch] = useReducer(forecastJobReducer, IDLE_FORECAST_JOB);

  useEffect(() => {
    const stops = [
      client.on('forecast:progress', ({ payload }) => dispatch({ kind: 'progress', payload })),
      client.on('forecast:complete', ({ payload }) => dispatch({ kind: 'complete', payload })),
      client.on('forecast:error', ({ payload }) => dispatch({ kind: 'error', payload })),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client]);

  const runningJobId = state.phase === 'running' ? state.jobId : null;
  useEffect(() => {
    if (!runningJobId) return undefined;
    const unsubscribe = client.subscribe([jobChannel(runningJobId)]);
    const abort = new AbortController();
    readForecastJob(runningJobId, abort.signal)
      .then((job) => dispatch(snapshotOf(job)))
      // The stream still carries the job's events; a failed status read only loses the head start.
      .catch(() => undefined);
    return () => {
      abort.abort();
      unsubscribe();
    };
  }, [client, runningJobId]);

  const start = useCallback((horizonDays: number) => {
    dispatch({ kind: 'requested' });
    startForecastJob(horizonDays).then(
      (created) => dispatch({ kind: 'accepted', jobId: created.jobId }),
      (error: Error) => dispatch({ kind: 'request_failed', message: error.message }),
    );
  }, []);

  const follow = useCallback<ForecastJobControl['follow']>((job) => dispatch({ kind: 'follow', ...job }), []);

  return { state, start, follow };
}

function snapshotOf(job: Awaited<ReturnType<typeof readForecastJob>>): ForecastJobAction {
  return {
    kind: 'snapshot',
    jobId: job.jobId,
    status: job.status,
    progress: job.progress,
    stage: job.stage,
    error: job.error,
    forecastSkus: job.summary?.skus.forecast ?? null,
    insufficientHistory: job.summary?.skus.insufficient_history ?? null,
  };
}
