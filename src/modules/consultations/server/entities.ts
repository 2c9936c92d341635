/**
 * The kinds of record the module owns: the 协商活动 (its page, which ids an actor may see, what it is called), and the
 * work items beside it — a member's invitation and a leave request — which open the consultation's page.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { canSeeConsultation } from '../domain/consultation-rules.ts';
import { invitationEntity, leaveEntity } from './commands.ts';
import { consultationsDb } from './tables.ts';

const page = (id: string) => `/consultations/${encodeURIComponent(id)}`;

export const consultationsEntities: EntityDecl[] = [
  {
    type: 'consultation', label: '协商活动', labelEn: 'Consultation', link: page,
    async titles(ctx, ids) {
      if (!ids.length) return new Map();
      const rows = await consultationsDb(ctx.db).selectFrom('consultations').select(['id', 'title']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },
    async visibleIds(ctx, actor, ids) {
      if (ids.length === 0) return new Set<string>();
      const db = consultationsDb(ctx.db);
      const [rows, mine] = await Promise.all([
        db.selectFrom('consultations').select(['id', 'tenant_id', 'lead_committee_id']).where('id', 'in', ids).execute(),
        db.selectFrom('consultation_participants').select('consultation_id').where('consultation_id', 'in', ids).where('user_id', '=', actor.userId).execute(),
      ]);
      const invited = new Set(mine.map((m) => m.consultation_id));
      return new Set(rows.filter((r) => canSeeConsultation(r, actor, invited.has(r.id))).map((r) => r.id));
    },
  },
  { type: invitationEntity, label: '协商会议邀请', labelEn: 'Consultation invitation', link: page },
  {
    type: leaveEntity, label: '协商会议请假', labelEn: 'Leave from a consultation',
    // the work item is on the participant: its page is the consultation's
    async link(id, ctx) {
      const p = await consultationsDb(ctx.db).selectFrom('consultation_participants').select('consultation_id').where('id', '=', id).executeTakeFirst();
      return p ? page(p.consultation_id) : '/consultations';
    },
  },
];
