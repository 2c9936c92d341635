/**
 * Demo data of 协商选题 and 年度协商计划: the city's published 2025 plan (13 items across the seven forms, among them the
 * 专题议政 on agricultural processing and the 对口协商 + 网络议政 on old-compound renovation the annual report names),
 * the topics proposed for it (accepted, declined, merged) and one change made after approval. Written through the
 * module's own commands, so history, work items and audit are as in real use.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import type { ConsultationForm } from '../domain/consultation-forms.ts';
import { addItem, changePlan, createTopic, editItem, firePlan, fireTopic } from './plan-commands.ts';
import { findPlanOfYear, findTopic, itemsOf, proposerOrgs } from './plan-repository.ts';

const YEAR = 2025;

function seedActor(seed: SeedContext, username: string, role: string, name: string): Actor {
  const u = seed.demoUsers[username];
  return {
    userId: u?.userId ?? 'system', username, displayName: name, orgId: u?.orgId ?? seed.cityId, tenantId: seed.cityId,
    roles: [role], permissions: new Set(['*']), sessionId: 'seed',
  };
}

interface SeedItem { title: string; form: ConsultationForm; lead: string; units: string[]; month: number; notes?: string; major?: boolean }

/** Items the office adds itself (the accepted topics come in through 列入计划). */
const items: SeedItem[] = [
  { title: '推进城镇老旧小区整治改造网络议政', form: 'online', lead: '人口资源环境委员会', units: ['市住建局'], month: 6, notes: '与对口协商会同步，依托智慧政协平台开展' },
  { title: '深化产教融合，推动职业教育高质量发展', form: 'special', lead: '教科卫体和民族宗教委员会', units: ['市教育局', '市人社局'], month: 5 },
  { title: '推动体育产业高质量发展', form: 'special', lead: '教科卫体和民族宗教委员会', units: ['市体育局'], month: 9 },
  { title: '威远门路公交车站台设置', form: 'counterpart', lead: '人口资源环境委员会', units: ['市交通运输局', '市城管局'], month: 4 },
  { title: '促进民营经济健康发展', form: 'sector', lead: '经济委员会', units: ['市工信局', '市商务局'], month: 7 },
  { title: '加强生态环境保护和治理', form: 'sector', lead: '人口资源环境委员会', units: ['市生态环境局'], month: 8 },
  { title: '重点提案“加快养老服务体系建设”办理协商', form: 'proposal_handling', lead: '提案委员会', units: ['市民政局'], month: 8 },
  { title: '重点提案“规范中小学课后服务”办理协商', form: 'proposal_handling', lead: '提案委员会', units: ['市教育局'], month: 10 },
  { title: '太行山文旅融合发展远程协商', form: 'remote', lead: '文化文史和学习委员会', units: ['市文旅局'], month: 11 },
  { title: '科学编制“十五五”规划，推动全方位转型', form: 'standing_topic', lead: '经济委员会', units: ['市发改委'], month: 10, major: true },
];

export async function seedPlan(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  if (await findPlanOfYear(ctx.db, seed.cityId, YEAR)) return;
  const office = seedActor(seed, 'office', 'office_staff', '办公室');
  const leader = seedActor(seed, 'leader', 'leader', '主席会议');
  const committee = (name: string) => ({ ...seedActor(seed, 'committee', 'committee_staff', '专委会'), orgId: seed.committeeIds[name] ?? seed.cityId });
  const bodies = await proposerOrgs(ctx.db, seed.cityId);
  const party = bodies.find((b) => b.kind === 'party')?.id;
  const group = bodies.find((b) => b.kind === 'group')?.id;

  const propose = async (actor: Actor, title: string, form: ConsultationForm, reason: string, proposerOrgId?: string) =>
    createTopic(ctx, actor, { year: YEAR, title, form, reason, contact: '联络员 0355-2021234', proposerOrgId: proposerOrgId ?? actor.orgId });
  const topic = async (id: string) => (await findTopic(ctx.db, id))!;

  const agri = await propose(committee('农业和农村委员会'), '促进特色农产品精深加工，提升名特优农副产品质量', 'standing_topic',
    '我市特色农产品资源丰富，但精深加工不足、品牌影响力不强，建议围绕产业链延伸开展专题议政。');
  const compound = await propose(committee('人口资源环境委员会'), '推进城镇老旧小区整治改造', 'counterpart',
    '实施城市更新行动，老旧小区整治改造群众关切度高，建议采用对口协商与网络议政相结合的方式开展市县协同协商。');
  const like = await propose(office, '加快老旧小区加装电梯和配套设施改造', 'special', '群众反映老旧小区加装电梯难、配套设施缺，建议纳入年度协商。', party);
  const declined = await propose(office, '关于举办全市广场舞大赛的建议', 'sector', '丰富群众文化生活，建议由政协牵头举办全市广场舞大赛并开展界别协商。', group);
  await propose(committee('提案委员会'), '提升政务服务“一网通办”水平', 'proposal_handling', '结合重点提案办理，围绕政务服务便利化开展提案办理协商。');

  await fireTopic(ctx, { id: agri, action: 'accept', version: (await topic(agri)).version, input: { plannedMonth: 6, leadOrgId: seed.committeeIds['农业和农村委员会'] }, actor: office });
  await fireTopic(ctx, { id: compound, action: 'accept', version: (await topic(compound)).version, input: { plannedMonth: 6, leadOrgId: seed.committeeIds['人口资源环境委员会'] }, actor: office });
  await fireTopic(ctx, { id: like, action: 'merge', version: (await topic(like)).version, input: { targetId: compound }, actor: office });
  await fireTopic(ctx, { id: declined, action: 'decline', version: (await topic(declined)).version, input: { reason: '属群众性文体活动，不宜作为政协协商议题，建议由相关部门组织。' }, actor: office });

  const plan = (await findPlanOfYear(ctx.db, seed.cityId, YEAR))!;
  // the accepted topics' partner departments, filled in the editor
  const unitIds = (names: string[]) => names.map((n) => seed.unitIds[n]).filter(Boolean);
  for (const it of await itemsOf(ctx.db, plan.id)) {
    const units = it.topic_id === agri ? ['市农业农村局', '市工信局'] : ['市住建局'];
    await editItem(ctx, office, plan.id, it.id, { version: Number(it.version), partnerUnitIds: unitIds(units) });
  }
  for (const it of items) {
    const lead = seed.committeeIds[it.lead];
    if (!lead) continue;
    await addItem(ctx, office, plan.id, { title: it.title, form: it.form, leadOrgId: lead, partnerUnitIds: unitIds(it.units), plannedMonth: it.month, notes: it.notes ?? null, major: it.major });
  }
  let p = (await findPlanOfYear(ctx.db, seed.cityId, YEAR))!;
  await firePlan(ctx, { id: p.id, action: 'submit', version: Number(p.version), input: {}, actor: office });
  p = (await findPlanOfYear(ctx.db, seed.cityId, YEAR))!;
  // the plan holds a 重大协商议题 (the 十五五 plan): approved by the chair's meeting, then by the party committee
  await firePlan(ctx, { id: p.id, action: 'approve_to_party', version: Number(p.version), input: { meeting: '市政协十四届第二十八次主席会议', approvedOn: '2025-02-20' }, actor: leader });
  p = (await findPlanOfYear(ctx.db, seed.cityId, YEAR))!;
  await firePlan(ctx, { id: p.id, action: 'party_approve', version: Number(p.version), input: { meeting: '中共长治市委常委会会议', approvedOn: '2025-03-04', document: '长办字〔2025〕9号' }, actor: office });
  p = (await findPlanOfYear(ctx.db, seed.cityId, YEAR))!;
  const remote = (await itemsOf(ctx.db, p.id)).find((i) => i.form === 'remote');
  if (remote) await changePlan(ctx, office, p.id, { version: Number(p.version), kind: 'move', itemId: remote.id, plannedMonth: 12, reason: '配合省政协远程协商平台升级安排，时间顺延一个月。' });
}
