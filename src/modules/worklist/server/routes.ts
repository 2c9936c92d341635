/** GET /api/worklist: the home page's 待办. */
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { worklistQuery, worklistResponse } from '../contract.ts';
import { readWorklist } from './worklist-query.ts';

export function worklistRoutes(app: App, ctx: ModuleContext) {
  app.get('/api/worklist', {
    schema: {
      tags: ['worklist'], summary: '我的待办：按办理期限排序，附剩余工作日',
      querystring: worklistQuery,
      response: { 200: worklistResponse },
    },
  }, async (req) => readWorklist(ctx.db, ctx.calendar, actorOf(req), req.query));
}
