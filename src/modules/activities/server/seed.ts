/**
 * Demo data for the 2025 working year, reproducing the seed article: 36 委员之家 held 108 activities with 1,021 member
 * participations; 276 服务为民 activities with 2,016 good deeds (办好事 2000余件) serving 44,120 people (4.4万余人次);
 * 40 study sessions, 6 委员讲坛 and 60 书香政协 reading activities. Each activity has its history; participations are
 * sign-ins (most by QR on the phone, some by staff at the door); service records are by members who signed in. A needs
 * list with needs done, matched and waiting, and members' skills for matching. The demo member (`member`) convenes the
 * first 委员之家 and has an activity open for sign-up today.
 */
import { randomBytes } from 'node:crypto';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople } from '../../identity/index.ts';
import { workYearFor } from '../../organizations/index.ts';
import { serviceKindLabels, serviceKinds, type ActivityKind, type ServiceKind } from '../domain/activity-rules.ts';
import { demoReading } from './reading-seed.ts';
import { activitiesDb } from './tables.ts';

/** The article's figures for 2025, and the demo's own exact choices for "2000余" and "4.4万余". */
export const activitySeedFigures = {
  year: 2025, homes: 36, homeActivities: 108, homeParticipations: 1021,
  serviceActivities: 276, deeds: 2016, served: 44_120, study: 40, lectures: 6, reading: 60,
} as const;

/** Split `total` over `weights` so the parts add up exactly (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  const left = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) parts[order[k][1]]++;
  return parts;
}

const TOWNS = ['东街', '西街', '南街', '北关', '城东', '城西', '太行', '英雄'];
const STUDY = ['“第一议题”：学习习近平总书记重要讲话精神', '理论学习中心组专题学习', '学习党的二十届四中全会精神专题研讨', '《习近平谈治国理政》第五卷专题学习'];
const LECTURES = ['委员讲坛：太行精神与新时代担当', '委员讲坛：数字经济赋能传统产业', '委员讲坛：上党文化的传承与创新', '委员讲坛：基层医疗体系建设', '委员讲坛：职业教育与产业融合', '委员讲坛：生态保护与绿色发展'];
const READING = ['“书香政协·E读相伴”线上共读', '“书香飘万家·阅读悦美”读书日活动', '委员读书分享会', '亲子阅读风采展演'];
const HOME_TOPICS = ['学习二十届四中全会精神', '红色教育主题活动', '法律知识学习', '乡村振兴政策学习', '委员履职座谈', '“有事来商量”协商议事'];
const SERVICE_TITLES: Record<ServiceKind, string> = { clinic: '敬老义诊', culture: '送文化下乡', education: '金秋助学走访', law: '送法下基层', science: '科普进校园', other: '夏送清凉' };
const SKILLS: Record<ServiceKind, string[]> = { clinic: ['义诊', '中医', '全科'], culture: ['书法', '戏曲', '摄影'], education: ['助学', '教育'], law: ['法律', '调解'], science: ['科普', '农技'], other: ['志愿服务'] };
const SOURCES = ['东街社区居委会', '西关村村委会', '太行小学', '英雄街道办事处', '城东社区卫生服务站', '北关村村委会', '南街社区', '城西中学'];

type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

export async function seedActivities(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = activitiesDb(ctx.db);
  const staff = seed.demoUsers.office;
  const members = seed.memberUserIds;
  const counties = Object.keys(seed.countyIds);
  if (!staff || members.length < 50 || counties.length === 0) return;
  if (await db.selectFrom('activity_homes').select('id').limit(1).executeTakeFirst()) return;
  const F = activitySeedFigures;
  const rand = seededRandom(36_108_1021);
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const today = ctx.calendar.today();
  const wy = await workYearFor(ctx.settings, seed.cityId, F.year);
  const last = wy.endsOn < today ? wy.endsOn : addDays(today, -1);
  const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(wy.startsOn)) / 86_400_000));
  const dayIn = () => addDays(wy.startsOn, between(0, span));

  const demoMember = seed.demoUsers.member?.userId;
  // the demo member first, so they convene the first home and take part in its activities
  const pool = demoMember ? [demoMember, ...members.filter((m) => m !== demoMember)] : [...members];
  const people = await findPeople(ctx.db, [staff.userId, ...pool]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;

  const homes: Row[] = [], homeMembers: Row[] = [], activities: Row[] = [], participants: Row[] = [], services: Row[] = [], needs: Row[] = [], skills: Row[] = [], history: Row[] = [];
  const homeMembersOf = new Map<string, string[]>();
  const perHome = Math.max(10, Math.min(14, Math.floor(pool.length / F.homes)));
  for (let h = 0; h < F.homes; h++) {
    const county = counties[h % counties.length];
    const town = TOWNS[Math.floor(h / counties.length) % TOWNS.length];
    const id = newId();
    const ms = Array.from({ length: perHome }, (_, i) => pool[(h * perHome + i) % pool.length]);
    const lat = 36.19 + (h % 6) * 0.05 + rand() * 0.01, lng = 113.1 + Math.floor(h / 6) * 0.05 + rand() * 0.01;
    homes.push({ id, tenant_id: seed.cityId, name: `${county}${town}委员之家`, county, town: `${town}街道`, place: `${county}${town}街道政协委员之家活动室`, lat, lng, convener_user_id: ms[0], convener_name: nameOf(ms[0]), version: 1, created_at: at(wy.startsOn, '09:00') });
    for (const u of new Set(ms)) homeMembers.push({ home_id: id, tenant_id: seed.cityId, user_id: u, name: nameOf(u) });
    homeMembersOf.set(id, [...new Set(ms)]);
  }

  /** One activity held on `on`, over: created, published, started, ended, archived (unless `state` says otherwise). */
  const activity = (a: { kind: ActivityKind; serviceKind?: ServiceKind; title: string; on: string; home?: Row; county?: string | null; owner: string; ownerOrg: string; state?: 'open' | 'archived' }) => {
    const id = newId();
    const state = a.state ?? 'archived';
    const startsAt = at(a.on, '09:00'), endsAt = at(a.on, '11:30');
    const steps: Array<[string | null, string, string, string]> = [[null, 'preparing', 'create', at(addDays(a.on, -7), '10:00')], ['preparing', 'open', 'publish', at(addDays(a.on, -7), '10:05')]];
    if (state === 'archived') steps.push(['open', 'ongoing', 'start', at(a.on, '09:00')], ['ongoing', 'ended', 'end', at(a.on, '11:30')], ['ended', 'archived', 'archive', at(addDays(a.on, 3), '10:00')]);
    for (const [from, to, action, when] of steps) history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'activity', entity_id: id, from_state: from, to_state: to, action, actor_id: a.owner, actor_name: nameOf(a.owner), actor_org_id: a.ownerOrg, note: null, data: null, at: when });
    const row = {
      id, tenant_id: seed.cityId, kind: a.kind, service_kind: a.serviceKind ?? null, title: a.title, body: `${a.title}。组织委员参加，记录签到、照片和成效。`,
      home_id: (a.home?.id as string) ?? null, county: (a.home?.county as string) ?? a.county ?? null, place: (a.home?.place as string) ?? '市政协机关', lat: a.home?.lat ?? null, lng: a.home?.lng ?? null, radius_m: 500,
      starts_at: startsAt, ends_at: endsAt, held_on: a.on, capacity: null, outcome: state === 'archived' ? `${a.title}顺利完成，委员积极参与。` : null,
      signin_secret: randomBytes(24).toString('base64url'), owner_user_id: a.owner, owner_name: nameOf(a.owner), state, version: steps.length,
      created_at: steps[0][3], updated_at: steps[steps.length - 1][3],
    };
    activities.push(row);
    return row;
  };
  const signIn = (a: Row, userId: string, k: number) => {
    const byStaff = k % 10 === 9;
    participants.push({
      id: newId(), activity_id: a.id, tenant_id: seed.cityId, user_id: userId, name: nameOf(userId), kind: a.kind, held_on: a.held_on, home_id: a.home_id, county: a.county,
      signed_up_at: k % 3 === 0 ? null : at(addDays(a.held_on as string, -3), '20:00'), signed_in_at: at(a.held_on as string, byStaff ? '09:10' : '08:50'),
      signed_in_by: byStaff ? staff.userId : userId, signed_in_by_name: byStaff ? nameOf(staff.userId) : null, distance_m: byStaff || a.lat === null ? null : between(5, 300), version: 1,
    });
  };

  // 委员之家: 108 activities (3 a home), 1,021 participations among each home's members
  const homeActs: Row[] = [];
  homes.forEach((h, i) => {
    for (let j = 0; j < F.homeActivities / F.homes; j++) {
      homeActs.push(activity({ kind: 'home', title: `${h.name}：${HOME_TOPICS[(i + j) % HOME_TOPICS.length]}`, on: dayIn(), home: h, owner: h.convener_user_id as string, ownerOrg: seed.cityId }));
    }
  });
  // weights within ±20% keep every activity within its home's members (about 9.5 of 13)
  apportion(F.homeParticipations, homeActs.map(() => 0.8 + 0.4 * rand())).forEach((n, i) => {
    const ms = homeMembersOf.get(homeActs[i].home_id as string)!;
    if (n > ms.length) throw new Error(`demo seed: ${n} participants for a home of ${ms.length}`);
    for (let k = 0; k < n; k++) signIn(homeActs[i], ms[k], k);
  });

  // 学习, 委员讲坛, 书香政协: organised by the office, members from the whole CPPCC
  const broad = (kind: ActivityKind, titles: string[], count: number, size: [number, number]) => {
    for (let i = 0; i < count; i++) {
      const a = activity({ kind, title: titles[i % titles.length] + (count > titles.length ? `（第${i + 1}期）` : ''), on: dayIn(), owner: staff.userId, ownerOrg: staff.orgId });
      const n = between(size[0], size[1]);
      const start = between(0, pool.length - 1);
      for (let k = 0; k < n; k++) signIn(a, pool[(start + k * 7) % pool.length], k);
    }
  };
  broad('study', STUDY, F.study, [15, 30]);
  broad('lecture', LECTURES, F.lectures, [30, 60]);
  broad('reading', READING, F.reading, [6, 15]);

  // 服务为民: 276 activities in the homes' counties; 2,016 service records by members who signed in, 44,120 people served
  const serviceActs: Row[] = [];
  for (let i = 0; i < F.serviceActivities; i++) {
    const sk = serviceKinds[i % 5];
    const h = homes[i % homes.length];
    serviceActs.push(activity({ kind: 'service', serviceKind: sk, title: `${SERVICE_TITLES[sk]}（${h.county}）`, on: dayIn(), home: h, owner: staff.userId, ownerOrg: staff.orgId }));
  }
  const deedsPer = apportion(F.deeds, serviceActs.map(() => 0.5 + rand()));
  const deedRows: Row[] = [];
  serviceActs.forEach((a, i) => {
    const ms = homeMembersOf.get(a.home_id as string)!;
    const who = ms.slice(0, Math.min(ms.length, Math.max(2, Math.ceil(deedsPer[i] / 2))));
    who.forEach((u, k) => signIn(a, u, k));
    for (let k = 0; k < deedsPer[i]; k++) {
      const u = who[k % who.length];
      deedRows.push({
        id: newId(), tenant_id: seed.cityId, activity_id: a.id, need_id: null, user_id: u, name: nameOf(u), service_kind: a.service_kind,
        content: `${serviceKindLabels[a.service_kind as ServiceKind]}：为群众办实事一件`, people_served: 0, on_date: a.held_on, county: a.county, home_id: a.home_id,
        state: 'done', version: 2, created_at: a.ends_at, updated_at: a.ends_at,
      });
    }
  });
  apportion(F.served, deedRows.map(() => 0.2 + rand())).forEach((n, i) => { deedRows[i].people_served = n; });
  services.push(...deedRows);

  // members' skills for matching, and a needs list: done (their record is one of the deeds), matched, waiting
  pool.slice(0, 150).forEach((u, i) => {
    const sk = serviceKinds[i % 5];
    skills.push({ user_id: u, tenant_id: seed.cityId, name: nameOf(u), skills: SKILLS[sk].slice(0, 1 + (i % SKILLS[sk].length)).join('、'), county: counties[i % counties.length], updated_at: at(wy.startsOn, '09:00') });
  });
  for (let i = 0; i < 24; i++) {
    const sk = serviceKinds[i % 5];
    const state = i < 14 ? 'done' : i < 19 ? 'matched' : 'open';
    const deed = state === 'done' ? deedRows[i * 37] : undefined;
    const matched = deed ? (deed.user_id as string) : state === 'matched' ? (i === 14 && demoMember ? demoMember : pool[i * 5]) : null;
    const id = newId();
    if (deed) deed.need_id = id;
    needs.push({
      id, tenant_id: seed.cityId, title: `${SOURCES[i % SOURCES.length]}：${SERVICE_TITLES[sk]}需求`, detail: `${SOURCES[i % SOURCES.length]}希望政协委员开展${serviceKindLabels[sk]}服务。`,
      source: SOURCES[i % SOURCES.length], county: (deed?.county as string) ?? counties[i % counties.length], skills: SKILLS[sk][0], service_kind: sk, state,
      matched_user_id: matched, matched_name: matched ? nameOf(matched) : null, service_id: (deed?.id as string) ?? null, version: state === 'open' ? 1 : state === 'matched' ? 2 : 3,
      created_at: at(deed ? addDays(deed.on_date as string, -10) : dayIn(), '10:00'), updated_at: at(deed ? (deed.on_date as string) : last, '10:00'),
    });
  }

  // the demo: the first home's convener (the demo member) has an activity open for sign-up today, at the home
  // (only after the 2025 working year, so the article's figures stay exact whatever day the demo starts on)
  if (today > wy.endsOn) {
    const demoAct = activity({ kind: 'home', title: `${homes[0].name}：学习交流（今日）`, on: today, home: homes[0], owner: homes[0].convener_user_id as string, ownerOrg: seed.cityId, state: 'open' });
    demoAct.starts_at = at(today, '08:00'); demoAct.ends_at = at(today, '20:00');
  }

  // 书香政协: reading groups with notes from the working year's start to yesterday
  const reading = demoReading({
    tenantId: seed.cityId, pool, nameOf, staffId: staff.userId, staffName: nameOf(staff.userId), from: wy.startsOn, yesterday: addDays(today, -1),
    createdAt: at(wy.startsOn, '09:00'), rand: seededRandom(60_2025),
  });
  await ctx.db.transaction().execute(async (trx) => {
    await reading.insert(trx);
    await insertBatches(trx, 'activity_homes', homes);
    await insertBatches(trx, 'activity_home_members', homeMembers);
    await insertBatches(trx, 'activities', activities);
    await insertBatches(trx, 'activity_participants', participants, 400);
    await insertBatches(trx, 'activity_services', services, 400);
    await insertBatches(trx, 'activity_needs', needs);
    await insertBatches(trx, 'activity_member_skills', skills);
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
}
