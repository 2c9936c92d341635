/**
 * Demo topics (选题研判) for the seed: two topics of the demo year, closed after their period, and two open ones of the
 * current year; the demo reports on a topic's subject submitted in its period cite it. Chooses by subject and date only
 * (no random draws), so the demo figures stay as they are.
 */
import { newId } from '../../../kernel/universal/ids.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';

type Row = Record<string, any>;

export function planDemoTopics(o: {
  tenantId: string; editor: { id: string; name: string }; reports: Row[]; subjects: readonly string[]; year: number; today: string;
}): Row[] {
  const topics: Row[] = [];
  // every row carries the column, so the batch inserts name the same columns
  for (const r of o.reports) r.topic_id ??= null;
  const originals = o.reports.filter((r) => r.tenant_id === o.tenantId && !r.source_report_id);
  const add = (subject: string, from: string, to: string, open: boolean) => {
    const id = newId();
    const created = `${addDays(from, -3)}T02:00:00.000Z`;
    const closedAt = open ? null : `${addDays(to, 1)}T02:00:00.000Z`;
    topics.push({
      id, tenant_id: o.tenantId, title: `${subject}情况和建议`,
      description: `围绕${subject}，请委员和特邀信息员深入调研，反映群众关切的突出问题，提出有针对性、可操作的意见建议。一事一报，急事急报。`,
      period_from: from, period_to: to, status: open ? 'open' : 'closed', created_by: o.editor.id, created_by_name: o.editor.name,
      closed_at: closedAt, version: open ? 1 : 2, created_at: created, updated_at: closedAt ?? created,
    });
    const lo = `${from}T00:00:00.000Z`;
    const hi = `${addDays(to, 1)}T00:00:00.000Z`;
    for (const r of originals) {
      if (r.title.includes(subject) && r.submitted_at >= lo && r.submitted_at < hi) Object.assign(r, { topic_id: id, topic: topics[topics.length - 1].title });
    }
  };
  add('城市内涝防治', `${o.year}-04-01`, `${o.year}-08-31`, false);
  add('养老服务驿站运营', `${o.year}-03-01`, `${o.year}-10-31`, false);
  // the current year: topics on the subjects of the latest reports, open for another two months
  const from = addDays(o.today, -60);
  const recent = originals.filter((r) => r.submitted_at >= `${from}T00:00:00.000Z`);
  const subjects = [...new Set(recent.map((r) => o.subjects.find((s) => r.title.includes(s))).filter((s): s is string => !!s))].slice(0, 2);
  for (const s of subjects) add(s, from, addDays(o.today, 60), true);
  return topics;
}
