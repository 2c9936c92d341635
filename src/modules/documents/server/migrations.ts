/**
 * The module's tables (ordinals 2200–2299). The same migration runs on SQLite and PostgreSQL. The 文号's unique index
 * (CPPCC, type, year, sequence) is what makes two signers at once never share a number: the second commit fails and
 * its unit of work is retried with the next number.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { archiveYear } from '../domain/document-rules.ts';

export const documentsMigrations: MigrationDef[] = [
  {
    name: '2200_documents_items',
    async up(db) {
      await db.schema.createTable('documents_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('doc_type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('addressee', 'text', (c) => c.notNull())
        .addColumn('chars', 'integer', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('owner_org_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('return_reason', 'text')
        .addColumn('number', 'text')
        .addColumn('number_year', 'integer')
        .addColumn('number_seq', 'integer')
        .addColumn('signer_name', 'text')
        .addColumn('signed_at', 'text')
        .addColumn('version_no', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // 文号 without duplicates: per CPPCC, type and year
      await db.schema.createIndex('documents_items_number').on('documents_items').columns(['tenant_id', 'doc_type', 'number_year', 'number_seq']).unique().execute();
      // the archive: by state and time, by type and year, by signing time (the figures), by 文号
      await db.schema.createIndex('documents_items_tenant_state').on('documents_items').columns(['tenant_id', 'state', 'created_at']).execute();
      await db.schema.createIndex('documents_items_signed').on('documents_items').columns(['tenant_id', 'signed_at']).execute();
      await db.schema.createIndex('documents_items_number_text').on('documents_items').columns(['tenant_id', 'number']).execute();
      await db.schema.createIndex('documents_items_tenant_created').on('documents_items').columns(['tenant_id', 'created_at']).execute();
      await db.schema.createIndex('documents_items_type_year').on('documents_items').columns(['tenant_id', 'doc_type', 'number_year', 'created_at']).execute();
      await db.schema.createIndex('documents_items_owner').on('documents_items').columns(['owner_user_id', 'created_at']).execute();

      await db.schema.createTable('documents_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_versions_doc').on('documents_versions').columns(['document_id', 'no']).unique().execute();

      await db.schema.createTable('documents_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('decision', 'text')
        .addColumn('party', 'text')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_comments_doc').on('documents_comments').columns(['document_id', 'at']).execute();

      await db.schema.createTable('documents_receipts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('recipient_kind', 'text', (c) => c.notNull())
        .addColumn('recipient_id', 'text', (c) => c.notNull())
        .addColumn('recipient_name', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('read_by_name', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('reminders', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('documents_receipts_doc').on('documents_receipts').columns(['document_id', 'recipient_kind', 'recipient_id']).unique().execute();
      await db.schema.createIndex('documents_receipts_recipient').on('documents_receipts').columns(['recipient_id', 'sent_at']).execute();
    },
  },
  {
    // the archive's text search: the two-character pieces (二元组) of each document's 文号 and title, so that a word of
    // the title finds its documents through an index instead of reading every title (LIKE '%…%')
    name: '2201_documents_title_grams',
    async up(db) {
      await db.schema.createTable('documents_title_grams')
        .addColumn('gram', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('documents_title_grams_pk', ['gram', 'document_id'])
        .execute();
      await db.schema.createIndex('documents_title_grams_doc').on('documents_title_grams').columns(['document_id']).execute();
    },
  },
  {
    // the title index per CPPCC and 年度: each piece carries its document's tenant and year (the 文号's year, or the
    // drafting year), and one index (piece, tenant, year) answers "how many documents of this CPPCC (and year) hold
    // this piece" from the index alone, so a search starts from the rarest pieces of the word
    name: '2202_documents_title_grams_tenant_year',
    async up(db) {
      await db.schema.alterTable('documents_title_grams').addColumn('tenant_id', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('documents_title_grams').addColumn('year', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      const items = await db.selectFrom('documents_items').select(['id', 'tenant_id', 'number_year', 'created_at']).execute() as Array<{ id: string; tenant_id: string; number_year: number | null; created_at: string }>;
      const groups = new Map<string, string[]>();
      for (const r of items) {
        const key = `${r.tenant_id}\u0000${archiveYear(r)}`;
        groups.set(key, [...(groups.get(key) ?? []), r.id]);
      }
      for (const [key, ids] of groups) {
        const [tenantId, year] = key.split('\u0000');
        for (let i = 0; i < ids.length; i += 500) {
          await db.updateTable('documents_title_grams').set({ tenant_id: tenantId, year: Number(year) }).where('document_id', 'in', ids.slice(i, i + 500)).execute();
        }
      }
      await db.schema.createIndex('documents_title_grams_tenant_year').on('documents_title_grams').columns(['gram', 'tenant_id', 'year', 'document_id']).execute();
      // a common word within a year is matched by text over that year's documents
      await db.schema.createIndex('documents_items_year').on('documents_items').columns(['tenant_id', 'number_year', 'created_at']).execute();
    },
  },
];
