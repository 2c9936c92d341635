// Hot topics as matters: the names titles share (a platform, a compound) join the items that raise them, whatever the
// problem each names; a phrase everyone writes and a name raised all over the city do not; the heat counts supporters.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { segmenter } from '../domain/segmenter.ts';
import { Vocabulary, termVector } from '../domain/similar.ts';
import { matterFacts, matterTopics, titleAnchors } from '../domain/matter.ts';

const seg = segmenter();
const cut = (t: string) => seg.cutByDictionary(t);

interface Item { title: string; body: string; time: string; supporters?: number }

function topicsOf(items: readonly Item[]) {
  const read = items.map((it) => {
    const text = `${it.title}。${it.title}。${it.body}`;
    const tagged = seg.tag(text);
    const terms = seg.contentTerms(tagged.map((w) => w.word));
    return { terms, facts: matterFacts(text, terms, tagged) };
  });
  const vocab = new Vocabulary();
  for (const r of read) vocab.observe(r.terms);
  const anchors = titleAnchors(items.map((it) => it.title), cut);
  return matterTopics(read.map((r, i) => ({ vec: termVector(vocab, r.terms, 24), facts: r.facts, time: items[i].time, supporters: items[i].supporters })), vocab, { anchors, minCount: 2 });
}

// a city's messages of one autumn: a lending platform that stopped paying, told four ways; a compound whose houses have
// faults of several kinds (its quality, each time); two compounds with noise each; and filler on other matters
const PLATFORM: Item[] = [
  { title: '鑫融宝平台逾期不兑付，请公安机关尽快立案', body: '我在鑫融宝投资了十万元，平台从八月起不再兑付本息，客服电话无人接听。', time: '2026-09-02', supporters: 120 },
  { title: '鑫融宝案件进展为何迟迟不公布', body: '鑫融宝立案已经两个月，投资人至今没有收到任何案情通报。', time: '2026-09-20', supporters: 300 },
  { title: '恳请关注鑫融宝受害人的血汗钱', body: '很多退休老人把积蓄投进鑫融宝，现在血本无归，希望政府追赃挽损。', time: '2026-10-05', supporters: 410 },
  { title: '再次反映鑫融宝老板转移资产', body: '听说鑫融宝实际控制人正在转移资产，请经侦部门尽快冻结。', time: '2026-10-18', supporters: 95 },
];
const COMPOUND: Item[] = [
  { title: '翠澜台交房后墙体开裂', body: '翠澜台三期交房不到一年，多户墙体出现裂缝，开发商拒不维修。', time: '2026-09-05' },
  { title: '翠澜台顶楼漏雨无人管', body: '小区顶楼住户家中一下雨就漏雨，屋顶防水明显不合格，物业推诿。', time: '2026-09-25' },
  { title: '翠澜台外墙瓷砖脱落砸坏车辆', body: '翠澜台小区外墙瓷砖大片脱落，砸坏楼下车辆，险些伤人。', time: '2026-10-10' },
];
const NOISE: Item[] = [
  { title: '馨悦花园旁工地夜间施工噪音扰民', body: '馨悦花园旁边的工地每天夜里施工到凌晨，噪音太大无法入睡。', time: '2026-09-08' },
  { title: '馨悦花园附近工地半夜打桩太吵', body: '馨悦花园附近工地半夜打桩，居民无法休息，请城管查处。', time: '2026-09-12' },
  { title: '锦绣华庭小区楼下烧烤店油烟噪音扰民', body: '锦绣华庭小区楼下烧烤店营业到凌晨，噪音和油烟严重影响居民。', time: '2026-09-09' },
  { title: '锦绣华庭小区门口夜市噪音太大', body: '锦绣华庭小区门口夜市喧哗到半夜，请有关部门管一管。', time: '2026-09-15' },
];
const OTHERS: Item[] = [
  { title: '建议增开到高铁站的公交线路', body: '高铁站与城区之间公交班次太少，建议增开线路。', time: '2026-09-03' },
  { title: '学校门口道路何时能解决拥堵', body: '上下学时段学校门口拥堵严重，何时能解决？', time: '2026-09-06' },
  { title: '菜市场周边卫生何时能解决', body: '菜市场周边垃圾成堆，气味难闻，何时能解决？', time: '2026-09-16' },
  { title: '路灯不亮何时能解决', body: '我家附近的路灯坏了一个月没人修，何时能解决？', time: '2026-10-01' },
];

describe('hot topics as matters', () => {
  test('a name the dictionaries do not know, in three titles or more, is a name; a phrase everyone writes is not', () => {
    const titles = [...PLATFORM, ...COMPOUND, ...NOISE, ...OTHERS].map((x) => x.title);
    const anchors = titleAnchors(titles, cut);
    const all = new Set(anchors.flat());
    assert.ok(all.has('鑫融宝'), 'the platform');
    assert.ok(all.has('翠澜台'), 'the compound');
    assert.ok(![...all].some((g) => g.includes('何时能')), 'a question everyone asks is not a name');
    // every title that gives the platform's name has it among its names
    PLATFORM.forEach((_, i) => assert.ok(anchors[i].includes('鑫融宝'), titles[i]));
    // a name in titles from three districts is what people write everywhere, not one matter's name
    const spread = titleAnchors(['潞州区鑫融宝网点关门', '屯留区鑫融宝网点关门', '襄垣县鑫融宝网点关门', '上党区鑫融宝网点关门'], cut);
    assert.deepEqual(spread.flat().filter((g) => g.includes('鑫融宝')), []);
  });

  test('the items on one platform or one compound make one topic named by it; two compounds with noise stay two', () => {
    const items = [...PLATFORM, ...COMPOUND, ...NOISE, ...OTHERS];
    const topics = topicsOf(items);
    const platform = topics.find((t) => t.members.includes(0))!;
    assert.deepEqual([...platform.members].sort((a, b) => a - b), [0, 1, 2, 3]);
    assert.equal(platform.place, '鑫融宝');
    assert.equal(platform.supporters, 925);
    const compound = topics.find((t) => t.members.includes(4))!;
    assert.deepEqual([...compound.members].sort((a, b) => a - b), [4, 5, 6], 'cracks, a leaking roof and falling tiles at one compound');
    const lanxin = topics.find((t) => t.members.includes(7));
    const jinxiu = topics.find((t) => t.members.includes(9));
    assert.ok(lanxin && jinxiu && lanxin !== jinxiu, 'noise at two compounds is two matters');
    assert.ok(!lanxin.members.includes(9) && !jinxiu.members.includes(7));
    // the three "何时能解决" messages are about different things
    assert.ok(!topics.some((t) => t.members.filter((m) => m >= 11).length >= 2));
  });

  test('heat: the items and the square root of their supporters, so four items 925 people support lead three with none', () => {
    const topics = topicsOf([...PLATFORM, ...COMPOUND]);
    assert.equal(topics[0].place, '鑫融宝');
    const bare = topicsOf([...PLATFORM.map((x) => ({ ...x, supporters: 0 })), ...COMPOUND, { ...COMPOUND[0], title: '翠澜台楼板开裂', time: '2026-10-20' }, { ...COMPOUND[1], title: '翠澜台地下室漏雨', time: '2026-10-22' }]);
    assert.equal(bare[0].place, '翠澜台', 'without supporters the larger topic leads');
    // the growth moves the heat by a tenth at most per doubling (a quarter to four times)
    const base = 4 + Math.sqrt(925);
    assert.ok(topics[0].heat >= base * 0.8 && topics[0].heat <= base * 1.2, String(topics[0].heat));
  });
});
