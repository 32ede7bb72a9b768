import type { EventPayload } from '@ops/sse-events';

import { forecastJobReducer, forecastStatusText, IDLE_FORECAST_JOB, progressPercent, type ForecastJobState } from './forecast-job.state';

const running: ForecastJobState = { phase: 'running', jobId: 'fc-1', progress: 0, stage: null };
const progress = (p: number, jobId = 'fc-1'): EventPayload<'forecast:progress'> => ({ jobId, stage: 'fitting', progress: p });
const complete: EventPayload<'forecast:complete'> = {
  jobId: 'fc-1',
  horizonDays: 28,
  historyThrough: '2026-11-25',
  skus: { total: 3, forecast: 2, insufficient_history: 1 },
  forecasts: [],
  truncated: true,
  resultPath: '/api/forecast-jobs/fc-1',
};

describe('forecastJobReducer', () => {
  it('goes from a request to a running job, then to complete', () => {
    let state = forecastJobReducer(IDLE_FORECAST_JOB, { kind: 'requested' });
    state = forecastJobReducer(state, { kind: 'accepted', jobId: 'fc-1' });
    expect(state).toEqual(running);
    state = forecastJobReducer(state, { kind: 'progress', payload: progress(0.4) });
    expect(progressPercent(state)).toBe(40);
    state = forecastJobReducer(state, { kind: 'complete', payload: complete });
    expect(progressPercent(state)).toBe(100);
    expect(forecastStatusText(state)).toMatch(/complete$/);
  });

  it('never moves progress backwards and ignores other jobs', () => {
    let state = forecastJobReducer(running, { kind: 'progress', payload: progress(0.6) });
    state = forecastJobReducer(state, { kind: 'progress', payload: progress(0.5) });
    state = forecastJobReducer(state, { kind: 'progress', payload: progress(0.9, 'fc-other') });
    expect(progressPercent(state)).toBe(60);
  });

  it('ignores events once the job has finished', () => {
    const done = forecastJobReducer(running, { kind: 'complete', payload: complete });
    expect(forecastJobReducer(done, { kind: 'progress', payload: progress(0.2) })).toBe(done);
  });

  it('reports a failed job with its message, keeping the progress reached', () => {
    let state = forecastJobReducer(running, { kind: 'progress', payload: progress(0.3) });
    state = forecastJobReducer(state, { kind: 'error', payload: { jobId: 'fc-1', error: { code: 'cancelled', message: 'cancelled by user' } } });
    expect(state).toEqual({ phase: 'failed', jobId: 'fc-1', progress: 0.3, message: 'cancelled by user' });
    expect(forecastStatusText(state)).toBe('Forecast failed: cancelled by user');
  });

  it('takes a finished snapshot as completion (the events came before the page subscribed)', () => {
    const state = forecastJobReducer(running, {
      kind: 'snapshot',
      jobId: 'fc-1',
      status: 'succeeded',
      progress: 1,
      stage: 'saving',
      error: null,
      forecastSkus: 2,
      insufficientHistory: 1,
    });
    expect(state).toEqual({ phase: 'complete', jobId: 'fc-1', progress: 1, forecastSkus: 2, insufficientHistory: 1 });
  });

  it('follows a job already running only when it has none of its own', () => {
    const follow = { kind: 'follow', jobId: 'fc-2', progress: 0.25, stage: 'fitting' } as const;
    expect(forecastJobReducer(IDLE_FORECAST_JOB, follow)).toEqual({ phase: 'running', jobId: 'fc-2', progress: 0.25, stage: 'fitting' });
    expect(forecastJobReducer(running, follow)).toBe(running);
  });

  it('reports a request the API refused', () => {
    const state = forecastJobReducer({ phase: 'starting' }, { kind: 'request_failed', message: 'HTTP 400: invalid forecast job' });
    expect(forecastStatusText(state)).toBe('Forecast failed: HTTP 400: invalid forecast job');
    expect(progressPercent(state)).toBe(0);
  });
});
