import { sql, type SQL } from 'drizzle-orm';

import type { Executor } from '../database/database.types';

export interface SalesHistoryOptions {
  /** IANA zone whose calendar days the units are counted in (`Europe/London`). */
  timeZone: string;
  /** Last day counted, `YYYY-MM-DD` in `timeZone` (inclusive). Sales after it are left out. */
  through: string;
  /** Only these SKUs; default every SKU sold. */
  skus?: readonly string[];
  /** Only these integrations (`shopify`, `amazon`); default every channel. */
  sources?: readonly string[];
  /** SKUs per query (keyset page by SKU). Default 200. */
  pageSize?: number;
}

/** One SKU's daily units sold, from its first sale to `through`, days without sales as 0. */
export interface SkuDailySales {
  sku: string;
  /** First day with a sale (`YYYY-MM-DD`). */
  from: string;
  through: string;
  /** Units per day, `from` first; net of refunded units, never below zero. */
  units: number[];
}

type Row = { sku: string; first_day: string; days: number | string; sales: string };

/**
 * Streams daily units sold per SKU from the stored orders of every channel, computed in SQL and
 * fetched one keyset page of SKUs at a time (ordered by SKU), so memory holds one page. Test and
 * cancelled orders are excluded, and so are refunded units (`quantity - refunded_quantity` per
 * line, at least 0). An order counts on its creation day in `timeZone`. Lines without a SKU are skipped.
 * @throws when `timeZone` is not a zone the database knows.
 */
export async function* streamDailySalesBySku(tx: Executor, options: SalesHistoryOptions): AsyncGenerator<SkuDailySales> {
  const pageSize = options.pageSize ?? 200;
  let after = '';
  for (;;) {
    const rows = rowsOf<Row>(await tx.execute(pageQuery(options, after, pageSize)));
    for (const row of rows) {
      yield { sku: row.sku, from: String(row.first_day), through: options.through, units: dailyUnits(row) };
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].sku;
  }
}

/** How many SKUs {@link streamDailySalesBySku} yields for the same options. */
export async function countSkusSold(tx: Executor, options: SalesHistoryOptions): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(
    await tx.execute(sql`select count(distinct l.sku) as n ${fromWhere(options, '')}`),
  );
  return Number(rows[0].n);
}

/** Yesterday in `timeZone`, by the database clock: the last full day of sales. */
export async function lastFullDay(tx: Executor, timeZone: string): Promise<string> {
  const rows = rowsOf<{ day: string }>(await tx.execute(sql`select ((now() at time zone ${timeZone})::date - 1)::text as day`));
  return rows[0].day;
}

function fromWhere(options: SalesHistoryOptions, after: string): SQL {
  const filters: SQL[] = [
    sql`o.test = false`,
    sql`o.cancelled_at is null`,
    sql`l.sku is not null`,
    sql`l.sku > ${after}`,
    sql`${localDay(options)} <= ${options.through}::date`,
  ];
  if (options.skus) filters.push(sql`l.sku in (${sql.join(options.skus.map((s) => sql`${s}`), sql`, `)})`);
  if (options.sources) filters.push(sql`o.integration in (${sql.join(options.sources.map((s) => sql`${s}`), sql`, `)})`);
  return sql`from order_lines l
      join orders o on o.integration = l.integration and o.account_id = l.account_id and o.external_id = l.order_external_id
      where ${sql.join(filters, sql` and `)}`;
}

const localDay = (options: SalesHistoryOptions): SQL => sql`(o.created_at at time zone ${options.timeZone})::date`;

function pageQuery(options: SalesHistoryOptions, after: string, pageSize: number): SQL {
  // The page's SKUs first (walks the SKU index and stops after `pageSize`), then only their lines;
  // days without sales are filled in by the reader (a generate_series join per day was far slower on PGlite).
  return sql`
    with page as (
      select distinct l.sku ${fromWhere(options, after)} order by l.sku limit ${pageSize}
    ),
    sold as (
      select l.sku, ${localDay(options)} as day, sum(greatest(l.quantity - l.refunded_quantity, 0)) as units
      ${fromWhere(options, after)} and l.sku in (select sku from page)
      group by 1, 2
    ),
    firsts as (
      select sku, min(day) as first_day from sold group by sku
    )
    select s.sku, f.first_day::text as first_day, (${options.through}::date - f.first_day + 1) as days,
      string_agg((s.day - f.first_day)::text || ':' || s.units::text, ',' order by s.day) as sales
    from sold s
    join firsts f on f.sku = s.sku
    group by s.sku, f.first_day
    order by s.sku`;
}

/** Days without a sale are 0: SQL sends only `offset:units` pairs of days with sales. */
function dailyUnits(row: Row): number[] {
  const units = new Array<number>(Number(row.days)).fill(0);
  for (const pair of row.sales.split(',')) {
    const [offset, value] = pair.split(':');
    units[Number(offset)] = Number(value);
  }
  return units;
}

/** postgres-js answers an array of rows, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
