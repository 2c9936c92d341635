/**
 * 同一事项 (the same matter in other words): what a matter is made of — the place (district, and the named road, compound,
 * school, hospital, village…), the problem, the demand and the objects named — read from a text, and a small pair model
 * (logistic regression over similarity features) deciding whether two texts raise the same matter, with an explanation a
 * person can read (the shared place, problem, demand and objects).
 */
import { hashString } from './sparse.ts';
import { cosine, type TermVec, type Vocabulary } from './similar.ts';

/** A word with jieba's part-of-speech tag (ns: place name, nt: organisation, …). */
export interface TaggedWord { word: string; tag: string }

/** What a text says the matter is: where, what is wrong, what is asked, about what. */
export interface MatterFacts {
  /** 行政区: districts and counties named (A3区, 潞州区, 长治市 is left out as the whole city) */
  districts: string[];
  /** 具体地点: named roads, compounds, schools, hospitals, villages, bus lines… as written */
  places: string[];
  /** hashed character pairs of the places' names (what two spellings of one place share) */
  placeKeys: Int32Array;
  /** 问题: problem classes (噪声, 油烟异味, 停水, …) */
  problems: string[];
  /** 诉求: demand classes (查处, 维修, 恢复, …), from the sentences that ask */
  demands: string[];
  /** 对象: the content words that name things, not places or problems */
  objects: string[];
}

/** Problem classes and the words that signal them. */
const PROBLEM_CLASSES: ReadonlyArray<readonly [string, RegExp]> = [
  ['噪声扰民', /噪音|噪声|扰民|吵|鸣笛|喇叭|轰鸣|炸街|飙车|麻将|ktv|歌厅|琴声|弹琴|音响|音乐声|放炮|睡不着|无法入睡|睡不了|打桩/i],
  ['油烟异味', /油烟|臭|异味|气味|废气|白烟|烟气|烟味|恶心|作呕|刺鼻/],
  ['粉尘扬尘', /粉尘|灰尘|扬尘|灰土|扬沙|尘土/],
  ['供水', /停水|断水|无水|没水|供水|自来水|水质|水发黄/],
  ['渗漏', /漏水|渗水|漏雨|滴水|渗漏|浸水/],
  ['停车秩序', /乱停|违停|停车|停满|占道停|车位/],
  ['过街通行', /人行横道|斑马线|过马路|过街|红绿灯|信号灯|绿灯/],
  ['公交', /公交|线路|甩站|发车|到站不停|区间|直达|班次/],
  ['拆迁改造', /拆迁|征收|棚改|棚户|旧城|旧改|提质改造|小区改造|老房/],
  ['工程停滞', /停工|围挡|迟迟|动工|开工|不见动静|没有动静|没动静|建成|通车/],
  ['欠薪', /欠薪|拖欠|工资|工钱|没拿到钱|结清/],
  ['押金退费', /押金|压金|退款|退还|退钱|退不了/],
  ['收费', /收费|乱收费|涨价|费用|出资|摊钱|凑钱|分摊|交钱|太贵|价格奇高|奇高/],
  ['入园入学', /幼儿园|入园|开园|入学|学位|派位|招生|就近/],
  ['房屋质量', /开裂|房屋质量|工程质量|质量问题|建房|钢化玻璃|窗户|窗扇|外墙|脱落|缩水|图纸|竣工|备案|漏雨/],
  ['购房资格', /购房资格|买房|限购|购房|房产证|二套/],
  ['电力设施', /高压|变电站|铁塔|特高压|电磁|辐射|千伏|kv/i],
  ['垃圾', /垃圾|转运箱|清运/],
  ['摊贩占道', /地摊|摊贩|摊点|占道经营|夜宵摊|活禽|活鸡|小贩|流动摊|摆摊/],
  ['规划用途', /规划|用途|闲置|地块/],
  ['违章搭建', /违建|违章|搭建|私建|加层|多出一层|多盖/],
  ['电费', /电费|电表|用电/],
  ['环境污染', /污染|排放|偷排|污水|蚊虫|蚊子|苍蝇|卫生/],
  ['积水内涝', /积水|内涝|淹|蹚水|排水|下水道|成了河|泡水/],
  ['照明', /路灯|照明|漆黑|黑漆漆/],
  ['路面破损', /路面|塌陷|坑洼|破损|下沉|颠簸/],
  ['道路硬化', /烂泥|泥泞|泥水|泥地|土路|硬化/],
  ['绿化', /杂草|树木|草木|野草|行道树|树苗|树枝|绿化/],
  ['邮政', /邮筒|寄信|邮政/],
  ['假期课时', /放假|假期|补课|休息日|只休/],
  ['社保', /社保|养老保险|医保|公积金/],
  ['电梯', /电梯/],
  ['安全隐患', /安全隐患|危险|出事|事故|吓人|爆炸|起火|消防/],
  ['标识指引', /路标|指示牌|指引|导向|标识/],
  ['集资诈骗', /诈骗|集资|车贷|非法吸收/],
  ['捆绑销售', /捆绑|搭售|强制购买|必须购买/],
];

/** Demand classes and their words, read in the sentences that ask (请…, 希望…, 建议…). */
const DEMAND_CLASSES: ReadonlyArray<readonly [string, RegExp]> = [
  ['查处整治', /查处|查实|严查|整治|处理|制止|管一管|管管|处罚|执法|取缔|干预|查|管控|严管|打击/],
  ['维修修复', /维修|修复|修补|补装|修理|修好|更换|换掉|换新|翻新|更新|改造|清淤|疏通|清掏/],
  ['建设开工', /开工|建设|修建|动工|硬化|新建|建一所|配一所|规划建设|加建|加快/],
  ['恢复', /恢复|重新开通|复通/],
  ['退还', /退还|退款|结清|发放|退钱/],
  ['告知公开', /告知|公开|公示|答复|给个|说明|解释|时间表|请问|想知道|想问|确认/],
  ['增设', /增设|增加|增开|设置|开个|开一条|安装|配上|设立|扩班|扩招|补种|开放/],
  ['搬迁选址', /搬迁|搬走|迁走|选址|搬到|移走/],
  ['限制禁止', /限速|禁鸣|限制|禁止|不许|不要|降噪|关小|调小/],
  ['核查检测', /核查|检测|检查|核实|调查|现场|来看|来查/],
  ['调整政策', /调整|改成|改按|优化|出台|制定|规范|管理办法|长效/],
];

const DEMAND_CUE = /请|希望|建议|要求|恳请|恳求|盼|望|呼吁|能否|能不能|是否/;

/** Suffixes of named places, longest first (a name of 2 to 8 characters comes before). */
const PLACE_SUFFIX = ['幼儿园', '卫生院', '卫生室', '工业园', '地铁站', '服务中心', '商业中心', '小区', '花园', '家园', '新城', '新村', '公寓', '大厦', '广场', '大道', '街道', '社区', '学校', '小学', '中学', '大学', '学院', '医院', '公园', '市场', '园区', '集团', '酒店', '标段', '村', '组', '镇', '乡', '路', '街', '巷', '湖', '桥', '站', '苑', '府', '湾', '郡', '城'];
const PLACE_RE = new RegExp(`([\\p{Script=Han}A-Za-z0-9]{2,10}?)(${PLACE_SUFFIX.join('|')})`, 'gu');
/** Suffixes that end a whole compound or institution name, read again with the longest name before them (梅溪湖卓越浅水湾小区). */
const WHOLE_SUFFIX = ['幼儿园', '小区', '花园', '家园', '新城', '公寓', '大厦', '广场', '学校', '小学', '中学', '医院', '市场'];
const WHOLE_RE = new RegExp(`([\\p{Script=Han}A-Za-z0-9]{2,8})(${WHOLE_SUFFIX.join('|')})`, 'gu');
/** Characters that cannot be inside a place name: a name starts after the last of them. */
const NOT_IN_NAME = /[于关的在和与及或是了到从往把被对向给为由请将就都也还又很最再已着过让使要想能会说找去来住有我你他她们这那个些旁边里内外前后附近门口对面一每天晚上早中午夜凌晨今年月日号多次几诉映问临靠沿而该您求严影响之经至位置紧建]/u;
/** Generic names that are not places on their own. */
const GENERIC_PLACE = new Set(['小区', '社区', '街道', '学校', '医院', '公园', '市场', '马路', '道路', '公路', '线路', '这条路', '铁路', '网路', '出路', '思路', '门路', '农村', '乡村', '城乡', '城镇', '县城', '全城', '进城', '公交站', '车站', '网站']);
/** District and county codes of the anonymised data (A3区, K9县) and names ending in 区/县/市 known to the caller. */
const DISTRICT_RE = /(?<![A-Za-z0-9])([A-Z][0-9]{0,2}(?:区|县|市))|([\p{Script=Han}]{2,3}(?:区|县))(?=[\p{Script=Han}A-Za-z0-9])/gu;
const NOT_DISTRICT = /小区|社区|城区|片区|园区|景区|校区|辖区|市区|郊区|山区|地区|老区|新区|居民区|住宅区|生活区|商业区|开发区|经开区|安置区|功能区|示范区|试验区|自贸区|保税区|风景区|工业区|库区|矿区|灾区|管区|营区|港区|各区|本区|全区|该区|此区|每区|我区|两区|三区|城县|该县|全县|本县|我县|各县/;

const han2 = (s: string) => {
  const out: number[] = [];
  const cs = [...s];
  for (let i = 0; i + 1 < cs.length; i++) out.push(hashString(cs[i] + cs[i + 1]) | 0);
  if (cs.length === 1) out.push(hashString(cs[0]) | 0);
  return out;
};

/** Character pairs that say nothing about which place (小区, 街道 …): left out of the place keys. */
const GENERIC_PAIRS = new Set(han2(PLACE_SUFFIX.join('|')).concat(han2('小区|社区|街道|学校|医院|附近|旁边|门口')));

function classesOf(text: string, classes: ReadonlyArray<readonly [string, RegExp]>): string[] {
  const out: string[] = [];
  for (const [name, re] of classes) if (re.test(text)) out.push(name);
  return out;
}

/** Trims a candidate place name to where the name starts: after a district, a city, a delimiter. */
function trimName(name: string): string {
  let s = name;
  // after the last administrative level (A市A3区梅溪湖 → 梅溪湖)
  const admin = /^.*?(?:[A-Z][0-9]{0,2}(?:区|县|市)|省|市(?!场|民|政)|县(?!城)|(?<!小|社)区(?!域)|街道)/u;
  for (let m = admin.exec(s); m && m[0].length < s.length; m = admin.exec(s)) s = s.slice(m[0].length);
  s = s.replace(/^[0-9]+(?=\p{Script=Han})/u, '');
  const chars = [...s];
  let start = 0;
  for (let i = chars.length - 1; i >= 0; i--) if (NOT_IN_NAME.test(chars[i])) { start = i + 1; break; }
  return chars.slice(start).join('');
}

export interface MatterOptions {
  /** place names known to the CPPCC (its districts, towns, units from the organisation tree, the 词库's place words) */
  knownPlaces?: readonly string[];
}

/** The districts and counties a text names (A3区, 潞州区; not the whole city, not 小区 or 城区). */
export function districtsOf(text: string): Set<string> {
  const districts = new Set<string>();
  for (const m of text.matchAll(DISTRICT_RE)) {
    const d = (m[1] ?? m[2])?.replace(/^[于在和与及对向从到把被关将为由]+/u, '');
    if (!d || [...d].length < 2 || NOT_DISTRICT.test(d) || /^[A-Z][0-9]{0,2}市$/.test(d) && d === 'A市') continue;
    districts.add(d);
  }
  return districts;
}

/**
 * The matter facts of a text. `words`: its segmentation with tags when at hand (jieba's ns/nt words count as places);
 * `terms`: its content terms (for the objects).
 */
export function matterFacts(text: string, terms: readonly string[], tagged: readonly TaggedWord[] = [], opts: MatterOptions = {}): MatterFacts {
  const districts = districtsOf(text);
  const places = new Set<string>();
  for (const m of text.matchAll(PLACE_RE)) {
    // a bus line (70路, W218路) is the number alone
    const line = m[2] === '路' ? /[A-Za-z]?[0-9]+$/.exec(m[1]) : null;
    if (line) { places.add(`${line[0].toUpperCase()}路`); continue; }
    // 路灯, 路面, 路口: the road's parts, not a road named
    if ((m[2] === '路' || m[2] === '街') && /^[灯面况费线段边上]/u.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    const name = trimName(m[1]);
    const place = name + m[2];
    if ([...name].length < 2 || GENERIC_PLACE.has(place) || GENERIC_PLACE.has(name) || place.endsWith('政府')) continue;
    if (m[2] === '路' && /[线之通马出公铁思门网]$/u.test(name)) continue;
    if (/^[0-9]+$/.test(name)) continue;
    places.add([...name].slice(-6).join('') + m[2]);
  }
  for (const m of text.matchAll(WHOLE_RE)) {
    const name = trimName(m[1]);
    if ([...name].length >= 2 && !GENERIC_PLACE.has(name + m[2]) && !/^[0-9]+$/.test(name)) places.add([...name].slice(-8).join('') + m[2]);
  }
  for (const w of tagged) if ((w.tag === 'ns' || w.tag === 'nt') && [...w.word].length >= 2 && !GENERIC_PLACE.has(w.word)) places.add(w.word);
  for (const p of opts.knownPlaces ?? []) if (p.length >= 2 && text.includes(p)) (/[区县]$/.test(p) ? districts : places).add(p);
  for (const d of districts) places.delete(d);
  // one place read twice: the start of a longer name (英雄 of 英雄南路) is that name; a longer one ending in a shorter
  // name (人反馈楚雅二医院) took words before the name
  for (const p of [...places]) {
    for (const q of places) {
      if (q === p || !q.includes(p)) continue;
      if (q.endsWith(p) && [...p].length >= 4) places.delete(q); else places.delete(p);
    }
  }
  const keys = new Set<number>();
  for (const p of places) for (const k of han2(p)) if (!GENERIC_PAIRS.has(k)) keys.add(k);
  // the demand: sentences that ask; the whole text when none does
  const sentences = text.split(/[。！？!?；;\n]/);
  const asking = sentences.filter((s) => DEMAND_CUE.test(s)).join('。');
  const placeText = [...places, ...districts].join('|');
  const problems = classesOf(text, PROBLEM_CLASSES);
  const objects = [...new Set(terms.filter((t) => [...t].length >= 2 && !placeText.includes(t) && !PROBLEM_CLASSES.some(([, re]) => re.test(t)) && !/^[0-9a-z]+$/i.test(t)))];
  return {
    districts: [...districts], places: [...places], placeKeys: Int32Array.from([...keys].sort((a, b) => a - b)),
    problems, demands: classesOf(asking || text, DEMAND_CLASSES), objects,
  };
}

function sortedOverlap(a: Int32Array, b: Int32Array): number {
  let i = 0, j = 0, n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { n++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return n;
}

const jaccard = (a: readonly string[], b: readonly string[]) => {
  if (!a.length || !b.length) return 0;
  const s = new Set(a);
  const inter = b.filter((x) => s.has(x)).length;
  return inter / (a.length + b.length - inter);
};

/** What the wording measures say of a pair: the MinHash estimate of shingle Jaccard, the term cosine, the titles' cosine. */
export interface WordingScores { dup: number; cosine: number; title: number }

/**
 * Whether a term is common in a collection: found in more than `share` of its texts (the set phrases of a template:
 * 近年来, 我市, 方面); a collection of fewer than 20 texts has none.
 */
export function commonTerms(df: (id: number) => number, docs: number, share = 0.3): (id: number) => boolean {
  return docs < 20 ? () => false : (id) => df(id) > docs * share;
}

/** The common terms of a vocabulary's whole corpus. */
export const commonInVocab = (vocab: Vocabulary, share = 0.3) => commonTerms((id) => vocab.df[id] ?? 0, vocab.docs, share);

/** A term vector without its common terms, renormalised. */
export function distinctive(v: TermVec, common: (id: number) => boolean): TermVec {
  const keep: number[] = [];
  for (let i = 0; i < v.ids.length; i++) if (!common(v.ids[i])) keep.push(i);
  if (keep.length === v.ids.length) return v;
  const n = Math.sqrt(keep.reduce((s, i) => s + v.w[i] * v.w[i], 0)) || 1;
  return { ids: Int32Array.from(keep, (i) => v.ids[i]), w: Float32Array.from(keep, (i) => v.w[i] / n) };
}

/**
 * The wording measures of a pair as the model reads them: the cosine over distinctive words, the MinHash estimate no
 * higher than that cosine (two texts filled in from one template share their shingles, not their matter), the titles'
 * character-pair cosine.
 */
export function wordingOf(minhash: number, a: TermVec, b: TermVec, common: (id: number) => boolean, titleA: string, titleB: string): WordingScores {
  const c = cosine(distinctive(a, common), distinctive(b, common));
  return { dup: Math.min(minhash, c), cosine: c, title: titleCosine(titleA, titleB) };
}

/** The pair features the model reads, named (the order of `MATTER_FEATURES`). */
export const MATTER_FEATURES = [
  'dup', 'cosine', 'title', 'place', 'place_conflict', 'district_same', 'district_conflict', 'problem', 'problem_conflict', 'demand', 'object',
  'place_x_problem', 'place_x_cosine', 'problem_x_cosine',
] as const;

/** Overlap of character-pair keys, over the smaller set (a short spelling of a place inside a longer one counts as the same). */
export function placeScore(a: MatterFacts, b: MatterFacts): number {
  if (!a.placeKeys.length || !b.placeKeys.length) return 0;
  return sortedOverlap(a.placeKeys, b.placeKeys) / Math.min(a.placeKeys.length, b.placeKeys.length);
}

/** The object words two texts share, weighed by their rarity (`idf` of a word; 1 when unknown). */
function objectScore(a: MatterFacts, b: MatterFacts, idf: (w: string) => number): number {
  if (!a.objects.length || !b.objects.length) return 0;
  const sb = new Set(b.objects);
  let inter = 0, all = 0;
  for (const w of a.objects) { const x = idf(w); all += x; if (sb.has(w)) inter += x; }
  for (const w of b.objects) if (!a.objects.includes(w)) all += idf(w);
  return all ? inter / all : 0;
}

/** The feature vector of a pair. */
export function matterFeatures(a: MatterFacts, b: MatterFacts, w: WordingScores, idf: (w: string) => number = () => 1): Float64Array {
  const place = placeScore(a, b);
  const bothPlaces = a.placeKeys.length > 0 && b.placeKeys.length > 0;
  const dSame = a.districts.some((d) => b.districts.includes(d));
  const dBoth = a.districts.length > 0 && b.districts.length > 0;
  const problem = jaccard(a.problems, b.problems);
  const bothProblems = a.problems.length > 0 && b.problems.length > 0;
  const demand = jaccard(a.demands, b.demands);
  const object = objectScore(a, b, idf);
  return Float64Array.from([
    w.dup, w.cosine, w.title, place, bothPlaces && place < 0.2 ? 1 : 0, dSame ? 1 : 0, dBoth && !dSame ? 1 : 0,
    problem, bothProblems && problem === 0 ? 1 : 0, demand, object,
    place * problem, place * w.cosine, problem * w.cosine,
  ]);
}

/** The pair model: a weight per feature and a bias; `probability` is the logistic of their sum. */
export interface MatterModel { weights: number[]; bias: number; threshold: number }

export function matterProbability(model: MatterModel, x: Float64Array): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits the logistic regression on labelled pairs (1: same matter, 0: not) by full-batch gradient descent with L2
 * (`l2`) and balanced classes; the threshold is left at 0.5.
 */
export function trainMatterModel(xs: readonly Float64Array[], ys: readonly number[], opts: { l2?: number; epochs?: number; rate?: number } = {}): MatterModel {
  const d = xs[0]?.length ?? MATTER_FEATURES.length;
  const w = new Float64Array(d);
  let b = 0;
  const l2 = opts.l2 ?? 1e-3;
  const rate = opts.rate ?? 0.5;
  const pos = ys.filter((y) => y === 1).length;
  const neg = ys.length - pos;
  const cw = (y: number) => (y === 1 ? ys.length / (2 * Math.max(1, pos)) : ys.length / (2 * Math.max(1, neg)));
  const gw = new Float64Array(d);
  // Adam-free plain gradient descent with a decaying step: the problem is small and convex
  for (let e = 0; e < (opts.epochs ?? 3000); e++) {
    gw.fill(0);
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      let z = b;
      for (let k = 0; k < d; k++) z += w[k] * xs[i][k];
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ys[i]) * cw(ys[i]);
      for (let k = 0; k < d; k++) gw[k] += g * xs[i][k];
      gb += g;
    }
    const step = rate / (1 + e / 1000);
    for (let k = 0; k < d; k++) w[k] -= step * (gw[k] / xs.length + l2 * w[k]);
    b -= step * (gb / xs.length);
  }
  return { weights: Array.from(w, (x) => Math.round(x * 10000) / 10000), bias: Math.round(b * 10000) / 10000, threshold: 0.5 };
}

/** Why two texts are (or are not) the same matter, for a person: what they share. */
export interface MatterExplanation {
  places: string[];
  districts: string[];
  problems: string[];
  demands: string[];
  objects: string[];
}

export function explainMatter(a: MatterFacts, b: MatterFacts, k = 4, idf?: (w: string) => number): MatterExplanation {
  const sharedPlaces = a.places.filter((p) => {
    const keys = Int32Array.from(han2(p).filter((x) => !GENERIC_PAIRS.has(x))).sort();
    return keys.length > 0 && sortedOverlap(keys, b.placeKeys) / keys.length >= 0.5;
  });
  const inB = (xs: readonly string[], ys: readonly string[]) => xs.filter((x) => ys.includes(x));
  return {
    places: sharedPlaces.slice(0, k), districts: inB(a.districts, b.districts).slice(0, k),
    problems: inB(a.problems, b.problems).slice(0, k), demands: inB(a.demands, b.demands).slice(0, k),
    // the rarer shared words say what the matter is about; common ones (方面, 我市) say nothing
    objects: (idf ? inB(a.objects, b.objects).filter((w) => idf(w) >= 2.5).sort((x, y) => idf(y) - idf(x)) : inB(a.objects, b.objects)).slice(0, k),
  };
}

/**
 * The shipped model, fitted by `npm run bench:text -- --only=same` on the training part of the labelled pairs (real
 * reposts and same-title messages, hand-written rewrites and hard negatives; see docs/decisions/0052).
 */
export const DEFAULT_MATTER_MODEL: MatterModel = {
  weights: [1.3251, 2.1409, 1.4172, 0.063, -1.4479, -0.1907, -0.4085, 1.5456, -2.4969, 0.7412, 1.8813, 1.5449, 1.0689, 1.5551],
  bias: -2.8204,
  threshold: 0.5,
};

/** The decision on a pair with its probability and explanation. */
export interface MatterVerdict { probability: number; same: boolean; explanation: MatterExplanation }

export function sameMatter(a: MatterFacts, b: MatterFacts, w: WordingScores, idf?: (w: string) => number, model: MatterModel = DEFAULT_MATTER_MODEL): MatterVerdict {
  const p = matterProbability(model, matterFeatures(a, b, w, idf));
  return { probability: p, same: p >= model.threshold, explanation: explainMatter(a, b, 4, idf) };
}

/** Character-pair cosine of two short texts (titles): the same title in other words still shares pairs of characters. */
export function titleCosine(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<number, number>();
    const clean = s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
    for (const k of han2(clean)) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const x = grams(a), y = grams(b);
  let dot = 0, nx = 0, ny = 0;
  for (const [k, v] of x) { nx += v * v; const u = y.get(k); if (u) dot += v * u; }
  for (const v of y.values()) ny += v * v;
  return nx && ny ? dot / Math.sqrt(nx * ny) : 0;
}

/**
 * Items by the character pairs of their places: the items that name the same place as a text, however worded (the
 * same-matter check's candidates besides the most similar wording). Pairs found in more than `maxShare` of the items
 * (a big district's name) do not select.
 */
export class PlaceIndex {
  private readonly postings = new Map<number, number[]>();
  private count = 0;

  add(doc: number, keys: Int32Array): void {
    this.count++;
    for (const k of keys) {
      const p = this.postings.get(k);
      if (p) p.push(doc); else this.postings.set(k, [doc]);
    }
  }

  /** Items sharing at least two place pairs (or all of a one-pair place) with `keys`, most shared first. */
  candidates(keys: Int32Array, k = 30, exclude?: (doc: number) => boolean, maxShare = 0.02): number[] {
    const shared = new Map<number, number>();
    const limit = Math.max(50, this.count * maxShare);
    for (const key of keys) {
      const p = this.postings.get(key);
      if (!p || p.length > limit) continue;
      for (const d of p) shared.set(d, (shared.get(d) ?? 0) + 1);
    }
    const need = Math.min(2, keys.length);
    return [...shared.entries()].filter(([d, n]) => n >= need && !exclude?.(d)).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, k).map(([d]) => d);
  }
}

/** One item for the hot topics: its term vector, matter, time ('YYYY-MM-DD…') and supporters (likes, co-signers). */
export interface MatterTopicInput { vec: TermVec; facts: MatterFacts; time: string; supporters?: number }

const DISTRICT_CODE = /[A-Z][0-9]{0,2}(?:区|县|市)/u;
const DISTRICT_CODES = new RegExp(DISTRICT_CODE.source, 'gu');

/** Whether words cut by the dictionaries alone hold two single characters in a row: a name the dictionaries do not know. */
function unknownRun(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) if ([...words[i]].length === 1 && [...words[i + 1]].length === 1 && /\p{Script=Han}/u.test(words[i] + words[i + 1])) return true;
  return false;
}

/** Characters of questions and exclamations (吗, 呢…), never inside a name. */
const PARTICLES = /[吗呢吧啊么呀哪啥谁怎]/u;

/**
 * The names titles share that are not words of the language nor districts: a compound (五矿万境), a case (58车贷), a
 * company — what people name when they raise one matter. A name is a run of a title's whole words (`cut`: by the
 * dictionaries alone), 3 to 6 characters, holding a part the dictionaries do not know (two single characters in a row,
 * as 万境 of 五矿万境 or 车贷 of 58车贷), with no character
 * that cannot be in a name (的, 请, 吗…) and no district code; it is found in at least `minItems` titles, at most
 * `maxShare` of them (or 20), and those titles name no more than two districts (what people write everywhere is not a name).
 */
export function titleAnchors(titles: readonly string[], cut: (text: string) => readonly string[], opts: { minItems?: number; maxShare?: number } = {}): string[][] {
  const minItems = opts.minItems ?? 3;
  // runs of whole words (a name starts and ends where words do), within the parts between codes and punctuation
  const grams = titles.map((t) => {
    const set = new Set<string>();
    const districts = [...districtsOf(t)];
    let rest = t.replace(DISTRICT_CODES, '|');
    for (const d of districts) rest = rest.split(d).join('|');
    for (const part of rest.split(/[^\p{Script=Han}A-Za-z0-9]+/u)) {
      const words = part ? cut(part).map((w) => [...w].length) : [];
      const cs = [...part];
      const starts = [0];
      for (const len of words) starts.push(starts[starts.length - 1] + len);
      for (let a = 0; a < starts.length; a++) for (let b = a + 1; b < starts.length; b++) {
        const len = starts[b] - starts[a];
        if (len > 6) break;
        if (len >= 3) set.add(cs.slice(starts[a], starts[b]).join(''));
      }
    }
    return { set, districts };
  });
  const spread = new Map<string, Set<string>>();
  for (const { set, districts } of grams) for (const g of set) { const sp = spread.get(g) ?? new Set(); for (const d of districts) sp.add(d); spread.set(g, sp); }
  const df = new Map<string, number>();
  for (const { set } of grams) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const max = Math.max(minItems, 20, Math.floor(titles.length * (opts.maxShare ?? 0.01)));
  const verdict = new Map<string, boolean>();
  const isName = (g: string): boolean => {
    let ok = verdict.get(g);
    if (ok !== undefined) return ok;
    const n = df.get(g) ?? 0;
    const cs = [...g];
    ok = n >= minItems && n <= max && (spread.get(g)?.size ?? 0) <= 2 && !cs.some((c) => NOT_IN_NAME.test(c) || PARTICLES.test(c))
      && !/^[0-9A-Za-z]+$/.test(g) && unknownRun(cut(g));
    verdict.set(g, ok);
    return ok;
  };
  return grams.map(({ set }) => [...set].filter(isName));
}

/** Two items may be one matter by place only if they name no districts that differ. */
const districtsAgree = (a: MatterFacts, b: MatterFacts) => !a.districts.length || !b.districts.length || a.districts.some((d) => b.districts.includes(d));

/** A hot topic (热点): a matter many raise — its place and problem, items, supporters, heat and monthly trend. */
export interface MatterTopic {
  place: string | null;
  problem: string | null;
  members: number[];
  count: number;
  supporters: number;
  /** items of the topic's latest 30 days over those of the 30 days before (1: steady) */
  growth: number;
  heat: number;
  trend: Array<{ month: string; count: number }>;
}

/**
 * Hot topics as matters: items join when they name the same place and share a problem or much wording, or when their
 * wording is close (cosine over distinctive words); the groups are ranked by heat — the items, their supporters
 * (log-scaled) and how fast they come.
 */
export function matterTopics(items: readonly MatterTopicInput[], vocab: Vocabulary, opts: { top?: number; minCount?: number; anchors?: ReadonlyArray<readonly string[]> } = {}): MatterTopic[] {
  const n = items.length;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  const union = (a: number, b: number) => { const ra = find(a), rb = find(b); if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb); };
  const common = commonInVocab(vocab, 0.1);
  const vecs = items.map((it) => distinctive(it.vec, common));
  // an inverted index over each item's top distinctive terms
  const postings = new Map<number, number[]>();
  vecs.forEach((v, i) => {
    const top = [...v.ids.keys()].sort((a, b) => v.w[b] - v.w[a]).slice(0, 8);
    for (const p of top) { const l = postings.get(v.ids[p]); if (l) l.push(i); else postings.set(v.ids[p], [i]); }
  });
  const places = new PlaceIndex();
  items.forEach((it, i) => places.add(i, it.facts.placeKeys));
  // items that share a name (a compound, a case), in the same district, finding the same thing wrong or worded alike
  // (a name the place reading gives whole, a town or a lake, joins by place: by the rule for places)
  const byAnchor = new Map<string, number[]>();
  (opts.anchors ?? []).forEach((as, i) => {
    const known = [...items[i].facts.places, ...items[i].facts.districts];
    for (const g of as) {
      if (known.some((p) => g.includes(p))) continue;
      const l = byAnchor.get(g); if (l) l.push(i); else byAnchor.set(g, [i]);
    }
  });
  for (const members of byAnchor.values()) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x], j = members[y];
        const a = items[i].facts, b = items[j].facts;
        if (districtsAgree(a, b) && (!a.problems.length || !b.problems.length || a.problems.some((p) => b.problems.includes(p)) || cosine(vecs[i], vecs[j]) >= 0.2)) union(i, j);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const a = items[i].facts;
    for (const j of places.candidates(a.placeKeys, 50, (d) => d <= i)) {
      const b = items[j].facts;
      const shareProblem = a.problems.some((p) => b.problems.includes(p));
      const c = cosine(vecs[i], vecs[j]);
      if (placeScore(a, b) >= 0.5 && ((shareProblem && c >= 0.15) || c >= 0.45)) union(i, j);
    }
    const seen = new Set<number>();
    for (const t of vecs[i].ids) for (const j of postings.get(t) ?? []) {
      if (j <= i || seen.has(j)) continue;
      seen.add(j);
      const c = cosine(vecs[i], vecs[j]);
      const b = items[j].facts;
      if (!districtsAgree(a, b)) continue;
      if (c >= 0.5 || (c >= 0.35 && a.problems.some((p) => b.problems.includes(p)) && !(a.placeKeys.length && b.placeKeys.length && placeScore(a, b) < 0.5))) union(i, j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) { const r = find(i); const g = groups.get(r); if (g) g.push(i); else groups.set(r, [i]); }
  const day = (t: string) => Date.parse(t.slice(0, 10)) / 86400_000;
  // the name most of a topic's titles give (the longest of those found as often), its place when it has one
  const named = (members: readonly number[]): string | null => {
    const counts = new Map<string, number>();
    for (const m of members) for (const g of opts.anchors?.[m] ?? []) counts.set(g, (counts.get(g) ?? 0) + 1);
    const best = [...counts.entries()].sort((x, y) => y[1] - x[1] || [...y[0]].length - [...x[0]].length || x[0].localeCompare(y[0]))[0];
    return best && best[1] * 2 >= members.length ? best[0] : null;
  };
  const out: MatterTopic[] = [];
  for (const members of groups.values()) {
    if (members.length < (opts.minCount ?? 3)) continue;
    const most = (xs: string[]) => {
      const m = new Map<string, number>();
      for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
      return [...m.entries()].sort((p, q) => q[1] - p[1] || p[0].localeCompare(q[0]))[0]?.[0] ?? null;
    };
    const supporters = members.reduce((s, m) => s + (items[m].supporters ?? 0), 0);
    const last = Math.max(...members.map((m) => day(items[m].time)));
    const recent = members.filter((m) => day(items[m].time) > last - 30).length;
    const before = members.filter((m) => day(items[m].time) <= last - 30 && day(items[m].time) > last - 60).length;
    const months = new Map<string, number>();
    for (const m of members) months.set(items[m].time.slice(0, 7), (months.get(items[m].time.slice(0, 7)) ?? 0) + 1);
    const growth = (recent + 1) / (before + 1);
    out.push({
      place: named(members) ?? most(members.flatMap((m) => [...items[m].facts.places.slice(0, 2), ...items[m].facts.districts.slice(0, 1)])), problem: most(members.flatMap((m) => items[m].facts.problems)),
      members, count: members.length, supporters, growth: Math.round(growth * 100) / 100,
      heat: Math.round((members.length + Math.sqrt(supporters)) * (1 + 0.1 * Math.log2(Math.max(0.25, Math.min(4, growth)))) * 10) / 10,
      trend: [...months.entries()].sort().map(([month, count]) => ({ month, count })),
    });
  }
  return out.sort((a, b) => b.heat - a.heat || b.count - a.count).slice(0, opts.top ?? 20);
}
