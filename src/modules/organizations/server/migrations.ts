/** Tables of the 组织机构 module: organisations (the tenancy tree), sectors, member profiles and committee memberships. */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { termNumberOf } from '../domain/registry.ts';

export const organizationMigrations: MigrationDef[] = [
  {
    name: '0050_organizations_organizations',
    async up(db) {
      await db.schema.createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('level', 'text')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('short_name', 'text')
        .addColumn('code', 'text')
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('organizations_tenant_kind').on('organizations').columns(['tenant_id', 'kind', 'sort']).execute();
      await db.schema.createIndex('organizations_parent').on('organizations').column('parent_id').execute();
    },
  },
  {
    name: '0051_organizations_sectors_members',
    async up(db) {
      await db.schema.createTable('sectors')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('sectors_tenant_name').on('sectors').columns(['tenant_id', 'name']).unique().execute();

      await db.schema.createTable('member_profiles')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('sector_id', 'text')
        .addColumn('party', 'text')
        .addColumn('term', 'text', (c) => c.notNull())
        .addColumn('is_standing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('gender', 'text')
        .addColumn('phone', 'text')
        .addColumn('workplace', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('member_profiles_tenant_sector').on('member_profiles').columns(['tenant_id', 'sector_id']).execute();

      await db.schema.createTable('committee_memberships')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('committee_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('committee_memberships_pk', ['user_id', 'committee_id'])
        .execute();
      await db.schema.createIndex('committee_memberships_committee').on('committee_memberships').column('committee_id').execute();
    },
  },
  {
    name: '0052_organizations_work_year',
    async up(db) {
      // 工作年度 (decision 0037): the cut-off and the term numbering move from the proposals' session calendar to the
      // CPPCC's working-year setting, so a tenant that had set them keeps its year
      const rows = await db.selectFrom('settings').select(['tenant_id', 'value', 'updated_at']).where('key', '=', 'proposals.sessionCalendar').execute();
      for (const r of rows) {
        let v: Record<string, unknown> = {};
        try { v = JSON.parse(String(r.value)) ?? {}; } catch { continue; }
        const moved = Object.fromEntries(['nextYearAfter', 'termFirstYear', 'termNumber', 'termLength'].filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
        if (Object.keys(moved).length === 0) continue;
        const has = await db.selectFrom('settings').select('key').where('tenant_id', '=', r.tenant_id).where('key', '=', 'organizations.workYear').executeTakeFirst();
        if (!has) await db.insertInto('settings').values({ tenant_id: r.tenant_id, key: 'organizations.workYear', value: JSON.stringify(moved), version: 1, updated_at: r.updated_at }).execute();
      }
    },
  },
  {
    name: '0053_organizations_member_registry',
    async up(db) {
      // 委员管理: the profile's contact details, skills and fields and its version; a member's terms (届) with their
      // joining, leaving, 常委 and posts; the staff's contact log (联络记录)
      for (const [col, type] of [['email', 'text'], ['address', 'text'], ['skills', 'text'], ['fields', 'text']] as const) {
        await db.schema.alterTable('member_profiles').addColumn(col, type).execute();
      }
      await db.schema.alterTable('member_profiles').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();

      await db.schema.createTable('member_terms')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('term_no', 'integer', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('left_on', 'text')
        .addColumn('left_reason', 'text')
        .addColumn('is_standing', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('posts', 'text', (c) => c.notNull().defaultTo('[]'))
        .addPrimaryKeyConstraint('member_terms_pk', ['user_id', 'term_no'])
        .execute();
      await db.schema.createIndex('member_terms_tenant_term').on('member_terms').columns(['tenant_id', 'term_no']).execute();

      await db.schema.createTable('member_contacts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('contact_on', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('staff_name', 'text', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('member_contacts_member').on('member_contacts').columns(['user_id', 'contact_on']).execute();

      // the members already recorded serve in the term of their profile since they were recorded
      const profiles = await db.selectFrom('member_profiles').select(['user_id', 'tenant_id', 'term', 'is_standing', 'created_at']).execute();
      const rows = profiles.map((p) => ({
        user_id: p.user_id, term_no: termNumberOf(String(p.term)) ?? 14, tenant_id: p.tenant_id, joined_on: String(p.created_at).slice(0, 10),
        left_on: null, left_reason: null, is_standing: Number(p.is_standing), posts: JSON.stringify([Number(p.is_standing) ? '常委' : '委员']),
      }));
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('member_terms').values(rows.slice(i, i + 200)).execute();
    },
  },
];
