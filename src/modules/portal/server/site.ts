/**
 * The public portal (门户) of every CPPCC on this installation: the pages the declared sections fill, rendered once
 * and then served from memory (`PageCache`) until a section's event, a settings change or the time limit drops them.
 * A view of a cached page runs no database query: the cache is looked up by the address before anything else; only a
 * miss resolves the CPPCC, reads the settings and asks the sections. Concurrent misses of one address share a render.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { systemActor } from '../../../kernel/server/actor.ts';
import type { PublicSection } from '../../../kernel/server/contributions.ts';
import type { Owned } from '../../../kernel/server/contributions-catalogue.ts';
import type { DomainEvent } from '../../../kernel/server/events.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { allTenantIds, countMembers, currentWorkYear, getOrg, workYearFor } from '../../organizations/index.ts';
import { PageCache, type CachedPage } from '../domain/page-cache.ts';
import { arrangeSections, portalTitleOf, type PortalSettings } from '../domain/portal-settings.ts';
import {
  itemPath, renderContact, renderHome, renderItem, renderNotFound, renderRobots, renderSection, renderSitemap, sectionPath,
  type FigureView, type SectionView, type SiteFrame,
} from '../domain/templates.ts';
import { PORTAL_SETTINGS_CHANGED, readPortalSettings } from './settings-repository.ts';

/** The organisation figures an anonymous visitor sees on the home page (年度履职数据), in this order. */
export const PUBLIC_FIGURES = [
  'proposals.received', 'proposals.filed', 'proposals.replied', 'opinions.submitted', 'opinions.adopted', 'consultations.held',
  'inspections.investigations_held', 'inspections.inspections_held', 'live.held', 'surveys.held', 'activities.total', 'activities.served',
] as const;

export const HOME_ITEMS = 6;
const SECTION_KEY = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_-]*$/;
export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;
const SITEMAP_ITEMS = 1000;

/** What a visitor asked for. */
export type PortalRoute =
  | { kind: 'home' } | { kind: 'contact' } | { kind: 'sitemap' } | { kind: 'robots' }
  | { kind: 'section'; key: string; page: number }
  | { kind: 'item'; key: string; id: string };

/** A CPPCC as the portal knows it. */
interface Tenant { id: string; code: string | null; name: string }

export class PortalSite {
  readonly cache = new PageCache({ maxEntries: 2_000, ttlMs: 60_000, now: () => clock.nowMs() });
  private inflight = new Map<string, Promise<CachedPage>>();
  private directory: { at: number; tenants: Tenant[]; byCode: Map<string, Tenant>; fallback: Tenant | null } | null = null;
  /** renders (cache misses), for tests and the benchmark */
  renders = 0;

  constructor(private ctx: ModuleContext) {}

  private get sections(): readonly Owned<PublicSection>[] { return this.ctx.contributions.publicSections; }
  /** the per-CPPCC sections last read for each CPPCC, so that their events drop their pages */
  private tenantSections = new Map<string, readonly Owned<PublicSection>[]>();

  /**
   * A CPPCC's sections: the declared ones, and those the modules' per-CPPCC hooks give it (its own news columns), by
   * order then key. A hook's section whose key is taken, or malformed, is left out; a hook that fails adds none.
   */
  async sectionsOf(tenantId: string): Promise<Owned<PublicSection>[]> {
    const keys = new Set(this.sections.map((s) => s.key));
    const extra: Owned<PublicSection>[] = [];
    for (const hook of this.ctx.contributions.publicTenantSections) {
      try {
        for (const s of await hook.sectionsFor(this.ctx, tenantId)) {
          if (keys.has(s.key) || !SECTION_KEY.test(s.key) || !s.key.startsWith(`${hook.module}.`)) continue;
          keys.add(s.key);
          extra.push({ ...s, module: hook.module });
        }
      } catch (err) {
        this.ctx.log.error(`门户栏目（${hook.module}）读取失败：`, err);
      }
    }
    this.tenantSections.set(tenantId, extra);
    if (!extra.length) return [...this.sections];
    return [...this.sections, ...extra].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.key.localeCompare(b.key));
  }

  /** The page for a route: from the cache, or rendered (and kept when it is a page worth keeping). */
  async page(route: PortalRoute, code: string | null, origin: string): Promise<CachedPage> {
    const key = `${origin}|${code ?? ''}|${route.kind}|${'key' in route ? route.key : ''}|${'id' in route ? route.id : ''}|${'page' in route ? route.page : ''}`;
    const hit = this.cache.lookup(key);
    if (hit && !hit.stale) return hit.page;
    const running = this.inflight.get(key);
    if (running) return hit ? hit.page : running;
    const p = this.render(key, route, code, origin).finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    if (hit) {
      // past the time limit: this reader gets the page kept while a fresh one renders for the next
      p.catch((err) => this.ctx.log.error('门户页面生成失败：', err));
      return hit.page;
    }
    return p;
  }

  /** Drop cached pages: a section's event drops its tenant's pages of that section and the pages of every section. */
  onEvent(e: Pick<DomainEvent, 'type' | 'tenantId'>): void {
    // the settings, or a CPPCC's own set of sections (its news columns: every page's navigation names them)
    if (e.type === PORTAL_SETTINGS_CHANGED || this.ctx.contributions.publicTenantSections.some((h) => h.events.includes(e.type))) {
      this.cache.invalidate(e.tenantId || undefined);
      return;
    }
    for (const s of this.sections) {
      if (s.events.includes(e.type)) this.cache.invalidate(e.tenantId || undefined, s.key);
    }
    for (const [tenantId, sections] of this.tenantSections) {
      if (e.tenantId && e.tenantId !== tenantId) continue;
      for (const s of sections) if (s.events.includes(e.type)) this.cache.invalidate(tenantId, s.key);
    }
  }

  /** The address of a CPPCC's portal: /portal for the one there, /portal/t/<code> for the others. */
  async pathOf(tenantId: string): Promise<string> {
    const dir = await this.tenants();
    const t = dir.tenants.find((x) => x.id === tenantId);
    return !t || t === dir.fallback || !t.code ? '/portal' : `/portal/t/${encodeURIComponent(t.code)}`;
  }

  /** Forget the CPPCCs read (a new county, a new name): the next render reads them again. */
  forgetTenants(): void { this.directory = null; }

  private async tenants() {
    if (this.directory && clock.nowMs() - this.directory.at < 300_000) return this.directory;
    const tenants: Tenant[] = [];
    let fallback: Tenant | null = null;
    let most = -1;
    for (const id of await allTenantIds(this.ctx.db)) {
      const o = await getOrg(this.ctx.db, id);
      if (!o) continue;
      const t = { id, code: o.code ?? null, name: o.short_name || o.name };
      tenants.push(t);
      // the portal at /portal is the CPPCC with the most members (the city's, not the province above it with none)
      const n = await countMembers(this.ctx.db, id);
      if (n > most) { most = n; fallback = t; }
    }
    const byCode = new Map(tenants.filter((t) => t.code).map((t) => [t.code!, t]));
    this.directory = { at: clock.nowMs(), tenants, byCode, fallback };
    return this.directory;
  }

  private async render(key: string, route: PortalRoute, code: string | null, origin: string): Promise<CachedPage> {
    this.renders++;
    const dir = await this.tenants();
    const tenant = code === null ? dir.fallback : dir.byCode.get(code) ?? null;
    if (!tenant) return finish({ status: 404, type: 'text/plain; charset=utf-8', body: '没有这个政协的门户。', tenantId: '', section: null });
    // read before anything the page shows: an event that arrives while it renders keeps the page out of the cache
    const generation = this.cache.generation(tenant.id);
    const { settings } = await readPortalSettings(this.ctx, tenant.id);
    const shown = arrangeSections(await this.sectionsOf(tenant.id), settings.sections);
    const base = code === null ? '/portal' : `/portal/t/${encodeURIComponent(code)}`;
    const frame: SiteFrame = {
      siteTitle: portalTitleOf(settings, tenant.name), subtitle: settings.subtitle, orgName: tenant.name,
      base, origin: settings.siteUrl || origin, nav: shown.map((s) => ({ key: s.key, title: s.title })),
    };
    const page = await this.renderFor(route, tenant, frame, shown, settings, dir.tenants);
    const done = finish({ ...page, tenantId: tenant.id });
    if (done.status === 200) this.cache.set(key, done, generation);
    return done;
  }

  private async renderFor(route: PortalRoute, tenant: Tenant, frame: SiteFrame, shown: Owned<PublicSection>[], settings: PortalSettings, all: Tenant[]) {
    const html = 'text/html; charset=utf-8';
    const notFound = () => ({ status: 404, type: html, body: renderNotFound(frame, frame.base), section: null });
    switch (route.kind) {
      case 'home': {
        const views = await Promise.all(shown.map((s) => this.sectionView(s, tenant.id, HOME_ITEMS, 0)));
        return { status: 200, type: html, body: renderHome(frame, views, await this.figures(tenant.id)), section: '*' };
      }
      case 'section': {
        const s = shown.find((x) => x.key === route.key);
        if (!s) return notFound();
        const view = await this.sectionView(s, tenant.id, PAGE_SIZE, (route.page - 1) * PAGE_SIZE);
        const pages = Math.max(1, Math.ceil(view.total / PAGE_SIZE));
        if (route.page > pages) return notFound();
        return { status: 200, type: html, body: renderSection(frame, view, route.page, pages), section: s.key };
      }
      case 'item': {
        const s = shown.find((x) => x.key === route.key);
        const it = s?.item ? await s.item(this.ctx, tenant.id, route.id) : null;
        if (!s || !it) return notFound();
        return { status: 200, type: html, body: renderItem(frame, s, { ...it, summary: it.summary }), section: s.key };
      }
      case 'contact':
        return { status: 200, type: html, body: renderContact(frame, settings.contact), section: null };
      case 'sitemap': {
        const urls: Array<{ loc: string; lastmod?: string }> = [{ loc: `${frame.origin}${frame.base}` }, { loc: `${frame.origin}${frame.base}/contact` }];
        for (const s of shown) {
          urls.push({ loc: `${frame.origin}${sectionPath(frame, s.key)}` });
          if (!s.item) continue;
          const { items } = await s.list(this.ctx, tenant.id, { limit: SITEMAP_ITEMS, offset: 0 });
          for (const it of items) if (!it.href) urls.push({ loc: `${frame.origin}${itemPath(frame, s.key, it.id)}`, lastmod: it.date });
        }
        // the other CPPCCs' portals, from the one at /portal
        if (frame.base === '/portal') for (const t of all) if (t.id !== tenant.id && t.code) urls.push({ loc: `${frame.origin}/portal/t/${encodeURIComponent(t.code)}` });
        return { status: 200, type: 'application/xml; charset=utf-8', body: renderSitemap(urls), section: '*' };
      }
      case 'robots':
        return { status: 200, type: 'text/plain; charset=utf-8', body: renderRobots(frame.origin), section: null };
    }
  }

  /** A section's items for a page; a section that fails shows empty rather than taking the page down. */
  private async sectionView(s: Owned<PublicSection>, tenantId: string, limit: number, offset: number): Promise<SectionView> {
    try {
      const { items, total } = await s.list(this.ctx, tenantId, { limit, offset });
      return { key: s.key, title: s.title, items, total, hasPages: !!s.item };
    } catch (err) {
      this.ctx.log.error(`门户栏目 ${s.key} 读取失败：`, err);
      return { key: s.key, title: s.title, items: [], total: 0, hasPages: !!s.item };
    }
  }

  /** The current working year's public figures; the year before while the new one has nothing yet (its first days). */
  private async figures(tenantId: string): Promise<{ title: string; items: FigureView[] } | null> {
    const modules = [...new Set(PUBLIC_FIGURES.map((k) => k.split('.')[0]))].filter((m) => this.ctx.figures.modules.some((x) => x.name === m));
    if (!modules.length) return null;
    const of = async (wy: { year: number; startsOn: string; endsOn: string }) => {
      const groups = await this.ctx.figures.compute(this.ctx, { tenantId, from: wy.startsOn, to: wy.endsOn, year: wy.year }, systemActor(tenantId), { modules });
      const byKey = new Map(groups.flatMap((g) => g.figures).map((f) => [f.key, f]));
      return PUBLIC_FIGURES.map((k) => byKey.get(k)).filter((f) => !!f).map((f) => ({ label: f.label, value: f.value, unit: f.unit }));
    };
    try {
      const now = await currentWorkYear(this.ctx.settings, tenantId);
      let items = await of(now);
      let year = now.year;
      if (items.every((f) => f.value === 0)) {
        items = await of(await workYearFor(this.ctx.settings, tenantId, now.year - 1));
        year = now.year - 1;
      }
      return { title: `${year}年度履职数据`, items };
    } catch (err) {
      this.ctx.log.error('门户年度数据读取失败：', err);
      return null;
    }
  }
}

/** A rendered page with its validators and compressed forms (made once per render, not per view). */
function finish(p: { status: number; type: string; body: string; tenantId: string; section: string | null }): CachedPage {
  const body = Buffer.from(p.body, 'utf8');
  const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  const big = body.length > 1024;
  return {
    status: p.status, type: p.type, body, etag, lastModified: new Date(clock.nowMs()).toUTCString(), tenantId: p.tenantId, section: p.section,
    gzip: big ? gzipSync(body, { level: 9 }) : undefined,
    br: big ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }) : undefined,
  };
}

/** The portal is the module's per-app instance; its subscription keeps the cache true. */
export const portalSiteOf = (ctx: ModuleContext) => ctx.contributions.instance<PortalSite>('portal');

/**
 * Every declared section's events and the settings' drop the tenant's pages: on the instance that delivers the event
 * (before the command answers) and, through the broadcast, on every other instance.
 */
export function subscribePortalCache(ctx: ModuleContext): void {
  const hooks = ctx.contributions.publicTenantSections;
  const types = new Set([PORTAL_SETTINGS_CHANGED, ...ctx.contributions.publicSections.flatMap((s) => s.events), ...hooks.flatMap((h) => [...h.events, ...h.sectionEvents])]);
  const drop = (e: DomainEvent) => portalSiteOf(ctx).onEvent(e);
  for (const t of types) {
    ctx.events.on(t, drop);
    ctx.events.onBroadcast(t, drop);
  }
}
