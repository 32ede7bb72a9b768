import { forecastStatusText, progressPercent, type ForecastJobState } from '../lib/forecast-job.state';

/** The live progress bar of the job the page follows, and its status line (ending "complete" when done). */
export function ForecastProgress({ state }: { state: ForecastJobState }) {
  const percent = progressPercent(state);
  const status = forecastStatusText(state);
  return (
    <div className="forecast-progress" data-state={state.phase}>
      <div
        className="progress"
        role="progressbar"
        aria-label="Forecast progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p data-testid="forecast-status" className={state.phase === 'failed' ? 'error-text' : undefined} aria-live="polite">
        {status}
      </p>
    </div>
  );
}
