/**
 * The catalogue of what the modules declare in their manifests (roles, settings, entities, jobs, per-app instances),
 * built once per app by the composition root and handed to every module as `ctx.contributions`. Two modules declaring
 * the same role code, setting key or entity type is a programming error: building the catalogue fails.
 */
import type { Actor } from './actor.ts';
import type { ModuleContext, ModuleManifest } from './module.ts';
import type { AssignedText, EntityDecl, JobDecl, OwnTaskNotice, RoleDef, SettingDecl, TaskNoticeFacts, VisibleIds } from './contributions.ts';
import type { PublicSection, TenantPublicSections } from './contributions.ts';
import { kernelRoles } from '../universal/roles.ts';

export type Owned<T> = T & { module: string };

const SETTING_KEY = /^[a-z][A-Za-z0-9_.-]{1,80}$/;

export interface Contributions {
  /** every role: the kernel's three administrator roles, then the business roles the modules bring */
  readonly roles: readonly Owned<RoleDef>[];
  role(code: string): Owned<RoleDef> | undefined;
  /** the settings (系统参数) of every module, by key */
  readonly settings: ReadonlyMap<string, Owned<SettingDecl>>;
  /** the kinds of record the modules own, by entity type */
  readonly entities: ReadonlyMap<string, Owned<EntityDecl>>;
  readonly jobs: readonly Owned<JobDecl>[];
  /** web path of a record's page (work items, notifications); null for an entity type no module declares */
  link(type: string, id: string): Promise<string | null>;
  /** what people call these records of one entity type (see `EntityDecl.titles`); empty for a type without titles */
  titles(type: string, ids: string[]): Promise<ReadonlyMap<string, string>>;
  /** the entity whose search hits a search source's items are */
  entityOfSource(source: string): Owned<EntityDecl> | undefined;
  /** of these ids of one entity type, those the actor may see; null when the entity declares no rule */
  visibleIds(type: string, actor: Actor, ids: string[]): Promise<VisibleIds | null>;
  /** of these items of one search source, those the actor may see; null when no entity claims the source */
  searchVisibleIds(source: string, actor: Actor, ids: string[]): Promise<VisibleIds | null>;
  /** may the actor read (or add) the attachments of a record: the owning module's rule; false for unknown types */
  attachmentAccess(actor: Actor, type: string, id: string, mode: 'read' | 'write'): Promise<boolean>;
  /** the tenant's decided assignments (交办记录) of every entity that declares them, each with its entity type */
  assignmentHistory(tenantId: string): Promise<Array<AssignedText & { type: string }>>;
  /** does an entity type declare its assignment history */
  hasAssignmentHistory(type: string): boolean;
  /** the records one with this one (并案), itself included; just the id when the entity declares no rule */
  sameRecords(type: string, id: string): Promise<string[]>;
  /** the notice of a work item on a record as its owning module words it; null for the common 「新待办」 notice */
  taskNotice(type: string, task: TaskNoticeFacts): Promise<OwnTaskNotice | null>;
  /** a module's per-app instance (its services), made by its manifest's `instance` when the app was built */
  instance<T>(module: string): T;
  /** the sections of the public portal (门户) every module declares, by `order` then key; keys are unique */
  readonly publicSections: readonly Owned<PublicSection>[];
  /** the modules' per-CPPCC section hooks (a CPPCC's own news columns) */
  readonly publicTenantSections: readonly Owned<TenantPublicSections>[];
}

/** Collect the manifests' declarations; throws on a duplicate role code, setting key, entity type or search source. */
export function createContributions(modules: readonly ModuleManifest[]): Contributions & { bind(ctx: ModuleContext): void } {
  let bound: ModuleContext | undefined;
  const ctxOf = () => {
    if (!bound) throw new Error('contributions used before the app context was made');
    return bound;
  };
  const dup = (what: string, key: string, a: string, b: string) =>
    new Error(`${what} ${key} is declared by both ${a} and ${b}`);

  const roles = new Map<string, Owned<RoleDef>>();
  for (const r of kernelRoles) roles.set(r.code, { ...r, admin: true, module: 'kernel' });
  const settings = new Map<string, Owned<SettingDecl>>();
  const entities = new Map<string, Owned<EntityDecl>>();
  const sources = new Map<string, Owned<EntityDecl>>();
  const jobs: Owned<JobDecl>[] = [];
  const jobNames = new Map<string, string>();
  for (const m of modules) {
    for (const r of m.roles ?? []) {
      const had = roles.get(r.code);
      if (had) throw dup('role', r.code, had.module, m.name);
      if (r.admin) throw new Error(`role ${r.code} of ${m.name}: only the kernel declares administrator roles`);
      roles.set(r.code, { ...r, module: m.name });
    }
    for (const s of m.settings ?? []) {
      if (!SETTING_KEY.test(s.key)) throw new Error(`invalid setting key ${s.key} in ${m.name}`);
      const had = settings.get(s.key);
      if (had) throw dup('setting', s.key, had.module, m.name);
      settings.set(s.key, { ...s, module: m.name });
    }
    for (const e of m.entities ?? []) {
      const had = entities.get(e.type);
      if (had) throw dup('entity type', e.type, had.module, m.name);
      const owned = { ...e, module: m.name };
      entities.set(e.type, owned);
      for (const src of e.searchSources ?? []) {
        const other = sources.get(src);
        if (other) throw dup('search source', src, `${other.module} (${other.type})`, `${m.name} (${e.type})`);
        sources.set(src, owned);
      }
    }
    for (const j of m.jobs ?? []) {
      const name = `${m.name}.${j.name}`;
      if (jobNames.has(name)) throw dup('job', name, m.name, m.name);
      jobNames.set(name, m.name);
      jobs.push({ ...j, module: m.name });
    }
  }
  // the public portal's sections (门户栏目): one key, one section
  const publicSections = new Map<string, Owned<PublicSection>>();
  for (const m of modules) {
    for (const p of m.public?.sections ?? []) {
      if (!/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_-]*$/.test(p.key)) throw new Error(`invalid public section key ${p.key} in ${m.name}`);
      const had = publicSections.get(p.key);
      if (had) throw dup('public section', p.key, had.module, m.name);
      publicSections.set(p.key, { ...p, module: m.name });
    }
  }
  const publicTenantSections: Owned<TenantPublicSections>[] = [];
  for (const m of modules) if (m.public?.perTenant) publicTenantSections.push({ ...m.public.perTenant, module: m.name });
  // a permission granted by default to a role nobody declares would silently grant nothing
  for (const m of modules) {
    for (const p of m.permissions) {
      for (const r of p.defaultRoles) if (!roles.has(r)) throw new Error(`permission ${p.code} of ${m.name} names the undeclared role ${r}`);
    }
  }

  const instances = new Map<string, unknown>();
  const visible = async (e: EntityDecl, actor: Actor, ids: string[]): Promise<VisibleIds | null> => {
    if (!e.visibleIds) return null;
    return ids.length ? e.visibleIds(ctxOf(), actor, ids) : new Set<string>();
  };

  return {
    roles: [...roles.values()],
    role: (code) => roles.get(code),
    settings,
    entities,
    jobs,
    async link(type, id) {
      const e = entities.get(type);
      return e ? e.link(id, ctxOf()) : null;
    },
    async titles(type, ids) {
      const e = entities.get(type);
      return e?.titles && ids.length ? e.titles(ctxOf(), ids) : new Map<string, string>();
    },
    entityOfSource: (source) => sources.get(source),
    async visibleIds(type, actor, ids) {
      const e = entities.get(type);
      return e ? visible(e, actor, ids) : null;
    },
    async searchVisibleIds(source, actor, ids) {
      const e = sources.get(source);
      return e ? visible(e, actor, ids) : null;
    },
    async attachmentAccess(actor, type, id, mode) {
      const e = entities.get(type);
      if (!e) return false;
      if (e.attachments) return e.attachments(ctxOf(), actor, id, mode);
      const seen = await visible(e, actor, [id]);
      return !!seen && seen.has(id);
    },
    async assignmentHistory(tenantId) {
      const out: Array<AssignedText & { type: string }> = [];
      for (const e of entities.values()) {
        if (!e.assignmentHistory) continue;
        for (const a of await e.assignmentHistory(ctxOf(), tenantId)) out.push({ ...a, type: e.type });
      }
      return out;
    },
    hasAssignmentHistory: (type) => !!entities.get(type)?.assignmentHistory,
    async sameRecords(type, id) {
      const e = entities.get(type);
      const ids = e?.sameRecords ? await e.sameRecords(ctxOf(), id) : [];
      return ids.includes(id) ? ids : [id, ...ids];
    },
    async taskNotice(type, task) {
      const e = entities.get(type);
      return e?.taskNotice ? e.taskNotice(ctxOf(), task) : null;
    },
    instance<T>(module: string): T {
      if (!instances.has(module)) throw new Error(`module ${module} has no instance in this app`);
      return instances.get(module) as T;
    },
    publicSections: [...publicSections.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.key.localeCompare(b.key)),
    publicTenantSections,
    /** hand the app's context to the catalogue and make each module's instance (before subscriptions and routes) */
    bind(ctx) {
      bound = ctx;
      for (const m of modules) if (m.instance) instances.set(m.name, m.instance(ctx));
    },
  };
}
