// The 网络征集 API through the real server on SQLite and PostgreSQL: staff build and publish a questionnaire (edits only
// in draft, a stale version is a 409); the public answer it on the share link after verifying a phone (the code read
// from the server log), one answer per person, with required questions and logic checked on the server; a
// members-only survey refuses the public and non-members; results, Excel, Word, figures, and a 社情民意 draft.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { anonymous, type Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { BUS_STOP_ANSWERS, BUS_STOP_TITLE } from '../server/seed.ts';
import { closeExpiredSurveys } from '../server/jobs.ts';

const questions = [
  { id: 'who', kind: 'single', title: '您的身份', required: true, options: ['居民', '商户', '乘客'] },
  { id: 'problems', kind: 'multiple', title: '存在哪些问题', required: true, options: ['没有候车亭', '离路口太近', '站牌不清'] },
  { id: 'score', kind: 'rating', title: '满意度', required: true, max: 5 },
  // shown only to those who chose 商户
  { id: 'shop', kind: 'text', title: '对沿线经营的影响', required: true, showIf: { question: 'who', option: 1 } },
  { id: 'advice', kind: 'text', title: '其他意见建议', required: false },
];

for (const d of await dialects()) {
  describe(`网络征集 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, member: Client, leader: Client, county: Client, sysadmin: Client;
    const smsLines: string[] = [];

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, member, leader, county, sysadmin] = await Promise.all(['office', 'member', 'leader', 'county', 'sysadmin'].map((u) => s.login(u)));
      // the demo's SMS adapter writes the code to the server log: read it there
      const log = s.zx.ctx.log;
      const info = log.info;
      log.info = (...a: unknown[]) => { const line = a.map(String).join(' '); if (line.includes('[短信]')) smsLines.push(line); info(...a); };
    });
    after(async () => { await s?.close(); });

    const codeFor = (phone: string) => {
      const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
      const line = [...smsLines].reverse().find((l) => l.includes(masked));
      assert.ok(line, `a code was logged for ${masked}`);
      assert.ok(!line.includes(phone), 'the log does not hold the whole number');
      return /code=(\d{6})/.exec(line)![1];
    };
    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`/api/surveys/${id}/transitions`, { action, version, input });
    const today = () => clock.today();

    async function published(extra: Record<string, unknown> = {}) {
      const created = await office.post('/api/surveys', { title: '威远门路站台问卷', body: '请填写', questions, opensOn: today(), closesOn: addDays(today(), 10), ...extra });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const r = await fire(office, created.body.id, 'publish', created.body.version);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    }
    const tokenOf = (detail: any) => detail.sharePath.split('/').pop();

    test('staff build a draft: bad forms are 400s naming the field; edits need the current version; publishing checks the form and dates', async () => {
      const bad = await office.post('/api/surveys', { title: '问卷', questions: [{ id: 'a', kind: 'single', title: '只有一个选项', options: ['是'] }] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'questions.0.options');
      assert.match(bad.body.error.message, /第1题/);
      const badLogic = await office.post('/api/surveys', { title: '问卷', questions: [{ id: 'b', kind: 'text', title: '说明', showIf: { question: 'zz', option: 0 } }] });
      assert.equal(badLogic.status, 400);
      assert.equal(badLogic.body.error.field, 'questions.0.showIf.question');
      const noTitle = await office.post('/api/surveys', { questions });
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /标题/);
      assert.equal((await member.post('/api/surveys', { title: '委员不能建问卷' })).status, 403);

      const draft = (await office.post('/api/surveys', { title: '空白问卷' })).body;
      assert.equal(draft.state, 'draft');
      assert.equal(draft.stateLabel, '草稿');
      const early = await fire(office, draft.id, 'publish', draft.version);
      assert.equal(early.status, 400, 'a form without questions cannot be published');
      assert.match(early.body.error.field, /questions$/);
      assert.match(early.body.error.message, /至少要有一道题/);
      const edited = await office.patch(`/api/surveys/${draft.id}`, { version: draft.version, questions, opensOn: today(), closesOn: addDays(today(), 3) });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const stale = await office.patch(`/api/surveys/${draft.id}`, { version: draft.version, title: '旧版本上的修改' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const backwards = await office.patch(`/api/surveys/${draft.id}`, { version: edited.body.version, closesOn: addDays(today(), -1) });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.field, 'closesOn');
      const pub = await fire(office, draft.id, 'publish', edited.body.version);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.equal(pub.body.state, 'published');
      assert.equal(pub.body.collecting, true);
      const after = await office.patch(`/api/surveys/${draft.id}`, { version: pub.body.version, title: '发布后修改' });
      assert.equal(after.status, 409, 'a published form is not edited');
      assert.deepEqual(pub.body.actions.map((a: any) => a.name), ['close']);
    });

    test('the public answer on the share link with a verified phone; one answer per phone; required questions and logic are checked on the server', async () => {
      const sv = await published();
      const anon = anonymous(s.app);
      const page = await anon.get(`/api/public/surveys/${tokenOf(sv)}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      assert.equal(page.body.collecting, true);
      assert.equal(page.body.questions.length, 5);
      assert.equal(page.body.signedInAs, null);

      const phone = '13912345678';
      assert.equal((await anon.post(`/api/public/surveys/${tokenOf(sv)}/sms`, { phone: '12345' })).body.error.field, 'phone');
      const sent = await anon.post(`/api/public/surveys/${tokenOf(sv)}/sms`, { phone });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal((await anon.post(`/api/public/surveys/${tokenOf(sv)}/sms`, { phone })).status, 429, 'a second code within a minute is refused');
      const code = codeFor(phone);
      const post = (body: Record<string, unknown>) => anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { phone, code, ...body });

      // 商户 shows the 'shop' question, which is required
      const missing = await post({ answers: { who: 1, problems: [0], score: 4 } });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.field, 'answers.shop');
      assert.match(missing.body.error.message, /第4题.*必答/);
      const outOfRange = await post({ answers: { who: 0, problems: [0], score: 9 } });
      assert.equal(outOfRange.body.error.field, 'answers.score');
      assert.match(outOfRange.body.error.message, /1 至 5 分/);
      const unknownOption = await post({ answers: { who: 7, problems: [0], score: 3 } });
      assert.equal(unknownOption.body.error.field, 'answers.who');
      const wrongCode = await anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { phone, code: code === '000000' ? '111111' : '000000', answers: { who: 0, problems: [0], score: 3 } });
      assert.equal(wrongCode.status, 400);
      assert.equal(wrongCode.body.error.field, 'code');
      const noPhone = await anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { answers: { who: 0, problems: [0], score: 3 } });
      assert.equal(noPhone.body.error.field, 'phone');

      // 居民 does not see 'shop': an answer to it is dropped, not stored
      const ok = await post({ answers: { who: 0, problems: [2, 0, 0], score: 2, shop: '不应保存', advice: '建议加装候车亭，遮阳挡雨' } });
      assert.equal(ok.status, 201, JSON.stringify(ok.body));

      // the same phone again, with a fresh code after the minute has passed
      const later = clock.nowMs() + 61_000;
      clock.set(later);
      assert.equal((await anon.post(`/api/public/surveys/${tokenOf(sv)}/sms`, { phone })).status, 200);
      const again = await anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { phone, code: codeFor(phone), answers: { who: 2, problems: [1], score: 5 } });
      assert.equal(again.status, 409, 'a second answer by the same phone is refused');
      assert.match(again.body.error.message, /只能填写一次/);

      // a signed-in member answers with their account, once
      const m1 = await member.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { answers: { who: 1, problems: [1], score: 3, shop: '施工期间影响生意' } });
      assert.equal(m1.status, 201, JSON.stringify(m1.body));
      assert.equal((await member.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { answers: { who: 0, problems: [1], score: 3 } })).status, 409);
      assert.equal((await member.get(`/api/public/surveys/${tokenOf(sv)}`)).body.answered, true);

      const results = await office.get(`/api/surveys/${sv.id}/results`);
      assert.equal(results.status, 200, JSON.stringify(results.body));
      assert.equal(results.body.answers, 2);
      assert.equal(results.body.publicAnswers, 1);
      const [who, problems, score, shop] = results.body.questions;
      assert.deepEqual(who.counts.map((c: any) => c.count), [1, 1, 0]);
      assert.deepEqual(problems.counts.map((c: any) => c.count), [1, 1, 1], 'a repeated option counts once');
      assert.equal(score.average, 2.5);
      assert.equal(shop.answered, 1, 'the hidden answer was not stored');
    });

    test('a members-only survey refuses the public and non-members; a list survey only its accounts; a draft link is not found', async () => {
      const sv = await published({ audience: 'members' });
      const anon = anonymous(s.app);
      const token = tokenOf(sv);
      const refused = await anon.post(`/api/public/surveys/${token}/answers`, { answers: { who: 0, problems: [0], score: 3 } });
      assert.equal(refused.status, 401);
      assert.match(refused.body.error.message, /委员/);
      assert.equal((await anon.post(`/api/public/surveys/${token}/sms`, { phone: '13800001111' })).status, 403, 'no codes for a members-only survey');
      assert.equal((await office.post(`/api/public/surveys/${token}/answers`, { answers: { who: 0, problems: [0], score: 3 } })).status, 403, 'office staff are not members');
      assert.equal((await county.post(`/api/public/surveys/${token}/answers`, { answers: { who: 0, problems: [0], score: 3 } })).status, 403, "another CPPCC's member");
      assert.equal((await member.post(`/api/public/surveys/${token}/answers`, { answers: { who: 0, problems: [0], score: 3 } })).status, 201);
      // the members were told, with the link to answer
      let told = false;
      for (let i = 0; i < 50 && !told; i++) {
        const inbox = await member.get('/api/notifications?pageSize=50');
        told = JSON.stringify(inbox.body).includes(`/s/${token}`);
        if (!told) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(told, 'the member has a notification linking to the survey');

      const memberId = (await member.get('/api/auth/me')).body.userId ?? (await member.get('/api/auth/me')).body.user?.id;
      assert.ok(memberId, 'the member has an id');
      const list = await published({ audience: 'list', audienceUserIds: ['someone-else'] });
      assert.equal((await member.post(`/api/public/surveys/${tokenOf(list)}/answers`, { answers: { who: 0, problems: [0], score: 3 } })).status, 403);
      // the list names its people (the picker shows them by name); one on the list answers
      const me = (await member.get('/api/auth/me')).body;
      const named = await published({ audience: 'list', audienceUserIds: [memberId] });
      assert.deepEqual(named.audiencePeople, [{ userId: memberId, name: me.displayName ?? me.user?.displayName }]);
      assert.notEqual(named.audiencePeople[0].name, memberId);
      assert.deepEqual(list.audiencePeople, [{ userId: 'someone-else', name: 'someone-else' }], 'an id that is no one stays as it was given');
      assert.deepEqual(sv.audiencePeople, [], 'a members-only survey lists no one');
      assert.equal((await member.post(`/api/public/surveys/${tokenOf(named)}/answers`, { answers: { who: 0, problems: [0], score: 3 } })).status, 201);

      const draft = (await office.post('/api/surveys', { title: '未发布的问卷', questions })).body;
      assert.equal((await anon.get(`/api/public/surveys/${tokenOf(draft)}`)).status, 404);
      assert.equal((await anon.get('/api/public/surveys/bad')).status, 400);
    });

    test('anonymous answers with a signed token where the survey allows them; a forged token is refused; a closed survey takes no answers', async () => {
      const sv = await published({ allowAnonymous: true });
      const anon = anonymous(s.app);
      const t = await anon.post(`/api/public/surveys/${tokenOf(sv)}/anonymous-token`);
      assert.equal(t.status, 200);
      const a = { who: 2, problems: [1], score: 4 };
      assert.equal((await anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { anonymousToken: t.body.token, answers: a })).status, 201);
      assert.equal((await anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { anonymousToken: t.body.token, answers: a })).status, 409, 'a token answers once');
      const forged = await anon.post(`/api/public/surveys/${tokenOf(sv)}/answers`, { anonymousToken: `${t.body.token.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAA`, answers: a });
      assert.equal(forged.status, 400);
      assert.equal(forged.body.error.field, 'anonymousToken');
      const plain = await published();
      assert.equal((await anon.post(`/api/public/surveys/${tokenOf(plain)}/anonymous-token`)).status, 403);

      const closed = await fire(office, sv.id, 'close', sv.version + 0);
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const t2 = await anon.post(`/api/public/surveys/${tokenOf(sv)}/anonymous-token`);
      assert.equal(t2.status, 409);
      assert.match(t2.body.error.message, /已截止/);
      assert.equal((await anon.get(`/api/public/surveys/${tokenOf(sv)}`)).body.collecting, false);
      assert.equal((await fire(office, sv.id, 'archive', closed.body.version)).body.state, 'archived');
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('after its close date a survey takes no answers, and the system moves it to 已截止', async () => {
      const sv = await published({ opensOn: today(), closesOn: today(), allowAnonymous: true });
      const anon = anonymous(s.app);
      const token = tokenOf(sv);
      const was = clock.nowMs();
      try {
        // two days on, the sessions signed in before have gone idle: the office signs in again
        clock.set(was + 2 * 86_400_000);
        assert.equal((await anon.get(`/api/public/surveys/${token}`)).body.collecting, false);
        const late = await anon.post(`/api/public/surveys/${token}/anonymous-token`);
        assert.equal(late.status, 409);
        assert.match(late.body.error.message, /已截止/);
        assert.ok(await closeExpiredSurveys(s.zx.ctx) >= 1);
        const again = await s.login('office');
        const r = (await again.get(`/api/surveys/${sv.id}`)).body;
        assert.equal(r.state, 'closed', JSON.stringify(r));
        assert.equal(r.history.at(-1).actorName, '系统');
        assert.equal(await closeExpiredSurveys(s.zx.ctx), 0, 'nothing left to close');
      } finally {
        clock.set(was + 1000);
      }
    });

    test('the demo bus-stop survey: its chart data, themes of the suggestions, Excel and Word, and a 社情民意 draft from a suggestion', async () => {
      const list = await leader.get(`/api/surveys?q=${encodeURIComponent('公交车站台设置')}&pageSize=50`);
      const bus = list.body.items.find((i: any) => i.title === BUS_STOP_TITLE);
      assert.ok(bus, 'the seeded survey is listed');
      assert.ok(bus.answerCount > 450 && bus.answerCount <= BUS_STOP_ANSWERS, `近500条: ${bus.answerCount}`);
      const r = (await leader.get(`/api/surveys/${bus.id}/results`)).body;
      const advice = r.questions.find((q: any) => q.id === 'advice');
      assert.ok(advice.themes.length >= 4, JSON.stringify(advice.themes.map((t: any) => t.keywords)));
      const words = advice.themes.flatMap((t: any) => t.keywords).join(' ');
      for (const w of ['候车', '路口', '非机动车', '站牌']) assert.ok(words.includes(w), `a theme about ${w}: ${words}`);
      const why = r.questions.find((q: any) => q.id === 'why_not');
      const move = r.questions.find((q: any) => q.id === 'move');
      assert.ok(why.answered <= move.counts[1].count, 'only those who disagreed were asked why');

      const xlsx = await leader.request('GET', `/api/surveys/${bus.id}/results.xlsx`);
      assert.equal(xlsx.status, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const docx = await leader.request('GET', `/api/surveys/${bus.id}/report.docx`);
      assert.equal(docx.status, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);

      const answers = await office.get(`/api/surveys/answers?survey=${bus.id}&pageSize=50`);
      const withText = answers.body.items.find((a: any) => a.text.length > 8);
      const draft = await office.post(`/api/surveys/${bus.id}/answers/${withText.id}/opinion`, { question: 'advice', title: '关于改进威远门路公交站台的建议' });
      assert.equal(draft.status, 200, JSON.stringify(draft.body));
      assert.match(draft.body.body, /来源：网络征集/);
      assert.match(draft.body.link, /^\/opinions\/new\?/);
      const wrongQ = await office.post(`/api/surveys/${bus.id}/answers/${withText.id}/opinion`, { question: 'who', title: '关于站台的建议' });
      assert.equal(wrongQ.status, 400);
      assert.equal(wrongQ.body.error.field, 'question');
    });

    test('each figure equals the total of the list it opens; members and administrators see no staff pages', async () => {
      for (const [from, to] of [['2025-01-01', '2025-12-31'], [today(), today()]]) {
        const r = await leader.get(`/api/figures?from=${from}&to=${to}&modules=surveys`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const figures = r.body.groups.find((g: any) => g.module === 'surveys')?.figures ?? [];
        assert.deepEqual(figures.map((f: any) => f.key), ['surveys.held', 'surveys.answers', 'surveys.public_answers', 'surveys.themes']);
        if (from === '2025-01-01') assert.ok(figures[1].value > 450 && figures[3].value >= 4, JSON.stringify(figures));
        for (const f of figures) {
          const list = await leader.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
          assert.equal(list.status, 200, JSON.stringify(list.body));
          assert.equal(list.body.total, f.value, `list behind ${f.key}`);
        }
      }
      assert.deepEqual((await member.get(`/api/figures?from=2025-01-01&to=2025-12-31&modules=surveys`)).body.groups, []);
      assert.equal((await member.get('/api/surveys')).status, 403);
      assert.equal((await sysadmin.get('/api/surveys')).status, 403);
      const other = (await county.get('/api/surveys')).status;
      assert.equal(other, 403, 'a county member');
    });
  });
}
