import { STATIC_CHANNELS } from '@ops/sse-events';

/**
 * The channels the page listens on: every static one, since its sections cover finance, sales, inventory,
 * production, forecasts and admin errors. A forecast job's own channel is added while it runs.
 */
export const PAGE_CHANNELS: readonly string[] = [...STATIC_CHANNELS];
