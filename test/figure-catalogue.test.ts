// The figure catalogue (统计数字目录) over the demo data, on SQLite and PostgreSQL: for every figure GET /api/figures
// returns for 2025 as the proposal office, the research centre (信息编辑), a leader and a member, its list answers as
// many rows as the figure counts (or rows whose field adds up to it); a key shows the same value on every page that
// shows it (the statistics pages, the member record, the directory); each source decides what an actor may see.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from './support/db.ts';
import { startApp, type StartedApp } from './support/fixtures.ts';
import type { Client } from './support/http.ts';
import type { Figure, FiguresResponse } from '../src/kernel/universal/figures.ts';

const YEAR = 2025;

/** Every row of a figure's list, page by page (lists page at most 200 rows). */
async function rowsOf(c: Client, f: Figure): Promise<{ total: number; items: any[] }> {
  assert.ok(f.list, `${f.key} names its list`);
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`${f.list.api}?${new URLSearchParams({ ...f.list.query, page: String(page), pageSize: '200' })}`);
    assert.equal(r.status, 200, `${f.key}: ${JSON.stringify(r.body)}`);
    items.push(...r.body.items);
    // the lists without paging answer every row at once
    if (r.body.pageSize === undefined || items.length >= r.body.total) return { total: r.body.total, items };
  }
}

/** Follow every figure to its list: a count figure's list has exactly `value` rows; a sum figure's rows add up to it. */
async function followAll(c: Client, figures: Figure[]) {
  for (const f of figures) {
    if (f.list?.sum) {
      const { items } = await rowsOf(c, f);
      const sum = Math.round(items.reduce((n, x) => n + Number(x[f.list!.sum!]), 0) * 100) / 100;
      assert.equal(sum, f.value, `${f.key}: its ${f.list.rows} rows' ${f.list.sum} add up to the figure`);
    } else {
      const r = await c.get(`${f.list!.api}?${new URLSearchParams({ ...f.list!.query, pageSize: '1' })}`);
      assert.equal(r.status, 200, `${f.key}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.total, f.value, `${f.key}: the list of its ${f.list!.rows} rows has as many as the figure`);
    }
  }
}

const flat = (r: FiguresResponse) => r.groups.flatMap((g) => g.figures);
const byKey = (figures: Figure[]) => new Map(figures.map((f) => [f.key, f.value]));

for (const d of await dialects()) {
  describe(`figure catalogue (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let office: Client, editor: Client, leader: Client, committee: Client, admin: Client;
    let member: Client, memberId: string, otherId: string;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [office, editor, leader, committee] = await Promise.all(['proposal', 'editor', 'leader', 'committee'].map((u) => s.login(u)));
      admin = await s.login('sysadmin');
      // the member with the most 社情民意 points in the year, who also has proposals
      const dir = (await leader.get(`/api/members?year=${YEAR}&sort=points&pageSize=50`)).body;
      const busy = dir.items.find((m: any) => m.led > 0 && m.reports > 0) ?? dir.items[0];
      memberId = busy.userId;
      otherId = dir.items.find((m: any) => m.userId !== memberId).userId;
      const u = await s.zx.ctx.db.selectFrom('users').select('username').where('id', '=', memberId).executeTakeFirstOrThrow();
      member = await s.login(u.username as string);
    });
    after(async () => { await s?.close(); });

    const figures = async (c: Client, q: string): Promise<FiguresResponse> => {
      const r = await c.get(`/api/figures?${q}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    test('the proposal office sees the proposals figures of 2025, each opening as many rows as it counts, the same as the statistics page', async () => {
      const r = await figures(office, `year=${YEAR}`);
      assert.deepEqual(r.groups.map((g) => g.module), ['proposals', 'members'], 'the office reads the 委员管理 figures (registry.read), not the 社情民意 statistics');
      // a year is its 工作年度's days (decision 0041)
      assert.deepEqual([r.from, r.to, r.year], [`${YEAR - 1}-12-06`, `${YEAR}-12-05`, YEAR]);
      const all = flat(r).filter((f) => f.key.startsWith('proposals.'));
      // in the order the module declares them, each committee's (专委会) figures where their family is declared (decision 0087)
      const decls = s.zx.ctx.figures.modules.find((m) => m.name === 'proposals')!.figures.filter((x) => x.scope === 'organisation');
      const got = all.filter((f) => !f.part);
      assert.deepEqual(got.map((f) => f.key), decls.filter((x) => !x.per).map((x) => x.key));
      const committees = all.filter((f) => f.part);
      assert.deepEqual(all.slice(-committees.length), committees, 'the family is declared last');
      assert.ok(committees.length > 0 && committees.every((f) => f.key === `proposals.committee.${f.part!.id}` && f.label === `${f.part!.name}收到提案`));
      await followAll(office, committees);
      assert.equal(byKey(got).get('proposals.received'), 546, 'the article\'s figures');
      await followAll(office, got);
      const stats = (await office.get(`/api/proposals/stats?year=${YEAR}`)).body;
      const page = byKey([...stats.totals, ...Object.values(stats.replies).filter((x: any) => x?.key), ...Object.values(stats.participation).filter((x: any) => x?.key)] as Figure[]);
      for (const f of got) assert.equal(page.get(f.key), f.value, `${f.key}: the statistics page and the catalogue`);
      const byCommittee = byKey(stats.byCommittee);
      for (const f of committees) assert.equal(byCommittee.get(f.key), f.value, `${f.key}: the statistics page's committee row and the catalogue`);
    });

    test('the research centre sees the 社情民意 figures of 2025, each opening its reports, issues or members, the same as the statistics page', async () => {
      const all = await figures(editor, `year=${YEAR}`);
      // the research centre reads 社情民意, not proposals (other modules' groups are theirs to test)
      assert.ok(all.groups.some((g) => g.module === 'opinions') && !all.groups.some((g) => g.module === 'proposals'), all.groups.map((g) => g.module).join());
      const r = await figures(editor, `year=${YEAR}&modules=opinions`);
      const got = flat(r).filter((f) => !f.part);
      const committees = flat(r).filter((f) => f.part);
      assert.equal(byKey(got).get('opinions.submitted'), 3543);
      assert.ok(got.some((f) => f.list?.sum === 'pieceCount'), '刊发篇目 adds up the pieces of the issues it opens');
      await followAll(editor, got);
      const stats = (await editor.get(`/api/opinions/stats?year=${YEAR}`)).body;
      const page = byKey([...stats.totals, ...stats.members]);
      for (const f of got) assert.equal(page.get(f.key), f.value, `${f.key}: the statistics page and the catalogue`);
      // each committee's (专委会) figures are the statistics' committee rows, each opening its reports (decision 0087)
      const rows = stats.breakdowns.find((b: any) => b.kind === 'committee').rows.flatMap((x: any) => x.figures) as Figure[];
      assert.ok(committees.length > 0 && committees.every((f) => /^opinions\.committee\.[^.]+\.(submitted|accepted|sent_up|adopted)$/.test(f.key)));
      for (const f of committees) assert.equal(byKey(rows).get(f.key), f.value, `${f.key}: the statistics' committee row and the catalogue`);
      await followAll(editor, committees);
      // a period of days other than a year: the 社情民意 figures count by day, the proposals (by session year) have none
      const q = (await figures(leader, 'from=2025-03-01&to=2025-06-30&modules=proposals,opinions'));
      assert.equal(q.year, null);
      assert.deepEqual(q.groups.map((g) => g.module), ['opinions']);
      const part = (await editor.get('/api/opinions/stats?from=2025-03-01&to=2025-06-30')).body;
      assert.equal(byKey(flat(q)).get('opinions.submitted'), byKey(part.totals).get('opinions.submitted'));
      await followAll(editor, flat(q));
    });

    test('a leader sees both modules in manifest order, and may ask for one', async () => {
      const all = await figures(leader, `year=${YEAR}`);
      assert.deepEqual(all.groups.map((g) => g.module).filter((m) => m === 'proposals' || m === 'opinions'), ['proposals', 'opinions']);
      const r = await figures(leader, `year=${YEAR}&modules=proposals,opinions`);
      assert.deepEqual(r.groups.map((g) => g.module), ['proposals', 'opinions']);
      assert.deepEqual(r.groups.map((g) => g.label), ['提案', '社情民意']);
      const only = await figures(leader, `year=${YEAR}&modules=opinions`);
      assert.deepEqual(only.groups.map((g) => g.module), ['opinions']);
      assert.deepEqual(flat(only), r.groups[1].figures);
      for (const f of flat(r)) assert.ok(f.unit.length > 0 && f.label.length > 0, f.key);
      const share = flat(r).find((f) => f.key === 'proposals.filed')!.share!;
      assert.equal(share.of, 'proposals.received');
      assert.equal(share.percent, Math.round((464 / 546) * 1000) / 10);
    });

    test('a member\'s figures: the same in the catalogue, their record and the directory, each opening exactly its records', async () => {
      const mine = await figures(member, `year=${YEAR}&userId=${memberId}&modules=proposals,opinions,consultations,inspections,activities,meetings,studios,charity`);
      assert.deepEqual(mine.groups.map((g) => g.module), ['proposals', 'opinions', 'consultations', 'inspections', 'activities', 'meetings', 'studios', 'charity']);
      assert.ok(flat(mine).every((f) => /^(proposals|opinions|consultations|inspections|activities|meetings|studios|charity)\.member\./.test(f.key)));
      await followAll(member, flat(mine));
      // the record shows the catalogue's figures, and staff see the same values
      const record = (await member.get(`/api/members/me/record?year=${YEAR}`)).body;
      assert.deepEqual(record.figures, flat(mine));
      const staffView = await figures(leader, `year=${YEAR}&userId=${memberId}&modules=proposals,opinions,consultations,inspections,activities,meetings,studios,charity`);
      assert.deepEqual(byKey(flat(staffView)), byKey(flat(mine)));
      await followAll(leader, flat(staffView));
      // committee staff read members' records (委员履职) without reading every proposal: they see the figures and their lists
      const committeeView = await figures(committee, `year=${YEAR}&userId=${memberId}&modules=proposals,opinions,consultations,inspections,activities,meetings,studios,charity`);
      assert.deepEqual(byKey(flat(committeeView)), byKey(flat(mine)));
      await followAll(committee, flat(committeeView));
      const row = (await leader.get(`/api/members?year=${YEAR}&pageSize=200&sort=points`)).body.items.find((m: any) => m.userId === memberId);
      const v = byKey(flat(mine));
      assert.deepEqual([row.led, row.cosigned, row.merged, row.reports, row.accepted, row.adopted, row.instructed, row.points],
        ['proposals.member.led', 'proposals.member.cosigned', 'proposals.member.merged', 'opinions.member.submitted', 'opinions.member.accepted',
          'opinions.member.adopted', 'opinions.member.instructed', 'opinions.member.points'].map((k) => v.get(k)));
      assert.ok(v.get('proposals.member.led')! > 0 && v.get('opinions.member.submitted')! > 0, 'the scenario has something to count');
    });

    test('each source decides: a member sees no organisation figures and not another member\'s, nor their lists', async () => {
      assert.deepEqual((await figures(member, `year=${YEAR}`)).groups, []);
      assert.deepEqual((await figures(member, `year=${YEAR}&userId=${otherId}`)).groups, []);
      const theirs = flat(await figures(leader, `year=${YEAR}&userId=${otherId}`));
      for (const f of theirs) assert.equal((await member.get(`${f.list!.api}?${new URLSearchParams(f.list!.query)}`)).status, 403, f.key);
      assert.deepEqual((await figures(admin, `year=${YEAR}`)).groups, [], 'an administrator sees no business figures (三员分立)');
    });

    test('bad queries are 400 naming the field; the route is in OpenAPI', async () => {
      for (const [q, field] of [['year=2025&from=2025-01-01&to=2025-02-01', 'from'], ['from=2025-03-01', 'to'], ['from=2025-05-01&to=2025-04-01', 'from'],
        ['modules=nosuch', 'modules'], ['year=1800', 'year'], ['from=2025-1-1&to=2025-02-01', 'from']] as const) {
        const r = await leader.get(`/api/figures?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'VALIDATION_FAILED', q);
        assert.equal(r.body.error.field, field, q);
      }
      const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      assert.ok(doc.paths['/api/figures']?.get, 'GET /api/figures');
      assert.ok(doc.paths['/api/proposals/members/{userId}']?.get && doc.paths['/api/opinions/members/{userId}']?.get);
    });
  });
}
