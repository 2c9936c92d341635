/** Tables of the 选题参考目录 (topic guide) and a proposal's cited topic (migrations 1070–1079). */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const topicMigrations: MigrationDef[] = [
  {
    name: '1070_proposals_topics',
    async up(db) {
      // 选题参考目录: topics the proposal office suggests for a year
      await db.schema.createTable('proposal_topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        // 领域, e.g. 经济建设 / 社会民生 / 生态文明
        .addColumn('area', 'text', (c) => c.notNull())
        // suggested handling units as a JSON array of { id, name } (names are snapshots)
        .addColumn('suggested_units', 'text', (c) => c.notNull().defaultTo('[]'))
        // published (发布) or withdrawn (撤回)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('proposal_topics_tenant_year').on('proposal_topics').columns(['tenant_id', 'year', 'status', 'sort']).execute();
      // the topic a proposal cites, with the title as written (kept in step when the office edits the topic)
      await db.schema.alterTable('proposals').addColumn('topic_id', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('topic_title', 'text').execute();
      await db.schema.createIndex('proposals_topic').on('proposals').columns(['topic_id', 'tenant_id']).execute();
    },
  },
];
