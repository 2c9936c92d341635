/**
 * The module's tables as its own server code sees them (migrations 2400–2499). Read the database through
 * `portalDb(ctx.db)`: a view that knows the kernel's tables and these, and no other module's.
 */
import { moduleDb, type ModuleDb } from '../../../kernel/server/db/tables.ts';

/** 门户设置: one row per CPPCC (id = tenant id), the settings as JSON (domain/portal-settings.ts). */
export interface PortalSettingsTable {
  id: string;
  tenant_id: string;
  settings: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface PortalTables {
  portal_settings: PortalSettingsTable;
}

export const portalDb = moduleDb<PortalTables>;
export type PortalDb = ModuleDb<PortalTables>;
