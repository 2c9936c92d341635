/**
 * Demo data: the city CPPCC's 2025 网络征集 on the bus stops of 威远门路 (the work report: "针对群众关切的威远门路公交车
 * 站台设置问题 … 网络征集+问卷调查 … 广泛征集近500条意见建议"): a closed questionnaire with 486 answers, most from the public
 * by verified phone and some from members' accounts, whose free-text suggestions fall into a handful of themes. And
 * one questionnaire collecting now (open to the public, anonymous answers allowed), so the share link and the
 * answering page can be tried. The answers' wording is written for the demo (varied from a few sentences per theme).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople } from '../../identity/index.ts';
import type { Answers, Question } from '../domain/survey-form.ts';
import { surveysDb } from './tables.ts';

export const BUS_STOP_TITLE = '威远门路公交车站台设置意见征集';
export const BUS_STOP_ANSWERS = 486;

const busStopQuestions: Question[] = [
  { id: 'who', kind: 'single', title: '您的身份', required: true, options: ['沿线居民', '沿线商户', '公交乘客', '学生及家长', '其他'] },
  { id: 'often', kind: 'single', title: '您多久乘坐一次途经威远门路的公交车', required: true, options: ['每天', '每周几次', '偶尔', '基本不坐'] },
  { id: 'problems', kind: 'multiple', title: '您认为现有站台存在哪些问题（可多选）', required: true, options: ['站台离路口太近，容易拥堵', '没有遮阳挡雨的候车亭', '候车区太窄，人车混行', '与非机动车道冲突', '换乘距离太远', '站牌信息不清楚'] },
  { id: 'satisfied', kind: 'rating', title: '您对现有站台设置的满意度', required: true, max: 5 },
  { id: 'move', kind: 'single', title: '您是否赞成将站台向西移约80米、改为港湾式站台', required: true, options: ['赞成', '不赞成', '说不清'] },
  { id: 'why_not', kind: 'text', title: '请说说不赞成的原因', required: false, showIf: { question: 'move', option: 1 } },
  { id: 'advice', kind: 'text', title: '您对威远门路公交车站台设置还有哪些意见建议', required: false },
];

/** Sentences the demo's suggestions are made of, by theme (the clustering should find these themes again). */
const THEMES: string[][] = [
  ['建议在站台加装候车亭，夏天遮阳、雨天挡雨', '站台没有顶棚，下雨天候车的老人孩子都淋雨，希望尽快建候车亭', '候车亭要有座椅和遮阳棚，方便老年人候车', '夏季暴晒，站台急需遮阳棚'],
  ['站台离十字路口太近，公交车进站时堵住右转车辆', '建议把站台往西移，远离路口，减少高峰拥堵', '公交车停靠时后面车辆排长队，站台位置应调整到离路口远一点', '路口附近停靠公交造成拥堵，建议改为港湾式停靠'],
  ['非机动车道从站台前穿过，乘客上下车和电动车冲突，很危险', '建议把非机动车道绕到站台后面，避免电动车和乘客抢道', '电动车从站台边高速通过，上下车不安全，需要隔离', '站台与非机动车道之间加装隔离栏'],
  ['希望增加电子站牌，显示公交实时到站时间', '站牌字太小看不清，建议更换大字站牌并标注换乘线路', '建议站牌增加实时到站信息，方便安排出行', '站牌线路信息陈旧，应及时更新'],
  ['放学时学生很多，站台太挤，建议加宽候车区', '学校门口站台人多拥挤，希望高峰时段加派公交车次', '早晚高峰候车人多，站台太窄，希望拓宽', '学生上下学时段建议增开班次并安排人员疏导'],
  ['站台晚上照明不足，建议安装路灯', '夜间候车光线太暗，存在安全隐患，希望增加照明', '建议站台安装照明和监控，保障夜间候车安全'],
];
const WHY_NOT = ['西移后离小区入口远了，老年人走路不方便', '港湾式站台会占用人行道，行人通行变窄', '移站后换乘其他线路要多走路', '担心施工期间影响沿线商户经营'];
const CLOSING = ['', '', '谢谢政协关心群众出行。', '希望早日解决。', '请相关部门重视。'];

const at = (date: string, hour: number, minute = 0) => new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`)).toISOString();

/** One made-up answer to the bus-stop questionnaire, from a seeded random source. */
function busStopAnswer(rand: () => number): Answers {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const weighted = (ws: number[]) => { let r = rand() * ws.reduce((a, b) => a + b, 0); for (let i = 0; i < ws.length; i++) { r -= ws[i]; if (r < 0) return i; } return ws.length - 1; };
  const a: Answers = {
    who: weighted([40, 12, 30, 14, 4]), often: weighted([38, 30, 22, 10]),
    problems: [0, 1, 2, 3, 4, 5].filter((_, i) => rand() < [0.62, 0.71, 0.48, 0.44, 0.18, 0.27][i]),
    satisfied: 1 + weighted([24, 34, 26, 12, 4]), move: weighted([68, 18, 14]),
  };
  if ((a.problems as number[]).length === 0) a.problems = [1];
  if (a.move === 1 && rand() < 0.8) a.why_not = pick(WHY_NOT);
  // about two in three write a suggestion; a few write on two themes
  if (rand() < 0.68) {
    const t = weighted([30, 26, 18, 12, 9, 5]);
    let text = pick(THEMES[t]);
    if (rand() < 0.12) text += `；另外，${pick(THEMES[(t + 1 + Math.floor(rand() * 5)) % THEMES.length])}`;
    a.advice = `${text}。${pick(CLOSING)}`.replace(/。。/g, '。').replace(/。$/, '。');
  }
  return a;
}

export async function seedSurveys(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const staff = seed.demoUsers.office;
  if (!staff) return;
  const people = await findPeople(ctx.db, [staff.userId]);
  const staffName = people.get(staff.userId)?.name ?? staff.username;
  const surveys: Record<string, unknown>[] = [];
  const answers: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const step = (id: string, from: string | null, to: string, action: string, when: string) =>
    history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'survey', entity_id: id, from_state: from, to_state: to, action, actor_id: staff.userId, actor_name: staffName, actor_org_id: staff.orgId, note: null, data: null, at: when });

  // 1. 威远门路公交车站台: 2025-08-04 … 2025-08-24, closed
  const busId = newId();
  const secret = randomBytes(24).toString('base64url');
  const opens = '2025-08-04', closes = '2025-08-24';
  surveys.push({
    id: busId, tenant_id: seed.cityId, title: BUS_STOP_TITLE,
    body: '针对群众关切的威远门路公交车站台设置问题，市政协组织全域调研，现通过网络征集和问卷调查广泛听取沿线居民、商户和乘客的意见建议。问卷约需3分钟，感谢您的参与！',
    owner_user_id: staff.userId, owner_name: staffName, due_date: null, return_reason: null, result: null,
    questions: JSON.stringify(busStopQuestions), audience: 'public', audience_user_ids: '[]', allow_anonymous: 0, opens_on: opens, closes_on: closes,
    share_token: randomBytes(12).toString('base64url'), share_secret: secret, published_at: at(opens, 9), state: 'closed', version: 3, created_at: at('2025-07-30', 10), updated_at: at('2025-08-25', 9),
  });
  step(busId, null, 'draft', 'create', at('2025-07-30', 10));
  step(busId, 'draft', 'published', 'publish', at(opens, 9));
  step(busId, 'published', 'closed', 'close', at('2025-08-25', 9));
  const rand = seededRandom(2025_0804);
  const members = seed.memberUserIds;
  for (let i = 0; i < BUS_STOP_ANSWERS; i++) {
    // most answers come from the public by phone; one in nine from a member's account
    const member = i % 9 === 4 && members.length ? members[(i * 13) % members.length] : null;
    const day = addDays(opens, Math.min(20, Math.floor(Math.pow(rand(), 1.6) * 21)));
    const phone = `13${String(900000000 + i * 7919).slice(0, 9)}`;
    answers.push({
      id: newId(), survey_id: busId, tenant_id: seed.cityId,
      respondent_key: member ? `u:${member}` : `p:${createHmac('sha256', secret).update(`phone:${phone}`).digest('base64url').slice(0, 32)}`,
      respondent_kind: member ? 'account' : 'phone', user_id: member, answers: JSON.stringify(busStopAnswer(rand)), created_at: at(day, 7 + Math.floor(rand() * 15), Math.floor(rand() * 60)),
    });
  }
  const seen = new Set<string>();
  for (let i = answers.length - 1; i >= 0; i--) {
    const k = answers[i].respondent_key as string;
    if (seen.has(k)) answers.splice(i, 1);
    else seen.add(k);
  }

  // 2. collecting now: 城市公园开放管理, public, anonymous answers allowed
  const today = clock.today();
  const parkId = newId();
  surveys.push({
    id: parkId, tenant_id: seed.cityId, title: '城市公园开放管理意见征集',
    body: '为提升城市公园服务水平，市政协人口资源环境委员会面向社会征集意见建议。',
    owner_user_id: staff.userId, owner_name: staffName, due_date: null, return_reason: null, result: null,
    questions: JSON.stringify([
      { id: 'visit', kind: 'single', title: '您多久去一次城市公园', required: true, options: ['几乎每天', '每周一两次', '每月几次', '很少去'] },
      { id: 'want', kind: 'multiple', title: '您最希望公园改进哪些方面（可多选）', required: true, options: ['延长开放时间', '增加公厕和座椅', '增设健身和儿童设施', '加强绿化养护', '规范停车'] },
      { id: 'score', kind: 'rating', title: '您对公园管理的总体评价', required: true, max: 5 },
      { id: 'low', kind: 'text', title: '请说说您不满意的地方', required: false, showIf: { question: 'visit', option: 3 } },
      { id: 'advice', kind: 'text', title: '其他意见建议', required: false },
    ] satisfies Question[]),
    audience: 'public', audience_user_ids: '[]', allow_anonymous: 1, opens_on: addDays(today, -3), closes_on: addDays(today, 27),
    share_token: randomBytes(12).toString('base64url'), share_secret: randomBytes(24).toString('base64url'), published_at: at(addDays(today, -3), 9), state: 'published', version: 2,
    created_at: at(addDays(today, -5), 10), updated_at: at(addDays(today, -3), 9),
  });
  step(parkId, null, 'draft', 'create', at(addDays(today, -5), 10));
  step(parkId, 'draft', 'published', 'publish', at(addDays(today, -3), 9));

  await ctx.db.transaction().execute(async (trx) => {
    const db = surveysDb(trx);
    await db.insertInto('surveys_items').values(surveys as never).execute();
    for (let i = 0; i < answers.length; i += 200) await db.insertInto('survey_answers').values(answers.slice(i, i + 200) as never).execute();
    await seedWorkflowRows(trx, { history, tasks: [] });
  });
}
