/** Request and response schemas of the text API (similar items, unit suggestion, hot topics, dictionary), shared by server and web. */
import { z } from 'zod';

const text = z.string().trim().min(2).max(20000).describe('文本');

export const similarRequest = z.object({
  text: text,
  limit: z.number().int().min(1).max(50).default(10).describe('返回条数'),
  source: z.string().max(40).optional().describe('来源模块'),
  record: z.object({
    source: z.string().min(1).max(40).describe('来源模块'),
    refId: z.string().min(1).max(64).describe('原记录编号'),
  }).optional().describe('文本所属的事项（它本身及与它并案的事项不列入结果）'),
});
/** What two texts share that makes them one matter (同一事项): places, districts, problems, demands, objects. */
export const matterReason = z.object({
  places: z.array(z.string()).describe('共同地点'),
  districts: z.array(z.string()).describe('共同行政区'),
  problems: z.array(z.string()).describe('共同问题'),
  demands: z.array(z.string()).describe('共同诉求'),
  objects: z.array(z.string()).describe('共同对象'),
});
export type MatterReason = z.infer<typeof matterReason>;

export const similarItem = z.object({
  id: z.string(),
  source: z.string().describe('来源模块'),
  refId: z.string().describe('原记录编号'),
  title: z.string().describe('标题'),
  score: z.number().describe('相似度'),
  duplicate: z.boolean().describe('疑似重复'),
  sameMatter: z.boolean().describe('同一事项'),
  matter: matterReason.extend({ probability: z.number().describe('同一事项的概率') }).describe('同一事项的依据'),
  sharedKeywords: z.array(z.string()).describe('共同关键词'),
  /** a record on the same matter the asking person may not open (shown with its module and title only) */
  restricted: z.boolean().describe('无权打开'),
  actions: z.array(z.string()),
});
export const similarResponse = z.object({ items: z.array(similarItem), keywords: z.array(z.string()).describe('本文关键词') });
export type SimilarResponse = z.infer<typeof similarResponse>;

export const suggestRequest = z.object({
  text: text, limit: z.number().int().min(1).max(20).default(5).describe('返回条数'),
  record: z.object({
    source: z.string().min(1).max(40).describe('来源模块'),
    refId: z.string().min(1).max(64).describe('原记录编号'),
  }).optional().describe('待交办的事项（它本身及与它并案的事项不作为相近事项）'),
});
export const unitSuggestion = z.object({
  unitId: z.string().describe('承办单位'),
  confidence: z.number().describe('置信度'),
  basis: z.enum(['model', 'rule']).describe('依据'),
  matchedKeywords: z.array(z.string()).describe('命中关键词'),
  reasons: z.object({
    terms: z.array(z.string()).describe('权重最高的词语'),
    similar: z.number().int().describe('参照的相近已交办事项数'),
    similarToUnit: z.number().int().describe('其中交由该单位的件数'),
    unitTotal: z.number().int().describe('该单位的以往交办件数'),
    named: z.number().optional().describe('建议部分点名由该单位办理（首个点名 1，其后各 0.5）'),
  }).optional().describe('建议理由'),
});
export const suggestResponse = z.object({
  suggestions: z.array(unitSuggestion),
  modelExamples: z.number().int().describe('模型学习的交办数'),
  actions: z.array(z.string()),
});
export type SuggestResponse = z.infer<typeof suggestResponse>;

export const assignmentRequest = z.object({ text: text, unitId: z.string().min(1).max(64).describe('承办单位') });

export const hotTopicsQuery = z.object({
  days: z.coerce.number().int().min(1).max(3660).default(90).describe('统计天数'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('返回条数'),
});
export const hotTopic = z.object({
  keywords: z.array(z.string()).describe('关键词'),
  count: z.number().int().describe('件数'),
  trend: z.array(z.object({ month: z.string(), count: z.number().int() })).describe('按月趋势'),
  items: z.array(z.object({ id: z.string(), source: z.string(), refId: z.string(), title: z.string() })),
});
export const hotTopicsResponse = z.object({ topics: z.array(hotTopic), items: z.number().int().describe('统计件数'), days: z.number().int() });

export const dictionaryWord = z.object({ word: z.string(), tag: z.string(), createdAt: z.string() });
export const dictionaryResponse = z.object({
  words: z.array(dictionaryWord),
  bundled: z.number().int().describe('内置词条数'),
  actions: z.array(z.string()),
});
export const dictionaryAddRequest = z.object({
  words: z.array(z.string().trim().min(2).max(20).regex(/^\S+$/, '词条不能含空格').describe('词条')).min(1).max(500).describe('词条'),
  tag: z.string().regex(/^[a-z]{1,4}$/).default('n').describe('词性'),
});

export const unitRule = z.object({
  unitId: z.string().describe('承办单位'),
  keywords: z.array(z.string()).describe('关键词'),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export const unitRulesResponse = z.object({ rules: z.array(unitRule) });
export const unitRulePut = z.object({
  keywords: z.array(z.string().trim().min(1).max(30).describe('关键词')).max(200).describe('关键词'),
  version: z.number().int().min(0).optional().describe('版本号'),
});
export const unitIdParams = z.object({ unitId: z.string().min(1).max(64).describe('承办单位') });

/** Names of the modules whose records are searched (来源模块). */
export const sourceLabels: Record<string, string> = { proposal: '提案', report: '社情民意', reply: '答复', consultation: '协商议政' };

export const searchQuery = z.object({
  q: z.string().trim().min(1).max(100).describe('检索词'),
  module: z.string().max(40).optional().describe('来源模块'),
  year: z.coerce.number().int().min(1949).max(2100).optional().describe('年度'),
  status: z.string().max(80).optional().describe('状态'),
  unit: z.string().max(64).optional().describe('承办单位'),
  page: z.coerce.number().int().min(1).max(100).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(50).default(20).describe('每页条数'),
});
export type SearchQuery = z.infer<typeof searchQuery>;
const segment = z.object({ text: z.string(), hit: z.boolean() });
export const searchHit = z.object({
  id: z.string(),
  source: z.string().describe('来源模块'),
  refId: z.string().describe('原记录编号'),
  title: z.array(segment).describe('标题（含命中标记）'),
  snippet: z.array(segment).describe('摘要（含命中标记）'),
  score: z.number().describe('相关度'),
  year: z.number().int().describe('年度'),
  createdAt: z.string(),
  status: z.string().nullable().describe('状态（来源模块:状态代码）'),
  statusLabel: z.string().nullable().describe('状态'),
  unitId: z.string().nullable().describe('承办单位'),
  actions: z.array(z.string()),
});
export type SearchHit = z.infer<typeof searchHit>;
const facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));
export const searchResponse = z.object({
  items: z.array(searchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  words: z.array(z.string()).describe('检索分词'),
  facets: z.object({ module: facet.describe('按来源模块'), year: facet.describe('按年度'), status: facet.describe('按状态'), unit: facet.describe('按承办单位') }),
  /** true when more items matched than the ranked window holds */
  capped: z.boolean(),
});
export type SearchResponse = z.infer<typeof searchResponse>;
