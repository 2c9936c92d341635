/**
 * The module's tables (ordinals 2500–2599). The same migration runs on SQLite and PostgreSQL: text ids, timestamps
 * and dates, integers. Every list and filter has its index; the trips' (vehicle, time) and (driver, time) indexes
 * serve the double-booking check that runs inside the 派车 transaction.
 */
import type { Kysely } from 'kysely';
import type { MigrationDef } from '../../../kernel/server/migrate.ts';

const versioned = (db: Kysely<any>, table: string) => db.schema.createTable(table)
  .addColumn('id', 'text', (c) => c.primaryKey())
  .addColumn('tenant_id', 'text', (c) => c.notNull())
  .addColumn('version', 'integer', (c) => c.notNull())
  .addColumn('created_at', 'text', (c) => c.notNull())
  .addColumn('updated_at', 'text', (c) => c.notNull());

export const logisticsMigrations: MigrationDef[] = [
  {
    name: '2500_logistics_receptions_checklists_trips',
    async up(db) {
      await versioned(db, 'logistics_receptions')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('guest_unit', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('guests_json', 'text', (c) => c.notNull())
        .addColumn('programme_json', 'text', (c) => c.notNull())
        .addColumn('rooms_json', 'text', (c) => c.notNull())
        .addColumn('meals_json', 'text', (c) => c.notNull())
        .addColumn('budget_json', 'text', (c) => c.notNull())
        .addColumn('guest_count', 'integer', (c) => c.notNull())
        .addColumn('budget_total', 'integer', (c) => c.notNull())
        .addColumn('actual_total', 'integer', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('logistics_receptions_tenant_date').on('logistics_receptions').columns(['tenant_id', 'start_date']).execute();
      await db.schema.createIndex('logistics_receptions_tenant_state').on('logistics_receptions').columns(['tenant_id', 'state', 'start_date']).execute();

      await versioned(db, 'logistics_checklists')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('link_type', 'text')
        .addColumn('link_id', 'text')
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('items_total', 'integer', (c) => c.notNull())
        .addColumn('items_done', 'integer', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('logistics_checklists_tenant_date').on('logistics_checklists').columns(['tenant_id', 'event_date']).execute();
      await db.schema.createIndex('logistics_checklists_link').on('logistics_checklists').columns(['link_type', 'link_id']).execute();

      await versioned(db, 'logistics_checklist_templates')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('items_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('logistics_checklist_templates_tenant').on('logistics_checklist_templates').columns(['tenant_id', 'name']).execute();

      await versioned(db, 'logistics_vehicles')
        .addColumn('plate', 'text', (c) => c.notNull())
        .addColumn('seats', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('logistics_vehicles_plate').on('logistics_vehicles').columns(['tenant_id', 'plate']).unique().execute();

      await versioned(db, 'logistics_drivers')
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('logistics_drivers_tenant').on('logistics_drivers').columns(['tenant_id', 'name']).execute();

      await versioned(db, 'logistics_trips')
        .addColumn('owner_user_id', 'text', (c) => c.notNull())
        .addColumn('owner_name', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('passengers', 'integer', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('trip_date', 'text', (c) => c.notNull())
        .addColumn('vehicle_id', 'text')
        .addColumn('driver_id', 'text')
        .addColumn('start_km', 'integer')
        .addColumn('end_km', 'integer')
        .addColumn('km', 'integer')
        .addColumn('reason', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('logistics_trips_tenant_state').on('logistics_trips').columns(['tenant_id', 'state', 'trip_date']).execute();
      await db.schema.createIndex('logistics_trips_tenant_date').on('logistics_trips').columns(['tenant_id', 'trip_date']).execute();
      await db.schema.createIndex('logistics_trips_owner').on('logistics_trips').columns(['owner_user_id', 'trip_date']).execute();
      await db.schema.createIndex('logistics_trips_vehicle_time').on('logistics_trips').columns(['vehicle_id', 'starts_at']).execute();
      await db.schema.createIndex('logistics_trips_driver_time').on('logistics_trips').columns(['driver_id', 'starts_at']).execute();
    },
  },
];
