/** Segmentation with custom terms, unit suggestion from a few assignments, duplicates of edited copies, similar items with shared keywords. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Segmenter, segmenter } from '../domain/segmenter.ts';
import { train, UnitClassifier, type LabeledText } from '../domain/classifier.ts';
import { FeatureSpace, countFeatures, CHAR_BLOCK } from '../domain/features.ts';
import { DuplicateIndex, fingerprint, similarity, DEFAULT_DUP_THRESHOLD } from '../domain/duplicates.ts';
import { SimilarIndex, Vocabulary, termVector, sharedTerms } from '../domain/similar.ts';
import { hotTopics } from '../domain/hot-topics.ts';

const seg = segmenter();
const tok = (t: string) => seg.cut(t).filter((w) => w.trim() && !/^[\p{P}\s]+$/u.test(w));

describe('segmentation', () => {
  test('老旧小区 and 承办单位 stay one word with the bundled dictionary', () => {
    const words = seg.cut('关于推进城镇老旧小区整治改造的建议，请承办单位尽快办理');
    assert.ok(words.includes('老旧小区'), words.join('/'));
    assert.ok(words.includes('承办单位'), words.join('/'));
  });

  test('a word added at run time is kept whole from then on', () => {
    const s = new Segmenter();
    assert.ok(!s.cut('推进智慧协商平台建设').includes('智慧协商平台'));
    s.loadDict(['智慧协商平台']);
    assert.ok(s.cut('推进智慧协商平台建设').includes('智慧协商平台'));
  });

  test('content terms drop stop words and punctuation; keywords rank content words', () => {
    const terms = seg.terms('我们希望有关部门尽快解决老旧小区停车难的问题！');
    assert.ok(!terms.includes('我们') && !terms.includes('的') && !terms.includes('！'));
    assert.ok(terms.includes('老旧小区') && terms.includes('停车难'));
    const kws = seg.keywords('老旧小区停车难，小区道路狭窄，停车位严重不足，老旧小区改造应统筹停车设施', 3).map((k) => k.word);
    assert.ok(kws.some((k) => k.includes('停车') || k.includes('小区')), kws.join(','));
  });
});

const assignments: Array<[string, string]> = [
  ['小区道路破损严重，下雨天积水，希望尽快修缮', 'unit-zj'],
  ['老旧小区改造进度缓慢，外墙脱落存在安全隐患', 'unit-zj'],
  ['小区加装电梯审批流程复杂，居民盼望早日加装', 'unit-zj'],
  ['物业管理混乱，小区绿化无人维护，违章搭建多', 'unit-zj'],
  ['学校课后服务收费不透明，家长负担重', 'unit-jy'],
  ['农村小学教师编制不足，一个老师教多门课', 'unit-jy'],
  ['幼儿园入园难，学位紧张，希望增加公办学位', 'unit-jy'],
  ['中学校园周边交通拥堵，学生上下学不安全', 'unit-jy'],
  ['医院挂号难排队时间长，希望推广预约诊疗', 'unit-wj'],
  ['乡镇卫生院缺少医生，村民看病要跑县城', 'unit-wj'],
  ['家庭医生签约服务流于形式，老人随访不到位', 'unit-wj'],
  ['基层医疗机构药品种类少，慢性病患者买药难', 'unit-wj'],
];

describe('unit suggestion', () => {
  test('learns from a handful of assignments and ranks the right unit first', () => {
    const model = train(tok, assignments.map(([text, label]) => ({ text, label })));
    const rank = (t: string) => model.rank(model.vectorize(tok, t));
    assert.equal(rank('我们小区的电梯老化，外墙也需要改造')[0].label, 'unit-zj');
    assert.equal(rank('希望增加公办幼儿园学位，缓解入园难')[0].label, 'unit-jy');
    assert.equal(rank('乡镇卫生院医生太少，看病难')[0].label, 'unit-wj');
    const r = rank('乡镇卫生院医生太少，看病难');
    assert.ok(Math.abs(r.reduce((s, x) => s + x.confidence, 0) - 1) < 1e-6, 'confidences sum to 1');
  });

  test('a model survives a round trip through its stored form', () => {
    const model = train(tok, assignments.map(([text, label]) => ({ text, label })));
    const back = UnitClassifier.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    const t = '学校门口交通拥堵，学生不安全';
    assert.deepEqual(back.rank(back.vectorize(tok, t)).map((x) => x.label), model.rank(model.vectorize(tok, t)).map((x) => x.label));
  });
});

/** A seeded toy corpus: each class has its own words, all share common ones, and a tenth of the words are noise from another class. */
function toyCorpus(seed: number, perClass: number): LabeledText[] {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const vocab: Record<string, string[]> = {
    traffic: ['公交', '道路', '红绿灯', '拥堵', '停车', '地铁', '路口', '出租车'],
    school: ['学校', '老师', '学生', '幼儿园', '课后', '学位', '教材', '校车'],
    health: ['医院', '医生', '挂号', '药品', '卫生院', '医保', '门诊', '护士'],
  };
  const common = ['希望', '尽快', '解决', '问题', '部门', '群众', '反映', '情况'];
  const labels = Object.keys(vocab);
  const out: LabeledText[] = [];
  for (let i = 0; i < perClass; i++) {
    for (const label of labels) {
      const words: string[] = [];
      for (let j = 0; j < 12; j++) {
        const r = rand();
        words.push(r < 0.45 ? pick(vocab[label]) : r < 0.9 ? pick(common) : pick(vocab[pick(labels.filter((l) => l !== label))]));
      }
      out.push({ text: words.join(' '), label });
    }
  }
  return out;
}
const spaceTok = (t: string) => t.split(' ').filter(Boolean);

describe('unit classifier (one-vs-rest linear SVMs over character and word features)', () => {
  test('features are fitted on the training texts only, weighted per block to unit length', () => {
    const counts = ['小区 电梯 审批', '小区 停车 收费', '学校 收费'].map((t) => countFeatures(t, spaceTok(t)));
    const space = FeatureSpace.fit(counts);
    const x = space.weigh(countFeatures('小区 电梯 医院', spaceTok('小区 电梯 医院')));
    // 医 and 院 were never seen in training: no column; the rest is two unit-length blocks
    let charSq = 0;
    let wordSq = 0;
    for (let i = 0; i < x.idx.length; i++) {
      if (space.block(x.idx[i]) === CHAR_BLOCK) charSq += x.val[i] ** 2;
      else wordSq += x.val[i] ** 2;
      if (i > 0) assert.ok(x.idx[i] > x.idx[i - 1], 'columns sorted');
    }
    assert.ok(Math.abs(charSq - 1) < 1e-5 && Math.abs(wordSq - 1) < 1e-5, `${charSq} ${wordSq}`);
    assert.equal(space.weigh(countFeatures('医院', ['医院'])).idx.length, 0, 'an unseen text has no features');
    // with a minimum document frequency of 2, features of one text only are dropped
    const strict = FeatureSpace.fit(counts, 2);
    assert.ok(strict.size < space.size && strict.df.every((d) => d >= 2));
  });

  test('learns a separable toy set, ranks the right class first and gives calibrated confidences', () => {
    const data = toyCorpus(11, 60);
    const held = toyCorpus(99, 30);
    const model = train(spaceTok, data, { seed: 3 });
    assert.deepEqual(model.labels, ['health', 'school', 'traffic']);
    let right = 0;
    let confSum = 0;
    for (const d of held) {
      const r = model.rank(model.vectorize(spaceTok, d.text));
      assert.equal(r.length, 3);
      for (const x of r) assert.ok(x.confidence >= 0 && x.confidence <= 1, String(x.confidence));
      assert.ok(Math.abs(r.reduce((a, x) => a + x.confidence, 0) - 1) < 1e-9, 'confidences sum to 1');
      assert.ok(r[0].confidence >= r[1].confidence && r[1].confidence >= r[2].confidence, 'confidence follows the ranking');
      if (r[0].label === d.label) right++;
      confSum += r[0].confidence;
    }
    const accuracy = right / held.length;
    assert.ok(accuracy >= 0.9, `accuracy ${accuracy}`);
    // calibrated: the mean top confidence on unseen texts is close to the accuracy (not a flat 1/K, not always ~1)
    assert.ok(Math.abs(confSum / held.length - accuracy) < 0.12, `mean confidence ${confSum / held.length} vs accuracy ${accuracy}`);
    // a text of one class's words is confident; a text of common words only is not
    const clear = model.rank(model.vectorize(spaceTok, '医院 医生 挂号 门诊 护士 药品'));
    const vague = model.rank(model.vectorize(spaceTok, '希望 尽快 解决 问题'));
    assert.equal(clear[0].label, 'health');
    assert.ok(clear[0].confidence > 0.8, String(clear[0].confidence));
    assert.ok(vague[0].confidence < clear[0].confidence - 0.3, `${vague[0].confidence} vs ${clear[0].confidence}`);
  });

  test('training is deterministic with a fixed seed and the stored form scores the same', () => {
    const data = toyCorpus(5, 40);
    const a = train(spaceTok, data, { seed: 42 });
    const b = train(spaceTok, data, { seed: 42 });
    assert.deepEqual(Array.from(a.w), Array.from(b.w));
    assert.deepEqual(Array.from(a.bias), Array.from(b.bias));
    assert.equal(a.temperature, b.temperature);
    const back = UnitClassifier.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    const x = '学校 老师 课后 希望';
    assert.deepEqual(back.rank(back.vectorize(spaceTok, x)), a.rank(a.vectorize(spaceTok, x)));
    assert.ok(!UnitClassifier.readable({ kind: 'ovr-svm-v1' }), 'a model stored in the earlier format is not read');
    assert.throws(() => UnitClassifier.fromJSON({ ...a.toJSON(), kind: 'ovr-svm-v1' }));
  });

  test('class balance lifts a small class: its recall does not collapse next to a class ten times larger', () => {
    const big = toyCorpus(21, 100).filter((d) => d.label !== 'health');
    const small = toyCorpus(22, 10).filter((d) => d.label === 'health');
    const model = train(spaceTok, [...big, ...small], { seed: 1 });
    const held = toyCorpus(23, 40).filter((d) => d.label === 'health');
    const recall = held.filter((d) => model.rank(model.vectorize(spaceTok, d.text))[0].label === 'health').length / held.length;
    assert.ok(recall >= 0.85, `recall of the small class ${recall}`);
  });
});

const original = '关于A区幸福小区加装电梯的诉求。幸福小区建于上世纪九十年代，共有六层住宅楼十二栋，居民以老年人为主，上下楼十分困难。'
  + '居民多次自发筹款，但加装电梯审批涉及规划、住建、消防多个部门，流程复杂，至今没有一部电梯开工。恳请有关部门简化审批，给予资金补贴。';

describe('duplicates', () => {
  test('an edited copy (characters changed, sentences reordered, new title) is found; an unrelated text is not', () => {
    const sents = original.split(/(?<=。)/);
    const edited = '再次反映幸福小区电梯问题\n' + [sents[2], sents[0], sents[1], sents[3]].join('').replace('十二栋', '十二幢').replace('恳请', '请');
    const unrelated = '农村小学教师编制不足，一个老师要教语文、数学和英语，学生成绩受到影响，希望教育部门增加编制、补充师资。';
    const idx = new DuplicateIndex<string>();
    idx.add('orig', fingerprint(original));
    idx.add('other', fingerprint(unrelated));
    assert.deepEqual(idx.query(fingerprint(edited)).map((h) => h.key), ['orig']);
    assert.equal(idx.query(fingerprint('幼儿园学位紧张，入园难，希望多建公办园。')).length, 0);
    assert.ok(similarity(fingerprint(original), fingerprint(unrelated)) < DEFAULT_DUP_THRESHOLD);
    assert.equal(similarity(fingerprint(original), fingerprint(original.replace(/。/g, '. '))), 1, 'punctuation and spacing do not matter');
  });
});

describe('similar items', () => {
  const docs = [
    original,
    '学校课后服务收费不透明，家长负担重，希望教育部门规范收费。',
    '老旧小区停车难，车辆乱停占用消防通道，建议规划建设停车场。',
    '乡镇卫生院缺少医生，村民看病要跑县城，希望加强基层医疗。',
  ];
  test('returns the nearest item first with the keywords it shares', () => {
    const words = docs.map((d) => seg.terms(d));
    const vocab = new Vocabulary();
    for (const w of words) vocab.observe(w);
    const index = new SimilarIndex();
    for (const w of words) index.add(termVector(vocab, w));
    const q = termVector(vocab, seg.terms('我们小区都是老年人，加装电梯审批太难，希望简化审批'));
    const hits = index.search(q, 3);
    assert.equal(hits[0].doc, 0);
    const shared = sharedTerms(q, index.vector(0), vocab);
    assert.ok(shared.includes('电梯') || shared.includes('加装电梯'), shared.join(','));
    assert.deepEqual(hits.map((h) => h.doc), index.exact(q, 3).map((h) => h.doc), 'matches brute force on a small corpus');
  });

  test('hot topics group items on the same subject and label them by keywords', () => {
    const texts = [
      '小区加装电梯审批难', '加装电梯审批难，希望简化', '加装电梯审批流程复杂', '学校课后服务收费', '课后服务收费不规范', '医院挂号难',
    ];
    const words = texts.map((t) => seg.terms(t));
    const vocab = new Vocabulary();
    for (const w of words) vocab.observe(w);
    const topics = hotTopics(words.map((w, i) => ({ vec: termVector(vocab, w), time: `2024-0${1 + (i % 3)}-01` })), vocab, { threshold: 0.2 });
    assert.ok(topics[0].keywords.some((k) => k.includes('电梯')), topics[0].keywords.join(','));
    assert.equal(topics[0].count, 3);
    assert.ok(topics[0].trend.length >= 1);
  });
});
