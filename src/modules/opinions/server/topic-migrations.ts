/** Tables of 选题研判 (topic planning): the topics editors publish, and the topic a report answers (migrations 1110–1119). */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const topicMigrations: MigrationDef[] = [
  {
    name: '1110_opinions_topics',
    async up(db) {
      // 选题: a topic suggestion published by the editors, open for answers during its period
      await db.schema.createTable('opinion_topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        // 征集期: YYYY-MM-DD, both inclusive
        .addColumn('period_from', 'text', (c) => c.notNull())
        .addColumn('period_to', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('opinion_topics_tenant').on('opinion_topics').columns(['tenant_id', 'status', 'period_from']).execute();
      await db.schema.alterTable('opinion_reports').addColumn('topic_id', 'text').execute();
      await db.schema.createIndex('opinion_reports_topic').on('opinion_reports').columns(['topic_id', 'submitted_at']).execute();
    },
  },
];
