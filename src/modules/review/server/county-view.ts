/**
 * A leader of the city reading a county's (下级政协) records (decision 0072). The modules' figures and lists count the
 * reader's own CPPCC; to show a county's figures, the catalogue is asked as the reader would be if they sat in that
 * county (same person, same permissions, the county's tenant), and the county's list behind a figure is opened through
 * `GET /api/dashboard/records`, which calls that list inside the server as the same reader in the same county. Only a
 * CPPCC the reader may see (`visibleTenantIds`: the city sees its counties, a county only itself), only reads, and only
 * a list that one of the county's figures names: a reader can follow each number of a county and nothing else.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/server/actor.ts';
import type { App } from '../../../kernel/server/http/server.ts';

/**
 * The reader as seen from another CPPCC they may look at: the same person and permissions, sitting at that CPPCC's top
 * (its tenant and organisation).
 */
export function viewerIn(actor: Actor, tenantId: string): Actor {
  return tenantId === actor.tenantId ? actor : { ...actor, tenantId, orgId: tenantId };
}

/** The records behind a county's figure for a reader of another CPPCC: the list through `GET /api/dashboard/records`. */
export function countyRecordsLink(orgId: string, year: number, link: string): string {
  return `/api/dashboard/records?${new URLSearchParams({ org: orgId, year: String(year), link }).toString()}`;
}

const HEADER = 'x-zx-county-view';
/** The server's own calls in progress: a nonce (never sent to a browser) → whose request, seen from which CPPCC. */
const pending = new Map<string, { userId: string; tenantId: string }>();

/**
 * The hook that lets the server's own call read as the reader in the county: a GET carrying a nonce of a call in
 * progress, from the same signed-in person. Anything else is left as it is (a guessed or replayed nonce names nothing).
 */
export function registerCountyView(app: App): void {
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const nonce = req.headers[HEADER];
    if (typeof nonce !== 'string') return;
    const view = pending.get(nonce);
    if (!view || req.method !== 'GET' || !req.actor || req.actor.userId !== view.userId) return;
    req.actor = viewerIn(req.actor, view.tenantId);
  });
}

/** GET `url` inside the server as the request's reader seen from `tenantId`: the list's status and body. */
export async function readAsIn(app: App, req: FastifyRequest, actor: Actor, tenantId: string, url: string): Promise<{ status: number; body: unknown }> {
  const nonce = randomBytes(24).toString('hex');
  pending.set(nonce, { userId: actor.userId, tenantId });
  try {
    const headers: Record<string, string> = { [HEADER]: nonce, 'accept-language': String(req.headers['accept-language'] ?? 'zh-CN') };
    for (const h of ['cookie', 'authorization'] as const) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
    const r = await app.inject({ method: 'GET', url, headers });
    return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
  } finally {
    pending.delete(nonce);
  }
}
