/** Inserting many rows in batches inside one transaction (demo data, bulk loads); batch size keeps under both databases' parameter limits. */
import type { Kysely, Transaction } from 'kysely';

export async function insertBatches(trx: Transaction<any> | Kysely<any>, table: string, rows: ReadonlyArray<Record<string, unknown>>, size = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await trx.insertInto(table).values(rows.slice(i, i + size) as Record<string, unknown>[]).execute();
}
