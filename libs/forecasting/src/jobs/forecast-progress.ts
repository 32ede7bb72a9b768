import type { ForecastStageName } from '@ops/sse-events';

/** Share of a whole job each stage stands for (measured roughly on the bench: fitting and backtesting dominate). */
const STAGE_SPAN: Record<ForecastStageName, [number, number]> = {
  loading_history: [0, 0.1],
  fitting: [0.1, 0.55],
  backtesting: [0.55, 0.9],
  saving: [0.9, 1],
};

/** Progress is reported each time the whole job advances by this much (and at every stage start and end). */
export const PROGRESS_STEP = 0.02;

export interface ProgressReport {
  stage: ForecastStageName;
  /** Of the whole job, 0..1, never decreasing. */
  progress: number;
  done: number;
  total: number;
}

/**
 * Turns per-stage counts into whole-job progress and decides which updates to report: the first of
 * each stage, the last of each stage, and any that moved the job on by {@link PROGRESS_STEP} since
 * the last report. Progress never goes backwards.
 */
export class ProgressTracker {
  private lastReported = -1;
  private lastStage: ForecastStageName | null = null;

  /** The report to send for this update, or null when it is too close to the previous one. */
  update(stage: ForecastStageName, done: number, total: number): ProgressReport | null {
    const [from, to] = STAGE_SPAN[stage];
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const progress = Math.max(this.lastReported, round(from + (to - from) * fraction));
    const stageChanged = stage !== this.lastStage;
    const stageEnd = done >= total;
    if (!stageChanged && !stageEnd && progress - this.lastReported < PROGRESS_STEP - 1e-9) return null;
    if (!stageChanged && stageEnd && progress === this.lastReported) return null;
    this.lastReported = progress;
    this.lastStage = stage;
    return { stage, progress, done, total };
  }
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
