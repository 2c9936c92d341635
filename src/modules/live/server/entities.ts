/**
 * The kinds of record the module owns: the session (议政会), with its link and who may see it (used by the search,
 * attachments such as the background materials, work items and notifications).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeSession } from '../domain/live-rules.ts';
import { accessOf } from './repository.ts';
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
];
