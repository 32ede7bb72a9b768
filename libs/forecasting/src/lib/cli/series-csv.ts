import { ForecastInputError } from '../errors';
import type { Frequency } from '../types';
import { periodIndex } from './calendar';

export interface CsvSeries {
  series: string;
  /** ISO dates, ascending, one period apart. */
  dates: string[];
  values: number[];
}

/**
 * Reads `series,date,value` rows (a header line naming those columns first, in any order). Each series must have
 * one row per period with no gaps or duplicates at the given frequency; rows may come in any order.
 */
export function parseSeriesCsv(text: string, frequency: Frequency): CsvSeries[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new ForecastInputError('the CSV is empty');
  const header = splitRow(lines[0]).map((h) => h.toLowerCase());
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new ForecastInputError(`the CSV header must name a "${name}" column (got: ${lines[0]})`);
    return index;
  };
  const [seriesCol, dateCol, valueCol] = [column('series'), column('date'), column('value')];
  const rows = new Map<string, { date: string; index: number; value: number; line: number }[]>();
  lines.slice(1).forEach((line, i) => {
    const cells = splitRow(line);
    const lineNo = i + 2;
    const [series, date, raw] = [cells[seriesCol], cells[dateCol], cells[valueCol]];
    if (series === undefined || date === undefined || raw === undefined) throw new ForecastInputError(`line ${lineNo}: expected series,date,value`);
    const index = periodIndex(date, frequency);
    if (!Number.isInteger(index)) throw new ForecastInputError(`line ${lineNo}: "${date}" is not a YYYY-MM-DD date on a ${frequency} boundary`);
    const value = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(value)) throw new ForecastInputError(`line ${lineNo}: value "${raw}" is not a number`);
    const list = rows.get(series) ?? [];
    if (list.length === 0) rows.set(series, list);
    list.push({ date, index, value, line: lineNo });
  });
  return [...rows.entries()].map(([series, items]) => {
    items.sort((a, b) => a.index - b.index);
    for (let k = 1; k < items.length; k++) {
      const step = items[k].index - items[k - 1].index;
      if (step !== 1) {
        const what = step === 0 ? 'is repeated' : `follows ${items[k - 1].date} after a gap`;
        throw new ForecastInputError(`series "${series}": ${items[k].date} (line ${items[k].line}) ${what}; one row per ${frequency} is required`);
      }
    }
    return { series, dates: items.map((r) => r.date), values: items.map((r) => r.value) };
  });
}

function splitRow(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}
