/**
 * The permission catalogue (assembled from every module manifest) and the role → permission grants.
 * Each default grant of the manifests is applied once (when its permission, or that role among its defaults, first
 * appears); after that 安全管理员 owns the grants.
 */
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { kernelRoles } from '../../../kernel/universal/roles.ts';
import type { CataloguePermission } from '../domain/role-rules.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { identityDb, type IdentityDb } from './tables.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';

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

/** The audit action of default grants the sync made on an existing database (a system grant). */
export const DEFAULT_GRANT_AUDIT = 'role.permissions.default';

/**
 * Store the catalogue and the built-in roles, and apply each (permission, role) default of the manifests once: a
 * permission seen for the first time is granted to its default roles, and so is a role added to an existing
 * permission's `defaultRoles` in a later release. Which defaults were applied is remembered
 * (`permission_default_grants`), so a grant the security administrator removed is not brought back. On a database
 * that already had a catalogue, each role's new default grants are one audit record of the system
 * (`role.permissions.default`). Safe to run on every start.
 */
export async function syncPermissionCatalogue(anyDb: AnyModuleDb, manifests: ReadonlyArray<Pick<ModuleManifest, 'name' | 'permissions' | 'roles'>>, dialect: DialectName): Promise<{ added: string[]; granted: Array<{ role: string; permission: string }> }> {
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
        added.push(p.code);
      } else if (cur.name !== row.name || cur.module !== row.module || cur.default_roles !== row.default_roles) {
        await trx.updateTable('permissions').set({ name: row.name, module: row.module, default_roles: row.default_roles }).where('code', '=', p.code).execute();
      }
    }
    // the defaults not applied yet: grant each once (unless the role holds it already), and remember it
    const key = (permission: string, role: string) => `${permission}|${role}`;
    const applied = new Set((await trx.selectFrom('permission_default_grants').select(['permission', 'role_code']).execute()).map((r) => key(r.permission, r.role_code)));
    const due = catalogue.flatMap((p) => p.defaultRoles.filter((r) => !applied.has(key(p.code, r))).map((role) => ({ role, permission: p.code })));
    const granted: Array<{ role: string; permission: string }> = [];
    if (due.length) {
      const held = new Set((await trx.selectFrom('role_permissions').select(['role_code', 'permission']).execute()).map((g) => key(g.permission, g.role_code)));
      const at = clock.iso();
      for (let i = 0; i < due.length; i += 200) {
        await trx.insertInto('permission_default_grants').values(due.slice(i, i + 200).map((d) => ({ permission: d.permission, role_code: d.role, applied_at: at })))
          .onConflict((oc) => oc.columns(['permission', 'role_code']).doNothing()).execute();
      }
      granted.push(...due.filter((d) => !held.has(key(d.permission, d.role))));
      for (let i = 0; i < granted.length; i += 200) {
        await trx.insertInto('role_permissions').values(granted.slice(i, i + 200).map((g) => ({ role_code: g.role, permission: g.permission })))
          .onConflict((oc) => oc.columns(['role_code', 'permission']).doNothing()).execute();
      }
      // an upgrade, not the first installation: the security administrator finds the system's grants in the audit log
      if (existing.size > 0) {
        const byRole = new Map<string, string[]>();
        for (const g of granted) byRole.set(g.role, [...(byRole.get(g.role) ?? []), g.permission]);
        for (const [role, permissions] of byRole) {
          await appendAudit(trx, dialect, {
            tenantId: null, actorId: 'system', actorName: '系统', action: DEFAULT_GRANT_AUDIT, entityType: 'role', entityId: role,
            data: { added: permissions.sort(), reason: 'default_roles' },
          });
        }
      }
    }
    return { added, granted };
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
