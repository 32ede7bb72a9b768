import type { EventPayload } from '@ops/sse-events';

/** What the page knows about the forecast job it started. `progress` is a share 0..1 and never goes down. */
export type ForecastJobState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; jobId: string; progress: number; stage: string | null }
  | { phase: 'complete'; jobId: string; progress: 1; forecastSkus: number; insufficientHistory: number }
  | { phase: 'failed'; jobId: string | null; progress: number; message: string };

export type ForecastJobAction =
  | { kind: 'requested' }
  | { kind: 'request_failed'; message: string }
  | { kind: 'accepted'; jobId: string }
  /** A job already running when the page opened (`activeJob` of `GET /api/forecasts`): followed only from idle. */
  | { kind: 'follow'; jobId: string; progress: number; stage: string | null }
  | { kind: 'progress'; payload: EventPayload<'forecast:progress'> }
  | { kind: 'complete'; payload: EventPayload<'forecast:complete'> }
  | { kind: 'error'; payload: EventPayload<'forecast:error'> }
  /** The job as `GET /api/forecast-jobs/{jobId}` reported it (covers events sent before the page subscribed). */
  | { kind: 'snapshot'; jobId: string; status: string; progress: number; stage: string | null; error: { message: string } | null; forecastSkus: number | null; insufficientHistory: number | null };

export const IDLE_FORECAST_JOB: ForecastJobState = { phase: 'idle' };

/** The job the page follows, if any. */
export function forecastJobIdOf(state: ForecastJobState): string | null {
  return state.phase === 'running' || state.phase === 'complete' || state.phase === 'failed' ? state.jobId : null;
}

function progressOf(state: ForecastJobState): number {
  return state.phase === 'running' || state.phase === 'complete' || state.phase === 'failed' ? state.progress : 0;
}

/** Folds job events into the state. Events of other jobs, and anything after the job finished, change nothing. */
export function forecastJobReducer(state: ForecastJobState, action: ForecastJobAction): ForecastJobState {
  switch (action.kind) {
    case 'requested':
      return { phase: 'starting' };
    case 'request_failed':
      return { phase: 'failed', jobId: null, progress: 0, message: action.message };
    case 'accepted':
      return state.phase === 'starting' ? { phase: 'running', jobId: action.jobId, progress: 0, stage: null } : state;
    case 'follow':
      return state.phase === 'idle' ? { phase: 'running', jobId: action.jobId, progress: action.progress, stage: action.stage } : state;
  }
  const jobId = action.kind === 'snapshot' ? action.jobId : action.payload.jobId;
  if (state.phase !== 'running' || jobId !== state.jobId) return state;
  switch (action.kind) {
    case 'progress':
      return { ...state, progress: Math.max(state.progress, action.payload.progress), stage: action.payload.stage };
    case 'complete':
      return {
        phase: 'complete',
        jobId,
        progress: 1,
        forecastSkus: action.payload.skus.forecast,
        insufficientHistory: action.payload.skus.insufficient_history,
      };
    case 'error':
      return { phase: 'failed', jobId, progress: progressOf(state), message: action.payload.error.message };
    case 'snapshot':
      return fromSnapshot(state, action);
  }
}

function fromSnapshot(state: ForecastJobState & { phase: 'running' }, snapshot: ForecastJobAction & { kind: 'snapshot' }): ForecastJobState {
  if (snapshot.status === 'succeeded') {
    return {
      phase: 'complete',
      jobId: snapshot.jobId,
      progress: 1,
      forecastSkus: snapshot.forecastSkus ?? 0,
      insufficientHistory: snapshot.insufficientHistory ?? 0,
    };
  }
  if (snapshot.status === 'failed' || snapshot.status === 'cancelled') {
    return { phase: 'failed', jobId: snapshot.jobId, progress: state.progress, message: snapshot.error?.message ?? `job ${snapshot.status}` };
  }
  return { ...state, progress: Math.max(state.progress, snapshot.progress), stage: snapshot.stage ?? state.stage };
}

/** The progress bar's value, a whole percentage 0..100. */
export function progressPercent(state: ForecastJobState): number {
  return Math.round(progressOf(state) * 100);
}

/** The status line under the bar; it ends in "complete" once the job has finished. */
export function forecastStatusText(state: ForecastJobState): string {
  switch (state.phase) {
    case 'idle':
      return 'No forecast started from this page yet';
    case 'starting':
      return 'Starting forecast job…';
    case 'running':
      return `Job ${state.jobId}: ${state.stage ? state.stage.replace(/_/g, ' ') : 'queued'}, ${progressPercent(state)}%`;
    case 'complete':
      return `Job ${state.jobId}: ${state.forecastSkus} SKUs forecast, ${state.insufficientHistory} with too little history; complete`;
    case 'failed':
      return `Forecast failed: ${state.message}`;
  }
}
