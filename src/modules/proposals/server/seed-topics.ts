/**
 * Demo 选题参考目录: the topics the proposal office suggested for the last and the current year, each with the units that
 * usually answer it; the demo proposals of that year whose titles fall under a topic cite it.
 */
import { proposalDb } from './tables.ts';
import type { ModuleContext, SeedContext } from '../../../kernel/server/module.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { chinaToday } from '../../../kernel/universal/working-days.ts';
import { stampSubmission } from '../domain/proposal-session.ts';
import { readProposalSettings } from './settings.ts';
import { clock } from '../../../kernel/universal/clock.ts';

interface SeedTopic { title: string; area: string; description: string; units: string[]; keywords: string[] }

const guide: SeedTopic[] = [
  {
    title: '推进城市更新和老旧小区改造', area: '城乡建设',
    description: '围绕城镇老旧小区整治改造、加装电梯、地下管网更新和物业服务管理，提出可操作的建议。',
    units: ['市住建局'], keywords: ['老旧小区', '城市更新', '物业', '地下管网', '城中村'],
  },
  {
    title: '健全养老服务体系', area: '社会民生',
    description: '聚焦农村养老、社区居家养老、医养结合和养老机构规范运营，研究解决“一老”难题。',
    units: ['市民政局', '市卫健委'], keywords: ['养老', '医养结合', '留守老人'],
  },
  {
    title: '促进教育优质均衡发展', area: '教育科技',
    description: '关注义务教育均衡、乡村教师队伍、课后服务、学生心理健康和职业教育产教融合。',
    units: ['市教育局'], keywords: ['教育', '课后服务', '教师', '学前', '大班额'],
  },
  {
    title: '全面推进乡村振兴', area: '农业农村',
    description: '围绕特色农业产业、高标准农田、农村人居环境和农村集体经济，提出推动乡村全面振兴的建议。',
    units: ['市农业农村局'], keywords: ['农业', '农田', '农村', '中药材', '杂粮'],
  },
  {
    title: '推动能源革命和产业转型', area: '经济建设',
    description: '研究煤炭产业绿色低碳转型、新能源发展、制造业数字化转型和专精特新企业培育。',
    units: ['市能源局', '市工信局', '市发改委'], keywords: ['煤炭', '能源', '氢能', '制造业', '专精特新', '营商环境', '民营经济'],
  },
  {
    title: '加强太行山生态保护和流域治理', area: '生态文明',
    description: '围绕太行山生态保护修复、浊漳河流域综合治理、大气污染联防联控提出建议。',
    units: ['市生态环境局', '市自然资源局'], keywords: ['生态', '浊漳河', '大气污染', '污水', '沉陷区', '绿化'],
  },
  {
    title: '传承弘扬上党文化', area: '文化建设',
    description: '关注上党文化和非物质文化遗产保护、红色文化资源利用和全域旅游发展。',
    units: ['市文旅局'], keywords: ['文化', '旅游', '上党梆子', '非物质文化遗产'],
  },
];

export async function seedProposalTopics(ctx: ModuleContext, seed: SeedContext): Promise<void> {
  const db = proposalDb(ctx.db);
  const tenant = seed.cityId;
  const exists = await db.selectFrom('proposal_topics').select('id').where('tenant_id', '=', tenant).limit(1).executeTakeFirst();
  if (exists) return;
  const settings = await readProposalSettings(ctx, tenant);
  const current = stampSubmission(chinaToday(), settings.sessionCalendar).year;
  const author = seed.demoUsers.proposal?.userId ?? 'system';
  const now = clock.iso();
  for (const year of [current - 1, current]) {
    const rows = guide.map((g, i) => ({
      id: newId(), tenant_id: tenant, year, title: g.title, description: g.description, area: g.area,
      suggested_units: JSON.stringify(g.units.filter((u) => seed.unitIds[u]).map((u) => ({ id: seed.unitIds[u], name: u }))),
      status: 'published', sort: (i + 1) * 10, created_by: author, version: 1, created_at: now, updated_at: now,
    }));
    await db.insertInto('proposal_topics').values(rows).execute();
    // the year's submitted proposals whose titles fall under a topic cite it (the first matching topic)
    const proposals = await db.selectFrom('proposals').select(['id', 'title']).where('tenant_id', '=', tenant).where('year', '=', year)
      .where('state', '!=', 'draft').execute();
    const byTopic = new Map<string, string[]>();
    for (const p of proposals as Array<{ id: string; title: string }>) {
      const ix = guide.findIndex((g) => g.keywords.some((k) => p.title.includes(k)));
      // about two in three of the matching proposals cite the topic; the others were written without the guide
      if (ix < 0 || p.id.charCodeAt(p.id.length - 1) % 3 === 0) continue;
      const list = byTopic.get(rows[ix].id) ?? [];
      list.push(p.id);
      byTopic.set(rows[ix].id, list);
    }
    for (const row of rows) {
      const ids = byTopic.get(row.id) ?? [];
      for (let i = 0; i < ids.length; i += 500) {
        await db.updateTable('proposals').set({ topic_id: row.id, topic_title: row.title }).where('id', 'in', ids.slice(i, i + 500)).execute();
      }
    }
  }
}
