/**
 * The module's tables. Migration names carry a global ordinal from the module's own range (1500–1599) and never
 * change once shipped: a later change to a table is a new migration with the next ordinal. The same migration runs on
 * SQLite and PostgreSQL, so columns use the portable conventions: text ids and timestamps, 'YYYY-MM-DD' dates, integers.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const recommendationsMigrations: MigrationDef[] = [
  {
    name: '1500_recommendations',
    async up(db) {
      await db.schema.createTable('recommendations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('source_module', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('source_title', 'text', (c) => c.notNull())
        .addColumn('source_link', 'text')
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('instruction_by', 'text')
        .addColumn('instruction_text', 'text')
        .addColumn('instruction_at', 'text')
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('requested_by_name', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text')
        .addColumn('feedback', 'text')
        .addColumn('first_reply_at', 'text')
        .addColumn('replied_at', 'text')
        .addColumn('assessment', 'text')
        .addColumn('not_done_reason', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('ext_state', 'text')
        .addColumn('ext_reason', 'text')
        .addColumn('ext_due_date', 'text')
        .addColumn('ext_answer', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // a source's request delivered twice creates nothing twice
      await db.schema.createIndex('recommendations_source_key').unique().on('recommendations')
        .columns(['tenant_id', 'source_type', 'source_id', 'item_key', 'unit_id']).execute();
      // the office's board and lists (by state and time), a department's own list, the overdue scan
      await db.schema.createIndex('recommendations_tenant_state').on('recommendations').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('recommendations_unit').on('recommendations').columns(['unit_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('recommendations_due').on('recommendations').columns(['tenant_id', 'state', 'due_date']).execute();
    },
  },
  {
    // a department's list, newest first (its worklist page): read in order from the index rather than sorted
    name: '1501_recommendations_unit_time',
    async up(db) {
      await db.schema.createIndex('recommendations_unit_time').on('recommendations').columns(['unit_id', 'created_at']).execute();
    },
  },
  {
    // a period's figures and lists (handed over between two days) without reading every year's rows
    name: '1502_recommendations_tenant_time',
    async up(db) {
      await db.schema.createIndex('recommendations_tenant_time').on('recommendations').columns(['tenant_id', 'created_at']).execute();
    },
  },
  {
    // 批示 recorded after a recommendation was sent: on one recommendation (its key) or on its whole source (key null);
    // an instruction that came as another module's event is recorded once per event
    name: '1503_recommendation_instructions',
    async up(db) {
      await db.schema.createTable('recommendation_instructions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('source_type', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text')
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text')
        .addColumn('event_id', 'text')
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recommendation_instructions_source').on('recommendation_instructions').columns(['tenant_id', 'source_type', 'source_id']).execute();
      await db.schema.createIndex('recommendation_instructions_event').unique().on('recommendation_instructions').columns(['event_id']).execute();
    },
  },
  {
    // a department's 待落实 (its open parts, overdue first, then by due date)
    name: '1504_recommendations_unit_due',
    async up(db) {
      await db.schema.createIndex('recommendations_unit_due').on('recommendations').columns(['unit_id', 'state', 'due_date']).execute();
    },
  },
  {
    // a department's list and its total as the queries ask them (the CPPCC and the department, newest first), so a
    // database without planner statistics (SQLite as shipped) reads the department's rows and not the CPPCC's; and
    // one source's recommendations (the trip's 跟踪落实 link names the source, not its type)
    name: '1505_recommendations_tenant_unit_and_source',
    async up(db) {
      await db.schema.createIndex('recommendations_tenant_unit_time').on('recommendations').columns(['tenant_id', 'unit_id', 'created_at']).execute();
      await db.schema.createIndex('recommendations_tenant_source').on('recommendations').columns(['tenant_id', 'source_id', 'created_at']).execute();
    },
  },
];
