/**
 * 协商议政 on the public portal (门户): the CPPCC's consultation meetings once their notice has gone out (upcoming) and
 * once held — the title, the form (协商形式), the date, the place and the topic (议题), which the committee announces
 * anyway. Participants, speeches, minutes, outcomes and instructions stay inside.
 */
import type { PublicSection } from '../../../kernel/server/contributions.ts';
import { escapeHtml, excerpt, textToHtml } from '../../../kernel/universal/html.ts';
import { heldStates } from '../domain/consultation-lifecycle.ts';
import { consultationFormLabels, isConsultationForm } from '../domain/consultation-forms.ts';
import { consultationsDb, type ConsultationRow } from './tables.ts';

/** the states the public sees: announced (通知已发) and after */
const publicStates = ['notified', 'materials_sent', ...heldStates];
const formLabel = (f: string) => (isConsultationForm(f) ? consultationFormLabels[f] : '协商活动');
const isUpcoming = (state: string) => !(heldStates as readonly string[]).includes(state);

export const publicConsultationSection: PublicSection = {
  key: 'consultations.meetings',
  title: '协商议政',
  titleEn: 'Consultations',
  order: 50,
  events: ['consultation.transitioned'],
  async list(ctx, tenantId, page) {
    const db = consultationsDb(ctx.db);
    const base = db.selectFrom('consultations').where('tenant_id', '=', tenantId).where('state', 'in', publicStates);
    const [rows, count] = await Promise.all([
      base.select(['id', 'title', 'form', 'planned_on', 'held_on', 'place', 'state']).orderBy('planned_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => ({
        id: r.id, title: r.title, date: r.held_on ?? r.planned_on,
        summary: [formLabel(r.form), isUpcoming(r.state) ? '即将召开' : '已召开', r.place ?? ''].filter(Boolean).join('　'),
      })),
    };
  },
  async item(ctx, tenantId, id) {
    const r = await consultationsDb(ctx.db).selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst() as ConsultationRow | undefined;
    if (!r || r.tenant_id !== tenantId || !publicStates.includes(r.state)) return null;
    const when = `${r.held_on ?? r.planned_on}${r.planned_time && !r.held_on ? ` ${r.planned_time}` : ''}`;
    const facts = [['协商形式', formLabel(r.form)], [isUpcoming(r.state) ? '会议时间' : '召开日期', when], ['地点', r.place ?? ''], ['状态', isUpcoming(r.state) ? '即将召开' : '已召开']]
      .filter(([, v]) => v);
    return {
      id: r.id, title: r.title, date: r.held_on ?? r.planned_on, kicker: formLabel(r.form),
      html: `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl><h2>协商议题</h2>${textToHtml(r.topic)}`,
      description: excerpt(r.topic, 120),
    };
  },
};
