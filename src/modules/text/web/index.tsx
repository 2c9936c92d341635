/** Web manifest of the 文本智能 module: the search page, the hot-topics page, and components other modules embed. */
import { FireOutlined, SearchOutlined, DiffOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';

// Components other modules' pages embed. They load with the first page that shows one: a static re-export would put
// their code (and the antd parts they use) into what every visitor loads before the login page.
const components = () => import('./components.tsx');
export const SimilarItems = lazyComponent(() => components().then((m) => m.SimilarItems));
export const UnitSuggestions = lazyComponent(() => components().then((m) => m.UnitSuggestions));
export const UnitSuggestionsField = lazyComponent(() => components().then((m) => m.UnitSuggestionsField));
export const Highlighted = lazyComponent(() => components().then((m) => m.Highlighted));
export const MatterReasonLine = lazyComponent(() => components().then((m) => m.MatterReasonLine));

export const textWeb: WebModule = {
  name: 'text',
  menu: [
    { key: 'search', label: '全文检索', icon: <SearchOutlined />, path: '/search', order: 5 },
    { key: 'hot-topics', label: '热点分析', icon: <FireOutlined />, path: '/hot-topics', permission: 'text.use', order: 60 },
    { key: 'similar', label: '相似件查询', icon: <DiffOutlined />, path: '/similar', permission: 'text.use', order: 61 },
  ],
  routes: [
    { path: '/search', element: lazyPage(() => import('./pages/search.tsx')) },
    { path: '/hot-topics', permission: 'text.use', element: lazyPage(() => import('./pages/hot-topics.tsx')) },
    { path: '/similar', permission: 'text.use', element: lazyPage(() => import('./pages/similar.tsx')) },
  ],
  messages: {
    '全文检索': 'Search', '热点分析': 'Hot topics', '检索词': 'Search words', '检索': 'Search', '输入关键词，如：小区 停车': 'Words, e.g. 小区 停车',
    '可检索您有权查看的提案、社情民意等事项；多个词之间用空格分隔，全部命中的排在前面。': 'Search the proposals and reports you may see; separate words with spaces.',
    '来源模块': 'Module', '年度': 'Year', '状态': 'Status', '承办单位': 'Handling unit', '全部': 'All', '共 {n} 条结果': '{n} results', '（仅在最新的匹配中排序）': ' (ranked among the newest matches)', '分词': 'Words',
    '没有找到匹配的事项，试试更短或不同的词': 'Nothing matched; try shorter or other words', '提案': 'Proposal', '社情民意': 'Report', '答复': 'Reply',
    '相似件': 'Similar items', '暂时无法查询相似件': 'Similar items are unavailable right now', '未发现相似的已有事项': 'No similar earlier items',
    '相似度': 'Similarity', '疑似重复': 'Likely duplicate', '共同关键词': 'Shared keywords', '建议承办单位': 'Suggested units',
    '暂无建议（交办记录不足）': 'No suggestion yet (too few past assignments)', '关键词规则': 'Keyword rule', '依据以往 {n} 件交办': 'Learned from {n} past assignments',
    '关键词语：{terms}': 'Key words: {terms}', '最相近的 {n} 件已交办事项中 {m} 件交由该单位': '{m} of the {n} most similar assigned items went to this unit',
    '该单位以往承办 {n} 件': 'this unit has handled {n} before', '推荐「{unit}」的理由': 'Why {unit}',
    '相似件查询': 'Similar items', '输入或粘贴一件提案、社情民意的标题和正文，查看以往相似的事项和建议的承办单位。': 'Type or paste a text to see similar earlier items and suggested units.',
    '文本': 'Text', '标题和正文': 'Title and body', '件数': 'Items', '近三个月': '3 months', '近一年': '1 year', '近三年': '3 years', '这段时间还没有足够的事项形成热点。': 'Not enough items in this period to form topics.',
    '近 {d} 天共 {n} 件事项，按内容自动归为以下热点（点击柱条查看该热点的事项）。': '{n} items in the last {d} days, grouped by content (click a bar to see its items).',
    '同一事项': 'Same matter', '相似': 'Related', '无权打开': 'not yours to open', '共同地点': 'Same place', '共同问题': 'Same problem', '共同诉求': 'Same demand', '共同对象': 'Same objects',
    '噪声扰民': 'noise', '油烟异味': 'fumes and smells', '粉尘扬尘': 'dust', '供水': 'water supply', '渗漏': 'leaks', '停车秩序': 'parking', '过街通行': 'crossing and access',
    '公交': 'buses', '拆迁改造': 'demolition and renewal', '工程停滞': 'stalled works', '欠薪': 'unpaid wages', '押金退费': 'deposits', '收费': 'charges',
    '入园入学': 'school places', '房屋质量': 'building quality', '购房资格': 'home-purchase eligibility', '电力设施': 'power lines', '垃圾': 'rubbish',
    '摊贩占道': 'street vendors', '规划用途': 'land use', '违章搭建': 'illegal building', '电费': 'electricity bills', '环境污染': 'pollution',
    '道路设施': 'roads', '邮政': 'post', '假期课时': 'school holidays', '社保': 'social insurance', '电梯': 'lifts', '安全隐患': 'safety hazards',
    '标识指引': 'signs', '集资诈骗': 'fraud', '捆绑销售': 'bundled sales', '查处整治': 'enforcement', '维修修复': 'repair', '建设开工': 'build',
    '恢复': 'restore', '退还': 'refund', '告知公开': 'inform', '增设': 'add facilities', '搬迁选址': 'relocate', '限制禁止': 'restrict', '核查检测': 'inspect', '调整政策': 'change the policy',
    '热点件数': 'Items per topic', '按月趋势（前五个热点）': 'Monthly trend (top five)', '各热点件数柱状图': 'Bar chart of items per topic', '热点按月趋势折线图': 'Line chart of topics by month', '热点': 'Topics',
  },
};
