/** HTTP routes under /api/text: similar items, unit suggestion, assignment feedback, hot topics, dictionary and unit rules. */
import type { App } from '../../../kernel/server/http/server.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { actorOf } from '../../../kernel/server/http/request-actor.ts';
import { can, requirePermission } from '../../../kernel/server/actor.ts';
import { z } from 'zod';
import { similarRequest, similarResponse, suggestRequest, suggestResponse, assignmentRequest, hotTopicsQuery, hotTopicsResponse, dictionaryResponse, dictionaryAddRequest, unitRulesResponse, unitRulePut, unitRule, unitIdParams, searchQuery, searchResponse } from '../contract.ts';
import type { TextService } from './text-service.ts';
import { DEFAULT_DUP_THRESHOLD } from '../domain/duplicates.ts';
import { invalid } from '../../../kernel/universal/errors.ts';
import { getOrg, listUnits } from '../../organizations/index.ts';
import type { TextDb } from './tables.ts';

/** A unit id must name an active handling unit (承办单位) of the caller's CPPCC: anything else is a 400 naming the field. */
async function requireUnitOf(db: TextDb, tenantId: string, unitId: string): Promise<void> {
  const o = await getOrg(db, unitId);
  if (!o || o.kind !== 'gov_unit' || Number(o.active) !== 1 || o.tenant_id !== tenantId) throw invalid('unitId', '「承办单位」', '不是本级的承办单位');
}

/** Setting key of the duplicate threshold (estimated shingle Jaccard, 0..1). */
export const DUP_THRESHOLD_SETTING = 'text.duplicate_threshold';

export function textRoutes(service: TextService) {
  return (app: App, ctx: ModuleContext) => {
    app.get('/api/text/search', {
      schema: { tags: ['text'], summary: '全文检索：跨模块检索本人可见的事项，按相关度排序，含命中高亮与按模块、年度的分面统计', querystring: searchQuery, response: { 200: searchResponse } },
    }, async (req) => service.search.search(actorOf(req), req.query));

    app.post('/api/text/similar', {
      schema: { tags: ['text'], summary: '相似件：与给定文本最相似的已有事项（含疑似重复与共同关键词），仅含本人可见的事项', body: similarRequest, response: { 200: similarResponse } },
    }, async (req) => {
      // anyone signed in (a member writing a proposal too); results are limited to what the caller may see
      const actor = actorOf(req);
      const threshold = await ctx.settings.get(actor.tenantId, DUP_THRESHOLD_SETTING, DEFAULT_DUP_THRESHOLD);
      return service.similar(actor.tenantId, req.body.text, req.body.limit, req.body.source, threshold, actor, req.body.record);
    });

    app.post('/api/text/suggest-units', {
      schema: { tags: ['text'], summary: '智能交办：建议的承办单位、置信度及理由（权重最高的词语、相近已交办事项的去向）', body: suggestRequest, response: { 200: suggestResponse } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.use', '使用文本分析');
      // only the CPPCC's current handling units are suggested (not a unit closed since, nor an id stored before ids were checked)
      const units = new Set((await listUnits(ctx.db, actor.tenantId)).map((u) => String(u.id)));
      const r = await service.suggestUnits(actor.tenantId, req.body.text, req.body.limit, units, req.body.record);
      return { ...r, actions: can(actor, 'text.use') ? ['record_assignment'] : [] };
    });

    app.post('/api/text/assignments', {
      schema: { tags: ['text'], summary: '记录交办结果，供智能交办学习', body: assignmentRequest, response: { 200: z.object({ ok: z.literal(true) }) } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.use', '记录交办结果');
      await requireUnitOf(ctx.db, actor.tenantId, req.body.unitId);
      await service.recordAssignment(actor.tenantId, req.body.text, req.body.unitId);
      return { ok: true as const };
    });

    app.get('/api/text/hot-topics', {
      schema: { tags: ['text'], summary: '热点：近期事项的聚类、关键词、件数与按月趋势', querystring: hotTopicsQuery, response: { 200: hotTopicsResponse } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.use', '查看热点');
      return service.hotTopics(actor.tenantId, req.query.days, req.query.limit);
    });

    app.get('/api/text/dictionary', {
      schema: { tags: ['text'], summary: '自定义词库：本级添加的词条', response: { 200: dictionaryResponse } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.use', '查看词库');
      const d = await service.dictionary(actor.tenantId);
      return { ...d, actions: can(actor, 'text.dictionary') ? ['add'] : [] };
    });

    app.post('/api/text/dictionary', {
      schema: { tags: ['text'], summary: '添加词条：分词立即生效', body: dictionaryAddRequest, response: { 200: z.object({ added: z.number().int() }) } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.dictionary', '维护词库');
      return { added: await service.addWords(actor, req.body.words, req.body.tag) };
    });

    app.get('/api/text/unit-rules', {
      schema: { tags: ['text'], summary: '承办单位关键词规则（冷启动）', response: { 200: unitRulesResponse } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.use', '查看交办规则');
      const actions = can(actor, 'text.dictionary') ? ['edit'] : [];
      return { rules: (await service.rules(actor.tenantId)).map((r) => ({ ...r, actions })) };
    });

    app.put('/api/text/unit-rules/:unitId', {
      schema: { tags: ['text'], summary: '设置承办单位的关键词规则', params: unitIdParams, body: unitRulePut, response: { 200: unitRule } },
    }, async (req) => {
      const actor = requirePermission(actorOf(req), 'text.dictionary', '维护交办规则');
      await requireUnitOf(ctx.db, actor.tenantId, req.params.unitId);
      const r = await service.putRule(actor, req.params.unitId, req.body.keywords, req.body.version);
      return { ...r, actions: ['edit'] };
    });
  };
}
