/**
 * Statements of the hot path compiled once and run with fresh parameters. Kysely builds and compiles every query anew
 * (the query tree, then its SQL text), which for a short insert or update costs 30–50 µs, about what SQLite takes to
 * run it; a transition runs eight of them (its record, history entry, work items, audit record, outbox event), so
 * compiling them once per dialect takes a large part of its time off.
 *
 * A statement is built once with stand-in parameters; if every parameter comes out of the compiled query as given and
 * in order, its SQL text is kept (per dialect adapter) and later runs pass the real parameters to it. A statement that
 * does not pass (a value Kysely turns into SQL text instead of a parameter) is simply compiled on every run.
 */
import { CompiledQuery, type Compilable, type Kysely, type QueryResult } from 'kysely';

type Db = Kysely<any>;

/** A marker for each parameter of the trial compilation, so that a parameter out of place is seen. */
class StandIn { constructor(readonly n: number) {} }

/** per dialect adapter (SQLite, PostgreSQL), per statement key: its SQL text, or null when it must be compiled each time */
const texts = new WeakMap<object, Map<string, string | null>>();

/**
 * Run the statement `key` built by `build(db, params)`: from its kept SQL text when there is one. `build` must put each
 * of `params` into the query as a parameter (`values`, `where … = p[i]`, `set`), the same way whatever the values; the
 * key names the shape (table, column list), so two shapes never share one text.
 */
export async function runPrepared<R = unknown>(db: Db, key: string, params: readonly unknown[], build: (db: Db, p: readonly unknown[]) => Compilable<R>): Promise<QueryResult<R>> {
  const adapter = db.getExecutor().adapter as object;
  let byKey = texts.get(adapter);
  if (!byKey) texts.set(adapter, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) {
    const probe = params.map((_, i) => new StandIn(i));
    const c = build(db, probe).compile();
    const exact = c.parameters.length === probe.length && c.parameters.every((v, i) => v === probe[i]);
    text = exact ? c.sql : null;
    byKey.set(key, text);
  }
  // an expression among the values (sql`…`, a subquery) is SQL, not a parameter: built and compiled as usual
  if (text === null || !params.every(plain)) return db.executeQuery(build(db, params));
  return db.executeQuery(CompiledQuery.raw(text, [...params]) as CompiledQuery<R>);
}

/** A value a driver takes as a parameter as it is. */
function plain(v: unknown): boolean {
  return v === null || typeof v !== 'object' ? typeof v !== 'function' : v instanceof Date || v instanceof Uint8Array;
}

/** Insert one row: its columns are its own keys, in their order (a key whose value is undefined is left out). */
export async function insertRow(db: Db, table: string, row: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(row).filter((k) => row[k] !== undefined);
  await runPrepared(db, `insert:${table}:${cols.join(',')}`, cols.map((k) => row[k]), (d, p) =>
    d.insertInto(table).values(Object.fromEntries(cols.map((k, i) => [k, p[i]]))));
}

/** The number of rows an update or delete changed. */
export function affected(r: QueryResult<unknown>): number {
  return Number(r.numAffectedRows ?? 0n);
}
