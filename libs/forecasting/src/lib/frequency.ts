import type { Frequency } from './types';

export interface FrequencyRule {
  /** Default season length (periods per seasonal cycle). */
  seasonLength: number;
  /** Shortest history forecast at all; shorter series get `insufficient_history`. */
  minimumLength: number;
  description: string;
  /** Default estimation window (most recent observations); undefined means the whole history. */
  estimationWindow?: number;
}

/** Per-frequency defaults; the minimum is about eight weeks of daily data and comparable spans otherwise. */
export const FREQUENCY_RULES: Record<Frequency, FrequencyRule> = {
  day: { seasonLength: 7, minimumLength: 56, description: '8 weeks of daily data', estimationWindow: 182 },
  week: { seasonLength: 52, minimumLength: 26, description: '26 weeks of weekly data' },
  month: { seasonLength: 12, minimumLength: 24, description: '2 years of monthly data' },
  quarter: { seasonLength: 4, minimumLength: 12, description: '3 years of quarterly data' },
};

export const FREQUENCIES = Object.keys(FREQUENCY_RULES) as Frequency[];

export function isFrequency(value: string): value is Frequency {
  return (FREQUENCIES as string[]).includes(value);
}
