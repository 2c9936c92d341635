/** Tables of the 附件 module: attachment records and their content, stored in the database so every instance shares them. */
import { binaryType } from '../../../kernel/server/db/dialect.ts';
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const attachmentMigrations: MigrationDef[] = [
  {
    name: '0350_attachments_tables',
    async up(db, dialect) {
      // content, deduplicated by its SHA-256
      await db.schema.createTable('attachment_blobs')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('content', binaryType(dialect) as 'blob', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text')
        .addColumn('entity_id', 'text')
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().references('attachment_blobs.sha256'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('attachments_entity').on('attachments').columns(['entity_type', 'entity_id']).execute();
      await db.schema.createIndex('attachments_created_by').on('attachments').columns(['created_by', 'created_at']).execute();
    },
  },
];
