/**
 * 网络议政成果报告 (draft) as Word: the topic, who took part, the questions and the departments' answers, the questions
 * left unanswered, the statements with their votes, the opinion groups and the consensus. The consultation's outcome
 * and recommendations can take it over.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { fangsong, heiti, officialMargins, xiaobiaosong } from '../../../kernel/server/official-docx.ts';
import type { ContributionItem, OpinionGroupsView, SessionDetail, StatementItem } from '../contract.ts';

const p = (text: string, o: { font?: typeof fangsong; size?: number; center?: boolean; indent?: boolean } = {}) => new Paragraph({
  alignment: o.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { line: 560 }, indent: o.indent ? { firstLine: 640 } : undefined,
  children: [new TextRun({ text, font: o.font ?? fangsong, size: o.size ?? 32 })],
});
const h = (text: string) => p(text, { font: heiti });
const pct = (x: number) => `${Math.round(x * 100)}%`;

export async function buildReportDocx(s: SessionDetail, contributions: ContributionItem[], statements: StatementItem[], groups: OpinionGroupsView): Promise<Buffer> {
  const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  const questions = contributions.filter((c) => c.kind === 'question');
  const answers = new Map(contributions.filter((c) => c.kind === 'answer' && c.replyTo).map((c) => [c.replyTo!, c]));
  const byRole = new Map<string, number>();
  for (const c of contributions) byRole.set(c.roleLabel, (byRole.get(c.roleLabel) ?? 0) + 1);
  const children: Paragraph[] = [
    p(`关于“${s.title}”网络议政的情况报告（初稿）`, { font: xiaobiaosong, size: 44, center: true }),
    p(''),
    h('一、基本情况'),
    p(`本次网络议政于 ${day(s.opensAt)} 至 ${day(s.closesAt)} 进行，主持人：${s.hosts.map((x) => x.name).join('、') || '—'}；应邀部门：${s.responderUnits.map((x) => x.name).join('、') || '—'}。共 ${s.counts.participants} 人参与，发布发言 ${s.counts.contributions} 条（${[...byRole].map(([r, n]) => `${r} ${n} 条`).join('，') || '无'}），提出观点 ${s.counts.statements} 条，表态 ${s.counts.votes} 次。`, { indent: true }),
    p(`议题背景：${s.topic}`, { indent: true }),
    h('二、部门答复情况'),
  ];
  if (!questions.length) children.push(p('本次议政未收到提问。', { indent: true }));
  questions.forEach((q, i) => {
    const a = answers.get(q.id);
    children.push(p(`${i + 1}. ${q.authorName}（${q.roleLabel}）问：${q.body}`, { indent: true }));
    children.push(p(a ? `${a.authorName}答：${a.body}` : `尚未答复${q.routedUnitName ? `（已转交${q.routedUnitName}）` : ''}，建议会后转为委员建议或社情民意信息跟踪办理。`, { indent: true }));
  });
  children.push(h('三、观点表态与意见分组'));
  const ranked = [...statements].sort((a, b) => (b.agree - b.disagree) - (a.agree - a.disagree));
  ranked.forEach((st, i) => {
    const n = st.agree + st.disagree + st.pass;
    children.push(p(`${i + 1}. ${st.body}（赞同 ${st.agree}，反对 ${st.disagree}，跳过 ${st.pass}${n ? `，赞同率 ${pct(st.agree / n)}` : ''}）`, { indent: true }));
  });
  if (groups.groups.length) {
    children.push(p(`根据 ${groups.participants} 位参与者的 ${groups.votes} 次表态，意见分为 ${groups.groups.length} 组：`, { indent: true }));
    groups.groups.forEach((g, i) => {
      children.push(p(`第${i + 1}组“${g.label}”（${g.size} 人）：${g.statements.map((x) => `${x.direction === 'agree' ? '赞同' : '反对'}“${x.body}”（本组 ${pct(x.rate)}，其他 ${pct(x.othersRate)}）`).join('；') || '无明显倾向'}。`, { indent: true }));
    });
  }
  children.push(h('四、共识与建议'));
  if (groups.consensus.length) groups.consensus.forEach((c, i) => children.push(p(`${i + 1}. ${c.body}（各组赞同率均不低于 ${pct(c.minAgree)}）`, { indent: true })));
  else children.push(p('各组尚未形成明确共识，建议在协商会上进一步讨论。', { indent: true }));
  const doc = new Document({ sections: [{ properties: { page: { margin: { ...officialMargins } } }, children }] });
  return Packer.toBuffer(doc);
}
