/**
 * The kinds of record the module owns: the session (议政会), with its link and who may see it (used by the search,
 * attachments such as the background materials, work items and notifications).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeSession } from '../domain/live-rules.ts';
import { accessOf } from './repository.ts';
import { CONTRIBUTION_SOURCE } from './search-index.ts';
import { liveDb } from './tables.ts';

export const liveEntities: EntityDecl[] = [
  {
    type: 'live_session', label: '网络议政', labelEn: 'Live deliberation', link: (id) => `/live/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await liveDb(ctx.db).selectFrom('live_sessions').selectAll().where('id', 'in', ids).execute();
      return new Set(rows.filter((r) => canSeeSession(accessOf(r), actor)).map((r) => r.id));
    },
  },
  {
    // a contribution found by the search opens its room
    type: CONTRIBUTION_SOURCE, label: '网络议政发言', labelEn: 'Live deliberation post', searchSources: [CONTRIBUTION_SOURCE],
    async link(id, ctx) {
      const c = await liveDb(ctx.db).selectFrom('live_contributions').select('session_id').where('id', '=', id).executeTakeFirst();
      return c ? `/live/${encodeURIComponent(c.session_id)}` : '/live';
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const rows = await liveDb(ctx.db).selectFrom('live_contributions').innerJoin('live_sessions', 'live_sessions.id', 'live_contributions.session_id')
        .select(['live_contributions.id as id', 'live_sessions.tenant_id', 'live_sessions.host_user_ids', 'live_sessions.responder_unit_ids', 'live_sessions.expert_user_ids'])
        .where('live_contributions.id', 'in', ids).where('live_contributions.status', '=', 'published').execute();
      return new Set(rows.filter((r) => canSeeSession(accessOf(r as never), actor)).map((r) => r.id));
    },
  },
];
