/**
 * Indexes for the lists and statistics at a province's volume (see docs/decisions/0017): the period statistics and the
 * filtered list counts read one covering index over (tenant, submitted day) instead of the table; the list order
 * (urgent first, newest first) reads an index in that order; the lineage filters (adopted, instructed, by level) find
 * their events by kind instead of scanning them.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { levelBits } from '../domain/lineage-levels.ts';

/**
 * Set the 采用层级 / 批示层级 marks of every report from the events of its lineage (migration, and after a bulk load of
 * events that did not maintain them).
 */
// a migration's step (and a bulk load's): raw SQL on the schema as it stood at its migration, not the declared tables
export async function backfillLineageLevels(db: Kysely<any>): Promise<void> {
  const has = (kind: string, column: 'level' | 'leader_level', level: string) => sql`(case when exists (select 1 from opinion_events e
    where e.root_report_id = opinion_reports.root_report_id and e.kind = ${sql.lit(kind)} and e.${sql.ref(column)} = ${sql.lit(level)}) then ${sql.lit(levelBits[level as keyof typeof levelBits])} else 0 end)`;
  const sum = (kind: string, column: 'level' | 'leader_level') => sql.join(Object.keys(levelBits).map((l) => has(kind, column, l)), sql` + `);
  await sql`update opinion_reports set adoption_levels = ${sum('adoption', 'level')}, instruction_levels = ${sum('instruction', 'leader_level')}
    where root_report_id in (select root_report_id from opinion_events where kind in ('adoption', 'instruction'))`.execute(db);
}

export const opinionPerfMigrations: MigrationDef[] = [
  {
    name: '1120_opinions_list_stats_indexes',
    async up(db) {
      await db.schema.createIndex('opinion_reports_period_cover').on('opinion_reports')
        .columns(['tenant_id', 'submitted_at', 'state', 'submitter_user_id', 'submitter_org_id', 'source_tenant_id', 'root_report_id', 'accepted_at', 'returned_at', 'sent_up_at', 'source_report_id', 'urgent', 'id'])
        .execute();
      // a list page walks this index in its order and checks the filters on the index entries, reading only the rows it shows
      await db.schema.createIndex('opinion_reports_tenant_urgent_submitted').on('opinion_reports')
        .columns(['tenant_id', 'urgent', 'submitted_at', 'id', 'state', 'submitter_user_id', 'submitter_org_id', 'source_tenant_id', 'root_report_id', 'accepted_at', 'returned_at', 'sent_up_at', 'source_report_id'])
        .execute();
      // the editors' queue (a state, urgent first, oldest first) reads its page straight from this index
      await db.schema.createIndex('opinion_reports_tenant_state_urgent').on('opinion_reports').columns(['tenant_id', 'state', 'urgent', 'submitted_at', 'id']).execute();
      await db.schema.createIndex('opinion_events_kind').on('opinion_events').columns(['kind', 'level', 'leader_level', 'root_report_id']).execute();
    },
  },
  {
    name: '1140_opinions_lineage_level_marks',
    async up(db) {
      // 采用层级 / 批示层级 of the lineage on each report (a bit per level), written in the transaction that records the event
      await db.schema.alterTable('opinion_reports').addColumn('adoption_levels', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('opinion_reports').addColumn('instruction_levels', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await backfillLineageLevels(db);
      // the few reports with adoptions (or instructions): lists and their counts filtered on them read only these entries
      await db.schema.createIndex('opinion_reports_adopted').on('opinion_reports')
        .columns(['tenant_id', 'urgent', 'submitted_at', 'id', 'adoption_levels']).where(sql<SqlBool>`adoption_levels <> 0`).execute();
      await db.schema.createIndex('opinion_reports_instructed').on('opinion_reports')
        .columns(['tenant_id', 'urgent', 'submitted_at', 'id', 'instruction_levels']).where(sql<SqlBool>`instruction_levels <> 0`).execute();
      // the same entries in period order, for the counts (which do not fix `urgent`)
      await db.schema.createIndex('opinion_reports_adopted_period').on('opinion_reports')
        .columns(['tenant_id', 'submitted_at', 'urgent', 'adoption_levels', 'id']).where(sql<SqlBool>`adoption_levels <> 0`).execute();
      await db.schema.createIndex('opinion_reports_instructed_period').on('opinion_reports')
        .columns(['tenant_id', 'submitted_at', 'urgent', 'instruction_levels', 'id']).where(sql<SqlBool>`instruction_levels <> 0`).execute();
      // the lists of one county's reports sent up (下级报送) and of one submitting unit (报送单位) read only their own entries
      await db.schema.createIndex('opinion_reports_source_tenant').on('opinion_reports').columns(['tenant_id', 'source_tenant_id', 'submitted_at', 'urgent', 'id']).execute();
      await db.schema.createIndex('opinion_reports_submitter_org').on('opinion_reports').columns(['tenant_id', 'submitter_org_id', 'submitted_at', 'urgent', 'id']).execute();
    },
  },
];
