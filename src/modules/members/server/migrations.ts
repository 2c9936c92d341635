/** The 委员 module's tables (ordinals 1200–1299); the same migration runs on SQLite and PostgreSQL. */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const membersMigrations: MigrationDef[] = [
  {
    name: '1200_members_id_numbers',
    async up(db) {
      await db.schema.createTable('member_id_numbers')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('member_id_numbers_pk', ['tenant_id', 'user_id'])
        .execute();
      await db.schema.createIndex('member_id_numbers_digest').on('member_id_numbers').columns(['tenant_id', 'digest']).unique().execute();
    },
  },
];
