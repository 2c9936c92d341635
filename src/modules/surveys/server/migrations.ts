/**
 * The module's tables. Migration names carry a global ordinal from the module's own range (2000–2099 here;
 * a module made with `scripts/new-module.ts` gets its own range) and never change once shipped: a later change to a
 * table is a new migration with the next ordinal. The same migration runs on SQLite and PostgreSQL, so columns use
 * the portable conventions: text ids and timestamps, 'YYYY-MM-DD' dates, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const surveysMigrations: MigrationDef[] = [
  {
    name: '2000_surveys_items',
    async up(db) {
      await db.schema.createTable('surveys_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('result', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the list's two ways in: a CPPCC's records by state and time (staff), one person's own records (members)
      await db.schema.createIndex('surveys_items_tenant_state').on('surveys_items').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('surveys_items_owner').on('surveys_items').columns(['owner_user_id', 'created_at']).execute();
    },
  },
  {
    name: '2001_surveys_forms_answers',
    async up(db) {
      // the template's record becomes a questionnaire: its form, audience, dates and share link
      for (const [col, type] of [['questions', 'text'], ['audience', 'text'], ['audience_user_ids', 'text'], ['allow_anonymous', 'integer'], ['opens_on', 'text'], ['closes_on', 'text'], ['share_token', 'text'], ['share_secret', 'text'], ['published_at', 'text']] as const) {
        await db.schema.alterTable('surveys_items').addColumn(col, type).execute();
      }
      await db.schema.createIndex('surveys_items_share_token').on('surveys_items').column('share_token').unique().execute();
      await db.schema.createTable('survey_answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('respondent_key', 'text', (c) => c.notNull())
        .addColumn('respondent_kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // one answer per person and survey: the database decides, also under a race
      await db.schema.createIndex('survey_answers_one_per_person').on('survey_answers').columns(['survey_id', 'respondent_key']).unique().execute();
      // the figures and the answer list count a CPPCC's answers over a period
      await db.schema.createIndex('survey_answers_tenant_time').on('survey_answers').columns(['tenant_id', 'created_at']).execute();
      await db.schema.createTable('survey_phone_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey_id', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .execute();
    },
  },
];
