/**
 * Demo data: the article's first “对口协商 + 网络议政” on old-compound renovation (2025-09-10, archived, with members,
 * the 市住建局 answering, the public, statements with votes in two opinion groups), and a session on city parking that
 * is open now, hosted by the committee staff (`committee`), so the room can be tried at once.
 */
import { randomBytes } from 'node:crypto';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { consultationsOn } from '../../consultations/index.ts';
import { findPeople } from '../../identity/index.ts';
import { pseudonymOf } from '../domain/live-rules.ts';
import { rng } from '../domain/opinion-groups.ts';
import { regroup } from './groups.ts';
import { publishContributionTexts } from './search-index.ts';
import { liveDb } from './tables.ts';

const at = (day: string, h: number, m = 0) => new Date(Date.parse(`${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`)).toISOString();

const RENOVATION = {
  title: '推进城镇老旧小区整治改造（网络议政）',
  topic: '紧扣“实施城市更新行动”主题，市政协首次采用“对口协商+网络议政”模式，委员、政府部门和群众在“智慧政协”平台上实时互动，围绕老旧小区水电气暖管网改造、加装电梯、长效管理等问题建言献策。',
  statements: [
    '老旧小区改造应统筹水电气暖管网，避免反复开挖',
    '加装电梯费用应由低层和高层住户按楼层分摊',
    '加装电梯应以政府补贴为主，住户少量出资',
    '改造后应引入专业物业，建立长效管理机制',
    '改造项目清单和进度应向居民公开',
    '小区停车位应优先满足本小区居民',
  ],
  comments: [
    ['member', '建议把管网改造和路面硬化同步施工，一次开挖到位。'],
    ['member', '加装电梯是老年住户最迫切的需求，应简化审批。'],
    ['public', '我们小区改造后楼道灯又坏了，希望有人长期管。'],
    ['public', '希望公开改造资金的使用明细。'],
    ['member', '可以借鉴“有事来商量”平台，让居民全过程参与改造方案。'],
  ] as const,
  questions: [
    ['public', '今年还有哪些小区纳入改造计划？', '今年全市计划改造老旧小区 120 个，名单已在市住建局网站公示，欢迎监督。'],
    ['member', '加装电梯的补贴标准是否会提高？', null],
  ] as const,
};

export async function liveSeed(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const staff = seed.demoUsers.committee ?? seed.demoUsers.office;
  const unit = seed.unitIds['市住建局'];
  if (!staff || !unit) return;
  const members = seed.memberUserIds.slice(0, 40);
  const people = await findPeople(ctx.db, [staff.userId, ...members]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const history: Record<string, unknown>[] = [];
  const hist = (sid: string, from: string | null, to: string, action: string, when: string) =>
    history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'live_session', entity_id: sid, from_state: from, to_state: to, action, actor_id: staff.userId, actor_name: nameOf(staff.userId), actor_org_id: staff.orgId, note: null, data: null, at: when });

  const day = '2025-09-10';
  const sid = newId();
  const base = { tenant_id: seed.cityId, host_user_ids: JSON.stringify([staff.userId]), responder_unit_ids: JSON.stringify([unit]), expert_user_ids: '[]', moderate_public: 1, consultation_id: null, event_seq: 0, created_by: staff.userId, created_by_name: nameOf(staff.userId) };
  // the article's 对口协商 + 网络议政: the session ran beside the day's counterpart consultation on old compounds
  const [hostedBy] = await consultationsOn(ctx.db, seed.cityId, day, 'counterpart');
  const sessions: Record<string, unknown>[] = [{
    ...base, consultation_id: hostedBy ?? null, id: sid, title: RENOVATION.title, topic: RENOVATION.topic, opens_at: at(day, 9), closes_at: at(day, 11, 30), public_access: 'link',
    public_key: randomBytes(18).toString('base64url'), state: 'archived', version: 4, created_at: at('2025-09-01', 9), updated_at: at('2025-09-12', 10),
  }];
  hist(sid, null, 'preparing', 'create', at('2025-09-01', 9));
  hist(sid, 'preparing', 'open', 'open', at(day, 9));
  hist(sid, 'open', 'closed', 'close', at(day, 11, 30));
  hist(sid, 'closed', 'archived', 'archive', at('2025-09-12', 10));

  const participants: Record<string, unknown>[] = [];
  const memberPid = new Map<string, string>();
  for (const m of members) {
    const id = newId();
    memberPid.set(m, id);
    participants.push({ id, session_id: sid, user_id: m, org_id: null, role: 'member', display_name: nameOf(m), token_hash: null, phone_hash: null, created_at: at(day, 9, 1) });
  }
  const publicPids: string[] = [];
  for (let i = 0; i < 24; i++) {
    const id = newId();
    publicPids.push(id);
    participants.push({ id, session_id: sid, user_id: null, org_id: null, role: 'public', display_name: pseudonymOf(id), token_hash: null, phone_hash: null, created_at: at(day, 9, 2) });
  }
  const unitPid = newId();
  participants.push({ id: unitPid, session_id: sid, user_id: seed.demoUsers.unit?.userId ?? null, org_id: unit, role: 'department', display_name: '市住建局', token_hash: null, phone_hash: null, created_at: at(day, 9, 3) });
  const pick = (role: string, i: number) => (role === 'public' ? publicPids[i % publicPids.length] : members[i % members.length]);
  const contributions: Record<string, unknown>[] = [];
  const contrib = (role: string, i: number, kind: string, body: string, when: string, extra: Record<string, unknown> = {}) => {
    const id = newId();
    const who = pick(role, i);
    const pid = role === 'public' ? who : role === 'department' ? unitPid : memberPid.get(who)!;
    const name = role === 'public' ? pseudonymOf(who) : role === 'department' ? '市住建局' : nameOf(who);
    contributions.push({ id, session_id: sid, tenant_id: seed.cityId, participant_id: pid, role, author_name: name, kind, body, status: 'published', flagged_words: null, reject_reason: null, reply_to: null, routed_unit_id: null, routed_unit_name: null, answered_at: null, version: 1, created_at: when, updated_at: when, ...extra });
    return id;
  };
  RENOVATION.comments.forEach(([role, body], i) => contrib(role, i, 'comment', body, at(day, 9, 10 + i * 5)));
  RENOVATION.questions.forEach(([role, q, a], i) => {
    const answeredAt = a ? at(day, 10, 20 + i) : null;
    const qid = contrib(role, i + 7, 'question', q, at(day, 10, i * 5), { routed_unit_id: unit, routed_unit_name: '市住建局', answered_at: answeredAt, version: 2 });
    if (a) contrib('department', 0, 'answer', a, answeredAt!, { reply_to: qid });
  });
  const statements = RENOVATION.statements.map((body, i) => ({ id: newId(), session_id: sid, participant_id: memberPid.get(members[i])!, author_name: nameOf(members[i]), role: 'member', body, status: 'published', created_at: at(day, 9, 30 + i) }));
  // two camps on who pays for lifts (statements 1 and 2); broad agreement on pipes, management and openness
  const rand = rng(20250910);
  const votes: Record<string, unknown>[] = [];
  const voters = [...memberPid.values(), ...publicPids];
  voters.forEach((pid, k) => {
    const camp = k % 2;
    statements.forEach((st, j) => {
      if (rand() < 0.15) return;
      const lean = j === 1 ? (camp === 0 ? 1 : -1) : j === 2 ? (camp === 0 ? -1 : 1) : j === 5 ? (camp === 0 ? 1 : 0) : 1;
      const value = rand() < 0.88 ? lean : rand() < 0.5 ? 0 : -lean;
      votes.push({ statement_id: st.id, participant_id: pid, session_id: sid, value, at: at(day, 10, 30 + (k % 25)) });
    });
  });

  // a session open now, for trying the room
  const now = clock.nowMs();
  const openId = newId();
  const openDay = clock.today();
  sessions.push({
    ...base, id: openId, title: '破解城区停车难（网络议政）', topic: '城区老旧片区停车位紧张、占道停车多。请委员、部门和市民围绕错时共享停车、立体车库建设、路内停车收费等建言。',
    opens_at: new Date(now - 3600_000).toISOString(), closes_at: new Date(now + 7 * 86_400_000).toISOString(), public_access: 'link',
    public_key: randomBytes(18).toString('base64url'), state: 'open', version: 2, created_at: at(openDay, 8), updated_at: new Date(now - 3600_000).toISOString(),
  });
  hist(openId, null, 'preparing', 'create', at(openDay, 8));
  hist(openId, 'preparing', 'open', 'open', new Date(now - 3600_000).toISOString());
  const openStatements = ['机关单位停车场应在夜间向周边居民开放', '老旧片区应建设立体停车库', '路内停车应按时段阶梯收费'].map((body, i) => ({
    id: newId(), session_id: openId, participant_id: 'seed', author_name: nameOf(staff.userId), role: 'host', body, status: 'published', created_at: new Date(now - 3000_000 + i * 1000).toISOString(),
  }));
  // twelve members have already voted in the open room, in two camps on the parking garage
  members.filter((m) => m !== seed.demoUsers.member?.userId).slice(0, 12).forEach((m, k) => {
    const pid = newId();
    participants.push({ id: pid, session_id: openId, user_id: m, org_id: null, role: 'member', display_name: nameOf(m), token_hash: null, phone_hash: null, created_at: new Date(now - 3000_000).toISOString() });
    openStatements.forEach((st, j) => votes.push({ statement_id: st.id, participant_id: pid, session_id: openId, value: j === 1 ? (k % 2 ? -1 : 1) : j === 2 ? (k % 2 ? 1 : -1) : 1, at: new Date(now - 2000_000).toISOString() }));
  });

  await ctx.db.transaction().execute(async (trx) => {
    const db = liveDb(trx);
    await db.insertInto('live_sessions').values(sessions as never).execute();
    await db.insertInto('live_participants').values(participants as never).execute();
    await db.insertInto('live_contributions').values(contributions as never).execute();
    await db.insertInto('live_statements').values([...statements, ...openStatements] as never).execute();
    for (let i = 0; i < votes.length; i += 300) await db.insertInto('live_votes').values(votes.slice(i, i + 300) as never).execute();
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
  await publishContributionTexts(ctx, seed.cityId, contributions.map((c) => ({ id: String(c.id), kind: String(c.kind), author_name: String(c.author_name), body: String(c.body), created_at: String(c.created_at), sessionTitle: RENOVATION.title })));
  await regroup(ctx, sid);
  await regroup(ctx, openId);
}
