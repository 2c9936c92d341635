/**
 * Migrations of 协商选题 and 年度协商计划 (ordinals 1350–1399 of the module's range). Portable columns: the same
 * migration runs on SQLite and PostgreSQL.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const planMigrations: MigrationDef[] = [
  {
    name: '1350_consultation_topics_and_plans',
    async up(db) {
      await db.schema.createTable('consultation_topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('proposer_org_id', 'text', (c) => c.notNull())
        .addColumn('proposer_org_name', 'text', (c) => c.notNull())
        .addColumn('proposer_user_id', 'text', (c) => c.notNull())
        .addColumn('proposer_name', 'text', (c) => c.notNull())
        .addColumn('contact', 'text', (c) => c.notNull())
        .addColumn('decline_reason', 'text')
        .addColumn('merged_into_id', 'text')
        .addColumn('plan_item_id', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the office's list: a CPPCC's topics of a year, by state, by proposing body
      await db.schema.createIndex('consultation_topics_tenant_year').on('consultation_topics').columns(['tenant_id', 'year', 'state']).execute();
      await db.schema.createIndex('consultation_topics_proposer').on('consultation_topics').columns(['proposer_org_id', 'year']).execute();

      await db.schema.createTable('consultation_plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('approved_meeting', 'text')
        .addColumn('approved_on', 'text')
        .addColumn('return_reason', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // one plan per CPPCC and year
      await db.schema.createIndex('consultation_plans_tenant_year').unique().on('consultation_plans').columns(['tenant_id', 'year']).execute();

      await db.schema.createTable('consultation_plan_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('plan_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('topic_id', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('form', 'text', (c) => c.notNull())
        .addColumn('lead_org_id', 'text', (c) => c.notNull())
        .addColumn('lead_org_name', 'text', (c) => c.notNull())
        .addColumn('partner_unit_ids', 'text', (c) => c.notNull())
        .addColumn('partner_unit_names', 'text', (c) => c.notNull())
        .addColumn('planned_month', 'integer', (c) => c.notNull())
        .addColumn('notes', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('added_by_change', 'integer', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consultation_plan_items_plan').on('consultation_plan_items').columns(['plan_id', 'planned_month']).execute();
      await db.schema.createIndex('consultation_plan_items_year').on('consultation_plan_items').columns(['tenant_id', 'year', 'form']).execute();

      await db.schema.createTable('consultation_plan_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('plan_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addColumn('item_title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('before_text', 'text', (c) => c.notNull())
        .addColumn('after_text', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('consultation_plan_changes_plan').on('consultation_plan_changes').columns(['plan_id', 'at']).execute();
    },
  },
  {
    // 重大协商议题 go to the party committee (报党委审定) after the chair's meeting; its decision is recorded on the plan
    name: '1351_consultation_plan_party_review',
    async up(db) {
      await db.schema.alterTable('consultation_plan_items').addColumn('major', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('consultation_plans').addColumn('major_items', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('consultation_plans').addColumn('party_meeting', 'text').execute();
      await db.schema.alterTable('consultation_plans').addColumn('party_approved_on', 'text').execute();
      await db.schema.alterTable('consultation_plans').addColumn('party_document', 'text').execute();
    },
  },
  {
    // 关联提案和社情民意 of a topic or a plan item: one row per linked record, read both ways (the record's page finds them)
    name: '1352_consultation_topic_links',
    async up(db) {
      await db.schema.createTable('consultation_topic_links')
        .addColumn('owner_type', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('consultation_topic_links_pk', ['owner_type', 'owner_id', 'relation', 'entity_type', 'entity_id'])
        .execute();
      await db.schema.createIndex('consultation_topic_links_entity').on('consultation_topic_links').columns(['entity_type', 'entity_id']).execute();
    },
  },
];
