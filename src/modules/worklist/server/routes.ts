/** GET /api/worklist: the home page's 待办, cached per person (as its JSON bytes) until a workflow event moves any work item. */
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { ReadCache } from '../../../kernel/server/read-cache.ts';
import { sendSerialised, serialiseWith, type JsonBytes } from '../../../kernel/server/http/serialised-json.ts';
import { worklistQuery, worklistResponse } from '../contract.ts';
import { readWorklist } from './worklist-query.ts';

/** Whether an event may have opened or closed a work item, or moved deadlines (a calendar change). */
const movesWork = (type: string) => type.endsWith('.transitioned') || type === 'task.opened' || type === 'calendar.changed';

export function worklistRoutes(app: App, ctx: ModuleContext) {
  // a worklist is read far more often than it changes; every instance drops its copies when any work item moves
  const cache = new ReadCache<JsonBytes>({ ttlMs: 15_000, maxEntries: 20_000 });
  ctx.events.onBroadcast('*', (e) => { if (movesWork(e.type)) cache.invalidate(); });

  app.get('/api/worklist', {
    schema: {
      tags: ['worklist'], summary: '我的待办：按办理期限排序，附剩余工作日',
      querystring: worklistQuery,
      response: { 200: worklistResponse },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const q = req.query;
    const key = `${actor.userId}|${actor.orgId}|${actor.roles.join(',')}|${q.page}|${q.pageSize}|${q.label ?? ''}|${ctx.calendar.today()}`;
    const body = await cache.get('all', key, async () => serialiseWith(worklistResponse, await readWorklist(ctx.db, ctx.calendar, ctx.contributions.link, actor, q)));
    return sendSerialised(reply, body);
  });
}
