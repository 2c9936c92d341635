/**
 * The module's tables (ordinals 1400–1499). The same migration runs on SQLite and PostgreSQL, so columns use the
 * portable conventions: text ids and timestamps, 'YYYY-MM-DD' dates, integers. The indexes serve the lists and figures
 * at the size of a large city over ten years (30,000 platforms, 300,000 activities): every list and count filters by
 * the tenant (county) first and by a date or state next.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const platformsMigrations: MigrationDef[] = [
  {
    name: '1400_platforms',
    async up(db) {
      await db.schema.createTable('platforms_registry')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('town', 'text', (c) => c.notNull())
        .addColumn('village', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('convener_user_id', 'text')
        .addColumn('convener_name', 'text', (c) => c.notNull())
        .addColumn('convener_phone', 'text')
        .addColumn('member_user_ids', 'text', (c) => c.notNull())
        .addColumn('established_on', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // a county's registry in town and village order; a convener's own platforms; one village has one platform
      await db.schema.createIndex('platforms_registry_place').on('platforms_registry').columns(['tenant_id', 'town', 'village']).unique().execute();
      await db.schema.createIndex('platforms_registry_convener').on('platforms_registry').columns(['convener_user_id']).execute();

      await db.schema.createTable('platforms_topics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('platform_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('raised_by', 'text', (c) => c.notNull())
        .addColumn('raised_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('platforms_topics_platform').on('platforms_topics').columns(['platform_id', 'raised_on']).execute();

      await db.schema.createTable('platforms_activities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('platform_id', 'text', (c) => c.notNull())
        .addColumn('topic_id', 'text')
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('members_count', 'integer', (c) => c.notNull())
        .addColumn('residents_count', 'integer', (c) => c.notNull())
        .addColumn('participants', 'text', (c) => c.notNull())
        .addColumn('minutes', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_by_name', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('platforms_activities_tenant_day').on('platforms_activities').columns(['tenant_id', 'held_on']).execute();
      await db.schema.createIndex('platforms_activities_platform').on('platforms_activities').columns(['platform_id', 'held_on']).execute();

      await db.schema.createTable('platforms_results')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('platform_id', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('convener_user_id', 'text')
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('responsible_body', 'text', (c) => c.notNull())
        .addColumn('handed_on', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('feedback', 'text')
        .addColumn('implemented_on', 'text')
        .addColumn('evaluation', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('platforms_results_handed').on('platforms_results').columns(['tenant_id', 'handed_on']).execute();
      await db.schema.createIndex('platforms_results_implemented').on('platforms_results').columns(['tenant_id', 'implemented_on']).execute();
      await db.schema.createIndex('platforms_results_state').on('platforms_results').columns(['tenant_id', 'state', 'handed_on']).execute();
      await db.schema.createIndex('platforms_results_activity').on('platforms_results').columns(['activity_id']).execute();
      await db.schema.createIndex('platforms_results_platform').on('platforms_results').columns(['platform_id', 'handed_on']).execute();
    },
  },
  {
    // 乡镇工作人员: a staff account limited to one town of its county (none: the whole county)
    name: '1401_platforms_staff_towns',
    async up(db) {
      await db.schema.createTable('platforms_staff_towns')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('town', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('platforms_staff_towns_tenant').on('platforms_staff_towns').columns(['tenant_id', 'town']).execute();
    },
  },
  {
    // the city's lists over every county, newest first: read in the lists' order and stopped after a page, rather than
    // every county's rows of the period gathered and sorted (30,000 a year at a large city's volume)
    name: '1402_platforms_lists_by_day',
    async up(db) {
      await db.schema.createIndex('platforms_activities_day').on('platforms_activities').columns(['held_on', 'id']).execute();
      await db.schema.createIndex('platforms_results_day').on('platforms_results').columns(['handed_on', 'id']).execute();
    },
  },
  {
    // the city's year views answered from the indexes alone. The registry's count of active platforms per county read
    // each of 30,000 rows for `active`; a page of the year's consultations or of the results implemented in it, over
    // every county, read each row of the period for its id to sort them (hundreds of milliseconds on SQLite). With
    // `active`, and the id (and the day the list sorts by) in the county's index, the counts and the page's ids are
    // index-only; the narrower indexes these replace are their prefixes.
    name: '1403_platforms_covering_year_views',
    async up(db) {
      await db.schema.createIndex('platforms_registry_tenant_active').on('platforms_registry').columns(['tenant_id', 'active', 'town', 'village']).execute();
      await db.schema.createIndex('platforms_activities_tenant_day_id').on('platforms_activities').columns(['tenant_id', 'held_on', 'id']).execute();
      await db.schema.dropIndex('platforms_activities_tenant_day').execute();
      await db.schema.createIndex('platforms_results_implemented_day').on('platforms_results').columns(['tenant_id', 'implemented_on', 'handed_on', 'id']).execute();
      await db.schema.dropIndex('platforms_results_implemented').execute();
    },
  },
];
