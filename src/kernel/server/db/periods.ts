/**
 * Counting over several periods in one grouped query (a figure's twelve months): the index of the period a row falls
 * in, as an SQL expression to select and group by, on both databases. A source that counts a period with a filter on
 * a column (`>= from` and `<= to` on a date, or the China days' instants on a UTC timestamp) counts many periods by
 * selecting this index with the same filter over their whole span, so each period's count is the one its list shows.
 */
import { sql, type RawBuilder } from 'kysely';

export interface Period { from: string; to: string }

/** A China date's first instant as stored UTC text (timestamps are UTC; a China day starts 8 hours earlier). */
export const chinaDayStartUtc = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
/** The first instant after a China date, as stored UTC text. */
export const chinaDayEndUtc = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

/** The first and last day the periods cover (the filter of one query over all of them). */
export function spanOf(periods: readonly Period[]): Period {
  if (!periods.length) throw new Error('no periods');
  return { from: periods.reduce((m, p) => (p.from < m ? p.from : m), periods[0].from), to: periods.reduce((m, p) => (p.to > m ? p.to : m), periods[0].to) };
}

function caseOf(column: string, bounds: ReadonlyArray<readonly [string, string]>, hiInclusive: boolean): RawBuilder<number | null> {
  const col = sql.ref(column);
  const whens = bounds.map(([lo, hi], i) => (hiInclusive
    ? sql`when ${col} >= ${lo} and ${col} <= ${hi} then ${sql.lit(i)}`
    : sql`when ${col} >= ${lo} and ${col} < ${hi} then ${sql.lit(i)}`));
  return sql<number | null>`case ${sql.join(whens, sql` `)} else null end`;
}

/** The index of the period whose days (`from` … `to`, inclusive) hold a date column's value (YYYY-MM-DD), or null. */
export function periodOfDate(column: string, periods: readonly Period[]): RawBuilder<number | null> {
  return caseOf(column, periods.map((p) => [p.from, p.to] as const), true);
}

/** The index of the period whose China days hold a UTC timestamp column's instant, or null. */
export function periodOfInstant(column: string, periods: readonly Period[]): RawBuilder<number | null> {
  return caseOf(column, periods.map((p) => [chinaDayStartUtc(p.from), chinaDayEndUtc(p.to)] as const), false);
}

/**
 * Rows of a query grouped by period index (`period`) with a count or sum in `field` (default `n`), as one number per
 * period, 0 where no row fell.
 */
export function perPeriod(rows: ReadonlyArray<Record<string, unknown>>, length: number, field = 'n'): number[] {
  const out = Array.from({ length }, () => 0);
  for (const r of rows) {
    if (r.period === null || r.period === undefined) continue;
    const i = Number(r.period);
    if (i >= 0 && i < length) out[i] += Number(r[field] ?? 0);
  }
  return out;
}
