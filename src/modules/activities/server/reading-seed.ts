/**
 * Demo 书香政协: three reading groups (the demo member leads the first), each with a book a month and members checking
 * in with notes (读书心得) from the 2025 working year's start to yesterday, some with replies. One check-in per member,
 * group and day, as the rules keep it.
 */
import type { Kysely, Transaction } from 'kysely';
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';

const GROUPS = [
  { name: '“书香政协·E读相伴”读书群', intro: '全体委员的线上共读群：每月共读一本书，每天打卡写心得，每月一次线上交流。' },
  { name: '文史委员读书会', intro: '文化文史和学习委员会委员共读地方文史与经典著作，服务文史资料征集。' },
  { name: '青年委员读书群', intro: '青年委员共读经济、科技与基层治理类图书，交流履职所思所得。' },
];
const BOOKS = [
  ['乡土中国', '费孝通'], ['习近平谈治国理政（第五卷）', ''], ['平凡的世界', '路遥'], ['人民政协理论与实践', ''], ['上党文化概论', ''], ['置身事内', '兰小欢'],
  ['长治通史', ''], ['中国式现代化', ''], ['浮生六记', '沈复'], ['太行山上', ''], ['红星照耀中国', '埃德加·斯诺'], ['苏东坡传', '林语堂'], ['文化苦旅', '余秋雨'],
];
const THOUGHTS = [
  '这一章讲基层社会的结构，对我们做好“有事来商量”很有启发：协商要从群众身边的小事做起。',
  '读到作者对家乡的描写，想起调研时走过的村子，乡村振兴既要产业也要留住乡愁。',
  '书中关于政府与市场关系的分析很透彻，准备结合本地开发区的情况写一件提案。',
  '今天读了两章，摘抄了几段话，准备在委员之家的学习交流会上和大家分享。',
  '作为委员要多读书、读好书，把读书所得转化为建言资政的能力，这是履职的基本功。',
  '书里的人物在困境中坚持奋斗，令人感动，也提醒我在履职中多关注困难群众。',
  '结合本书谈谈文史资料工作：口述历史要抓紧抢救，很多亲历者年事已高。',
];
type Row = Record<string, unknown>;

export function demoReading(opts: { tenantId: string; pool: string[]; nameOf: (id: string) => string; staffId: string; staffName: string; from: string; yesterday: string; createdAt: string; rand: () => number }) {
  const { tenantId, pool, nameOf, from, yesterday, rand } = opts;
  const groups: Row[] = [], members: Row[] = [], books: Row[] = [], notes: Row[] = [], replies: Row[] = [];
  const at = (day: string, h: number) => new Date(Date.parse(`${day}T${String(h).padStart(2, '0')}:30:00+08:00`)).toISOString();
  GROUPS.forEach((g, gi) => {
    const id = newId();
    const size = [40, 18, 24][gi];
    const inGroup = pool.slice(gi * 12, gi * 12 + size);
    const leader = inGroup[0];
    groups.push({ id, tenant_id: tenantId, name: g.name, intro: g.intro, leader_user_id: leader, leader_name: nameOf(leader), version: 1, created_at: opts.createdAt, updated_at: opts.createdAt });
    for (const u of inGroup) members.push({ group_id: id, tenant_id: tenantId, user_id: u, name: nameOf(u), joined_at: opts.createdAt });
    // a book a month from the working year's start, through the month of yesterday
    const groupBooks: { id: string; title: string; starts: string; ends: string }[] = [];
    for (let m = 0, start = from; start <= yesterday; m++) {
      const next = addDays(`${start.slice(0, 7)}-28`, 4).slice(0, 7) + '-01';
      const [title, author] = BOOKS[(m + gi * 4) % BOOKS.length];
      const b = { id: newId(), title, starts: start, ends: addDays(next, -1) };
      groupBooks.push(b);
      books.push({ id: b.id, group_id: id, tenant_id: tenantId, title, author: author || null, plan: `${start.slice(0, 7)} 月共读，每周读完约四分之一，月底线上交流。`, starts_on: b.starts, ends_on: b.ends, created_at: opts.createdAt });
      start = next;
    }
    // each member checks in on some days (the leader more often)
    for (const [k, u] of inGroup.entries()) {
      const rate = k === 0 ? 0.35 : 0.04 + rand() * 0.08;
      for (let day = from; day <= yesterday; day = addDays(day, 1)) {
        if (rand() >= rate) continue;
        const b = groupBooks.find((x) => x.starts <= day && day <= x.ends) ?? null;
        const nid = newId();
        notes.push({ id: nid, tenant_id: tenantId, group_id: id, book_id: b?.id ?? null, book_title: b?.title ?? null, user_id: u, name: nameOf(u), content: `读《${b?.title ?? '好书'}》：${THOUGHTS[Math.floor(rand() * THOUGHTS.length)]}`, on_date: day, created_at: at(day, 20 + (k % 3)) });
        if (rand() < 0.15) {
          const other = inGroup[(k + 1 + Math.floor(rand() * (inGroup.length - 1))) % inGroup.length];
          replies.push({ id: newId(), tenant_id: tenantId, note_id: nid, user_id: other, name: nameOf(other), content: '写得好，很受启发，月底交流时再细聊。', created_at: at(day, 22) });
        }
      }
    }
  });
  return {
    async insert(trx: Transaction<any> | Kysely<any>) {
      await insertBatches(trx, 'activity_reading_groups', groups);
      await insertBatches(trx, 'activity_reading_members', members);
      await insertBatches(trx, 'activity_reading_books', books);
      await insertBatches(trx, 'activity_reading_notes', notes, 400);
      await insertBatches(trx, 'activity_reading_replies', replies, 400);
    },
  };
}
