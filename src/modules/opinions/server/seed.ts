/**
 * Demo 社情民意 data modelled on the seed article's 2025: the research centre received 3,543 reports with every city
 * member submitting at least one, 56.9% of members had at least one adopted, it compiled 86 issues with 99 pieces for the
 * city's party committee and government, and sent 963 reports up, of which the province adopted 165. The current year has
 * work waiting in the demo accounts' queues, and a county report travelling up to the city. Rows and their history are
 * inserted in batches, consistent with each report's state.
 */
import { appendAudit } from '../../../kernel/server/audit.ts';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { openTaskRow } from '../../../kernel/server/workflow-runner.ts';
import { optimiseForReading } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { addDays, chinaToday } from '../../../kernel/universal/working-days.ts';
import { workYearNumberOf } from '../../../kernel/universal/work-year.ts';
import { findPeople } from '../../identity/index.ts';
import { reportLifecycle } from '../domain/opinion-lifecycle.ts';
import { defaultPoints, pointsFor } from '../domain/scoring.ts';
import { planDemoTopics } from './topic-seed.ts';
import { publishReportTexts } from './search-index.ts';
import { backfillLineageLevels } from './perf-migrations.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';

/** The article's figures for 2025. */
export const opinionSeedFigures = {
  year: 2025, submitted: 3543, memberAdoptedShare: 56.9, issues: 86, pieces: 99, sentUp: 963, provinceAdopted: 165,
  /** derived choices of the demo data (not in the article) */
  accepted: 1200, returned: 210, composite: 19, nationalAdopted: 8, cityInstructions: 20, provinceInstructions: 5, nationalInstructions: 1,
} as const;

const SUBJECTS = [
  '农村饮水安全', '老旧小区加装电梯', '城区停车难', '中小学课后服务', '乡村医生队伍建设', '农产品冷链物流', '养老服务驿站运营', '背街小巷环境整治',
  '县域医共体建设', '煤矿塌陷区治理', '小微企业融资', '返乡创业扶持', '农村垃圾分类', '社区食堂', '独居老人关爱', '校园周边交通安全',
  '新能源汽车充电桩布局', '太行山旅游公路运营', '上党文化保护传承', '农村留守儿童心理健康', '高校毕业生留长就业', '中药材产业发展',
  '城市内涝防治', '供暖质量投诉', '农村道路养护', '基层医疗设备闲置', '网约车规范管理', '预制菜产业培育', '文旅融合项目招商', '河道采砂监管',
];
const ASPECTS = ['存在的问题及建议', '亟待解决', '的几点建议', '面临的困难', '群众反映强烈', '需要加强统筹'];

function bodyOf(subject: string, n: number): string {
  const parts = [
    `近期，部分群众反映${subject}方面存在一些突出问题。经实地走访了解，主要表现在：一是工作统筹不够，部门之间衔接不畅；二是资金投入不足，保障机制不健全；三是政策宣传不到位，群众知晓率不高。`,
    `为此建议：一、建立${subject}联席会议制度，明确牵头部门和责任分工；二、加大财政投入，鼓励社会资本参与；三、加强督查考核，定期通报进展；四、畅通群众反映渠道，及时回应关切。`,
  ];
  return n % 3 === 0 ? `${parts[0]}\n${parts[1]}\n（调研对象涉及${4 + (n % 9)}个乡镇街道）` : parts.join('\n');
}

type Row = Record<string, any>;


export async function seedOpinions(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = ctx.db;
  const city = seed.cityId;
  const exists = await db.selectFrom('opinion_reports').select('id').where('tenant_id', '=', city).limit(1).executeTakeFirst();
  if (exists || seed.memberUserIds.length === 0) return;
  const F = opinionSeedFigures;
  const rand = seededRandom(3543_569);
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const shuffle = <T>(xs: T[]) => { for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; } return xs; };
  const du = seed.demoUsers;
  const members = [...(du.member ? [du.member.userId] : []), ...seed.memberUserIds];
  const people = await findPeople(db, [...members, ...['informant', 'editor', 'leader', 'county'].filter((k) => du[k]).map((k) => du[k].userId)]);
  const nameOf = (id: string) => people.get(id)?.name ?? '委员';
  const editor = du.editor ? { id: du.editor.userId, name: nameOf(du.editor.userId), org: du.editor.orgId } : { id: 'system', name: '研究中心', org: city };
  const leader = du.leader ? { id: du.leader.userId, name: nameOf(du.leader.userId), org: city } : { id: 'system', name: '秘书长', org: city };
  const cityName = '长治市政协';

  const reports: Row[] = [];
  const revisions: Row[] = [];
  const history: Row[] = [];
  const events: Row[] = [];
  const issues: Row[] = [];
  const pieces: Row[] = [];
  const sources: Row[] = [];
  const tasks: Row[] = [];
  const ts = (day: string, k: number) => `${day}T${String(1 + (k % 8)).padStart(2, '0')}:${String(between(0, 59)).padStart(2, '0')}:00.000Z`;
  const hist = (r: Row, from: string | null, to: string, action: string, who: { id: string; name: string; org: string }, at: string, note: string | null = null) =>
    history.push({ id: newId(), tenant_id: r.tenant_id, entity_type: 'opinion', entity_id: r.id, from_state: from, to_state: to, action, actor_id: who.id, actor_name: who.name, actor_org_id: who.org, note, data: null, at });
  let n = 0;
  const newReport = (tenant: string, submitter: string, day: string, extra: Row = {}): Row => {
    const subject = SUBJECTS[n % SUBJECTS.length];
    const title = `关于${subject}${ASPECTS[(n * 7) % ASPECTS.length]}的建议`.replace('的建议的建议', '的建议').replace('建议的几点建议', '的几点建议');
    const body = bodyOf(subject, n++);
    const id = newId();
    const at = ts(day, n);
    const r: Row = {
      id, tenant_id: tenant, year: workYearNumberOf(day), title, body, submitted_title: title, submitted_body: body, urgent: rand() < 0.04 ? 1 : 0, topic: null,
      submitter_user_id: submitter, submitter_name: nameOf(submitter), submitter_org_id: tenant, source_report_id: null, source_tenant_id: null, source_tenant_name: null,
      root_report_id: id, up_copy_id: null, sent_up_at: null, sent_up_to: null, issue_id: null, issue_number: null, return_reason: null, returned_at: null,
      accepted_at: null, verified_at: null, revision_count: 1, state: 'submitted', version: 1, created_at: at, updated_at: at, submitted_at: at, ...extra,
    };
    reports.push(r);
    revisions.push({ id: newId(), report_id: id, tenant_id: tenant, seq: 1, title, body, editor_id: submitter, editor_name: r.submitter_name, note: '原稿', at });
    hist(r, null, 'submitted', 'create', { id: submitter, name: r.submitter_name, org: tenant }, at);
    return r;
  };
  /** Move a report along its path, each step a few days after the last. */
  const step = (r: Row, action: string, who: { id: string; name: string; org: string }, days: number, note: string | null = null, set: Row = {}) => {
    const t = reportLifecycle.transitions.find((x) => x.name === action && x.from.includes(r.state));
    const to = t ? t.to : r.state;
    const day = addDays(r.updated_at.slice(0, 10), days);
    const at = ts(day, n + r.version);
    hist(r, r.state, to, action, who, at, note);
    Object.assign(r, set, { state: to, version: r.version + 1, updated_at: at });
    return at;
  };
  const editText = (r: Row) => {
    const at = addDays(r.updated_at.slice(0, 10), 1);
    const stamp = ts(at, 3);
    r.body = `${r.body}\n（编者：已核实相关数据，文字有删节）`;
    r.revision_count = 2;
    revisions.push({ id: newId(), report_id: r.id, tenant_id: r.tenant_id, seq: 2, title: r.title, body: r.body, editor_id: editor.id, editor_name: editor.name, note: '核实数据，压缩篇幅', at: stamp });
    hist(r, r.state, r.state, 'edit', editor, stamp, '核实数据，压缩篇幅');
    r.version += 1;
    r.updated_at = stamp;
  };
  const event = (r: Row, e: { kind: string; level: 'city' | 'province' | 'national'; adoptionType?: 'single' | 'composite'; leaderLevel?: 'city' | 'province' | 'national'; text?: string; department?: string; days: number; tenantName: string }) => {
    events.push({
      id: newId(), tenant_id: r.tenant_id, tenant_name: e.tenantName, report_id: r.id, root_report_id: r.root_report_id, submitter_user_id: r.submitter_user_id, submitter_name: r.submitter_name,
      kind: e.kind, level: e.level, adoption_type: e.adoptionType ?? null, leader_level: e.leaderLevel ?? null, text: e.text ?? null, department: e.department ?? null,
      points: pointsFor(defaultPoints, { kind: e.kind, level: e.level, adoptionType: e.adoptionType ?? null, leaderLevel: e.leaderLevel ?? null }),
      recorded_by: editor.name, external_id: null, at: ts(addDays(r.updated_at.slice(0, 10), e.days), 5),
    });
  };

  // ---------------- 2025 ----------------
  // the article's year is working year 2025 (2024-12-06 … 2025-12-05, decision 0041): every report is submitted, handled,
  // compiled, sent up and adopted within it, the latest in early December
  const y = F.year;
  const dayIn2025 = () => addDays(`${y}-01-03`, between(0, 290));
  const submitters: string[] = [...members];
  while (submitters.length < F.submitted - 42) submitters.push(members[Math.floor(rand() * members.length)]);
  if (du.informant) for (let i = 0; i < 42; i++) submitters.push(du.informant.userId);
  while (submitters.length < F.submitted) submitters.push(members[Math.floor(rand() * members.length)]);
  const all = submitters.map((s) => newReport(city, s, dayIn2025()));
  // who has at least one adopted: 56.9% of the members, the demo member among them
  const adoptedCount = Math.round((F.memberAdoptedShare / 100) * members.length);
  const adoptedMembers = new Set([members[0], ...shuffle(members.slice(1)).slice(0, adoptedCount - 1)]);
  const firstOf = new Map<string, Row>();
  for (const r of all) if (adoptedMembers.has(r.submitter_user_id) && !firstOf.has(r.submitter_user_id)) firstOf.set(r.submitter_user_id, r);
  const accepted = new Set<Row>(firstOf.values());
  const pool = shuffle(all.filter((r) => adoptedMembers.has(r.submitter_user_id) && !accepted.has(r)));
  for (const r of pool) { if (accepted.size >= F.accepted) break; accepted.add(r); }
  const acceptedList = shuffle([...accepted]);
  // issues: 86 issues, the first 13 with two pieces; 19 composite pieces of three reports each, the others single
  const compiled = acceptedList.slice(0, F.pieces - F.composite + F.composite * 3);
  const compiledSet = new Set(compiled);
  const returnedSet = new Set(shuffle(all.filter((r) => !compiledSet.has(r))).slice(0, F.returned));
  const issueDay = (k: number) => addDays(`${y}-01-15`, Math.floor(k * 3.4));
  let ci = 0;
  const pieceSpecs: Array<{ issue: number; kind: 'single' | 'composite'; rs: Row[] }> = [];
  let compositeLeft = F.composite;
  for (let k = 0, p = 0; k < F.issues; k++) {
    const count = k < F.pieces - F.issues ? 2 : 1;
    for (let j = 0; j < count; j++, p++) {
      const kind = compositeLeft > 0 && p % 5 === 2 ? 'composite' : 'single';
      if (kind === 'composite') compositeLeft--;
      const rs = compiled.slice(ci, ci + (kind === 'composite' ? 3 : 1));
      ci += rs.length;
      pieceSpecs.push({ issue: k, kind, rs });
    }
  }
  // compiled reports were submitted a week or two before their issue
  for (const ps of pieceSpecs) {
    for (const r of ps.rs) {
      const at = ts(addDays(issueDay(ps.issue), -between(8, 16)), 2);
      Object.assign(r, { created_at: at, updated_at: at, submitted_at: at, year: y });
      const h = history.find((x) => x.entity_id === r.id)!;
      h.at = at;
      const v = revisions.find((x) => x.report_id === r.id)!;
      v.at = at;
    }
  }
  for (const r of all) {
    const submitter = { id: r.submitter_user_id, name: r.submitter_name, org: city };
    if (returnedSet.has(r)) {
      const at = step(r, 'return', editor, between(1, 3), '请核实数据来源，一事一报', { return_reason: '请核实数据来源，一事一报' });
      r.returned_at = at;
      step(r, 'resubmit', submitter, between(1, 4), null, { return_reason: null });
    }
    if (accepted.has(r)) {
      r.accepted_at = step(r, 'accept', editor, 1);
      editText(r);
      r.verified_at = step(r, 'verify', editor, 1);
    } else {
      step(r, 'retain', editor, between(1, 5));
    }
  }
  // the issues, signed by the leader and distributed to the party committee and government
  const issueRows: Row[] = [];
  for (let k = 0; k < F.issues; k++) {
    const day = issueDay(k);
    const id = newId();
    const number = `第${k + 1}期`;
    const row: Row = {
      id, tenant_id: city, year: y, number_seq: k + 1, number, title: '社情民意', piece_count: 0, recipients: JSON.stringify(['party_committee', 'government']),
      signed_by: leader.name, signed_at: ts(addDays(day, 1), 4), distributed_at: ts(addDays(day, 2), 5), state: 'distributed', version: 4,
      created_at: ts(day, 1), updated_at: ts(addDays(day, 2), 5),
    };
    issueRows.push(row);
    const ih = (from: string | null, to: string, action: string, who: typeof editor, at: string) =>
      history.push({ id: newId(), tenant_id: city, entity_type: 'opinion_issue', entity_id: id, from_state: from, to_state: to, action, actor_id: who.id, actor_name: who.name, actor_org_id: who.org, note: action === 'create' ? number : null, data: null, at });
    ih(null, 'editing', 'create', editor, row.created_at);
    ih('editing', 'signing', 'send_for_sign', editor, ts(day, 6));
    ih('signing', 'signed', 'sign', leader, row.signed_at);
    ih('signed', 'distributed', 'distribute', editor, row.distributed_at);
  }
  issues.push(...issueRows);
  const seqInIssue = new Map<number, number>();
  for (const ps of pieceSpecs) {
    const issue = issueRows[ps.issue];
    const seq = (seqInIssue.get(ps.issue) ?? 0) + 1;
    seqInIssue.set(ps.issue, seq);
    issue.piece_count = seq;
    const pieceId = newId();
    pieces.push({
      id: pieceId, issue_id: issue.id, tenant_id: city, seq, kind: ps.kind,
      title: ps.kind === 'single' ? ps.rs[0].title : `${ps.rs[0].title.replace(/的建议$/, '')}等问题的综合反映`, body: ps.rs.map((r) => r.body).join('\n\n'),
    });
    for (const r of ps.rs) {
      sources.push({ piece_id: pieceId, report_id: r.id, tenant_id: city, issue_id: issue.id });
      const issueCreated = issue.created_at.slice(0, 10);
      r.updated_at = `${issueCreated}T00:30:00.000Z`;
      step(r, 'compile', editor, 0, `编入${issue.number}`, { issue_id: issue.id, issue_number: issue.number });
      step(r, 'report', editor, 2, `${issue.number}分发`);
    }
  }
  // 963 sent up to the province (by exchange file: the province does not work in this deployment); 165 adopted there
  const sentUp = [...compiled, ...acceptedList.slice(compiled.length)].slice(0, F.sentUp);
  for (const r of sentUp) {
    const at = step(r, 'send_up', editor, 1, '报送山西省政协');
    r.sent_up_at = at;
    r.sent_up_to = '山西省政协';
  }
  const provinceAdopted = sentUp.slice(0, F.provinceAdopted);
  provinceAdopted.forEach((r, i) => event(r, { kind: 'adoption', level: 'province', adoptionType: i % 6 === 5 ? 'composite' : 'single', days: between(10, 30), tenantName: '山西省政协' }));
  provinceAdopted.slice(0, F.nationalAdopted).forEach((r, i) => event(r, { kind: 'adoption', level: 'national', adoptionType: i % 2 ? 'composite' : 'single', days: between(30, 60), tenantName: '全国政协' }));
  compiled.slice(0, F.cityInstructions).forEach((r) => event(r, { kind: 'instruction', level: 'city', leaderLevel: 'city', text: '请有关部门认真研究，提出落实意见。', days: between(5, 20), tenantName: cityName }));
  provinceAdopted.slice(0, F.provinceInstructions).forEach((r) => event(r, { kind: 'instruction', level: 'province', leaderLevel: 'province', text: '此件反映的问题具有普遍性，请省直有关部门研究。', days: between(20, 40), tenantName: '山西省政协' }));
  provinceAdopted.slice(0, F.nationalInstructions).forEach((r) => event(r, { kind: 'instruction', level: 'national', leaderLevel: 'national', text: '请相关部委研究办理。', days: 70, tenantName: '全国政协' }));
  compiled.slice(0, F.cityInstructions).forEach((r) => {
    event(r, { kind: 'forwarded', level: 'city', department: '市住建局', days: 25, tenantName: cityName });
    event(r, { kind: 'feedback', level: 'city', department: '市住建局', text: '已会同相关部门制定整改方案，分步实施。', days: 45, tenantName: cityName });
  });

  // ---------------- the current year: work waiting in the demo queues ----------------
  const today = chinaToday();
  const recent = (d: number) => addDays(today, -d);
  const open: Row[] = [];
  for (let i = 0; i < 6; i++) open.push(newReport(city, members[1 + between(0, members.length - 2)], recent(between(1, 6)), i === 0 ? { urgent: 1 } : { urgent: 0 }));
  if (du.member) {
    const m = du.member.userId;
    const mine = { id: m, name: nameOf(m), org: city };
    open.push(newReport(city, m, recent(2)));
    const back = newReport(city, m, recent(8));
    back.returned_at = step(back, 'return', editor, 1, '请补充具体数据和案例', { return_reason: '请补充具体数据和案例' });
    open.push(back);
    const good = newReport(city, m, recent(40));
    good.accepted_at = step(good, 'accept', editor, 2);
    editText(good);
    good.verified_at = step(good, 'verify', editor, 1);
    good.sent_up_at = step(good, 'send_up', editor, 1, '报送山西省政协');
    good.sent_up_to = '山西省政协';
    event(good, { kind: 'adoption', level: 'province', adoptionType: 'single', days: 5, tenantName: '山西省政协' });
    void mine;
  }
  // two verified reports ready for the next issue
  for (let i = 0; i < 2; i++) {
    const r = newReport(city, members[10 + i], recent(12 + i));
    r.accepted_at = step(r, 'accept', editor, 1);
    r.verified_at = step(r, 'verify', editor, 1);
  }
  // a county: its own editor, and a report of its member sent up to the city, waiting in the city's queue
  const luzhou = seed.countyIds['潞州区'];
  if (luzhou && du.county && du.countyeditor) {
    // the county's editor is a demo account of the platform seed
    const countyEditorId = du.countyeditor.userId;
    const cEditor = { id: countyEditorId, name: (await findPeople(db, [countyEditorId])).get(countyEditorId)?.name ?? '潞州区政协编辑', org: luzhou };
    const orig = newReport(luzhou, du.county.userId, recent(9));
    orig.submitter_name = nameOf(du.county.userId);
    orig.accepted_at = step(orig, 'accept', cEditor, 1);
    orig.verified_at = step(orig, 'verify', cEditor, 1);
    const copyId = newId();
    orig.sent_up_at = step(orig, 'send_up', cEditor, 1, '报送长治市政协');
    orig.sent_up_to = cityName;
    orig.up_copy_id = copyId;
    const at = orig.sent_up_at;
    const copy: Row = {
      ...orig, id: copyId, tenant_id: city, submitted_title: orig.title, submitted_body: orig.body, submitter_org_id: luzhou, source_report_id: orig.id,
      source_tenant_id: luzhou, source_tenant_name: '潞州区政协', up_copy_id: null, sent_up_at: null, sent_up_to: null, accepted_at: null, verified_at: null,
      revision_count: 1, state: 'submitted', version: 1, created_at: at, updated_at: at, submitted_at: at,
    };
    reports.push(copy);
    revisions.push({ id: newId(), report_id: copyId, tenant_id: city, seq: 1, title: copy.title, body: copy.body, editor_id: cEditor.id, editor_name: cEditor.name, note: '潞州区政协报送', at });
    hist(copy, null, 'submitted', 'received', cEditor, at, '潞州区政协报送');
    open.push(copy);
  }
  for (const r of [...open, ...reports.filter((x) => x.state === 'returned' && !open.includes(x))]) {
    const row = openTaskRow(reportLifecycle, r as any, ctx.calendar, {
      title: r.urgent ? `【急】${r.title}` : r.title, since: r.updated_at.slice(0, 10), now: r.updated_at,
      dueInWorkingDays: r.urgent ? 1 : reportLifecycle.states[r.state]?.task?.dueInWorkingDays ?? 3,
    });
    if (row) tasks.push(row);
  }

  // 选题研判: demo topics, cited by the reports on their subjects
  const topics = planDemoTopics({ tenantId: city, editor, reports, subjects: SUBJECTS, year: y, today });
  await db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'opinion_topics', topics, 50);
    await insertBatches(trx, 'opinion_reports', reports, 100);
    await insertBatches(trx, 'opinion_revisions', revisions, 300);
    await insertBatches(trx, 'opinion_issues', issues, 200);
    await insertBatches(trx, 'opinion_pieces', pieces, 200);
    await insertBatches(trx, 'opinion_piece_sources', sources, 500);
    await insertBatches(trx, 'opinion_events', events, 200);
    await backfillLineageLevels(trx);
    await seedWorkflowRows(trx, { history, tasks }, { history: 400, tasks: 200 });
    await appendAudit(trx, ctx.dialect, {
      tenantId: city, actorId: 'system', actorName: '系统', action: 'opinion.seed', entityType: 'opinion', entityId: null,
      data: { reports: reports.length, issues: issues.length, events: events.length, history: history.length, figures: F },
    });
  });
  // the reports' texts go to the text module (search, similar items, hot topics), as a submission's would
  await publishReportTexts(ctx, reports as Array<Parameters<typeof publishReportTexts>[1][number]>);
  await ctx.events.drain();
  // fresh statistics for the query planner after the bulk load
  await optimiseForReading(db, ctx.dialect);
}
