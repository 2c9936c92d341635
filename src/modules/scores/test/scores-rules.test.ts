// 积分规则 (pure): each preset of the guide (§3) on a worked example computed by hand, caps, deductions, the ceiling,
// grade bands, minimum counts, the pro-rata warning threshold and the grade distribution.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { distributionOf, gradeOf, itemPoints, proRataMinimum, scoreOf, warningPeriodOf, type RuleItem } from '../domain/rules.ts';
import { presetOf, presets } from '../domain/presets.ts';

const rulesOf = (code: string) => presetOf(code)!.rules;
const pointsOf = (s: ReturnType<typeof scoreOf>, label: string) => s.items.find((i) => i.label === label)!.points;

describe('积分规则 presets (GUIDE §3)', () => {
  test('济南: 70 base; 2 filed proposals (+10), one of them key (+5), 6 charity acts capped at 10, one leave (−10) → 85 优秀', () => {
    const s = scoreOf(rulesOf('jinan'), {
      'proposals.member.filed': 2, 'proposals.member.led': 2, 'proposals.member.key': 1, 'charity.member.donations': 6,
      'meetings.member.leave': 1, 'opinions.member.submitted': 1, 'activities.member.participations': 3,
    });
    // 70 + 10 + 5 + min(10, 12) − 10 = 85
    assert.equal(s.total, 85);
    assert.equal(s.grade, '优秀');
    assert.equal(pointsOf(s, '公益活动'), 10);
    assert.ok(s.items.find((i) => i.label === '公益活动')!.capped);
    assert.deepEqual(s.unmet, []);
  });

  test('济南: one unexcused absence (−30) and nothing else → 40 不称职, with the 「三个一」 shortfalls named', () => {
    const s = scoreOf(rulesOf('jinan'), { 'meetings.member.absent': 1 });
    assert.equal(s.total, 40);
    assert.equal(s.grade, '不称职');
    assert.deepEqual(s.unmet, ['领衔提案（「三个一」）', '报送社情民意（「三个一」）', '参加履职活动（「三个一」）']);
  });

  test('济南: the 120 ceiling holds (70 + 12 filed × 5 = 130 → 120)', () => {
    assert.equal(scoreOf(rulesOf('jinan'), { 'proposals.member.filed': 12 }).total, 120);
  });

  test('闵行: 2 全会 (10), 4 activities (20), 3 filed proposals counted once (15), a cosigned one (3), key +15 → 63 称职', () => {
    const s = scoreOf(rulesOf('minhang'), {
      'meetings.member.attended': 2, 'activities.member.participations': 4, 'proposals.member.filed': 3, 'proposals.member.cosigned': 2,
      'proposals.member.key': 1, 'opinions.member.submitted': 1,
    });
    // 10 + 20 + min(15, 45) + min(3, 6) + 15 = 63
    assert.equal(s.total, 63);
    assert.equal(s.grade, '称职');
    assert.deepEqual(s.unmet, []);
  });

  test('闵行: 2 activities miss the minimum of 3', () => {
    const s = scoreOf(rulesOf('minhang'), { 'meetings.member.attended': 1, 'activities.member.participations': 2, 'proposals.member.filed': 1, 'opinions.member.submitted': 1 });
    assert.deepEqual(s.unmet, ['参加履职活动']);
    assert.equal(s.total, 5 + 10 + 15);
  });

  test('广水: 1 filed (20) + 2 joint (30) + 1 accepted 社情民意 (20) + 2 attendances (20) → 90 优秀', () => {
    const s = scoreOf(rulesOf('guangshui'), { 'proposals.member.filed': 1, 'proposals.member.cosigned': 2, 'opinions.member.accepted': 1, 'meetings.member.attended': 2 });
    assert.equal(s.total, 90);
    assert.equal(s.grade, '优秀');
  });

  test('宣威: 全会 2×2, 协商 3×1, 发言 1×2 + 1×2, 学习 2×1, 视察 1×2 → 15 称职', () => {
    const s = scoreOf(rulesOf('xuanwei'), {
      'meetings.member.attended': 2, 'consultations.member.attended': 3, 'meetings.member.speeches': 1, 'consultations.member.speeches': 1,
      'activities.member.participations': 2, 'inspections.member.took_part': 1,
    });
    assert.equal(s.total, 4 + 3 + 2 + 2 + 2 + 2);
    assert.equal(s.grade, '称职');
  });

  test('安庆: 50 − 10 (one 全会 absence) + 30 (3 led, capped at 30) + 10 → 80 良好; six absences are capped at −50', () => {
    const s = scoreOf(rulesOf('anqing'), { 'meetings.member.absent': 1, 'proposals.member.led': 3, 'opinions.member.accepted': 1 });
    assert.equal(s.total, 80);
    assert.equal(s.grade, '良好');
    const worst = scoreOf(rulesOf('anqing'), { 'meetings.member.absent': 6 });
    assert.equal(pointsOf(worst, '缺席全会'), -50);
    assert.equal(worst.total, 0);
    assert.equal(worst.grade, '不称职');
  });

  test('东城: 60 base, uncapped: 20 filed proposals (+100) → 160 达标; an absence alone → 50 不达标', () => {
    assert.equal(scoreOf(rulesOf('dongcheng'), { 'proposals.member.filed': 20 }).total, 160);
    const low = scoreOf(rulesOf('dongcheng'), { 'meetings.member.absent': 1 });
    assert.equal(low.total, 50);
    assert.equal(low.grade, '不达标');
  });

  test('every preset names its source, has bands, and references member figures only', () => {
    assert.equal(presets.length, 6);
    for (const p of presets) {
      assert.match(p.source, /^S29[a-f]$/);
      assert.ok(p.rules.bands.length >= 2, p.code);
      for (const i of p.rules.items) assert.match(i.figure, /^[a-z]+\.member\.[a-z_]+$/, `${p.code}: ${i.figure}`);
    }
  });
});

describe('积分 arithmetic', () => {
  const it = (points: number, cap: number | null): RuleItem => ({ figure: 'x.member.y', label: 'y', points, cap, min: null });
  test('an item is count × points, bounded by its cap; a deduction by −cap', () => {
    assert.deepEqual(itemPoints(it(5, 12), 2), { points: 10, capped: false });
    assert.deepEqual(itemPoints(it(5, 12), 3), { points: 12, capped: true });
    assert.deepEqual(itemPoints(it(-10, 25), 3), { points: -25, capped: true });
    assert.deepEqual(itemPoints(it(-10, null), 3), { points: -30, capped: false });
    assert.deepEqual(itemPoints(it(0.5, null), 3), { points: 1.5, capped: false });
  });
  test('a grade is the highest band reached, whatever order the bands are given in; below all bands is the lowest', () => {
    const bands = [{ label: '称职', min: 60 }, { label: '优秀', min: 85 }, { label: '不称职', min: 0 }];
    assert.equal(gradeOf(bands, 85), '优秀');
    assert.equal(gradeOf(bands, 84.9), '称职');
    assert.equal(gradeOf(bands, -5), '不称职');
  });
  test('a key no rule counts is ignored; a rule key without a count is 0', () => {
    const s = scoreOf({ base: 0, maxTotal: null, minimum: 0, items: [it(3, null)], bands: [{ label: '称职', min: 0 }] }, { 'other.member.z': 9 });
    assert.equal(s.total, 0);
  });
  test('pro rata minimum: the base counts at once, the rest by the share of the year gone', () => {
    const rules = { base: 70, maxTotal: 120, minimum: 60, items: [], bands: [] };
    assert.equal(proRataMinimum(rules, 100, 365), 60, 'the base already meets a minimum below it');
    const tally = { ...rules, base: 0 };
    assert.equal(proRataMinimum(tally, 0, 365), 0);
    assert.equal(proRataMinimum(tally, 73, 365), 12);
    assert.equal(proRataMinimum(tally, 400, 365), 60);
    assert.deepEqual([1, 91, 92, 183, 274, 365].map((d) => warningPeriodOf(d, 365)), [1, 1, 2, 3, 4, 4]);
  });
  test('the distribution counts each band in order', () => {
    const bands = [{ label: '不称职', min: 0 }, { label: '优秀', min: 85 }, { label: '称职', min: 60 }];
    assert.deepEqual(distributionOf(bands, ['优秀', '称职', '称职', '不称职']), [{ label: '优秀', count: 1 }, { label: '称职', count: 2 }, { label: '不称职', count: 1 }]);
  });
});
