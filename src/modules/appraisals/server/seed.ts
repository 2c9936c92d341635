/**
 * Demo data: the two 民主评议 of the seed article's 2025: the 经济委员会's appraisal of 市商务局's work and the
 * 教科卫体和民族宗教委员会's appraisal of 市科学技术局's work. Each has its appraisal group, the department's
 * self-report, visits, a satisfaction vote on the spot by members and invited representatives (the counted marks give
 * the results), and the rectification items. Rows are written as the commands would leave them, with their history;
 * no work item is left open. 交办整改 then goes to the tracker as the product sends it: the event
 * `recommendations.requested` on the day they were sent, with the payload the command builds (the tracker's subscriber
 * creates the parts, and its demo data works them through), so this seed never writes the tracker's tables.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { findPeople } from '../../identity/index.ts';
import { defaultChoiceScores, defaultItems, type Choice } from '../domain/appraisals-scoring.ts';
import { recommendationsRequestedEvent } from '../../recommendations/index.ts';
import { rectificationPayload } from './commands.ts';
import { appraisalsDb } from './tables.ts';

interface DemoAppraisal {
  /** the tracker's demo source id of its rectification items */
  id: string;
  title: string; committee: string; unit: string; on: string; place: string; scopeNote: string; selfReport: string;
  visits: Array<[date: string, note: string]>;
  members: number; representatives: number;
  /** per mille of 满意 and 基本满意 (the rest 不满意) */
  mix: [number, number];
  rectifications: string[]; sentOn: string;
}

export const DEMO_APPRAISALS: DemoAppraisal[] = [
  {
    id: 'demo-2025-10-22-appraisal', title: '对市商务局工作的民主评议', committee: '经济委员会', unit: '市商务局', on: '2025-09-26', place: '市政协三楼会议室',
    scopeNote: '围绕优化营商环境、外贸稳增长和县域商业体系建设，对市商务局年度工作开展民主评议。',
    selfReport: '市商务局工作自查报告：一年来，我局围绕稳外贸、促消费、优环境开展工作，外贸企业帮扶、县域商业体系建设取得进展，但外贸主体培育和县域物流配送仍有短板，下一步将重点整改。',
    visits: [['2025-09-10', '评议组到市商务局座谈，听取工作情况汇报，查阅有关资料。'], ['2025-09-16', '评议组赴潞州区商贸流通企业和外贸企业走访，听取企业意见。']],
    members: 46, representatives: 14, mix: [760, 200],
    rectifications: ['加大外贸企业帮扶力度', '推动县域商业体系建设'], sentOn: '2025-10-22',
  },
  {
    id: 'demo-2025-10-15-appraisal', title: '对市科学技术局工作的民主评议', committee: '教科卫体和民族宗教委员会', unit: '市科技局', on: '2025-09-24', place: '市政协二楼会议室',
    scopeNote: '围绕科技创新、成果转化和科技项目管理，对市科学技术局工作情况开展民主评议，促进全市科技创新工作凝聚共识、提质增效、形成合力。',
    selfReport: '市科学技术局工作自查报告：我局围绕创新驱动发展，推进科技成果转化和企业研发投入后补助，科技项目评审管理不断规范；成果转化激励和补助兑现效率仍需提高。',
    visits: [['2025-09-08', '评议组到市科学技术局座谈，听取科技创新工作情况汇报。'], ['2025-09-12', '评议组赴高新区科技型企业走访，了解研发投入后补助兑现情况。']],
    members: 48, representatives: 12, mix: [800, 170],
    rectifications: ['完善科技成果转化激励政策', '加强企业研发投入后补助兑现', '提高科技项目评审透明度'], sentOn: '2025-10-15',
  },
];

const at = (date: string, hour: number) => new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();

/** A deterministic choice for ballot `b` on item `k`: the mix's shares, spread over the ballots. */
export function demoChoice(mix: [number, number], b: number, k: number): Choice {
  const x = (b * 389 + k * 131 + 17) % 1000;
  return x < mix[0] ? 'satisfied' : x < mix[0] + mix[1] ? 'basic' : 'dissatisfied';
}

export async function seedAppraisals(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const office = seed.demoUsers.office;
  if (!office) return;
  const pool = seed.memberUserIds;
  const people = await findPeople(ctx.db, [office.userId, ...pool.slice(0, 400)]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const isWorkday = ctx.calendar.isWorkday;
  const after = (d: string, n: number) => { let x = d; let k = 0; while (k < n) { x = new Date(Date.parse(`${x}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10); if (isWorkday(x)) k++; } return x; };
  const before = (d: string, n: number) => { let x = d; let k = 0; while (k < n) { x = new Date(Date.parse(`${x}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10); if (isWorkday(x)) k++; } return x; };
  const rows: Record<string, Record<string, unknown>[]> = { appraisals: [], appraisal_units: [], appraisal_items: [], appraisal_group: [], appraisal_visits: [], appraisal_tokens: [], appraisal_ballots: [], appraisal_marks: [], appraisal_rectifications: [] };
  const history: Record<string, unknown>[] = [];
  DEMO_APPRAISALS.forEach((a, n) => {
    const unitId = seed.unitIds[a.unit];
    const committeeId = seed.committeeIds[a.committee];
    if (!unitId || !committeeId) return;
    const created = before(a.visits[0][0], 10);
    const selfDue = before(a.on, 5);
    const published = after(a.on, 1);
    const officeWho = { id: office.userId, org: office.orgId, name: nameOf(office.userId) };
    const steps: Array<[string | null, string, string, string, { id: string; org: string; name: string }, string | null]> = [
      [null, 'preparing', 'create', at(created, 9), officeWho, null],
      ['preparing', 'self_check', 'start_self_check', at(after(created, 1), 10), officeWho, null],
      ['self_check', 'self_check', 'self_report', at(before(selfDue, 1), 16), { id: 'system', org: unitId, name: `${a.unit}经办人` }, a.unit],
      ...a.visits.map(([d]) => ['self_check', 'self_check', 'visit', at(d, 17), officeWho, `${a.unit}（${d}）`] as [string, string, string, string, typeof officeWho, string]),
      ['self_check', 'voting', 'open_vote', at(a.on, 9), officeWho, null],
      ['voting', 'published', 'publish', at(published, 10), officeWho, null],
      ['published', 'published', 'rectification', at(before(a.sentOn, 1), 15), officeWho, `${a.rectifications.length} 项`],
      ['published', 'rectifying', 'send_rectification', at(a.sentOn, 10), officeWho, null],
    ];
    for (const [from, to, action, when, who, note] of steps) {
      history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'appraisal', entity_id: a.id, from_state: from, to_state: to, action, actor_id: who.id, actor_name: who.name, actor_org_id: who.org, note, data: null, at: when });
    }
    rows.appraisals.push({
      id: a.id, tenant_id: seed.cityId, title: a.title, scope: 'department_work', scope_note: a.scopeNote, lead_committee_id: committeeId, lead_committee_name: a.committee,
      planned_on: a.on, place: a.place, self_report_due: selfDue, score_satisfied: defaultChoiceScores.satisfied, score_basic: defaultChoiceScores.basic, score_dissatisfied: defaultChoiceScores.dissatisfied,
      vote_secret: randomBytes(24).toString('base64url'), published_on: published, rectification_sent_on: a.sentOn, summary: null,
      owner_user_id: office.userId, owner_name: nameOf(office.userId), state: 'rectifying', version: steps.length, created_at: at(created, 9), updated_at: at(a.sentOn, 10),
    });
    rows.appraisal_units.push({ id: newId(), appraisal_id: a.id, tenant_id: seed.cityId, unit_id: unitId, unit_name: a.unit, seq: 1, self_report: a.selfReport, self_report_at: at(before(selfDue, 1), 16), self_report_by: `${a.unit}经办人`, version: 2 });
    defaultItems.forEach((it, k) => rows.appraisal_items.push({ id: newId(), appraisal_id: a.id, seq: k + 1, name: it.name, weight: it.weight }));
    const voters = Array.from({ length: a.members }, (_, i) => pool[(n * 151 + i * 3) % pool.length]).filter((v, i, all) => v && all.indexOf(v) === i);
    voters.slice(0, 5).forEach((u, i) => rows.appraisal_group.push({ id: newId(), appraisal_id: a.id, user_id: u, name: nameOf(u), duty: i === 0 ? 'leader' : 'member' }));
    a.visits.forEach(([d, note]) => rows.appraisal_visits.push({ id: newId(), appraisal_id: a.id, unit_id: unitId, visited_on: d, note, recorded_by: nameOf(office.userId), created_at: at(d, 17) }));
    let b = 0;
    const ballot = (key: string, kind: string, name: string, minute: number) => {
      rows.appraisal_ballots.push({ id: newId(), appraisal_id: a.id, tenant_id: seed.cityId, voter_key: key, voter_kind: kind, voter_name: name, cast_at: new Date(Date.parse(at(a.on, 10)) + minute * 20_000).toISOString() });
      defaultItems.forEach((_, k) => rows.appraisal_marks.push({ id: randomUUID(), appraisal_id: a.id, unit_id: unitId, item_seq: k + 1, choice: demoChoice(a.mix, b, k) }));
      b++;
    };
    voters.forEach((u, i) => ballot(`u:${u}`, 'member', nameOf(u), i));
    for (let i = 0; i < a.representatives; i++) {
      const tokenId = newId();
      rows.appraisal_tokens.push({ id: tokenId, appraisal_id: a.id, code_hash: createHash('sha256').update(`demo|${a.id}|${i}|${randomUUID()}`).digest('hex'), label: `特邀代表${i + 1}`, used_at: at(a.on, 10), created_at: at(before(a.on, 2), 15) });
      ballot(`t:${tokenId}`, 'representative', `特邀代表${i + 1}`, voters.length + i);
    }
    a.rectifications.forEach((text, k) => rows.appraisal_rectifications.push({ id: newId(), appraisal_id: a.id, unit_id: unitId, seq: k + 1, text, due_working_days: 20 }));
  });
  await ctx.db.transaction().execute(async (trx) => {
    const db = appraisalsDb(trx);
    for (const [table, list] of Object.entries(rows)) {
      for (let i = 0; i < list.length; i += 200) await db.insertInto(table as 'appraisals').values(list.slice(i, i + 200) as never).execute();
    }
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
  // 交办整改, as an event on the day it was sent
  for (const a of DEMO_APPRAISALS) {
    const row = rows.appraisals.find((x) => x.id === a.id);
    if (!row) continue;
    const recs = rows.appraisal_rectifications.filter((x) => x.appraisal_id === a.id) as unknown as Array<{ seq: number; text: string; unit_id: string; due_working_days: number }>;
    const payload = rectificationPayload({ tenant_id: seed.cityId, id: a.id, title: a.title }, recs, office.userId);
    await ctx.uow.run((w) => w.emit({
      type: recommendationsRequestedEvent, tenantId: seed.cityId, entityType: 'appraisal', entityId: a.id, actorId: office.userId, at: at(a.sentOn, 10), payload: payload as unknown as Record<string, unknown>,
    }));
  }
}
