/**
 * The public portal's addresses (no sign-in) and the office's 门户设置 API.
 *
 * Public: /portal (home), /portal/contact, /portal/<section>[?page=N], /portal/<section>/<id>, the same under
 * /portal/t/<CPPCC code>/ for another CPPCC, /sitemap.xml and /robots.txt. Each answer carries an ETag (a matching
 * If-None-Match is a 304), Last-Modified and `Cache-Control: public, max-age=60`, compressed with brotli or gzip when
 * the browser takes it. Query parameters other than `page` (a shared link's tracking tags) do not make a new page.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { can } from '../../../kernel/server/actor.ts';
import { forbidden, invalid } from '../../../kernel/universal/errors.ts';
import { portalPermissions } from '../domain/portal-permissions.ts';
import { portalSettingsSchema } from '../domain/portal-settings.ts';
import type { CachedPage } from '../domain/page-cache.ts';
import { MAX_PAGE, portalSiteOf, type PortalRoute } from './site.ts';
import { readPortalSettings, savePortalSettings } from './settings-repository.ts';

export const PAGE_CACHE_CONTROL = 'public, max-age=60';

/** The origin pages link to when the office set no site address: the request's, reduced to a plain host name. */
function originOf(req: FastifyRequest): string {
  const host = String(req.headers.host ?? '').toLowerCase();
  const safe = /^[a-z0-9.-]{1,100}(:\d{1,5})?$/.test(host) ? host : 'localhost';
  return `${req.protocol === 'https' ? 'https' : 'http'}://${safe}`;
}

function send(req: FastifyRequest, reply: FastifyReply, p: CachedPage) {
  reply.header('cache-control', p.status === 200 ? PAGE_CACHE_CONTROL : 'no-cache');
  reply.header('vary', 'Accept-Encoding');
  if (p.status === 200) {
    reply.header('etag', p.etag);
    reply.header('last-modified', p.lastModified);
    const inm = req.headers['if-none-match'];
    if (inm && (inm === p.etag || inm.split(',').some((t) => t.trim() === p.etag || t.trim() === '*'))) return reply.status(304).send();
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  let body = p.body;
  if (p.br && /\bbr\b/.test(accept)) { body = p.br; reply.header('content-encoding', 'br'); }
  else if (p.gzip && /\bgzip\b/.test(accept)) { body = p.gzip; reply.header('content-encoding', 'gzip'); }
  return reply.status(p.status).type(p.type).send(body);
}

/** `?page=` as a whole number from 1; anything else is page 1 (an address with a bad page is not an error page). */
function pageOf(q: unknown): number {
  const raw = (q as Record<string, unknown> | undefined)?.page;
  const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), MAX_PAGE);
}

const settingsBody = portalSettingsSchema.extend({ version: z.number().int().min(0).describe('版本号') });
const settingsAnswer = z.object({
  settings: portalSettingsSchema,
  version: z.number().int(),
  /** every section the modules declare, in declared order */
  sections: z.array(z.object({ key: z.string(), title: z.string(), module: z.string() })),
  /** the portal's address for this CPPCC */
  path: z.string(),
});
const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }) });
const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody };

export function portalRoutes(app: App, ctx: ModuleContext) {
  const site = () => portalSiteOf(ctx);
  const hidden = { schema: { hide: true } };
  const serve = (route: PortalRoute, code: string | null) => async (req: FastifyRequest, reply: FastifyReply) => send(req, reply, await site().page(route, code, originOf(req)));
  type P = { code?: string; section?: string; id?: string };
  const params = (req: FastifyRequest) => req.params as P;
  const codeOf = (req: FastifyRequest) => params(req).code ?? null;

  for (const prefix of ['/portal', '/portal/t/:code']) {
    app.get(prefix, hidden, (req, reply) => serve({ kind: 'home' }, codeOf(req))(req, reply));
    app.get(`${prefix}/contact`, hidden, (req, reply) => serve({ kind: 'contact' }, codeOf(req))(req, reply));
    app.get(`${prefix}/:section`, hidden, (req, reply) => serve({ kind: 'section', key: params(req).section!, page: pageOf(req.query) }, codeOf(req))(req, reply));
    app.get(`${prefix}/:section/:id`, hidden, (req, reply) => serve({ kind: 'item', key: params(req).section!, id: params(req).id! }, codeOf(req))(req, reply));
  }
  // an address with a trailing slash is the same page under its one address
  for (const p of ['/portal/', '/portal/t/:code/']) app.get(p, hidden, (req, reply) => reply.redirect(req.url.split('?')[0].replace(/\/+$/, ''), 301));
  app.get('/portal/t/:code/sitemap.xml', hidden, (req, reply) => serve({ kind: 'sitemap' }, codeOf(req))(req, reply));
  app.get('/sitemap.xml', hidden, (req, reply) => serve({ kind: 'sitemap' }, null)(req, reply));
  app.get('/robots.txt', hidden, (req, reply) => serve({ kind: 'robots' }, null)(req, reply));

  // ——— 门户设置 (office) ———
  const manager = (req: FastifyRequest) => {
    const actor = actorOf(req);
    if (!can(actor, portalPermissions.manage)) throw forbidden('门户设置');
    return actor;
  };
  const answer = async (tenantId: string) => {
    const { settings, version } = await readPortalSettings(ctx, tenantId);
    const sections = (await site().sectionsOf(tenantId)).map((s) => ({ key: s.key, title: s.title, module: s.module }));
    return { settings, version, sections, path: await site().pathOf(tenantId) };
  };

  app.get('/api/portal/settings', {
    schema: { tags: ['portal'], summary: '门户设置（名称、联系方式、栏目显示与顺序）', response: { 200: settingsAnswer, ...errors } },
  }, async (req) => answer(manager(req).tenantId));

  app.put('/api/portal/settings', {
    schema: { tags: ['portal'], summary: '保存门户设置（带版本号，并发修改返回 409）', body: settingsBody, response: { 200: settingsAnswer, ...errors } },
  }, async (req) => {
    const actor = manager(req);
    const { version, ...settings } = req.body;
    const declared = new Set((await site().sectionsOf(actor.tenantId)).map((s) => s.key));
    const unknown = settings.sections.find((s) => !declared.has(s.key));
    if (unknown) throw invalid('sections', '「栏目」', `没有「${unknown.key}」这个栏目`);
    if (new Set(settings.sections.map((s) => s.key)).size !== settings.sections.length) throw invalid('sections', '「栏目」', '有重复的栏目');
    await savePortalSettings(ctx, actor, version, settings, req.ip);
    return answer(actor.tenantId);
  });
}
