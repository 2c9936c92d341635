/**
 * The permission catalogue (assembled from every module manifest) and the role → permission grants.
 * New permissions get their default grants once; after that 安全管理员 owns the grants.
 */
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { kernelRoles } from '../../../kernel/universal/roles.ts';
import type { CataloguePermission } from '../domain/role-rules.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { identityDb, type IdentityDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';

export interface CatalogueEntry extends CataloguePermission { module: string }

/** Merge the manifests' permission lists; a permission declared twice gets the union of its default roles. */
export function catalogueOf(manifests: ReadonlyArray<Pick<ModuleManifest, 'name' | 'permissions'>>): CatalogueEntry[] {
  const byCode = new Map<string, CatalogueEntry>();
  for (const m of manifests) {
    for (const p of m.permissions) {
      const cur = byCode.get(p.code);
      if (cur) cur.defaultRoles = [...new Set([...cur.defaultRoles, ...p.defaultRoles])];
      else byCode.set(p.code, { code: p.code, name: p.name, module: m.name, defaultRoles: [...p.defaultRoles] });
    }
  }
  return [...byCode.values()];
}

/** The built-in roles: the kernel's three administrator roles and the business roles the manifests declare. */
export function builtinRoles(manifests: ReadonlyArray<Pick<ModuleManifest, 'roles'>>): Array<{ code: string; name: string; nameEn: string }> {
  return [...kernelRoles, ...manifests.flatMap((m) => m.roles ?? [])];
}

/**
 * Store the catalogue and the built-in roles; grant default roles for permissions seen for the first time.
 * Safe to run on every start.
 */
export async function syncPermissionCatalogue(anyDb: AnyModuleDb, manifests: ReadonlyArray<Pick<ModuleManifest, 'name' | 'permissions' | 'roles'>>): Promise<{ added: string[] }> {
  const db = identityDb(anyDb);
  const catalogue = catalogueOf(manifests);
  return db.transaction().execute(async (trx) => {
    const roles = new Set((await trx.selectFrom('roles').select('code').execute()).map((r) => r.code));
    const missingRoles = builtinRoles(manifests).filter((r) => !roles.has(r.code));
    if (missingRoles.length) {
      await trx.insertInto('roles').values(missingRoles.map((r) => ({ code: r.code, name: r.name, builtin: 1, description: r.nameEn }))).execute();
    }
    const existing = new Map((await trx.selectFrom('permissions').selectAll().execute()).map((r) => [r.code, r]));
    const added: string[] = [];
    for (const p of catalogue) {
      const row = { code: p.code, name: p.name, module: p.module, default_roles: JSON.stringify(p.defaultRoles) };
      const cur = existing.get(p.code);
      if (!cur) {
        await trx.insertInto('permissions').values(row).execute();
        const grants = p.defaultRoles.map((r) => ({ role_code: r, permission: p.code }));
        if (grants.length) {
          const have = new Set((await trx.selectFrom('role_permissions').select('role_code').where('permission', '=', p.code).execute()).map((x) => x.role_code));
          const fresh = grants.filter((g) => !have.has(g.role_code));
          if (fresh.length) await trx.insertInto('role_permissions').values(fresh).execute();
        }
        added.push(p.code);
      } else if (cur.name !== row.name || cur.module !== row.module || cur.default_roles !== row.default_roles) {
        await trx.updateTable('permissions').set({ name: row.name, module: row.module, default_roles: row.default_roles }).where('code', '=', p.code).execute();
      }
    }
    return { added };
  });
}

/** The stored catalogue. */
export async function readCatalogue(db: IdentityDb): Promise<CatalogueEntry[]> {
  const rows = await db.selectFrom('permissions').selectAll().orderBy('module').orderBy('code').execute();
  return rows.map((r) => ({ code: r.code, name: r.name, module: r.module, defaultRoles: JSON.parse(r.default_roles) as string[] }));
}

export async function permissionsOfRoles(db: IdentityDb, roleCodes: readonly string[]): Promise<Set<string>> {
  if (roleCodes.length === 0) return new Set();
  const rows = await db.selectFrom('role_permissions').select('permission').distinct().where('role_code', 'in', [...roleCodes]).execute();
  return new Set(rows.map((r) => r.permission));
}

/**
 * Permissions per role set, cached in memory: a request costs no extra query. Cleared when grants change
 * (on every instance, through the broadcast event) and after a short time as a safety net.
 */
export class PermissionCache {
  private entries = new Map<string, { at: number; perms: Promise<Set<string>>; ready?: Set<string> }>();
  private readonly db: IdentityDb;
  constructor(db: AnyModuleDb, private ttlMs = 30_000) { this.db = identityDb(db); }

  get(roleKey: string): Promise<Set<string>> {
    const now = clock.nowMs();
    const hit = this.entries.get(roleKey);
    if (hit && now - hit.at < this.ttlMs) return hit.perms;
    const perms = permissionsOfRoles(this.db, roleKey ? roleKey.split(',') : []);
    const entry: { at: number; perms: Promise<Set<string>>; ready?: Set<string> } = { at: now, perms };
    perms.then((set) => { entry.ready = set; }, () => { if (this.entries.get(roleKey) === entry) this.entries.delete(roleKey); });
    this.entries.set(roleKey, entry);
    return perms;
  }

  /** The permission set of a role set when it is already loaded and fresh, without waiting. */
  peek(roleKey: string): Set<string> | undefined {
    const hit = this.entries.get(roleKey);
    return hit?.ready && clock.nowMs() - hit.at < this.ttlMs ? hit.ready : undefined;
  }

  clear(): void { this.entries.clear(); }
}

export const roleKeyOf = (codes: Iterable<string>) => [...new Set(codes)].sort().join(',');
