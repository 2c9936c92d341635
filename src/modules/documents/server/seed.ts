/**
 * Demo data for the 2025 working year, reproducing the seed article's 「全年起草、审核、报送各类会议材料、讲话稿250余篇
 * 约160万字」: 256 signed 公文 of the five types whose characters add up to exactly 1,603,200 (their bodies generated
 * from the types' templates and a bank of sentences on the year's work), each numbered per type in the order signed,
 * with its 核稿 and 签发 comments; a third of them distributed to committees, units and members with read receipts.
 * A few documents of today stand on the chain for the demo accounts: one waits for 核稿 by 秦秘书长 (secgen), one for
 * 会签, one for 签发 by the leader, and the demo member has documents to read.
 */
import { insertBatches } from '../../../kernel/server/db/bulk.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { findPeople } from '../../identity/index.ts';
import { listCommittees, listUnits } from '../../organizations/index.ts';
import { chainOf, countChars, documentNumber, typeDefs, type DocumentType } from '../domain/document-rules.ts';
import { publishDocumentTexts } from './search-index.ts';
import { readDocumentsSettings } from './settings.ts';
import { writeTitleGrams } from './repository.ts';
import { documentsDb, type DocumentsItemRow } from './tables.ts';

export const documentSeedFigures = { year: 2025, signed: 256, chars: 1_603_200 } as const;

const TOPICS = [
  '老旧小区改造', '县域医共体建设', '职业教育产教融合', '太行山旅游公路沿线产业发展', '农村人居环境整治', '数字经济发展', '中小企业融资难',
  '“一老一小”服务', '黄河流域生态保护', '煤炭产业转型升级', '上党文化传承保护', '城市停车难治理', '基层协商民主建设', '营商环境优化',
  '乡村振兴示范村建设', '农村供水保障', '新能源汽车产业链', '社区养老服务中心建设', '中小学课后服务', '政协委员履职能力提升',
];
const OPENINGS: Record<DocumentType, string[]> = {
  notice: ['为深入学习贯彻党的二十大和二十届历次全会精神，认真落实市委工作部署，经市政协党组研究，决定开展{T}专题工作。', '根据市政协年度协商工作计划安排，现就做好{T}有关工作通知如下。'],
  request: ['为进一步发挥人民政协专门协商机构作用，围绕{T}开展深入调研协商，拟于近期召开专题协商会。', '根据市委政协工作会议精神，结合{T}工作实际，我们拟对有关工作作出安排，现请示如下。'],
  report: ['按照市委要求，市政协围绕{T}深入开展调查研究，现将有关情况报告如下。', '今年以来，市政协认真贯彻市委决策部署，聚焦{T}履职尽责，取得了阶段性成效。'],
  letter: ['为做好{T}有关工作，加强沟通协作，现就有关事宜函告如下。', '贵单位承办的关于{T}的提案办理工作，我会高度关注，现就有关事项函商如下。'],
  minutes: ['市政协主席会议研究了{T}有关工作，听取了有关专门委员会的汇报，现纪要如下。', '市政协召开专题协商会，围绕{T}听取意见建议，会议议定事项纪要如下。'],
};
const HEADINGS = ['一、基本情况', '二、主要做法', '三、存在的问题', '四、意见建议', '五、下一步工作安排', '六、工作要求'];
const SENTENCES = [
  '坚持党的领导、统一战线、协商民主有机结合，把{T}作为建言资政和凝聚共识的重要抓手。',
  '各专门委员会要围绕{T}深入基层、深入群众，摸清底数，找准症结，提出有针对性、可操作性的意见建议。',
  '调研中发现，{T}仍存在统筹协调不够有力、要素保障不够充分、政策落实不够到位等问题，需要进一步研究解决。',
  '要加强与市直有关部门的沟通衔接，建立健全情况通报、信息共享和成果转化机制，推动协商成果落地见效。',
  '充分发挥委员主体作用，组织委员通过视察、调研、提案、社情民意信息等多种形式建言献策，形成工作合力。',
  '建议市政府将{T}纳入年度重点工作，明确牵头单位和责任分工，细化时间表、路线图，确保各项任务按期完成。',
  '各县（区）政协要结合本地实际，认真组织开展相关工作，及时总结经验做法，于规定时间内将工作情况报市政协办公室。',
  '同时要注重宣传引导，讲好政协故事，传播好政协声音，营造全社会关心支持{T}的良好氛围。',
  '对照年初确定的目标任务，各项工作总体进展顺利，但与人民群众的期待相比仍有差距，必须以更加务实的作风抓好落实。',
  '会议强调，要坚持问题导向和目标导向相统一，聚焦群众急难愁盼，推动{T}取得更多实实在在的成效。',
  '下一步，市政协将持续跟踪{T}相关工作，适时组织委员开展民主监督性视察，推动意见建议转化为政策举措。',
  '要严格落实中央八项规定及其实施细则精神，精简会议活动，改进文风会风，提高工作质量和效率。',
];

type Row = Record<string, unknown>;
const at = (date: string, hhmm: string) => new Date(Date.parse(`${date}T${hhmm}:00+08:00`)).toISOString();

/** A body from the type's opening and headings, of exactly `target` characters with the title (字数 as counted). */
export function generateBody(type: DocumentType, topic: string, title: string, target: number, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const fill = (s: string) => s.replaceAll('{T}', topic);
  const addressee = typeDefs[type].template.body.split('\n')[0];
  const lines: string[] = [addressee, fill(pick(OPENINGS[type]))];
  let size = countChars(title, lines.join(''));
  let h = 0;
  const closing = type === 'request' ? '妥否，请批示。' : type === 'report' ? '特此报告。' : type === 'letter' ? '请予支持为盼。' : type === 'notice' ? '请认真贯彻执行。' : '';
  const budget = target - closing.length;
  while (size < budget) {
    const line = h < HEADINGS.length && (lines.length === 2 || rand() < 0.12) ? HEADINGS[h++] : Array.from({ length: 2 + Math.floor(rand() * 3) }, () => fill(pick(SENTENCES))).join('');
    const room = budget - size;
    const text = line.length > room ? line.slice(0, room - 1) + '。' : line;
    lines.push(text);
    size += text.replace(/\s+/g, '').length;
  }
  if (closing) lines.push(closing);
  return lines.join('\n');
}

/** Split `total` over `n` parts around their weights so they add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % parts.length, left--) parts[i]++;
  return parts;
}

export async function seedDocuments(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = documentsDb(ctx.db);
  const office = seed.demoUsers.office, secgen = seed.demoUsers.secgen, leader = seed.demoUsers.leader, member = seed.demoUsers.member;
  if (!office || !secgen || !leader) return;
  if (await db.selectFrom('documents_items').select('id').limit(1).executeTakeFirst()) return;
  const F = documentSeedFigures;
  const rand = seededRandom(256_1_600_000);
  const settings = await readDocumentsSettings(ctx, seed.cityId);
  const people = await findPeople(ctx.db, [office.userId, secgen.userId, leader.userId, ...(member ? [member.userId] : []), ...seed.memberUserIds.slice(0, 40)]);
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  const committees = await listCommittees(ctx.db, seed.cityId);
  const units = (await listUnits(ctx.db, seed.cityId)).slice(0, 12);
  const today = ctx.calendar.today();

  // the types' shares of the year's documents: mostly 通知 and 报告, fewer 函, 请示 and 纪要
  const typeOf = (i: number): DocumentType => (['notice', 'notice', 'report', 'report', 'notice', 'letter', 'request', 'minutes', 'report', 'letter'] as const)[i % 10];
  const lengths = apportion(F.chars, Array.from({ length: F.signed }, () => 0.4 + rand() * 1.6));
  const items: DocumentsItemRow[] = [], versions: Row[] = [], comments: Row[] = [], receipts: Row[] = [];
  const seqs = new Map<string, number>();
  // signing days spread over the year, in order, so the 文号 run with time
  const days = Array.from({ length: F.signed }, () => Math.floor(rand() * 360)).sort((a, b) => a - b);
  const first = `${F.year}-01-02`;
  for (let i = 0; i < F.signed; i++) {
    const type = typeOf(i);
    const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
    const title = type === 'minutes' ? `市政协关于${topic}专题协商会议纪要` : `关于${topic}有关工作的${typeDefs[type].label}`;
    const body = generateBody(type, topic, title, lengths[i], rand);
    const signedDay = addDays(first, days[i]);
    if (signedDay >= today) continue;
    const draftDay = addDays(signedDay, -(1 + Math.floor(rand() * 4)));
    const seq = (seqs.get(type) ?? 0) + 1;
    seqs.set(type, seq);
    const drafter = i % 3 === 0 ? secgen : office;
    const id = newId();
    const distributed = i % 3 === 1;
    items.push({
      id, tenant_id: seed.cityId, doc_type: type, title, body, addressee: '', chars: countChars(title, body),
      owner_user_id: drafter.userId, owner_name: nameOf(drafter.userId), owner_org_id: drafter.orgId, state: distributed ? 'distributed' : 'signed',
      chain: JSON.stringify(chainOf(settings.chains, type)), round: 1, return_reason: null,
      number: documentNumber(settings.issuerAbbr, type, F.year, seq), number_year: F.year, number_seq: seq,
      signer_name: nameOf(leader.userId), signed_at: at(signedDay, '16:30'), version_no: 1, version: 4, created_at: at(draftDay, '09:00'), updated_at: at(signedDay, '16:30'),
    });
    versions.push({ id: newId(), document_id: id, no: 1, title, body, author_name: nameOf(drafter.userId), at: at(draftDay, '09:00') });
    const reviewer = drafter === office ? secgen : office;
    comments.push({ id: newId(), document_id: id, step: 'reviewing', round: 1, decision: 'agree', party: 'office_staff', user_id: reviewer.userId, user_name: nameOf(reviewer.userId), text: '文字已核，格式规范，同意报签。', at: at(addDays(draftDay, 1), '10:00') });
    comments.push({ id: newId(), document_id: id, step: 'signing', round: 1, decision: 'agree', party: 'leader', user_id: leader.userId, user_name: nameOf(leader.userId), text: '同意印发。', at: at(signedDay, '16:30') });
    if (distributed) {
      const sentAt = at(signedDay, '17:00');
      const recipients: Array<{ kind: string; id: string; name: string }> = [
        ...committees.slice(0, 3 + (i % 4)).map((o) => ({ kind: 'org', id: o.id, name: o.short_name ?? o.name })),
        ...(type === 'letter' ? units.slice(i % 6, (i % 6) + 2).map((o) => ({ kind: 'org', id: o.id, name: o.short_name ?? o.name })) : []),
        ...(member && i % 6 === 1 ? [{ kind: 'user', id: member.userId, name: nameOf(member.userId) }] : []),
      ];
      for (const [k, x] of recipients.entries()) {
        const read = rand() < 0.85 || x.id === member?.userId && k % 2 === 0;
        receipts.push({
          id: newId(), document_id: id, tenant_id: seed.cityId, recipient_kind: x.kind, recipient_id: x.id, recipient_name: x.name, sent_at: sentAt,
          read_at: read ? at(addDays(signedDay, 1), '09:30') : null, read_by_name: read ? x.name : null, reminded_at: null, reminders: 0,
        });
      }
    }
  }

  // today's documents on the chain, for the demo accounts: drafted at 08:30, or now if the demo starts before that
  const now = at(today, '08:30') < clock.iso() ? at(today, '08:30') : clock.iso();
  const live = (type: DocumentType, title: string, state: string, drafter: { userId: string; orgId: string }) => {
    const body = generateBody(type, TOPICS[items.length % TOPICS.length], title, 900, rand);
    const id = newId();
    items.push({
      id, tenant_id: seed.cityId, doc_type: type, title, body, addressee: '', chars: countChars(title, body), owner_user_id: drafter.userId, owner_name: nameOf(drafter.userId), owner_org_id: drafter.orgId,
      state, chain: JSON.stringify(chainOf(settings.chains, type)), round: 1, return_reason: null, number: null, number_year: null, number_seq: null, signer_name: null, signed_at: null,
      version_no: 1, version: 2, created_at: now, updated_at: now,
    });
    versions.push({ id: newId(), document_id: id, no: 1, title, body, author_name: nameOf(drafter.userId), at: now });
  };
  live('notice', '关于召开市政协十六届常委会第十五次会议的通知', 'reviewing', office);
  live('request', '关于开展2026年度重点提案督办工作的请示', 'countersigning', office);
  live('report', '关于市政协2026年度协商工作情况的报告', 'signing', office);
  live('letter', '关于商请提供老旧小区改造有关资料的函', 'draft', office);

  await ctx.db.transaction().execute(async (trx) => {
    const t = documentsDb(trx);
    await insertBatches(t, 'documents_items', items as unknown as Row[], 100);
    await insertBatches(t, 'documents_versions', versions, 100);
    await insertBatches(t, 'documents_comments', comments, 200);
    await insertBatches(t, 'documents_receipts', receipts, 200);
    await writeTitleGrams(trx, items);
  });
  await publishDocumentTexts(ctx, seed.cityId, items);
}
