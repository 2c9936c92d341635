// The 民主评议 API through the real server on SQLite and PostgreSQL, on a minimal world: the office sets up an appraisal
// of 市住建局 and 市教育局 (bad input refused, naming the field), the self-check puts a work item on each department's
// worklist and the department hands in its self-report, a visit, representatives' one-time codes, the vote on the spot
// (members with the room's code, a representative with a code and no account; one vote each; bad ballots refused), the
// weighted results ranked, a department that never sees a ballot, the exports, the rectification items sent to the
// recommendation tracker, closing; the figures compared with the scenario and with their lists.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import { anonymous, type Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';

for (const d of await dialects()) {
  describe(`民主评议 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    let office: Client, leader: Client, unit: Client, unit2: Client, member: Client, county: Client, sysadmin: Client;
    let m: Client[];
    let today: string;
    let a: any;
    let code: string;
    let tokens: Array<{ code: string; label: string; url: string }>;
    const base = '/api/supervision/appraisals';
    const unitOf = (name: string) => w.ids.unitIds[name];
    const userOf = (u: string) => w.people.get(u)!.userId;

    before(async () => {
      w = await startWorld(d.kind, { members: 5, config: { webDist: '/nonexistent-web-dist' } });
      [office, leader, unit, unit2, member, county, sysadmin] = await Promise.all(['office', 'leader', 'unit', 'unit2', 'member', 'county', 'sysadmin'].map((u) => w.as(u)));
      m = await Promise.all(['m0001', 'm0002', 'm0003', 'm0004'].map((u) => w.as(u)));
      today = w.zx.ctx.calendar.today();
    });
    after(async () => { await w?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`${base}/${id}/transitions`, { action, version, input });
    const body = () => ({
      title: '对市住建局、市教育局提案办理工作的民主评议', scope: 'proposal_handling', scopeNote: '评议两部门办理重点提案的情况。', plannedOn: today, place: '市政协三楼会议室',
      unitIds: [unitOf('市住建局'), unitOf('市教育局')], group: [{ userId: userOf('m0001'), duty: 'leader' }, { userId: userOf('m0002'), duty: 'member' }],
    });

    test('the office sets an appraisal up; bad input is a 400 naming the field, nothing written', async () => {
      const noUnits = await office.post(base, { ...body(), unitIds: [] });
      assert.equal(noUnits.status, 400);
      assert.equal(noUnits.body.error.field, 'unitIds');
      assert.match(noUnits.body.error.message, /被评议单位/);
      const notUnit = await office.post(base, { ...body(), unitIds: [w.ids.committeeIds['提案委员会']] });
      assert.equal(notUnit.body.error.field, 'unitIds.0');
      const twice = await office.post(base, { ...body(), unitIds: [unitOf('市住建局'), unitOf('市住建局')] });
      assert.equal(twice.body.error.field, 'unitIds.1');
      const weight = await office.post(base, { ...body(), items: [{ name: '工作作风', weight: 0 }] });
      assert.equal(weight.body.error.field, 'items.0.weight');
      assert.match(weight.body.error.message, /权重/);
      const sameItem = await office.post(base, { ...body(), items: [{ name: '工作作风', weight: 50 }, { name: '工作作风', weight: 50 }] });
      assert.equal(sameItem.body.error.field, 'items.1.name');
      const scores = await office.post(base, { ...body(), choiceScores: { satisfied: 60, basic: 80, dissatisfied: 0 } });
      assert.equal(scores.body.error.field, 'choiceScores');
      const past = await office.post(base, { ...body(), plannedOn: '2000-01-01' });
      assert.equal(past.body.error.field, 'plannedOn');
      const stranger = await office.post(base, { ...body(), group: [{ userId: userOf('county'), duty: 'member' }] });
      assert.equal(stranger.body.error.field, 'group.0.userId');
      assert.equal((await member.post(base, body())).status, 403, 'a member does not organise appraisals');
      assert.equal((await sysadmin.get(base)).status, 403, 'the administrators hold none of the module\'s permissions');
      assert.equal((await office.get(`${base}?pageSize=50`)).body.total, 0, 'no refused request left a record behind');

      const created = await office.post(base, body());
      assert.equal(created.status, 201, JSON.stringify(created.body));
      a = created.body;
      assert.equal(a.state, 'preparing');
      assert.equal(a.scopeLabel, '提案办理');
      assert.deepEqual(a.items.map((i: any) => [i.name, i.weight]), [['工作作风', 25], ['办事效率', 25], ['服务质量', 30], ['廉洁自律', 20]]);
      assert.deepEqual(a.group.map((g: any) => g.dutyLabel), ['组长', '成员']);
      assert.deepEqual(a.actions.map((x: any) => x.name), ['start_self_check']);
      assert.equal(a.abilities.edit, true);
      // a stale version is a 409, nothing written
      const edited = await office.patch(`${base}/${a.id}`, { version: a.version, place: '市政协二楼会议室' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      const stale = await office.patch(`${base}/${a.id}`, { version: a.version, place: '别处' });
      assert.equal(stale.status, 409);
      a = edited.body;
      assert.equal(a.place, '市政协二楼会议室');
      const regrouped = await office.patch(`${base}/${a.id}`, { version: a.version, group: [{ userId: userOf('m0002'), duty: 'leader' }, { userId: userOf('m0001'), duty: 'member' }] });
      assert.equal(regrouped.status, 200, JSON.stringify(regrouped.body));
      a = regrouped.body;
      assert.deepEqual(a.group.map((g: any) => [g.name, g.dutyLabel]), [['委员2', '组长'], ['委员1', '成员']]);
      const twoLeaders = await office.patch(`${base}/${a.id}`, { version: a.version, group: [{ userId: userOf('m0002'), duty: 'leader' }, { userId: userOf('m0001'), duty: 'leader' }] });
      assert.equal(twoLeaders.body.error.field, 'group');
      // members do not see an appraisal before its vote; another CPPCC never
      assert.equal((await member.get(`${base}/${a.id}`)).status, 404);
      assert.equal((await county.get(`${base}/${a.id}`)).status, 404);
    });

    test('the self-check: each department finds the work item, hands in its self-report, sees only its own', async () => {
      const past = await fire(office, a.id, 'start_self_check', a.version, { selfReportDue: '2000-01-01' });
      assert.equal(past.status, 400);
      assert.equal(past.body.error.field, 'input.selfReportDue');
      const missing = await fire(office, a.id, 'start_self_check', a.version);
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.field, 'input.selfReportDue');
      const due = w.zx.ctx.calendar.addWorkingDays(today, 3);
      const r = await fire(office, a.id, 'start_self_check', a.version, { selfReportDue: due });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      a = r.body;
      assert.equal(a.state, 'self_check');
      const tasks = (await unit.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.label === '提交民主评议自查报告');
      assert.equal(tasks.length, 1, 'the department has the self-report on its worklist');
      assert.equal(tasks[0].dueDate, due);
      assert.equal(tasks[0].link, `/appraisals/${a.id}`, 'the work item opens the appraisal');

      const mine = await unit.get(`${base}/${a.id}`);
      assert.equal(mine.status, 200);
      assert.equal(mine.body.viewer, 'department');
      const myRow = mine.body.departments.find((x: any) => x.unitId === unitOf('市住建局'));
      assert.equal(myRow.canReport, true);
      assert.equal(mine.body.departments.find((x: any) => x.unitId === unitOf('市教育局')).canReport, false);
      const short = await unit.put(`${base}/${a.id}/self-report`, { version: myRow.version, text: '太短' });
      assert.equal(short.body.error.field, 'text');
      assert.equal((await leader.put(`${base}/${a.id}/self-report`, { version: myRow.version, text: '领导不是被评议单位，不能提交自查报告。' })).status, 403, 'only a department appraised hands in a self-report');
      const sent = await unit.put(`${base}/${a.id}/self-report`, { version: myRow.version, text: '市住建局自查报告：重点提案均已按期办理答复，面商率百分之百。' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal((await unit.put(`${base}/${a.id}/self-report`, { version: myRow.version, text: '旧版本上的修改不会被接受。' })).status, 409);
      assert.equal((await unit.get('/api/worklist?pageSize=100')).body.items.filter((t: any) => t.label === '提交民主评议自查报告').length, 0, 'handing it in closes the work item');
      const other = (await unit2.get(`${base}/${a.id}`)).body;
      assert.equal(other.departments.find((x: any) => x.unitId === unitOf('市住建局')).selfReport, null, 'a department does not read another\'s self-report');
      const staff = (await office.get(`${base}/${a.id}`)).body;
      assert.match(staff.departments.find((x: any) => x.unitId === unitOf('市住建局')).selfReport, /面商率/);
      assert.equal((await unit.get(`${base}?pageSize=10`)).body.total, 1);

      const badVisit = await office.post(`${base}/${a.id}/visits`, { unitId: unitOf('市交通运输局'), visitedOn: today, note: '走访' });
      assert.equal(badVisit.body.error.field, 'unitId');
      const visit = await office.post(`${base}/${a.id}/visits`, { unitId: unitOf('市住建局'), visitedOn: today, note: '评议组到市住建局座谈。' });
      assert.equal(visit.status, 200, JSON.stringify(visit.body));
      assert.equal(visit.body.visits.length, 1);
      assert.equal((await unit2.get(`${base}/${a.id}`)).body.visits.length, 0, 'a department sees visits to itself only');

      const t = await office.post(`${base}/${a.id}/tokens`, { count: 2, label: '企业代表' });
      assert.equal(t.status, 200, JSON.stringify(t.body));
      tokens = t.body.codes;
      assert.deepEqual(tokens.map((x) => x.label), ['企业代表1', '企业代表2']);
      assert.equal((await office.post(`${base}/${a.id}/tokens`, { count: 0 })).body.error.field, 'count');
      a = (await office.get(`${base}/${a.id}`)).body;
      assert.equal(a.voteLink, null, 'no vote link before the vote opens');
    });

    const marks = (choices: Record<string, string[]>) => Object.entries(choices).flatMap(([unitName, cs]) => cs.map((choice, i) => ({ unitId: unitOf(unitName), itemSeq: i + 1, choice })));
    const S = 'satisfied', B = 'basic', D = 'dissatisfied';

    test('the vote on the spot: one vote each, anonymous; bad ballots refused; staff see turnout, departments nothing yet', async () => {
      a = (await fire(office, a.id, 'open_vote', a.version)).body;
      assert.equal(a.state, 'voting');
      assert.ok(a.voteLink);
      code = new URL(a.voteLink, 'http://x').searchParams.get('c')!;

      const form = await m[0].get(`${base}/${a.id}/vote-form?code=${encodeURIComponent(code)}`);
      assert.equal(form.status, 200, JSON.stringify(form.body));
      assert.equal(form.body.open, true);
      assert.equal(form.body.voted, false);
      assert.equal(form.body.units.length, 2);
      assert.deepEqual(form.body.choices.map((c: any) => c.label), ['满意', '基本满意', '不满意']);

      const vote = (c: Client, ms: unknown, cd = code) => c.post(`${base}/${a.id}/ballots`, { code: cd, marks: ms });
      const badCode = await vote(m[0], marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }), 'nonsense');
      assert.equal(badCode.status, 400);
      assert.equal(badCode.body.error.field, 'code');
      const partial = await vote(m[0], marks({ 市住建局: [S, S, S, S] }));
      assert.equal(partial.status, 400);
      assert.equal(partial.body.error.field, 'marks');
      assert.match(partial.body.error.message, /测评意见/);
      const stranger = await vote(m[0], [...marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S] }), { unitId: unitOf('市交通运输局'), itemSeq: 4, choice: S }]);
      assert.equal(stranger.body.error.field, 'marks.7.unitId');
      const badChoice = await vote(m[0], marks({ 市住建局: [S, S, S, 'great'], 市教育局: [S, S, S, S] }));
      assert.equal(badChoice.status, 400);
      assert.match(badChoice.body.error.field, /^marks\.3\.choice$/);
      assert.equal((await vote(unit, marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }))).status, 403, 'a department does not vote');
      assert.equal((await office.get(`${base}/ballots?appraisalId=${a.id}`)).body.total, 0, 'no refused ballot was counted');

      // 市住建局: item 1 gets 4 满意 and 1 不满意 (80), items 2–4 get 3 满意, 1 基本满意, 1 不满意 (72) → weighted 74.00
      // 市教育局: every item gets 4 满意 and 1 基本满意 → 92.00
      const ballots = [
        marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }),
        marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }),
        marks({ 市住建局: [S, B, B, B], 市教育局: [S, S, S, S] }),
        marks({ 市住建局: [D, D, D, D], 市教育局: [B, B, B, B] }),
      ];
      for (const [i, c] of m.entries()) {
        const r = await vote(c, ballots[i]);
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const again = await vote(m[0], ballots[3]);
      assert.equal(again.status, 409, 'one vote each');
      assert.match(again.body.error.message, /只能投票一次/);
      assert.equal((await m[0].get(`${base}/${a.id}/vote-form?code=${encodeURIComponent(code)}`)).body.voted, true);

      // an invited representative, without an account, votes once with a code
      const guest = anonymous(w.app);
      const token = tokens[0].code;
      const gForm = await guest.get(`/api/public/appraisals/${a.id}/vote-form?token=${encodeURIComponent(token)}`);
      assert.equal(gForm.status, 200, JSON.stringify(gForm.body));
      assert.equal((await guest.get(`/api/public/appraisals/${a.id}/vote-form?token=bogus`)).body.error.field, 'token');
      const gVote = await guest.post(`/api/public/appraisals/${a.id}/ballots`, { token, marks: marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }) });
      assert.equal(gVote.status, 200, JSON.stringify(gVote.body));
      assert.equal((await guest.post(`/api/public/appraisals/${a.id}/ballots`, { token, marks: marks({ 市住建局: [D, D, D, D], 市教育局: [D, D, D, D] }) })).status, 409, 'a code votes once');
      assert.equal((await guest.post(`/api/public/appraisals/${a.id}/ballots`, { token: 'bogus', marks: [] })).status, 400);
      assert.equal((await guest.get(`${base}/${a.id}`)).status, 401, 'the appraisal itself needs an account');

      const staff = (await office.get(`${base}/${a.id}`)).body;
      assert.deepEqual(staff.turnout, { ballots: 5, members: 4, representatives: 1, tokensIssued: 2, tokensUsed: 1 });
      const turnout = await office.get(`${base}/ballots?appraisalId=${a.id}&pageSize=50`);
      assert.equal(turnout.body.total, 5);
      assert.deepEqual(turnout.body.items.map((b: any) => b.voterName).sort(), ['企业代表1', '委员1', '委员2', '委员3', '委员4']);
      assert.ok(turnout.body.items.every((b: any) => !('marks' in b) && !('choice' in b)), 'the turnout says who voted, never how');
      assert.deepEqual(staff.results.map((r: any) => [r.unitName, r.score, r.rank]), [['市教育局', 92, 1], ['市住建局', 74, 2]]);

      // the departments and members see no result while the vote runs, and no one's ballot ever
      const dept = (await unit.get(`${base}/${a.id}`)).body;
      assert.equal(dept.results, null);
      assert.equal(dept.turnout, null);
      assert.equal((await unit.get(`${base}/ballots?appraisalId=${a.id}`)).status, 403);
      assert.equal((await unit.get(`${base}/${a.id}/results.xlsx`)).status, 403);
      const mem = (await member.get(`${base}/${a.id}`)).body;
      assert.equal(mem.viewer, 'member');
      assert.deepEqual(mem.myVote, { canVote: true, voted: false, castAt: null });
      assert.equal(mem.results, null);
    });

    test('results published: weighted and ranked; the department sees aggregates only, never who voted how; exports', async () => {
      a = (await office.get(`${base}/${a.id}`)).body;
      a = (await fire(office, a.id, 'publish', a.version)).body;
      assert.equal(a.state, 'published');
      const late = await m[0].post(`${base}/${a.id}/ballots`, { code, marks: marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }) });
      assert.equal(late.status, 409, 'no vote after the vote closed');
      assert.equal((await anonymous(w.app).post(`/api/public/appraisals/${a.id}/ballots`, { token: tokens[1].code, marks: marks({ 市住建局: [S, S, S, S], 市教育局: [S, S, S, S] }) })).status, 409);

      const zj = a.results.find((r: any) => r.unitName === '市住建局');
      assert.deepEqual(zj.items.map((i: any) => i.score), [80, 72, 72, 72]);
      assert.deepEqual(zj.counts, { satisfied: 13, basic: 3, dissatisfied: 4 });
      assert.equal(zj.satisfactionRate, 80);
      assert.equal(zj.ballots, 5);

      const dept = await unit.get(`${base}/${a.id}`);
      assert.equal(dept.status, 200);
      assert.deepEqual(dept.body.results.map((r: any) => [r.unitName, r.score, r.rank]), [['市教育局', 92, 1], ['市住建局', 74, 2]]);
      const text = JSON.stringify(dept.body);
      // (委员1 and 委员2 form the appraisal group, which is public; the voters outside it are named nowhere)
      for (const name of ['委员3', '委员4', '企业代表1']) assert.ok(!text.includes(name), `the department's page does not name the voter ${name}`);
      assert.ok(!text.includes(userOf('m0003')), 'nor carries a voter\'s id');
      assert.equal(dept.body.turnout, null);
      assert.equal(dept.body.voteLink, null);
      assert.equal((await unit.get(`${base}/ballots`)).status, 403);
      // and the rows of the marks themselves carry no voter, so no query could tell
      const cols = Object.keys((await w.zx.ctx.db.selectFrom('appraisal_marks').selectAll().limit(1).executeTakeFirstOrThrow()) as object).sort();
      assert.deepEqual(cols, ['appraisal_id', 'choice', 'id', 'item_seq', 'unit_id']);

      const xlsx = await office.request('GET', `${base}/${a.id}/results.xlsx`);
      assert.equal(xlsx.status, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const docx = await office.request('GET', `${base}/${a.id}/report.docx`);
      assert.equal(docx.status, 200);
      assert.match(String(docx.headers['content-type']), /wordprocessingml/);
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      const res = await w.app.inject({ method: 'GET', url: `${base}/${a.id}/results.xlsx`, headers: { cookie: office.cookie } });
      await wb.xlsx.load(res.rawPayload as never);
      const ws = wb.getWorksheet('测评结果')!;
      assert.deepEqual([ws.getRow(2).getCell(2).value, ws.getRow(2).getCell(3).value, ws.getRow(3).getCell(2).value, ws.getRow(3).getCell(3).value], ['市教育局', 92, '市住建局', 74]);
    });

    test('rectification: the items go to the recommendation tracker, each department sees its own; closing', async () => {
      const early = await fire(office, a.id, 'send_rectification', a.version);
      assert.equal(early.status, 409, 'nothing to send yet');
      assert.match(early.body.error.message, /整改事项/);
      const bad = await office.put(`${base}/${a.id}/rectifications`, { version: a.version, items: [{ unitId: unitOf('市交通运输局'), text: '整改', dueWorkingDays: 20 }] });
      assert.equal(bad.body.error.field, 'items.0.unitId');
      const noDays = await office.put(`${base}/${a.id}/rectifications`, { version: a.version, items: [{ unitId: unitOf('市住建局'), text: '整改事项', dueWorkingDays: 0 }] });
      assert.equal(noDays.body.error.field, 'items.0.dueWorkingDays');
      const saved = await office.put(`${base}/${a.id}/rectifications`, {
        version: a.version, items: [
          { unitId: unitOf('市住建局'), text: '提高重点提案面商质量，答复前与提案人充分沟通', dueWorkingDays: 20 },
          { unitId: unitOf('市住建局'), text: '建立提案办理台账，逐件跟踪落实', dueWorkingDays: 30 },
          { unitId: unitOf('市教育局'), text: '加快提案答复中承诺事项的落实', dueWorkingDays: 20 },
        ],
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      a = saved.body;
      assert.equal((await unit.get(`${base}/${a.id}`)).body.rectifications.length, 2, 'a department sees its own rectification items');
      a = (await fire(office, a.id, 'send_rectification', a.version)).body;
      assert.equal(a.state, 'rectifying');
      await drained(w.zx);
      const tracked = await office.get(`/api/recommendations?sourceType=appraisal&sourceId=${a.id}&pageSize=50`);
      assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
      assert.equal(tracked.body.total, 3);
      assert.deepEqual(tracked.body.items.map((x: any) => x.stateLabel), ['待反馈', '待反馈', '待反馈']);
      const theirs = await unit.get(`/api/recommendations?sourceType=appraisal&sourceId=${a.id}&pageSize=50`);
      assert.equal(theirs.body.total, 2, 'the tracker shows the department its own items');

      assert.equal((await fire(office, a.id, 'close', a.version)).body.error.field, 'input.summary');
      a = (await fire(office, a.id, 'close', a.version, { summary: '两部门已制定整改方案，转入建议落实跟踪。' })).body;
      assert.equal(a.state, 'closed');
      assert.deepEqual(a.actions, []);
      assert.deepEqual(a.history.map((h: any) => h.action), ['create', 'setup', 'setup', 'start_self_check', 'self_report', 'visit', 'tokens', 'open_vote', 'publish', 'rectification', 'send_rectification', 'close']);
    });

    test('the figures equal the scenario and their lists; members and departments get none', async () => {
      const f = await office.get(`/api/figures?modules=appraisals&from=${today}&to=${today}`);
      assert.equal(f.status, 200, JSON.stringify(f.body));
      const figs = f.body.groups[0].figures;
      const value = (k: string) => figs.find((x: any) => x.key === k)?.value;
      assert.deepEqual(['held', 'departments', 'votes', 'rectifications', 'rectified'].map((k) => value(`appraisals.${k}`)), [1, 2, 5, 3, 0]);
      for (const fig of figs) {
        const qs = new URLSearchParams({ ...fig.list.query, pageSize: '200' }).toString();
        const list = await office.get(`${fig.list.api}?${qs}`);
        assert.equal(list.status, 200, `${fig.key}: ${JSON.stringify(list.body)}`);
        assert.equal(list.body.total, fig.value, `${fig.key}: its list has as many rows as the figure`);
      }
      const leaderFigs = await leader.get(`/api/figures?modules=appraisals&from=${today}&to=${today}`);
      assert.equal(leaderFigs.body.groups[0].figures.length, 5);
      assert.equal((await member.get(`/api/figures?modules=appraisals&from=${today}&to=${today}`)).body.groups.length, 0);
      assert.equal((await unit.get(`/api/figures?modules=appraisals&from=${today}&to=${today}`)).body.groups.length, 0);

      const stats = await office.get(`${base}/stats?from=${today}&to=${today}`);
      assert.equal(stats.status, 200, JSON.stringify(stats.body));
      assert.deepEqual(stats.body.departments.map((x: any) => [x.unitName, x.appraisals, x.averageScore]), [['市教育局', 1, 92], ['市住建局', 1, 74]]);
      const deptList = await office.get(`${stats.body.departments[1].list.api}?${new URLSearchParams(stats.body.departments[1].list.query)}`);
      assert.deepEqual(deptList.body.items.map((x: any) => [x.unitName, x.score, x.rank]), [['市住建局', 74, 2]]);
      assert.equal((await unit.get(`${base}/stats`)).status, 403);
      assert.ok((await verifyAuditChain(w.zx.ctx.db)).ok, 'the audit chain holds');
    });

    test('the API is documented under supervision, with Chinese summaries', async () => {
      const doc = (await office.get('/api/openapi.json')).body;
      for (const p of [base, `${base}/{id}`, `${base}/{id}/ballots`, `${base}/{id}/report.docx`, '/api/public/appraisals/{id}/ballots']) {
        const ops = Object.values(doc.paths[p] ?? {}) as any[];
        assert.ok(ops.length, `${p} is in OpenAPI`);
        for (const op of ops) assert.match(op.summary, /[\u4e00-\u9fa5]/);
      }
    });
  });
}
