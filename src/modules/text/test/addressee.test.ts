/** 承办对象: of whom a formal text asks, read from its asking sentences, and how it moves the model's ranking. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressedUnits, askingPart, rankAddressed, unitStems } from '../domain/addressee.ts';
import { train } from '../domain/classifier.ts';
import { segmenter } from '../domain/segmenter.ts';

const units = [
  { label: 'zj', names: ['市住建局', '长治市住房和城乡建设局'] },
  { label: 'jy', names: ['市教育局'] },
  { label: 'jt', names: ['市交通运输局'] },
  { label: 'sc', names: ['市市场监管局'] },
];

test('a unit is called by its names without the place before and the kind after', () => {
  assert.deepEqual(unitStems(['市住建局', '长治市住房和城乡建设局']), ['住建', '住房和城乡建设']);
  assert.deepEqual(unitStems(['市市场监管局']), ['市场监管']);
  assert.deepEqual(unitStems(['潞州区教育局', '市卫健委', '市疾控中心']), ['教育', '卫健', '疾控']);
  assert.deepEqual(unitStems(['局']), [], 'a name of one character leaves nothing to look for');
});

test('the asking part starts at the 建议 heading and keeps the sentences that ask', () => {
  const text = '背景：住建部门近年推进老旧小区改造。问题：学校周边停车难。建议：一是教育部门牵头调整放学时间；二是会同交通运输部门施划停车位。';
  const ask = askingPart(text);
  assert.ok(!ask.includes('老旧小区改造'), ask);
  assert.ok(ask.includes('教育部门牵头') && ask.includes('交通运输部门'), ask);
  assert.equal(askingPart('小区门口路灯坏了很久了。希望尽快修好。'), '希望尽快修好');
});

test('the lead body of the asking sentences counts one, each later one half; a body named only in the background counts nothing', () => {
  const text = '背景：住建部门近年推进老旧小区改造。建议：一是教育部门牵头调整放学时间；二是会同交通运输部门施划停车位；三是交通运输部门加密公交。';
  const a = addressedUnits(text, units);
  assert.deepEqual([...a.entries()].sort(), [['jt', 1], ['jy', 1]]);
  assert.equal(a.has('zj'), false, 'named only in the background');
  // the doer is the earliest body named in each sentence; a word that is not a body (教育 as a subject) does not count
  assert.equal(addressedUnits('建议：加强学生安全教育，规范校外培训收费。', units).size, 0);
  // a full name counts as the unit, a short one too
  assert.deepEqual([...addressedUnits('为此建议长治市住房和城乡建设局加快审批。', units)], [['zj', 1]]);
  assert.deepEqual([...addressedUnits('建议市市场监管局查处虚假宣传。', units)], [['sc', 1]]);
});

test('naming a unit moves a close ranking to it, and leaves the ranking alone when no unit is named', () => {
  const seg = segmenter();
  const tok = (t: string) => seg.cut(t).filter((w) => w.trim() && !/^[\p{P}\s]+$/u.test(w));
  const data = [
    ...['小区电梯加装审批难', '老旧小区改造管网老化', '小区物业收费不透明', '小区停车位不足乱停车', '小区道路破损积水'].map((text) => ({ text, label: 'zj' })),
    ...['学校学位紧张入学难', '校外培训退费难', '学生放学时间太早家长接送难', '农村学校教师短缺', '学校周边安全隐患'].map((text) => ({ text, label: 'jy' })),
  ];
  const model = train(tok, data);
  const text = '小区与学校之间道路狭窄，放学时小区门口停车混乱。建议：教育部门牵头错峰放学。';
  const x = model.vectorize(tok, text);
  const plain = model.rank(x);
  const named = rankAddressed(model, x, addressedUnits(text, units));
  assert.equal(plain[0].label, 'zj', 'by its words the text is about the compound');
  assert.equal(named[0].label, 'jy');
  assert.ok(named[0].confidence > plain.find((r) => r.label === 'jy')!.confidence, 'naming the unit raises its confidence');
  assert.ok(Math.abs(named.reduce((s, r) => s + r.confidence, 0) - 1) < 1e-9);
  assert.deepEqual(rankAddressed(model, x, new Map()), plain);
});
