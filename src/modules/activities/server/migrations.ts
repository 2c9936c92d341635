/**
 * The module's tables (ordinals 2100–2199). The same migration runs on SQLite and PostgreSQL: text ids and UTC
 * timestamps, 'YYYY-MM-DD' China dates, integers, double-precision coordinates.
 */
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

export const activitiesMigrations: MigrationDef[] = [
  {
    name: '2100_activities',
    async up(db) {
      await db.schema.createTable('activity_homes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('town', 'text')
        .addColumn('place', 'text')
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('convener_user_id', 'text')
        .addColumn('convener_name', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_homes_tenant').on('activity_homes').columns(['tenant_id', 'county', 'name']).execute();
      await db.schema.createTable('activity_home_members')
        .addColumn('home_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('activity_home_members_pk', ['home_id', 'user_id'])
        .execute();
      await db.schema.createIndex('activity_home_members_user').on('activity_home_members').columns(['user_id']).execute();

      await db.schema.createTable('activities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('service_kind', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('home_id', 'text')
        .addColumn('county', 'text')
        .addColumn('place', 'text')
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('radius_m', 'integer', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer')
        .addColumn('outcome', 'text')
        .addColumn('signin_secret', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // the list's and the figures' ways in: a CPPCC's activities by date, by kind and date, a home's by date
      await db.schema.createIndex('activities_tenant_held').on('activities').columns(['tenant_id', 'held_on']).execute();
      await db.schema.createIndex('activities_tenant_kind').on('activities').columns(['tenant_id', 'kind', 'held_on']).execute();
      await db.schema.createIndex('activities_home').on('activities').columns(['home_id', 'held_on']).execute();
      // the list's order: newest first without sorting the CPPCC's every activity
      await db.schema.createIndex('activities_tenant_starts').on('activities').columns(['tenant_id', 'starts_at']).execute();
      await db.schema.createIndex('activities_owner').on('activities').columns(['owner_user_id', 'held_on']).execute();

      await db.schema.createTable('activity_participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('held_on', 'text', (c) => c.notNull())
        .addColumn('home_id', 'text')
        .addColumn('county', 'text')
        .addColumn('signed_up_at', 'text')
        .addColumn('signed_in_at', 'text')
        .addColumn('signed_in_by', 'text')
        .addColumn('signed_in_by_name', 'text')
        .addColumn('distance_m', 'integer')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      // one row per member and activity: the database itself refuses a second sign-up or sign-in
      await db.schema.createIndex('activity_participants_one').on('activity_participants').columns(['activity_id', 'user_id']).unique().execute();
      await db.schema.createIndex('activity_participants_member').on('activity_participants').columns(['tenant_id', 'user_id', 'held_on']).execute();
      await db.schema.createIndex('activity_participants_tenant').on('activity_participants').columns(['tenant_id', 'held_on']).execute();

      await db.schema.createTable('activity_needs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('skills', 'text')
        .addColumn('service_kind', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('matched_user_id', 'text')
        .addColumn('matched_name', 'text')
        .addColumn('service_id', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_needs_tenant').on('activity_needs').columns(['tenant_id', 'state', 'created_at']).execute();

      await db.schema.createTable('activity_services')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text')
        .addColumn('need_id', 'text')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('service_kind', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('people_served', 'integer', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('home_id', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_services_tenant').on('activity_services').columns(['tenant_id', 'state', 'on_date']).execute();
      await db.schema.createIndex('activity_services_member').on('activity_services').columns(['tenant_id', 'user_id', 'on_date']).execute();
      await db.schema.createIndex('activity_services_activity').on('activity_services').columns(['activity_id']).execute();

      await db.schema.createTable('activity_member_skills')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('skills', 'text', (c) => c.notNull())
        .addColumn('county', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_member_skills_tenant').on('activity_member_skills').columns(['tenant_id']).execute();
    },
  },
  {
    // 书香政协: reading groups (读书群) with their members, book lists and reading plans, members' check-ins with notes
    // (读书心得) and the replies that discuss them (decision 0083)
    name: '2101_reading_groups',
    async up(db) {
      await db.schema.createTable('activity_reading_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('intro', 'text', (c) => c.notNull())
        .addColumn('leader_user_id', 'text')
        .addColumn('leader_name', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_reading_groups_tenant').on('activity_reading_groups').columns(['tenant_id', 'name']).execute();
      await db.schema.createTable('activity_reading_members')
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('activity_reading_members_pk', ['group_id', 'user_id'])
        .execute();
      await db.schema.createIndex('activity_reading_members_user').on('activity_reading_members').columns(['user_id']).execute();
      await db.schema.createTable('activity_reading_books')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('author', 'text')
        .addColumn('plan', 'text')
        .addColumn('starts_on', 'text', (c) => c.notNull())
        .addColumn('ends_on', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_reading_books_group').on('activity_reading_books').columns(['group_id', 'starts_on']).execute();
      await db.schema.createTable('activity_reading_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('book_id', 'text')
        .addColumn('book_title', 'text')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // one check-in (打卡) per member, group and day: the database refuses a second one
      await db.schema.createIndex('activity_reading_notes_one').on('activity_reading_notes').columns(['group_id', 'user_id', 'on_date']).unique().execute();
      await db.schema.createIndex('activity_reading_notes_tenant').on('activity_reading_notes').columns(['tenant_id', 'on_date']).execute();
      await db.schema.createIndex('activity_reading_notes_member').on('activity_reading_notes').columns(['tenant_id', 'user_id', 'on_date']).execute();
      await db.schema.createTable('activity_reading_replies')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('note_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('activity_reading_replies_note').on('activity_reading_replies').columns(['note_id', 'created_at']).execute();
    },
  },
];
