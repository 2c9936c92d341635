/**
 * The module's tables (ordinals 2900–2999). The same migration runs on SQLite and PostgreSQL: text ids and
 * timestamps, integer years and versions, `real`-free totals kept as double precision.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const scoresMigrations: MigrationDef[] = [
  {
    name: '2900_scores_rules_results',
    async up(db) {
      await db.schema.createTable('scores_rule_sets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // one row per version: two editors saving over the same version collide here (409), never both win
      await db.schema.createIndex('scores_rule_sets_year_version').unique().on('scores_rule_sets').columns(['tenant_id', 'year', 'version']).execute();

      await db.schema.createTable('scores_results')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sector_id', 'text')
        .addColumn('total', 'double precision', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull())
        .addColumn('rule_version', 'integer', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scores_results_pk', ['tenant_id', 'year', 'user_id'])
        .execute();
      // the ranking: a year's scores highest first; by 界别
      await db.schema.createIndex('scores_results_rank').on('scores_results').columns(['tenant_id', 'year', 'total']).execute();
      await db.schema.createIndex('scores_results_sector').on('scores_results').columns(['tenant_id', 'year', 'sector_id', 'total']).execute();

      await db.schema.createTable('scores_warnings')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('period', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('total', 'double precision', (c) => c.notNull())
        .addColumn('threshold', 'double precision', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('scores_warnings_pk', ['tenant_id', 'year', 'period', 'user_id'])
        .execute();
    },
  },
];
