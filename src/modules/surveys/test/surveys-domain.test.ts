// The questionnaire's rules, pure: form checks, display logic, answer validation naming the question, counting; the
// lifecycle's publish check; who may answer; and the themes found in free text, tried on real citizens' messages
// (read from ../shared/data/messages at test time, never copied into the repository).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkForm, tally, validateAnswers, visibleQuestions, type Question } from '../domain/survey-form.ts';
import { isCollecting, surveysLifecycle } from '../domain/surveys-lifecycle.ts';
import { mayAnswer } from '../domain/surveys-policy.ts';
import { checkTransition } from '../../../kernel/universal/workflow.ts';
import { themesOf } from '../server/themes.ts';

const form: Question[] = [
  { id: 'ride', kind: 'single', title: '您是否乘坐公交', required: true, options: ['是', '否'] },
  { id: 'lines', kind: 'multiple', title: '常坐哪些线路', required: true, options: ['1路', '2路', '3路'], showIf: { question: 'ride', option: 0 } },
  { id: 'late', kind: 'text', title: '3路晚点情况', required: true, showIf: { question: 'lines', option: 2 } },
  { id: 'score', kind: 'rating', title: '满意度', required: false, max: 10 },
];

describe('questionnaire form and answers', () => {
  test('a form is checked: two options at least, unique ids, logic pointing back to a choice question and an option it has', () => {
    assert.equal(checkForm(form), null);
    assert.equal(checkForm([form[0], { ...form[0] }])?.field, 'questions.1.id');
    assert.equal(checkForm([{ id: 'a', kind: 'multiple', title: 'x', required: false, options: ['甲'] }])?.field, 'questions.0.options');
    assert.equal(checkForm([{ id: 'a', kind: 'single', title: 'x', required: false, options: ['甲', '甲'] }])?.field, 'questions.0.options');
    assert.match(checkForm([form[1], form[0]])!.message, /前面/, 'a condition on a later question');
    assert.equal(checkForm([form[3], { id: 'b', kind: 'text', title: 'y', required: false, showIf: { question: 'score', option: 0 } }])?.field, 'questions.1.showIf.question');
    assert.equal(checkForm([form[0], { id: 'b', kind: 'text', title: 'y', required: false, showIf: { question: 'ride', option: 5 } }])?.field, 'questions.1.showIf.option');
  });

  test('logic shows a question only when its option is chosen, and through a chain only when the chain holds', () => {
    const ids = (a: Record<string, unknown>) => visibleQuestions(form, a).map((q) => q.id);
    assert.deepEqual(ids({}), ['ride', 'score']);
    assert.deepEqual(ids({ ride: 0 }), ['ride', 'lines', 'score']);
    assert.deepEqual(ids({ ride: 0, lines: [0, 2] }), ['ride', 'lines', 'late', 'score']);
    assert.deepEqual(ids({ ride: 1, lines: [2] }), ['ride', 'score'], 'a hidden question hides what depends on it');
  });

  test('validation names the question; required applies to shown questions only; hidden answers are dropped', () => {
    const bad = (a: Record<string, unknown>) => { const r = validateAnswers(form, a); assert.ok('problem' in r, JSON.stringify(r)); return r.problem; };
    assert.deepEqual(bad({}), { field: 'answers.ride', message: '「第1题 您是否乘坐公交」是必答题' });
    assert.equal(bad({ ride: 0 }).field, 'answers.lines');
    assert.match(bad({ ride: 0, lines: [2] }).message, /第3题 3路晚点情况.*必答/);
    assert.equal(bad({ ride: 0, lines: [3] }).field, 'answers.lines', 'an option that does not exist');
    assert.equal(bad({ ride: '是' }).field, 'answers.ride', 'an option by its text, not its number');
    assert.match(bad({ ride: 1, score: 11 }).message, /1 至 10 分/);
    assert.equal(bad({ ride: 1, zz: 1 }).field, 'answers.zz');
    assert.equal(bad({ ride: 0, lines: [2], late: 'x'.repeat(2001) }).field, 'answers.late');
    const ok = validateAnswers(form, { ride: 1, lines: [2], late: '常晚点', score: 7 });
    assert.deepEqual(ok, { ok: { ride: 1, score: 7 } });
    assert.deepEqual(validateAnswers(form, { ride: 0, lines: [2, 0, 2], late: ' 十分钟 ' }), { ok: { ride: 0, lines: [0, 2], late: '十分钟' } });
  });

  test('counting: each option, each score, the average; a question counts who answered it', () => {
    const r = tally(form, [{ ride: 0, lines: [0, 2], late: 'a', score: 8 }, { ride: 0, lines: [2], late: 'b', score: 6 }, { ride: 1 }]);
    assert.deepEqual(r[0].counts, [{ label: '是', count: 2 }, { label: '否', count: 1 }]);
    assert.deepEqual(r[1].counts.map((c) => c.count), [1, 0, 2]);
    assert.equal(r[1].answered, 2);
    assert.equal(r[2].answered, 2);
    assert.deepEqual(r[2].counts, []);
    assert.equal(r[3].counts.length, 10);
    assert.equal(r[3].counts[7].count, 1);
    assert.equal(r[3].average, 7);
  });
});

describe('survey lifecycle and audience', () => {
  const staff = { userId: 's', orgId: 't', tenantId: 't', roles: ['office_staff'], permissions: new Set(['surveys.create']) };
  const rec = (over: Record<string, unknown> = {}) => ({ id: 'x', tenant_id: 't', state: 'draft', version: 1, owner_user_id: 's', questions: JSON.stringify(form), opens_on: '2099-01-01', closes_on: '2099-01-31', ...over });
  test('publishing needs a sound form with questions and a close date not past; only the office staff of the CPPCC publish', () => {
    assert.ok(checkTransition(surveysLifecycle, 'draft', 'publish', { record: rec(), actor: staff, input: {} }).ok);
    const none = checkTransition(surveysLifecycle, 'draft', 'publish', { record: rec({ questions: '[]' }), actor: staff, input: {} });
    assert.ok(!none.ok);
    const past = checkTransition(surveysLifecycle, 'draft', 'publish', { record: rec({ opens_on: '2000-01-01', closes_on: '2000-01-02' }), actor: staff, input: {} });
    assert.ok(!past.ok);
    const other = checkTransition(surveysLifecycle, 'draft', 'publish', { record: rec({ tenant_id: 'u' }), actor: staff, input: {} });
    assert.ok(!other.ok);
    const member = checkTransition(surveysLifecycle, 'draft', 'publish', { record: rec(), actor: { ...staff, roles: ['member'], permissions: new Set<string>() }, input: {} });
    assert.ok(!member.ok);
  });
  test('collecting is published and within the dates, both days included', () => {
    const r = { state: 'published', opens_on: '2026-12-30', closes_on: '2026-12-31' };
    assert.equal(isCollecting(r, '2026-12-29'), false);
    assert.equal(isCollecting(r, '2026-12-30'), true);
    assert.equal(isCollecting(r, '2026-12-31'), true);
    assert.equal(isCollecting(r, '2027-01-01'), false);
    assert.equal(isCollecting({ ...r, state: 'closed' }, '2026-12-31'), false);
  });
  test('who may answer: the public anyone; members-only the CPPCC\'s members; a list its accounts', () => {
    const s = (audience: string, ids: string[] = []) => ({ tenant_id: 't', audience, audience_user_ids: ids });
    assert.equal(mayAnswer(s('public'), {}), null);
    assert.match(mayAnswer(s('members'), {})!, /委员/);
    assert.equal(mayAnswer(s('members'), { userId: 'm', tenantId: 't', roles: ['member'] }), null);
    assert.ok(mayAnswer(s('members'), { userId: 'm', tenantId: 'u', roles: ['member'] }));
    assert.ok(mayAnswer(s('members'), { userId: 'o', tenantId: 't', roles: ['office_staff'] }));
    assert.equal(mayAnswer(s('list', ['a']), { userId: 'a', tenantId: 'z' }), null);
    assert.ok(mayAnswer(s('list', ['a']), { userId: 'b', tenantId: 't' }));
  });
});

const here = path.dirname(fileURLToPath(import.meta.url));
const messagesFile = path.resolve(here, '../../../../../../shared/data/messages/labeled.jsonl');
const alt = '/work/shared/data/messages/labeled.jsonl';
const file = fs.existsSync(messagesFile) ? messagesFile : fs.existsSync(alt) ? alt : null;

describe('themes of free-text answers on real messages', { skip: file ? false : 'the real messages (../shared/data/messages) are not here' }, () => {
  test('messages of three different subjects fall into themes that each keep to one subject', () => {
    const rows = fs.readFileSync(file!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; label_l1: string });
    const subjects = ['教育文体', '卫生计生', '交通运输'];
    // the titles, as short as a questionnaire's free-text answers; 60 of each subject
    const picked = subjects.flatMap((s) => rows.filter((r) => r.label_l1 === s).slice(0, 60));
    const themes = themesOf(picked.map((r) => r.title), { minCount: 3, top: 30 });
    const members = themes.flatMap((t) => t.members);
    assert.equal(new Set(members).size, members.length, 'each text is in one theme at most');
    // purity: the share of grouped texts that belong to their theme's main subject
    let agree = 0;
    for (const t of themes) {
      const counts = new Map<string, number>();
      for (const m of t.members) counts.set(picked[m].label_l1, (counts.get(picked[m].label_l1) ?? 0) + 1);
      agree += Math.max(...counts.values());
    }
    const purity = agree / members.length;
    console.log(JSON.stringify({ themes: themes.length, grouped: members.length, of: picked.length, purity: Math.round(purity * 1000) / 1000 }));
    // by chance, a theme would keep to its main subject about a third of the time (three subjects of equal size)
    assert.ok(purity >= 0.8, `purity ${purity}`);
    assert.ok(members.length >= picked.length * 0.3, `grouped ${members.length} of ${picked.length}`);
    for (const t of themes) assert.ok(t.keywords.length >= 1 && t.keywords.every((w) => w.length >= 2), JSON.stringify(t.keywords));
  });
});
