/**
 * Demo data for the 2025 working year, reproducing the seed article: 1,300 news items published on the website and the
 * WeChat account (要闻动态 700, 委员风采 250, 委员之声 200, 基层协商 150), each written by the office and published by
 * another reviewer (秦秘书长), with its history; 85 reports in outside media; notices to the members with read receipts
 * (most read), one public notice, and, after the year, a notice the demo member has not read yet. Bulk inserts.
 */
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { seedWorkflowRows } from '../../../kernel/server/work-items.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { findPeople } from '../../identity/index.ts';
import { memberIdsOf, workYearFor } from '../../organizations/index.ts';
import { newsDb } from './tables.ts';

/** The article's figures for 2025. */
export const newsSeedFigures = {
  year: 2025, published: 1300, media: 85,
  byColumn: { headlines: 700, members: 250, voices: 200, grassroots: 150 } as Record<string, number>,
  notices: 6,
} as const;

const TOPICS: Record<string, string[]> = {
  headlines: ['市政协召开主席会议', '市政协常委会会议召开', '市政协开展专题协商', '市政协领导走访调研', '市政协召开党组会议', '市政协举办学习讲座', '市政协开展民主监督视察'],
  members: ['委员风采：扎根基层的医者仁心', '委员风采：带领乡亲致富的“领头雁”', '委员风采：守护文化遗产的匠人', '委员风采：科技创新路上的追梦人', '委员风采：三尺讲台上的坚守'],
  voices: ['委员之声：关于优化营商环境的几点思考', '委员之声：让老旧小区焕发新活力', '委员之声：加快发展县域经济', '委员之声：守护“一老一小”', '委员之声：推动文旅融合发展'],
  grassroots: ['基层协商：“有事来商量”解民忧', '基层协商：协商议事进社区', '基层协商：村口议事会议出好办法', '基层协商：委员工作站里话发展'],
};
const OUTLETS = ['人民政协报', '山西日报', '山西政协报', '长治日报', '上党晚报', '长治电视台', '学习强国山西平台', '黄河新闻网'];

type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function apportionDays(n: number, start: string, days: number, rand: () => number): string[] {
  return Array.from({ length: n }, () => addDays(start, Math.floor(rand() * days))).sort();
}

export async function seedNews(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = newsDb(ctx.db);
  const writer = seed.demoUsers.office;
  const reviewer = seed.demoUsers.secgen;
  if (!writer || !reviewer || seed.memberUserIds.length < 20) return;
  if (await db.selectFrom('news_items').select('id').limit(1).executeTakeFirst()) return;
  const F = newsSeedFigures;
  const rand = seededRandom(1300_85);
  const today = ctx.calendar.today();
  const wy = await workYearFor(ctx.settings, seed.cityId, F.year);
  const last = wy.endsOn < today ? wy.endsOn : addDays(today, -1);
  const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(wy.startsOn)) / 86_400_000) + 1);
  const people = await findPeople(ctx.db, [writer.userId, reviewer.userId, ...seed.memberUserIds.slice(0, 200)]);
  const nameOf = (u: string) => people.get(u)?.name ?? '';

  const items: Row[] = [];
  const history: Row[] = [];
  for (const [column, count] of Object.entries(F.byColumn)) {
    const days = apportionDays(count, wy.startsOn, span, rand);
    days.forEach((day, i) => {
      const id = newId();
      const topic = TOPICS[column][i % TOPICS[column].length];
      const title = `${topic}（${day.slice(5, 7)}月${day.slice(8, 10)}日）`;
      const member = seed.memberUserIds[(i * 7) % Math.min(200, seed.memberUserIds.length)];
      const body = `<p>${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日，${esc(topic.replace(/^.*：/, ''))}。</p>`
        + `<h3>主要内容</h3><ul><li>深入学习贯彻党的二十届四中全会精神</li><li>围绕中心、服务大局，积极建言资政</li><li>凝聚共识，广泛汇聚正能量</li></ul>`
        + (column === 'members' || column === 'voices' ? `<p>${esc(nameOf(member) || '委员')}委员表示，将继续立足本职、履职尽责。</p>` : '<p>会议强调，要切实把思想和行动统一到市委决策部署上来。</p>');
      const created = at(addDays(day, -1), '16:00');
      const submitted = at(addDays(day, -1), '17:00');
      const published = at(day, '09:30');
      items.push({
        id, tenant_id: seed.cityId, column_code: column, title, summary: null, body, channels: i % 3 === 0 ? 'website' : 'website,wechat',
        owner_user_id: writer.userId, owner_name: nameOf(writer.userId), reviewer_user_id: reviewer.userId, reviewer_name: nameOf(reviewer.userId),
        return_reason: null, published_on: day, published_at: published, state: 'published', version: 3, created_at: created, updated_at: published,
      });
      const h = (from: string | null, to: string, action: string, who: string, when: string) =>
        history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'news_item', entity_id: id, from_state: from, to_state: to, action, actor_id: who, actor_name: nameOf(who), actor_org_id: seed.cityId, note: null, data: null, at: when });
      h(null, 'draft', 'create', writer.userId, created);
      h('draft', 'review', 'submit', writer.userId, submitted);
      h('review', 'published', 'publish', reviewer.userId, published);
    });
  }
  // the desk today: one draft and one item waiting for review (outside the year's figures: not published)
  for (const [state, title] of [['draft', '市政协召开年度工作总结会（草稿）'], ['review', '委员风采：乡村振兴路上的政协委员']] as const) {
    const id = newId();
    items.push({
      id, tenant_id: seed.cityId, column_code: state === 'draft' ? 'headlines' : 'members', title, summary: null,
      body: '<p>会议总结一年来的工作，部署下一步任务。</p><ul><li>提案办理</li><li>民主监督</li></ul>', channels: 'website,wechat',
      owner_user_id: writer.userId, owner_name: nameOf(writer.userId), reviewer_user_id: null, reviewer_name: null, return_reason: null,
      published_on: null, published_at: null, state, version: state === 'draft' ? 1 : 2, created_at: at(addDays(today, -1), '10:00'), updated_at: at(addDays(today, -1), '11:00'),
    });
    history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'news_item', entity_id: id, from_state: null, to_state: 'draft', action: 'create', actor_id: writer.userId, actor_name: nameOf(writer.userId), actor_org_id: seed.cityId, note: null, data: null, at: at(addDays(today, -1), '10:00') });
    if (state === 'review') history.push({ id: newId(), tenant_id: seed.cityId, entity_type: 'news_item', entity_id: id, from_state: 'draft', to_state: 'review', action: 'submit', actor_id: writer.userId, actor_name: nameOf(writer.userId), actor_org_id: seed.cityId, note: null, data: null, at: at(addDays(today, -1), '11:00') });
  }

  const media: Row[] = apportionDays(F.media, wy.startsOn, span, rand).map((day, i) => {
    const column = i % 3 === 0 ? 'members' : i % 3 === 1 ? 'voices' : 'headlines';
    const member = seed.memberUserIds[(i * 11) % Math.min(200, seed.memberUserIds.length)];
    const withMember = column !== 'headlines';
    return {
      id: newId(), tenant_id: seed.cityId, outlet: OUTLETS[i % OUTLETS.length], report_date: day,
      title: withMember ? `${nameOf(member)}委员：${TOPICS[column][i % TOPICS[column].length].replace(/^.*：/, '')}` : `${TOPICS.headlines[i % TOPICS.headlines.length]}`,
      url: `https://news.example.cn/${day.replace(/-/g, '')}/${String(i + 1).padStart(4, '0')}.html`, column_code: column,
      member_ids: JSON.stringify(withMember ? [member] : []), member_names: JSON.stringify(withMember ? [nameOf(member)] : []),
      created_by: writer.userId, version: 1, created_at: at(day, '18:00'), updated_at: at(day, '18:00'),
    };
  });

  // notices to all members in the year, most read; one public notice; after the year, one the demo member has not read
  const members = (await memberIdsOf(ctx.db, seed.cityId).execute()).map((r) => String(r.user_id));
  const memberNames = await findPeople(ctx.db, members);
  const notices: Row[] = [];
  const receipts: Row[] = [];
  const NOTICE_TITLES = ['关于召开市政协全体会议的通知', '关于报送年度履职情况的通知', '关于参加委员培训班的通知', '关于开展“有事来商量”协商活动的通知', '关于提交大会提案的通知', '关于参加专题视察活动的通知'];
  const noticeDays = apportionDays(F.notices, wy.startsOn, span, rand);
  const addNotice = (title: string, day: string, audience: 'members' | 'public', readShare: number, demoUnread = false) => {
    const id = newId();
    const to = audience === 'public' ? [] : members;
    // a notice of today is sent no later than now (at 01:00 China time its 09:00 is still to come)
    const now = clock.iso();
    const sentAt = at(day, '09:00') < now ? at(day, '09:00') : now;
    const createdAt = at(day, '08:30') < sentAt ? at(day, '08:30') : sentAt;
    notices.push({
      id, tenant_id: seed.cityId, title, body: `<p>各位委员：</p><p>${esc(title.replace(/^关于|的通知$/g, ''))}，请按时参加（报送），并注意查看附件要求。</p><p>市政协办公室</p>`,
      audience, audience_ref: null, audience_label: audience === 'public' ? '社会公众' : '全体委员', owner_user_id: writer.userId, owner_name: nameOf(writer.userId),
      state: 'sent', sent_on: day, sent_at: sentAt, addressed: to.length, version: 2, created_at: createdAt, updated_at: sentAt,
    });
    to.forEach((u, k) => {
      const read = !(demoUnread && u === seed.demoUsers.member?.userId) && rand() < readShare;
      receipts.push({ notice_id: id, user_id: u, tenant_id: seed.cityId, user_name: memberNames.get(u)?.name ?? u, read_at: read ? [at(addDays(day, k % 3), '10:00'), now].sort()[0] : null, reminded_at: null, reminders: 0 });
    });
  };
  noticeDays.forEach((d, i) => addNotice(NOTICE_TITLES[i % NOTICE_TITLES.length], d, 'members', 0.8 + (i % 3) * 0.05));
  addNotice('关于公开征集年度协商议题的公告', addDays(wy.startsOn, 30), 'public', 0);
  if (today > wy.endsOn) addNotice('关于参加年终履职交流会的通知', today, 'members', 0.3, true);

  await ctx.db.transaction().execute(async (trx) => {
    await insertBatches(trx, 'news_items', items, 300);
    await insertBatches(trx, 'news_media', media);
    await insertBatches(trx, 'news_notices', notices);
    await insertBatches(trx, 'news_notice_receipts', receipts, 500);
    await seedWorkflowRows(trx, { history, tasks: [] }, { history: 500, tasks: 100 });
  });
}
