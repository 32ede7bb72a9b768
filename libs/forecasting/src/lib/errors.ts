/** Thrown by forecastMany when its AbortSignal fires; checked between series, so the series in hand finishes first. */
export class ForecastCancelledError extends Error {
  readonly code = 'cancelled';
  /** Series steps finished before the stop (fitting steps, then backtesting steps). */
  constructor(readonly completedSteps: number) {
    super(`forecast cancelled after ${completedSteps} series steps`);
    this.name = 'ForecastCancelledError';
  }
}

/** Bad input to the library (non-finite values, horizon out of range, unknown frequency). */
export class ForecastInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastInputError';
  }
}
