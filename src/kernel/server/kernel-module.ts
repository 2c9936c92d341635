/** The kernel's own tables: audit log, workflow history, work items, calendar overrides, settings, the event outbox. */
import { sql } from 'kysely';
import type { MigrationDef } from './migrate.ts';
import { appendOnlyTriggerSql } from './db/dialect.ts';

export const kernelMigrations: MigrationDef[] = [
  {
    name: '0001_kernel_audit_log',
    async up(db, dialect) {
      await db.schema.createTable('audit_log')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text')
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text')
        .addColumn('entity_id', 'text')
        .addColumn('data', 'text')
        .addColumn('ip', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
      await db.schema.createIndex('audit_log_tenant_at').on('audit_log').columns(['tenant_id', 'at']).execute();
      for (const s of appendOnlyTriggerSql(dialect, 'audit_log')) await sql.raw(s).execute(db);
    },
  },
  {
    name: '0002_kernel_workflow',
    async up(db) {
      await db.schema.createTable('workflow_history')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_org_id', 'text')
        .addColumn('note', 'text')
        .addColumn('data', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workflow_history_entity').on('workflow_history').columns(['entity_type', 'entity_id', 'at']).execute();

      await db.schema.createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('assignee_user_id', 'text')
        .addColumn('assignee_org_id', 'text')
        .addColumn('assignee_role', 'text')
        .addColumn('due_date', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('tasks_user_open').on('tasks').columns(['assignee_user_id', 'status', 'due_date']).execute();
      await db.schema.createIndex('tasks_org_open').on('tasks').columns(['assignee_org_id', 'assignee_role', 'status', 'due_date']).execute();
      await db.schema.createIndex('tasks_entity').on('tasks').columns(['entity_type', 'entity_id', 'status']).execute();
    },
  },
  {
    name: '0003_kernel_calendar_settings',
    async up(db) {
      await db.schema.createTable('calendar_overrides')
        .addColumn('date', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('settings')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['tenant_id', 'key'])
        .execute();
    },
  },
  {
    name: '0004_kernel_tasks_due',
    async up(db) {
      // reminders and overdue boards scan open work items by due date
      await db.schema.createIndex('tasks_status_due').on('tasks').columns(['status', 'due_date']).execute();
    },
  },
  {
    name: '0005_kernel_outbox',
    async up(db) {
      // domain events written with the change they describe, delivered at least once after commit (outbox.ts)
      await db.schema.createTable('outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text')
        .addColumn('entity_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('audience', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('origin', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('available_at', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('delivered_at', 'text')
        .addColumn('last_error', 'text')
        .execute();
      // pending events in order; delivered ones by age for pruning
      await db.schema.createIndex('outbox_pending').on('outbox').columns(['delivered_at', 'available_at', 'id']).execute();
    },
  },
  {
    name: '0010_kernel_audit_mac',
    async up(db) {
      // the audit chain anchored with a key outside the database (decision 0031): each row's HMAC of its hash
      await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute();
    },
  },
  {
    name: '0011_kernel_calendar_schedules',
    async up(db) {
      // a year's holiday schedule (节假日安排) entered or imported by the system administrator where the bundled
      // calendar does not cover the year; its days are overrides, this row says the year is covered and by whom
      await db.schema.createTable('calendar_schedules')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('holidays', 'integer', (c) => c.notNull())
        .addColumn('workdays', 'integer', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
