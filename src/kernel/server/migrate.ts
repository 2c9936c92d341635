/**
 * One ordered migration list for both databases; each module contributes migrations named with a global ordinal from
 * its own range. A release may add a migration to a module whose range lies below migrations already run (a new
 * proposals migration after the opinions ones), so pending migrations run in order even when they sort before
 * applied ones: modules' migrations touch only their own tables and the kernel's, which come first.
 */
import { Migrator, type Kysely, type MigrationProvider, type Migration } from 'kysely';
import type { DialectName } from './db/dialect.ts';

export interface MigrationDef {
  /** globally ordered name: '<4-digit ordinal>_<module>_<what>', e.g. '0100_identity_users' */
  name: string;
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export async function migrateToLatest(db: Kysely<any>, dialect: DialectName, defs: MigrationDef[]): Promise<string[]> {
  const seen = new Set<string>();
  for (const d of defs) {
    if (seen.has(d.name)) throw new Error(`duplicate migration ${d.name}`);
    seen.add(d.name);
  }
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const d of defs) out[d.name] = { up: (kdb) => d.up(kdb, dialect) };
      return out;
    },
  };
  const migrator = new Migrator({ db, provider, migrationTableName: 'zx_migrations', migrationLockTableName: 'zx_migrations_lock', allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
