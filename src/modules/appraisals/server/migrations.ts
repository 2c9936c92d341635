/**
 * The module's tables. Migration names carry a global ordinal from the module's own range (1800–1899) and never change
 * once shipped: a later change to a table is a new migration with the next ordinal. The same migration runs on SQLite
 * and PostgreSQL, so columns use the portable conventions: text ids and timestamps, 'YYYY-MM-DD' dates, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const appraisalsMigrations: MigrationDef[] = [
  {
    name: '1800_appraisals',
    async up(db) {
      await db.schema.createTable('appraisals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('scope_note', 'text')
        .addColumn('lead_committee_id', 'text')
        .addColumn('lead_committee_name', 'text')
        .addColumn('planned_on', 'text', (c) => c.notNull())
        .addColumn('place', 'text')
        .addColumn('self_report_due', 'text')
        .addColumn('score_satisfied', 'integer', (c) => c.notNull())
        .addColumn('score_basic', 'integer', (c) => c.notNull())
        .addColumn('score_dissatisfied', 'integer', (c) => c.notNull())
        .addColumn('vote_secret', 'text', (c) => c.notNull())
        .addColumn('published_on', 'text')
        .addColumn('rectification_sent_on', 'text')
        .addColumn('summary', 'text')
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appraisals_tenant_planned').on('appraisals').columns(['tenant_id', 'planned_on']).execute();

      await db.schema.createTable('appraisal_units')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('self_report', 'text')
        .addColumn('self_report_at', 'text')
        .addColumn('self_report_by', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addUniqueConstraint('appraisal_units_one', ['appraisal_id', 'unit_id'])
        .execute();
      // a department's appraisals (its own view, the figures by department)
      await db.schema.createIndex('appraisal_units_unit').on('appraisal_units').columns(['tenant_id', 'unit_id']).execute();

      await db.schema.createTable('appraisal_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('weight', 'integer', (c) => c.notNull())
        .addUniqueConstraint('appraisal_items_one', ['appraisal_id', 'seq'])
        .execute();

      await db.schema.createTable('appraisal_group')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('duty', 'text', (c) => c.notNull())
        .addUniqueConstraint('appraisal_group_one', ['appraisal_id', 'user_id'])
        .execute();

      await db.schema.createTable('appraisal_visits')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('visited_on', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appraisal_visits_appraisal').on('appraisal_visits').columns(['appraisal_id']).execute();

      await db.schema.createTable('appraisal_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appraisal_tokens_appraisal').on('appraisal_tokens').columns(['appraisal_id']).execute();

      await db.schema.createTable('appraisal_ballots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('voter_key', 'text', (c) => c.notNull())
        .addColumn('voter_kind', 'text', (c) => c.notNull())
        .addColumn('voter_name', 'text', (c) => c.notNull())
        .addColumn('cast_at', 'text', (c) => c.notNull())
        // one vote each: a second ballot of the same voter breaks this key and is refused
        .addUniqueConstraint('appraisal_ballots_one_each', ['appraisal_id', 'voter_key'])
        .execute();

      await db.schema.createTable('appraisal_marks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('item_seq', 'integer', (c) => c.notNull())
        .addColumn('choice', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appraisal_marks_appraisal').on('appraisal_marks').columns(['appraisal_id', 'unit_id', 'item_seq', 'choice']).execute();

      await db.schema.createTable('appraisal_rectifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('appraisal_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('due_working_days', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('appraisal_rectifications_appraisal').on('appraisal_rectifications').columns(['appraisal_id']).execute();
    },
  },
];
