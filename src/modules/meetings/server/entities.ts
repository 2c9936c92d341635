/**
 * The kinds of record the module owns: the meeting (its notices, work and materials link to its page; who may see which
 * ids — used by the search and by attachments, so a participant downloads the materials of their meeting).
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeMeeting } from '../domain/meeting-rules.ts';
import { meetingsDb } from './tables.ts';

export const meetingsEntities: EntityDecl[] = [
  {
    type: 'meeting', label: '会议', labelEn: 'Meeting', link: (id) => `/meetings/${encodeURIComponent(id)}`,
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const db = meetingsDb(ctx.db);
      const [rows, mine] = await Promise.all([
        db.selectFrom('meetings').select(['id', 'tenant_id', 'state']).where('id', 'in', ids).execute(),
        db.selectFrom('meeting_participants').select('meeting_id').where('meeting_id', 'in', ids).where('user_id', '=', actor.userId).execute(),
      ]);
      const part = new Set(mine.map((m) => m.meeting_id));
      return new Set(rows.filter((r) => canSeeMeeting(r, actor, part.has(r.id))).map((r) => r.id));
    },
  },
];
