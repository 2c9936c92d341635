/**
 * Demo proposals modelled on the seed article: in 2025 (十四届四次会议) the city CPPCC received 546 proposals, filed 464
 * and chose 46 key proposals; the current year has work in every state, including items waiting in the demo accounts'
 * worklists. Rows, history and open work items are inserted in batches, consistent with each proposal's state.
 */
import { proposalDb } from './tables.ts';
import { appendAudit } from '../../../kernel/server/audit.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { openTaskRow } from '../../../kernel/server/workflow-runner.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { addDays, chinaToday } from '../../../kernel/universal/working-days.ts';
import type { ProposalState, ProposalType } from '../contract.ts';
import { proposalLifecycle } from '../domain/proposal-lifecycle.ts';
import { seedAssignments } from './seed-assignments.ts';
import { formatNumber, sessionLabelFor, stampSubmission } from '../domain/proposal-session.ts';
import { findPeople } from './directory.ts';
import { analysisText, backgroundText, composeTitles, suggestionsText } from './seed-titles.ts';
import type { TextIndexManyPayload, TextIndexPayload } from '../../text/index.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';

/** The article's figures for 2025. */
export const seedFigures = { year: 2025, received: 546, filed: 464, key: 46 } as const;

/** The actions that lead from nothing to each state, in order. */
const paths: Record<ProposalState, string[]> = {
  draft: ['create'],
  submitted: ['create', 'submit'],
  returned: ['create', 'submit', 'return'],
  withdrawn: ['create', 'submit', 'withdraw'],
  not_filed: ['create', 'submit', 'not_file'],
  merged: ['create', 'submit', 'merge'],
  filed: ['create', 'submit', 'file'],
  assigned: ['create', 'submit', 'file', 'assign'],
  objected: ['create', 'submit', 'file', 'assign', 'object'],
  in_progress: ['create', 'submit', 'file', 'assign', 'sign'],
  extension_requested: ['create', 'submit', 'file', 'assign', 'sign', 'request_extension'],
  reply_signoff: ['create', 'submit', 'file', 'assign', 'sign', 'reply'],
  reply_check: ['create', 'submit', 'file', 'assign', 'sign', 'reply', 'sign_off'],
  replied: ['create', 'submit', 'file', 'assign', 'sign', 'reply', 'sign_off', 'release'],
  rehandle: ['create', 'submit', 'file', 'assign', 'sign', 'reply', 'sign_off', 'release', 'request_rehandle'],
  closed: ['create', 'submit', 'file', 'assign', 'sign', 'reply', 'sign_off', 'release', 'evaluate'],
};

/** Steps a fixed number of days after the previous one, without a draw: 签发 the day after the draft, so the rest of the demo data stay as they were. */
const fixedGaps: Record<string, number> = { sign_off: 1 };
/** Days after the previous step that each action typically happens (min, max). */
const gaps: Record<string, [number, number]> = {
  create: [-4, -1], submit: [0, 0], return: [3, 8], withdraw: [2, 10], not_file: [8, 25], merge: [8, 25], file: [8, 25],
  assign: [7, 25], object: [1, 4], sign: [1, 5], request_extension: [30, 50], reply: [35, 75], release: [3, 8],
  request_rehandle: [5, 12], evaluate: [5, 14],
};

interface Plan {
  year: number;
  state: ProposalState;
  type: ProposalType;
  proposer: string;
  /** submission day (or creation day for drafts) */
  start: string;
  isKey?: boolean;
  replyClass?: string;
  satisfaction?: 'satisfied' | 'basically_satisfied';
  leadUnit?: string;
  /** shift the whole chain so that the last step happened this many days ago */
  endDaysAgo?: number;
}

type Row = Record<string, any>;


export async function seedProposals(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = proposalDb(ctx.db);
  const tenant = seed.cityId;
  const exists = await db.selectFrom('proposals').select('id').where('tenant_id', '=', tenant).limit(1).executeTakeFirst();
  if (exists || seed.memberUserIds.length === 0) return;

  const rand = seededRandom(546_464_046);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const today = chinaToday();
  const demoMember = seed.demoUsers.member;
  const demoUnit = seed.demoUsers.unit;
  const demoStaff = seed.demoUsers.proposal;
  const demoUnitLead = seed.demoUsers.unitlead;
  const people = await findPeople(db, [...seed.memberUserIds, ...[demoMember, demoUnit, demoStaff, demoUnitLead].filter(Boolean).map((u) => u!.userId)]);
  const nameOf = (id: string) => people.get(id)?.name ?? '委员';
  const units = Object.entries(seed.unitIds);
  const unitName = new Map(units.map(([n, id]) => [id, n]));
  const unitFor = (preferred: string) => seed.unitIds[preferred] ?? pick(units)[1];
  const committees = Object.values(seed.committeeIds);
  const sectors = Object.values(seed.sectorIds);
  const titles = composeTitles(rand);
  let titleIx = 0;
  const staff = demoStaff ? { id: demoStaff.userId, name: nameOf(demoStaff.userId), org: demoStaff.orgId } : { id: 'system', name: '提案委', org: tenant };
  /** 签发人: the unit's leader (the demo account 'unitlead' for its own unit) */
  const unitLeadActor = (u: string | null) => (demoUnitLead && u === demoUnitLead.orgId
    ? { id: demoUnitLead.userId, name: nameOf(demoUnitLead.userId), org: demoUnitLead.orgId }
    : { id: 'seed', name: `${unitName.get(u ?? '') ?? '承办单位'}分管领导`, org: u });

  const proposals: Row[] = [];
  const cosigners: Row[] = [];
  const unitRows: Row[] = [];
  const history: Row[] = [];
  const tasks: Row[] = [];
  const evaluations: Row[] = [];
  const filedByYear = new Map<number, Row[]>();

  const typesFor = (n: number, mix: Partial<Record<ProposalType, number>>): ProposalType[] => {
    const out: ProposalType[] = [];
    for (const [t, k] of Object.entries(mix)) for (let i = 0; i < k!; i++) out.push(t as ProposalType);
    while (out.length < n) out.push('individual');
    for (let i = out.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [out[i], out[j]] = [out[j], out[i]]; }
    return out.slice(0, n);
  };

  function build(p: Plan) {
    const chosen = titles[titleIx++ % titles.length];
    const id = newId();
    const steps = paths[p.state];
    // dates of each step, then shifted so that open work looks recent
    const dates: string[] = [];
    let d = p.start;
    for (const a of steps) {
      if (fixedGaps[a] !== undefined) { d = addDays(d, fixedGaps[a]); dates.push(d); continue; }
      const [lo, hi] = gaps[a];
      d = a === 'create' ? addDays(p.start, between(lo, hi)) : a === 'submit' ? p.start : addDays(d, between(lo, hi));
      dates.push(d);
    }
    const last = dates[dates.length - 1];
    const wantLast = p.endDaysAgo !== undefined ? addDays(today, -p.endDaysAgo) : last > today ? today : last;
    const shift = Math.round((Date.parse(wantLast) - Date.parse(last)) / 86400000);
    const at = dates.map((x) => addDays(x, shift));
    const iso = (day: string, i: number) => `${day}T${String(1 + (i % 8)).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00.000Z`;
    const stamps = at.map((x, i) => iso(x, i));
    const submitted = steps.includes('submit') ? at[steps.indexOf('submit')] : null;
    const stamp = stampSubmission(submitted ?? at[0]);
    const lead = p.state === 'draft' || !steps.includes('assign') ? null : (p.leadUnit ?? unitFor(chosen.unit));
    const mode = lead ? (rand() < 0.8 ? 'single' : rand() < 0.6 ? 'joint' : 'split') : null;
    const isJoint = p.type === 'joint';
    const row: Row = {
      id, tenant_id: tenant, year: p.year, session_label: sessionLabelFor(p.year),
      number_seq: null, number: null,
      title: chosen.title, background: backgroundText(chosen.title.replace(/^关于|的建议$/g, '')), analysis: analysisText, suggestions: suggestionsText,
      type: p.type, category: submitted ? (stamp.year === p.year ? stamp.category : 'recess') : null,
      proposer_user_id: p.proposer, proposer_name: nameOf(p.proposer),
      proposer_org_id: null,
      sector_id: p.type === 'sector' && sectors.length ? pick(sectors) : null,
      committee_id: p.type === 'committee' && committees.length ? pick(committees) : null,
      cosigner_count: 0, cosigners_pending: 0,
      lead_unit_id: lead, lead_unit_name: lead ? unitName.get(lead) ?? null : null, handling_mode: mode,
      reply_class: null, reply_text: null, satisfaction: null, not_filed_reason: null, extension_days: null,
      is_key: p.isKey ? 1 : 0, is_excellent: 0, is_public: rand() < 0.85 ? 1 : 0, merged_into_id: null, due_date: null,
      state: p.state, version: steps.length, created_at: stamps[0], updated_at: stamps[stamps.length - 1],
      submitted_at: submitted ? stamps[steps.indexOf('submit')] : null, filed_at: null, replied_at: null,
      evaluators_pending: null, reply_round: 0, leader_attention: 0, units_pending: 0,
      key_status: p.isKey ? 'key' : null, key_plan: null, excellent_reason: null, follow_up_year: null, follow_up_count: 0,
    };
    if (isJoint) {
      const n = between(2, 4);
      const chosenCos = new Set<string>();
      while (chosenCos.size < n) { const m = pick(seed.memberUserIds); if (m !== p.proposer) chosenCos.add(m); }
      for (const u of chosenCos) cosigners.push({ proposal_id: id, user_id: u, tenant_id: tenant, name: nameOf(u), kind: 'invited', confirmed_at: submitted ? stamps[0] : null });
      row.cosigner_count = n;
      row.cosigners_pending = submitted ? 0 : n;
    }
    if (lead) {
      unitRows.push({ proposal_id: id, unit_id: lead, tenant_id: tenant, unit_name: row.lead_unit_name ?? '', role: 'lead', created_at: stamps[steps.indexOf('assign')] });
      if (mode !== 'single') {
        const others = units.filter(([, u]) => u !== lead);
        const co = new Set<string>();
        const k = between(1, 2);
        while (co.size < k && others.length) co.add(pick(others)[1]);
        for (const u of co) unitRows.push({ proposal_id: id, unit_id: u, tenant_id: tenant, unit_name: unitName.get(u) ?? '', role: mode === 'split' ? 'split' : 'co', created_at: stamps[steps.indexOf('assign')] });
      }
    }
    if (steps.includes('file')) { row.filed_at = stamps[steps.indexOf('file')]; (filedByYear.get(p.year) ?? filedByYear.set(p.year, []).get(p.year)!).push(row); }
    if (steps.includes('reply')) { row.reply_class = p.replyClass ?? pick(['A', 'A', 'B', 'C']); row.reply_text = `${row.lead_unit_name ?? '我单位'}关于${chosen.title.replace(/^关于/, '')}的答复：经认真研究，现答复如下……`; }
    if (steps.includes('release')) Object.assign(row, { replied_at: stamps[steps.indexOf('release')], released_class: row.reply_class, released_text: row.reply_text });
    // 签发人 and 签发时间: the reply left the unit when its leader signed it off
    const signer = steps.includes('sign_off') ? unitLeadActor(lead) : null;
    if (signer) Object.assign(row, { signer_id: signer.id, signer_name: signer.name, signed_at: stamps[steps.indexOf('sign_off')], reply_sent_at: stamps[steps.indexOf('sign_off')] });
    if (p.state === 'closed') row.satisfaction = p.satisfaction ?? (rand() < 0.9 ? 'satisfied' : 'basically_satisfied');
    if (p.state === 'rehandle') { row.satisfaction = 'unsatisfied'; row.leader_attention = 1; }
    if (steps.includes('release')) row.reply_round = 1;
    if (p.state === 'not_filed') row.not_filed_reason = pick(['vague', 'vague', 'personal', 'litigation', 'academic', 'promotion']);
    if (p.state === 'extension_requested') row.extension_days = 20;
    if (['in_progress', 'extension_requested', 'reply_signoff', 'rehandle'].includes(p.state)) {
      const from = at[steps.indexOf(p.state === 'rehandle' ? 'request_rehandle' : 'sign')];
      row.due_date = ctx.calendar.addWorkingDays(from, p.state === 'rehandle' ? 20 : 60);
    }
    proposals.push(row);

    // history: one row per step, by the person who would have acted
    const unitActor = (u: string | null) => (demoUnit && u === demoUnit.orgId
      ? { id: demoUnit.userId, name: nameOf(demoUnit.userId), org: demoUnit.orgId }
      : { id: 'seed', name: `${unitName.get(u ?? '') ?? '承办单位'}经办人`, org: u });
    steps.forEach((a, i) => {
      const actor = ['create', 'submit', 'withdraw', 'evaluate', 'request_rehandle'].includes(a) ? { id: p.proposer, name: row.proposer_name, org: tenant }
        : ['sign', 'object', 'request_extension', 'reply'].includes(a) ? unitActor(lead) : a === 'sign_off' ? (signer ?? unitActor(lead)) : staff;
      const data: Record<string, unknown> = {};
      if (a === 'return') data.reason = '请补充问题分析和具体建议';
      if (a === 'not_file') data.reasonCode = row.not_filed_reason;
      if (a === 'assign') { data.mode = mode; data.leadUnitId = lead; }
      if (a === 'reply') { data.replyClass = row.reply_class; }
      if (a === 'evaluate') data.satisfaction = row.satisfaction;
      if (a === 'request_rehandle') data.reason = '答复未解决实际问题';
      if (a === 'object') data.reason = '该事项主要职责不在本单位';
      if (a === 'request_extension') data.reason = '涉及多部门协调，需延长办理时间';
      history.push({
        id: newId(), tenant_id: tenant, entity_type: 'proposal', entity_id: id, from_state: i === 0 ? null : stateAfter(steps, i - 1),
        to_state: stateAfter(steps, i), action: a, actor_id: actor.id, actor_name: actor.name, actor_org_id: actor.org,
        note: typeof data.reason === 'string' ? data.reason : null, data: Object.keys(data).length ? JSON.stringify(data) : null, at: stamps[i],
      });
    });
    return row;
  }

  // ---- 2025: the article's year, every filed proposal answered and closed ----
  const y = seedFigures.year;
  const rest = seedFigures.received - seedFigures.filed; // 82: not filed, merged, withdrawn
  const outcomes: ProposalState[] = [
    ...Array(seedFigures.filed).fill('closed'), ...Array(48).fill('not_filed'), ...Array(22).fill('merged'), ...Array(rest - 70).fill('withdrawn'),
  ];
  const types2025 = typesFor(seedFigures.received, { joint: 58, party: 42, group: 20, committee: 18, sector: 14 });
  const keyIx = new Set<number>();
  while (keyIx.size < seedFigures.key) keyIx.add(between(0, seedFigures.filed - 1));
  const classes = [...Array(290).fill('A'), ...Array(150).fill('B'), ...Array(24).fill('C')];
  for (let i = 0; i < outcomes.length; i++) {
    // 478 session proposals (from 6 Dec 2024 to the session deadline), the rest in recess
    const start = i % 8 === 7 ? addDays('2025-03-01', between(0, 270)) : addDays('2024-12-06', between(0, 76));
    const proposer = demoMember && (i === 3 || i === 400) ? demoMember.userId : pick(seed.memberUserIds);
    build({ year: y, state: outcomes[i], type: types2025[i], proposer, start, isKey: keyIx.has(i), replyClass: classes[i % classes.length] });
  }

  // ---- the current year: work in every state, the newest steps recent ----
  const cur = stampSubmission(today).year;
  const zhujian = seed.unitIds['市住建局'] ?? demoUnit?.orgId;
  const current: Array<[ProposalState, number]> = [
    ['closed', 25], ['replied', 8], ['reply_check', 4], ['in_progress', 14], ['assigned', 6], ['extension_requested', 1], ['objected', 1],
    ['rehandle', 2], ['filed', 3], ['submitted', 6], ['returned', 1], ['not_filed', 3], ['merged', 1], ['withdrawn', 1], ['draft', 2],
  ];
  const currentTypes = typesFor(80, { joint: 8, party: 6, group: 3, committee: 3, sector: 2 });
  let k = 0;
  for (const [state, n] of current) {
    for (let i = 0; i < n; i++) build({ year: cur, state, type: currentTypes[k++ % currentTypes.length], proposer: pick(seed.memberUserIds), start: addDays(today, -200), endDaysAgo: between(1, 9) });
  }
  if (zhujian) {
    for (const state of ['assigned', 'assigned', 'in_progress', 'in_progress', 'in_progress'] as const) {
      build({ year: cur, state, type: 'individual', proposer: pick(seed.memberUserIds), start: addDays(today, -120), endDaysAgo: between(0, 6), leadUnit: zhujian });
    }
  }
  if (demoMember) {
    build({ year: cur, state: 'draft', type: 'individual', proposer: demoMember.userId, start: addDays(today, -2), endDaysAgo: 1 });
    build({ year: cur, state: 'returned', type: 'individual', proposer: demoMember.userId, start: addDays(today, -10), endDaysAgo: 2 });
    build({ year: cur, state: 'replied', type: 'individual', proposer: demoMember.userId, start: addDays(today, -150), endDaysAgo: 3, replyClass: 'A' });
  }
  // drafts of 市住建局's clerk waiting for its leader's sign-off (待签发 in the 'unitlead' worklist)
  if (zhujian) {
    for (let i = 0; i < 3; i++) build({ year: cur, state: 'reply_signoff', type: 'individual', proposer: pick(seed.memberUserIds), start: addDays(today, -130), endDaysAgo: i, leadUnit: zhujian });
  }

  // merged proposals point at a filed one of their year, whose proposers they join (并案)
  for (const r of proposals.filter((x) => x.state === 'merged')) {
    const targets = filedByYear.get(r.year) ?? [];
    if (!targets.length) continue;
    const t = pick(targets);
    r.merged_into_id = t.id;
    if (t.proposer_user_id !== r.proposer_user_id && !cosigners.some((c) => c.proposal_id === t.id && c.user_id === r.proposer_user_id)) {
      cosigners.push({ proposal_id: t.id, user_id: r.proposer_user_id, tenant_id: tenant, name: r.proposer_name, kind: 'merged', confirmed_at: r.updated_at });
    }
  }
  // numbers in filing order, per year
  for (const rows of filedByYear.values()) {
    rows.sort((a, b) => (a.filed_at < b.filed_at ? -1 : a.filed_at > b.filed_at ? 1 : 0)).forEach((r, i) => { r.number_seq = i + 1; r.number = formatNumber(i + 1); });
  }
  // each proposer's rating of a closed or re-handled proposal, and the 待评价 items of replied ones (one per proposer)
  for (const r of proposals.filter((x) => ['replied', 'closed', 'rehandle'].includes(x.state))) {
    const who = [r.proposer_user_id as string];
    for (const c of cosigners) if (c.proposal_id === r.id && c.confirmed_at && !who.includes(c.user_id)) who.push(c.user_id);
    const kindOf = (u: string) => (u === r.proposer_user_id ? 'proposer' : cosigners.find((c) => c.proposal_id === r.id && c.user_id === u)?.kind === 'merged' ? 'merged' : 'cosigner');
    const rating = (u: string, satisfaction: string) => evaluations.push({
      id: newId(), tenant_id: tenant, proposal_id: r.id, round: 1, user_id: u, user_name: u === r.proposer_user_id ? r.proposer_name : nameOf(u),
      evaluator_kind: kindOf(u), satisfaction, comment: null, created_at: r.updated_at,
    });
    if (r.state === 'closed') who.forEach((u, i) => rating(u, i === 0 ? r.satisfaction : 'satisfied'));
    if (r.state === 'rehandle') rating(r.proposer_user_id, 'unsatisfied');
    if (r.state === 'replied') {
      r.evaluators_pending = JSON.stringify(who);
      for (const u of who) {
        tasks.push({
          id: newId(), tenant_id: tenant, entity_type: 'proposal-evaluation', entity_id: r.id, state: r.state,
          title: r.number ? `${r.number} ${r.title}` : r.title, label: '待评价', assignee_user_id: u, assignee_org_id: null, assignee_role: null,
          due_date: ctx.calendar.addWorkingDays(r.updated_at.slice(0, 10), 15), status: 'open', created_at: r.updated_at, closed_at: null,
        });
      }
    }
  }
  // open work items as the workflow runner would have left them
  for (const r of proposals) {
    const row = openTaskRow(proposalLifecycle, r as any, ctx.calendar, { title: r.number ? `${r.number} ${r.title}` : r.title, since: r.updated_at.slice(0, 10), now: r.updated_at });
    if (row) tasks.push(row);
  }

  // 分办 and 会办: each unit's own part (承办任务) as far as the proposal's state says, with its history and open work item
  const parts = seedAssignments(ctx, proposals, unitRows, (u) => { const l = unitLeadActor(u); return { id: l.id, name: l.name }; });
  history.push(...parts.history);
  tasks.push(...parts.tasks);

  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'proposals', proposals, 150);
    await insertBatches(trx, 'proposal_assignments', parts.assignments, 300);
    await insertBatches(trx, 'proposal_cosigners', cosigners, 500);
    await insertBatches(trx, 'proposal_units', unitRows, 500);
    await seedWorkflowRows(trx, { history, tasks }, { history: 400, tasks: 400 });
    await insertBatches(trx, 'proposal_evaluations', evaluations, 400);
    await appendAudit(trx, ctx.dialect, {
      tenantId: tenant, actorId: 'system', actorName: '系统', action: 'proposal.seed', entityType: 'proposal', entityId: null,
      data: { proposals: proposals.length, history: history.length, tasks: tasks.length, figures: seedFigures },
    });
  });
  // the submitted proposals' texts go to the text module (search, similar items, hot topics), as a submission's would
  // (in one batch), and the released replies (答复) with them
  const texts: TextIndexPayload[] = [];
  for (const r of proposals as any[]) {
    if (r.state === 'draft') continue;
    texts.push({ source: 'proposal', refId: r.id, title: r.title, body: [r.background, r.analysis, r.suggestions].filter(Boolean).join('\n'), createdAt: r.submitted_at ?? r.created_at, ownerUserId: r.proposer_user_id, state: r.state });
    if (r.reply_text && ['replied', 'rehandle', 'closed'].includes(r.state)) {
      texts.push({ source: 'reply', refId: r.id, title: r.title, body: r.reply_text, createdAt: r.updated_at, ownerUserId: r.proposer_user_id, state: r.state, unitId: r.lead_unit_id ?? null });
    }
  }
  const batch: TextIndexManyPayload = { items: texts };
  await ctx.events.publish({ type: 'text.index.many', tenantId: tenant, entityType: 'proposal', payload: batch as unknown as Record<string, unknown> });
  await ctx.events.drain();
}

/** The state a proposal is in after the i-th step of its path. */
function stateAfter(steps: string[], i: number): string {
  if (i === 0) return 'draft';
  const prev = stateAfter(steps, i - 1);
  const t = proposalLifecycle.transitions.find((x) => x.name === steps[i] && x.from.includes(prev));
  return t ? t.to : prev;
}
