/**
 * Demo data for the 2025 working year, reproducing the seed article: the 金融委员工作室 (with its 金融超市) helped
 * 2,065 loans worth exactly 26.02 亿元 and, with the 开发区 and 商会 studios, brought in 77 projects worth 213 亿元; the
 * 法律委员工作室 mediated 10 disputes, 6 successfully (成功调解6起民事纠纷); the 高校 (长治医学院), 开发区 and 商会
 * studios hold their activities, one a joint 委员沙龙. The demo member (`member`) convenes the finance studio; the
 * first of the city's members (m0001) convenes the legal one. Bulk inserts in one transaction.
 */
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople } from '../../identity/index.ts';
import { workYearFor } from '../../organizations/index.ts';
import { apportion, type StudioKind } from '../domain/studio-rules.ts';
import { studiosDb } from './tables.ts';

/** The article's figures for 2025 (amounts in whole 元). */
export const studioSeedFigures = {
  year: 2025, loans: 2065, loanYuan: 2_602_000_000, projects: 77, projectYuan: 21_300_000_000, cases: 10, casesSuccess: 6,
} as const;

const BANKS = ['长治银行', '中国工商银行长治分行', '中国农业银行长治分行', '中国建设银行长治分行', '中国银行长治分行', '山西农商银行长治营业部', '邮储银行长治分行', '晋商银行长治分行'];
const PRODUCTS = ['普惠小微贷', '科技贷', '税易贷', '助农振兴贷', '晋享贷', '创业担保贷'];
const PLACES = ['潞州区', '上党区', '屯留区', '潞城区', '襄垣县', '长子县', '沁源县', '高新区'];
const TRADES = ['煤机制造', '现代农业', '食品加工', '新材料', '光伏科技', '物流', '中医药', '建材', '商贸', '纺织'];
const SUFFIX = ['有限公司', '股份有限公司', '科技有限公司', '农业专业合作社'];
const PROJECTS = ['高端装备制造产业园', '光伏组件生产基地', '中药材精深加工', '现代物流园', '新能源重卡换电站', '数据中心', '氢能产业链', '农产品冷链仓储', '文旅康养综合体', '半导体材料'];
const INVESTORS = ['北京', '上海', '深圳', '杭州', '太原', '郑州', '苏州', '天津'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '郭', '牛', '申'];
const GIVEN = ['建国', '秀英', '志强', '丽华', '国庆', '海燕', '卫东', '晓梅', '文斌', '春花'];
const MATTERS = ['房屋租赁合同纠纷', '买卖合同货款纠纷', '民间借贷纠纷', '相邻关系纠纷', '劳务报酬纠纷', '物业服务费纠纷', '装修工程款纠纷', '婚姻家庭财产纠纷', '交通事故赔偿纠纷', '农村土地承包纠纷'];

type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

export async function seedStudios(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = studiosDb(ctx.db);
  const staff = seed.demoUsers.office;
  const members = seed.memberUserIds;
  if (!staff || members.length < 60) return;
  if (await db.selectFrom('studios').select('id').limit(1).executeTakeFirst()) return;
  const F = studioSeedFigures;
  const rand = seededRandom(2065_2602);
  const between = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const today = ctx.calendar.today();
  const wy = await workYearFor(ctx.settings, seed.cityId, F.year);
  const last = wy.endsOn < today ? wy.endsOn : addDays(today, -1);
  const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(wy.startsOn)) / 86_400_000));
  const dayIn = () => addDays(wy.startsOn, between(0, span));
  const demoMember = seed.demoUsers.member?.userId;
  const people = await findPeople(ctx.db, [staff.userId, ...members, ...(demoMember ? [demoMember] : [])]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const tenant = seed.cityId;
  const created = at(wy.startsOn, '09:00');

  const studios: Row[] = [], studioMembers: Row[] = [], activities: Row[] = [], activityMembers: Row[] = [], cases: Row[] = [], handlers: Row[] = [];
  const needs: Row[] = [], offers: Row[] = [], loans: Row[] = [], projects: Row[] = [];
  const studio = (name: string, kind: StudioKind, intro: string, convener: string, pool: string[]) => {
    const id = newId();
    const ms = [...new Set([convener, ...pool])];
    studios.push({ id, tenant_id: tenant, name, kind, intro, convener_user_id: convener, convener_name: nameOf(convener), version: 1, created_at: created, updated_at: created });
    for (const u of ms) studioMembers.push({ studio_id: id, tenant_id: tenant, user_id: u, name: nameOf(u), joined_at: created });
    return { id, members: ms };
  };
  const legal = studio('法律委员工作室', 'legal', '“政协+法院”民商事纠纷多元化解：律师、法官界别委员调解民事纠纷，开展送法下基层。', members[0], members.slice(1, 8));
  const finance = studio('金融委员工作室', 'finance', '依托“金融超市”平台常态化举办银企对接，助力普惠贷款和“金融助企”招商引资。', demoMember ?? members[10], members.slice(10, 20));
  const university = studio('长治医学院高校委员工作室', 'university', '集聚高校资源、医卫资源等人才资源，开展送健康、科普进校园，搭建校地合作桥梁。', members[20], members.slice(21, 28));
  const devzone = studio('开发区委员工作室', 'devzone', '聚焦高新区产业发展，服务入园企业，助力项目引进落地。', members[30], members.slice(31, 38));
  const chamber = studio('商会委员工作室', 'chamber', '联系工商联和各地商会，服务民营企业，促进以商招商。', members[40], members.slice(41, 48));

  const activity = (s: { id: string; members: string[] }, title: string, on: string, served: number, n: number) => {
    const id = newId();
    const who = s.members.slice(0, Math.min(n, s.members.length));
    activities.push({ id, tenant_id: tenant, studio_id: s.id, held_on: on, title, place: null, others: null, people_served: served, summary: `${title}顺利开展。`, recorded_by: s.members[0], recorded_by_name: nameOf(s.members[0]), created_at: at(on, '17:00') });
    for (const u of who) activityMembers.push({ activity_id: id, tenant_id: tenant, user_id: u, name: nameOf(u), held_on: on });
  };
  for (let i = 0; i < 2; i++) activity(legal, `送法下基层（${PLACES[5 + i]}）`, dayIn(), between(80, 200), 5);
  for (let i = 0; i < 4; i++) activity(legal, '法律咨询接待日', dayIn(), between(10, 40), 3);
  for (let i = 0; i < 12; i++) activity(finance, `“金融超市”银企对接会（第${i + 1}期）`, addDays(wy.startsOn, 20 + i * 28), between(30, 80), 6);
  for (let i = 0; i < 4; i++) activity(university, ['送健康进社区义诊', '科普进校园', '校地合作座谈', '医学人才培养交流'][i], dayIn(), between(50, 300), 5);
  for (let i = 0; i < 4; i++) activity(devzone, ['入园企业走访', '项目推进协调会', '产业链招商座谈', '营商环境调研'][i], dayIn(), 0, 5);
  for (let i = 0; i < 4; i++) activity(chamber, ['民营企业座谈会', '以商招商推介会', '商会会员企业走访', '惠企政策宣讲'][i], dayIn(), between(20, 60), 5);
  activity(finance, '“委员沙龙”：金融、开发区、商会工作室联谊交流', addDays(wy.startsOn, 200), 60, 8);

  // 法律委员工作室: 10 disputes, 6 mediated successfully, 3 not, 1 referred to the court
  const outcomes = ['success', 'success', 'failed', 'success', 'referred', 'success', 'failed', 'success', 'success', 'failed'];
  const person = (k: number) => `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 3 + 1) % GIVEN.length]}`;
  outcomes.forEach((outcome, i) => {
    const id = newId();
    const received = addDays(wy.startsOn, 15 + i * 30);
    const closed = addDays(received, between(7, 25));
    const a = person(i), b = `${SURNAMES[(i + 5) % SURNAMES.length]}${GIVEN[(i * 7 + 4) % GIVEN.length]}`;
    const parties = [
      { role: 'applicant', name: a, phone: `1390355${String(1000 + i * 37).slice(-4)}`, address: `${PLACES[i % 7]}${['东街', '英雄路', '太行路'][i % 3]}${10 + i}号` },
      { role: 'respondent', name: b, phone: `1383551${String(2000 + i * 53).slice(-4)}`, address: `${PLACES[(i + 3) % 7]}${['西街', '长兴路', '府后街'][i % 3]}${20 + i}号` },
    ];
    cases.push({
      id, tenant_id: tenant, studio_id: legal.id, matter: `${a}与${b}${MATTERS[i]}`, received_on: received, closed_on: closed, outcome,
      agreement: outcome === 'success' ? `经调解，${b}同意于${closed}起三十日内向${a}支付款项，双方就此纠纷再无争议。` : null,
      parties: JSON.stringify(parties), recorded_by: legal.members[0], version: 2, created_at: at(received, '10:00'), updated_at: at(closed, '16:00'),
    });
    for (const u of [legal.members[(i % 7) + 1], legal.members[0]]) handlers.push({ case_id: id, tenant_id: tenant, user_id: u, name: nameOf(u), received_on: received });
  });

  // 金融超市: bank products, enterprise needs; 2,065 loans of 26.02 亿元 in whole 万元
  const bankOf = (k: number) => BANKS[k % BANKS.length];
  const enterprise = (k: number) => `长治市${PLACES[k % PLACES.length].replace(/[区县]$/, '')}${['鑫', '泰', '宏', '瑞', '恒', '华', '晋', '安'][(k >> 3) % 8]}${['源', '达', '盛', '丰', '通', '隆', '诚', '远'][(k >> 6) % 8]}${TRADES[k % TRADES.length]}${SUFFIX[k % SUFFIX.length]}`;
  for (let i = 0; i < 12; i++) offers.push({ id: newId(), tenant_id: tenant, studio_id: finance.id, bank: bankOf(i), product: PRODUCTS[i % PRODUCTS.length], amount_yuan: between(5, 50) * 10_000_000, recorded_on: addDays(wy.startsOn, i * 7), created_at: at(addDays(wy.startsOn, i * 7), '10:00') });
  const dates = Array.from({ length: F.loans }, () => dayIn()).sort();
  apportion(F.loanYuan / 10_000, dates.map(() => 0.15 + rand() * rand() * 3)).forEach((wan, i) => {
    const on = dates[i];
    const offer = offers[i % offers.length];
    let needId: string | null = null;
    // the first 40 loans answer needs recorded at the matching sessions
    if (i < 40) {
      needId = newId();
      needs.push({ id: needId, tenant_id: tenant, studio_id: finance.id, enterprise: enterprise(i), amount_yuan: wan * 10_000, purpose: ['购置设备', '流动资金', '厂房扩建', '原料采购'][i % 4], recorded_on: addDays(on, -10), state: 'granted', version: 2, created_at: at(addDays(on, -10), '10:00'), updated_at: at(on, '10:00') });
    }
    loans.push({ id: newId(), tenant_id: tenant, studio_id: finance.id, need_id: needId, offer_id: offer.id, enterprise: enterprise(i), bank: offer.bank, amount_yuan: wan * 10_000, granted_on: on, recorded_by: finance.members[0], recorded_by_name: nameOf(finance.members[0]), created_at: at(on, '16:00') });
  });
  // needs still waiting for a bank
  for (let i = 0; i < 6; i++) {
    const on = addDays(last, -i * 5);
    needs.push({ id: newId(), tenant_id: tenant, studio_id: finance.id, enterprise: enterprise(3000 + i * 11), amount_yuan: between(50, 800) * 10_000, purpose: ['流动资金', '技术改造', '购置设备'][i % 3], recorded_on: on, state: 'open', version: 1, created_at: at(on, '10:00'), updated_at: at(on, '10:00') });
  }

  // 金融助企: 77 projects of 213 亿元, brought in by the finance, development zone and chamber studios
  const owners = [finance, devzone, chamber];
  apportion(F.projectYuan / 10_000, Array.from({ length: F.projects }, () => 0.3 + rand() * 2)).forEach((wan, i) => {
    const on = dayIn();
    projects.push({
      id: newId(), tenant_id: tenant, studio_id: owners[i % 3].id, name: `${PLACES[i % PLACES.length]}${PROJECTS[i % PROJECTS.length]}项目`,
      investor: `${INVESTORS[i % INVESTORS.length]}${['中科', '华远', '国瑞', '东方', '远景'][i % 5]}${['投资集团', '实业有限公司', '科技股份有限公司'][i % 3]}`,
      amount_yuan: wan * 10_000, status: (['talks', 'signed', 'landed'] as const)[i % 3], introduced_on: on, version: 1, created_at: at(on, '10:00'), updated_at: at(on, '10:00'),
    });
  });

  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'studios', studios);
    await insertBatches(trx, 'studio_members', studioMembers);
    await insertBatches(trx, 'studio_activities', activities);
    await insertBatches(trx, 'studio_activity_members', activityMembers);
    await insertBatches(trx, 'studio_cases', cases);
    await insertBatches(trx, 'studio_case_handlers', handlers);
    await insertBatches(trx, 'studio_offers', offers);
    await insertBatches(trx, 'studio_needs', needs);
    await insertBatches(trx, 'studio_loans', loans, 400);
    await insertBatches(trx, 'studio_projects', projects);
  });
}
