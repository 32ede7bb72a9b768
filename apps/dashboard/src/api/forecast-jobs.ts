import { ForecastJobCreatedResponseSchema, ForecastJobResponseSchema, type ForecastJobCreatedResponse, type ForecastJobResponse } from '@ops/read-api-contract';

import { fetchJson } from './fetch-json';

/** `POST /api/forecast-jobs`: starts a job over every SKU and channel, or joins the one running for the same scope. */
export function startForecastJob(horizonDays: number): Promise<ForecastJobCreatedResponse> {
  return fetchJson('/api/forecast-jobs', ForecastJobCreatedResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ horizonDays }),
  });
}

/** `GET /api/forecast-jobs/{jobId}`: the job's status and progress now. */
export function readForecastJob(jobId: string, signal?: AbortSignal): Promise<ForecastJobResponse> {
  return fetchJson(`/api/forecast-jobs/${encodeURIComponent(jobId)}`, ForecastJobResponseSchema, { signal });
}
