import { ForecastInputError } from '../errors';
import { forecastMany } from '../forecast-many';
import { isFrequency } from '../frequency';
import type { Frequency, SeriesForecast } from '../types';
import { addPeriods } from './calendar';
import { parseSeriesCsv } from './series-csv';

export interface CommandArgs {
  input: string;
  horizon: number;
  frequency: Frequency;
  seasonLength?: number;
}

export interface CommandIo {
  readFile: (path: string) => string;
  writeLine: (line: string) => void;
}

export const USAGE = 'usage: npm run forecast -- --input FILE.csv --horizon H [--frequency day|week|month|quarter] [--season N]';

export function parseArgs(argv: readonly string[]): CommandArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!['--input', '--horizon', '--frequency', '--season'].includes(flag)) throw new ForecastInputError(`unknown argument "${flag}"\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined) throw new ForecastInputError(`${flag} needs a value\n${USAGE}`);
    values.set(flag, value);
  }
  const input = values.get('--input');
  const horizon = Number(values.get('--horizon'));
  const frequency = values.get('--frequency') ?? 'day';
  const season = values.get('--season');
  if (!input) throw new ForecastInputError(`--input is required\n${USAGE}`);
  if (!Number.isInteger(horizon) || horizon < 1) throw new ForecastInputError(`--horizon must be a positive integer\n${USAGE}`);
  if (!isFrequency(frequency)) throw new ForecastInputError(`--frequency must be day, week, month or quarter\n${USAGE}`);
  const seasonLength = season === undefined ? undefined : Number(season);
  if (seasonLength !== undefined && (!Number.isInteger(seasonLength) || seasonLength < 1)) throw new ForecastInputError(`--season must be a positive integer\n${USAGE}`);
  return { input, horizon, frequency, seasonLength };
}

/**
 * Forecasts every series of a `series,date,value` CSV through forecastMany (the jobs' code path) and writes one
 * JSON object a line: each forecast period, then a summary with the chosen model and its backtest accuracy.
 */
export async function runForecastCommand(args: CommandArgs, io: CommandIo): Promise<void> {
  const series = parseSeriesCsv(io.readFile(args.input), args.frequency);
  const results = await forecastMany(
    series.map((s) => ({ id: s.series, values: s.values })),
    { frequency: args.frequency, horizon: args.horizon, seasonLength: args.seasonLength },
  );
  results.forEach(({ result }, i) => {
    const { series: name, dates } = series[i];
    for (const line of outputLines(name, dates[dates.length - 1], args.frequency, result)) io.writeLine(JSON.stringify(line));
  });
}

function outputLines(series: string, lastDate: string, frequency: Frequency, result: SeriesForecast): object[] {
  if (result.status !== 'ok') return [{ series, summary: true, status: result.status, reason: result.reason, history: result.history }];
  const points = result.points.map((p) => ({
    series,
    date: addPeriods(lastDate, frequency, p.step),
    mean: round(p.mean),
    lo80: round(p.lo80),
    hi80: round(p.hi80),
    lo95: round(p.lo95),
    hi95: round(p.hi95),
    method: result.method,
  }));
  const { accuracy } = result;
  const summary = {
    series,
    summary: true,
    status: result.status,
    method: result.method,
    model: result.model,
    parameters: Object.fromEntries(Object.entries(result.parameters).map(([k, v]) => [k, round(v, 6)])),
    mase: accuracy.mase === null ? null : round(accuracy.mase),
    relativeMae: accuracy.relativeMae === null ? null : round(accuracy.relativeMae),
    coverage80: accuracy.coverage80,
    coverage95: accuracy.coverage95,
    backtest: { origins: accuracy.origins, horizon: accuracy.horizon, points: accuracy.points, ...(accuracy.reason ? { reason: accuracy.reason } : {}) },
    confidence: result.confidence,
    history: result.history,
  };
  return [...points, summary];
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
