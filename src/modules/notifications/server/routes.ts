/** HTTP routes of the inbox: each signed-in user sees and marks only their own notifications. */
import { z } from 'zod';
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import {
  notificationIdParams, notificationItem, notificationListQuery, notificationPage, readAllResponse, unreadCountResponse,
} from '../contract.ts';
import { countUnread, listNotifications, markAllRead, markRead } from './inbox-repository.ts';

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });

export function notificationRoutes(app: App, ctx: ModuleContext) {
  app.get('/api/notifications', {
    schema: {
      tags: ['notifications'], summary: '我的通知（分页，可只看未读）',
      querystring: notificationListQuery,
      response: { 200: notificationPage, 401: errorBody },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const unreadOnly = req.query.unread === 'true' || req.query.unread === '1';
    return listNotifications(ctx.db, actor.userId, { page: req.query.page, pageSize: req.query.pageSize, unreadOnly });
  });

  app.get('/api/notifications/unread-count', {
    schema: { tags: ['notifications'], summary: '我的未读通知数量', response: { 200: unreadCountResponse, 401: errorBody } },
  }, async (req) => ({ count: await countUnread(ctx.db, actorOf(req).userId) }));

  app.post('/api/notifications/read-all', {
    schema: { tags: ['notifications'], summary: '全部标记为已读', response: { 200: readAllResponse, 401: errorBody } },
  }, async (req) => ({ count: await markAllRead(ctx.db, actorOf(req).userId) }));

  app.post('/api/notifications/:id/read', {
    schema: {
      tags: ['notifications'], summary: '标记一条通知为已读',
      params: notificationIdParams,
      response: { 200: notificationItem, 401: errorBody, 404: errorBody },
    },
  }, async (req) => markRead(ctx.db, actorOf(req).userId, req.params.id));
}
