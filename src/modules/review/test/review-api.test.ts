// The dashboard (领导驾驶舱) and the annual review (工作回眸) over the demo data, on SQLite and PostgreSQL: the 2025 review
// holds the seed article's proposal and 社情民意 figures, every figure opens a list of as many records as it counts, the
// year-on-year change is last year's value of the same key, the office edits the wording (figures stay live, a written
// number or an unknown placeholder is a 400 naming the section, a stale version a 409) and downloads it as Word, the
// document runs 起草 → 审定 → 发布, who may read what, and the cached figures follow a change at once.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { Counties, Dashboard, ReviewDocument, ReviewFigures, YearFigure } from '../contract.ts';
import { linksOf, monthPeriods } from '../server/year-figures.ts';

const YEAR = 2025;

/** A figure's list agrees with it: its total (or its rows' `sum` field) is the figure's value. */
async function followLink(c: Client, f: Pick<YearFigure, 'key' | 'value' | 'link'> & { list?: YearFigure['list'] }) {
  assert.ok(f.link, `${f.key} links to its records`);
  const sep = f.link.includes('?') ? '&' : '?';
  if (f.list?.sum) {
    const items: any[] = [];
    for (let page = 1; ; page++) {
      const r = await c.get(`${f.link}${sep}page=${page}&pageSize=200`);
      assert.equal(r.status, 200, `${f.key}: ${JSON.stringify(r.body)}`);
      items.push(...r.body.items);
      if (r.body.pageSize === undefined || items.length >= r.body.total) break;
    }
    const sum = Math.round(items.reduce((n, x) => n + Number(x[f.list!.sum!]), 0) * 100) / 100;
    assert.equal(sum, f.value, `${f.key}: its rows add up to the figure`);
    return;
  }
  const r = await c.get(`${f.link}${sep}pageSize=1`);
  assert.equal(r.status, 200, `${f.key}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.total, f.value, `${f.key}: its list has as many records as the figure counts`);
}

for (const d of await dialects()) {
  describe(`领导驾驶舱与工作回眸 (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let leader: Client, secgen: Client, office: Client, proposal: Client, member: Client, countystaff: Client, sysadmin: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [leader, secgen, office, proposal, member, countystaff, sysadmin] = await Promise.all(['leader', 'secgen', 'office', 'proposal', 'member', 'countystaff', 'sysadmin'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('GET /api/review?year=2025 answers a leader the seed article\'s figures, each opening a list of as many records', async () => {
      const r = await leader.get(`/api/review?year=${YEAR}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const body = r.body as ReviewFigures;
      assert.equal(body.year, YEAR);
      const v = new Map(body.figures.map((f) => [f.key, f]));
      // the article: 546 proposals received, 464 filed, 46 key; 3,543 社情民意 reports
      assert.equal(v.get('proposals.received')?.value, 546);
      assert.equal(v.get('proposals.filed')?.value, 464);
      assert.equal(v.get('proposals.key')?.value, 46);
      assert.equal(v.get('opinions.submitted')?.value, 3543);
      // 86 issues with 99 pieces, 963 reported upward and 165 adopted, 56.9% of members with a report adopted
      assert.deepEqual(['issues', 'pieces', 'sent_up', 'adopted'].map((k) => v.get(`opinions.${k}`)?.value), [86, 99, 963, 165]);
      assert.equal(v.get('opinions.members_adopted')?.share?.percent, 56.9);
      for (const f of body.figures) {
        assert.ok(f.label && f.unit, `${f.key} has a label and a unit`);
        await followLink(leader, f);
      }
      // the office's layout: proposals and 社情民意 under 参政议政, the members' participation under 委员工作
      assert.equal(v.get('proposals.filed')?.section, 'advise');
      assert.equal(v.get('proposals.participants')?.section, 'members');
      assert.equal(v.get('opinions.members_adopted')?.sectionHeading, '委员工作');
    });

    test('the dashboard compares the year with the last by module, flags what is late, and every figure opens its records', async () => {
      const now = (await leader.get(`/api/dashboard?year=${YEAR}`)).body as Dashboard;
      const last = (await leader.get(`/api/review?year=${YEAR - 1}`)).body as ReviewFigures;
      // by module in the catalogue's order (the modules that declare figures and answer this leader)
      const names = now.modules.map((m) => m.module);
      assert.ok(names.indexOf('proposals') >= 0 && names.indexOf('proposals') < names.indexOf('opinions'), names.join());
      const prev = new Map(last.figures.map((f) => [f.key, f.value]));
      for (const f of now.modules.flatMap((m) => m.figures)) {
        assert.equal(f.previous, prev.get(f.key) ?? null, `${f.key}: last year's value of the same key`);
        if (f.previous !== null) assert.equal(f.change, Math.round((f.value - f.previous) * 100) / 100);
      }
      // 需关注: the figures the proposals module declares as late, when not 0, and nothing else
      const flagged = s.zx.ctx.figures.modules.flatMap((m) => m.figures.filter((x) => x.attention).map((x) => x.key));
      assert.ok(flagged.includes('proposals.overdue') && flagged.includes('proposals.late'));
      assert.deepEqual(now.attention.map((f) => f.key), now.modules.flatMap((m) => m.figures).filter((f) => flagged.includes(f.key) && f.value !== 0).map((f) => f.key));
      for (const f of now.attention) await followLink(leader, f);
      // the counties are the city's, the city first
      assert.equal(now.organisations.length, 13);
      assert.equal(now.organisations[0].id, now.organisation.id);
    });

    test('the trends ask the catalogue month by month: 社情民意 answer per month, each month opening its records; proposals count by year only', async () => {
      const r = await leader.get(`/api/dashboard/trends?year=${YEAR}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.months.length, 12);
      const submitted = r.body.series.find((x: any) => x.key === 'opinions.submitted');
      assert.ok(submitted, 'the 社情民意 received month by month');
      assert.ok(!r.body.series.some((x: any) => x.module === 'proposals'), 'proposals belong to their session year');
      assert.ok(submitted.values.some((n: number) => n > 0));
      for (let i = 0; i < 12; i++) {
        if (!submitted.links[i]) continue;
        await followLink(leader, { key: `opinions.submitted@${r.body.months[i]}`, value: submitted.values[i], link: submitted.links[i] });
      }
      const some = await leader.get(`/api/dashboard/trends?year=${YEAR}&keys=opinions.adopted`);
      assert.deepEqual(some.body.series.map((x: any) => x.key), ['opinions.adopted']);
      assert.equal((await leader.get('/api/dashboard/trends?keys=Bad%20Key')).body.error.field, 'keys');
    });

    test('the twelve months counted together: every figure of every month is what the catalogue answers for that month alone, with the same list', async () => {
      const dash = (await leader.get(`/api/dashboard?year=${YEAR}`)).body as Dashboard;
      const months = monthPeriods(YEAR, dash.from, dash.to);
      const alone = await Promise.all(months.map(async (p) => {
        const r = await leader.get(`/api/figures?from=${p.from}&to=${p.to}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return new Map((r.body.groups as any[]).flatMap((g) => g.figures).map((f: any) => [f.key, f]));
      }));
      const keys = [...new Set(alone.flatMap((m) => [...m.keys()]))];
      // a module counting its months together (opinions, consultations, platforms, recommendations) and modules asked month by month (activities, inspections)
      for (const k of ['opinions.submitted', 'opinions.members_submitted', 'consultations.participations', 'consultations.plan_items', 'platforms.activities', 'recommendations.received', 'activities.total', 'inspections.investigations_held']) {
        assert.ok(keys.includes(k), `${k} answers for a month`);
      }
      // the keys asked in batches (the query names at most 1,000 characters of keys)
      const batches: string[][] = [[]];
      for (const k of keys) {
        if ([...batches.at(-1)!, k].join(',').length > 1000) batches.push([]);
        batches.at(-1)!.push(k);
      }
      const all: any[] = [];
      let months12: string[] = [];
      for (const b of batches) {
        const r = await leader.get(`/api/dashboard/trends?year=${YEAR}&keys=${b.join(',')}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        all.push(...r.body.series);
        months12 = r.body.months;
      }
      assert.deepEqual(all.map((x: any) => x.key).sort(), [...keys].sort());
      const r = { body: { series: all, months: months12 } };
      let nonzero = 0;
      for (const series of r.body.series) {
        for (let i = 0; i < 12; i++) {
          const f = alone[i].get(series.key);
          assert.equal(series.values[i], f?.value ?? null, `${series.key} in ${r.body.months[i]}`);
          assert.equal(series.links[i], f ? linksOf(f).link : null, `${series.key} in ${r.body.months[i]}: the same list`);
          if (f?.value) nonzero++;
        }
      }
      assert.ok(nonzero > 20, `months with records: ${nonzero}`);
    });

    test('the CPPCCs side by side: the city and each county in columns, every cell opening that county\'s list of as many records', async () => {
      const r = await leader.get(`/api/dashboard/counties?year=${YEAR}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const c = r.body as Counties;
      assert.equal(c.rows.length, 13);
      assert.equal(c.organisations[0].name, '长治市政协');
      const city = c.rows[0];
      assert.equal(city.values['proposals.received'].value, 546);
      assert.match(city.values['proposals.received'].page ?? '', /^\/proposals\?/, 'the city\'s own cells open its list page');
      // the figures in the catalogue's declared order, each with its module
      const declared = s.zx.ctx.figures.modules.flatMap((m) => m.figures.map((f) => f.key));
      const order = c.figures.map((f) => declared.indexOf(f.key));
      assert.deepEqual(order, [...order].sort((a, b) => a - b));
      assert.ok(c.figures.every((f) => f.moduleLabel), 'each figure names its module');
      const counties = c.rows.slice(1);
      const filled = counties.filter((row) => Object.keys(row.values).length > 0);
      assert.ok(filled.length >= 10, `counties with figures: ${filled.map((x) => x.organisation.name).join()}`);
      // a county's figure is the county's, not the city's: 潞州区's own proposal staff count the same
      const luzhou = c.rows.find((x) => x.organisation.name.includes('潞州区'))!;
      const own = (await countystaff.get(`/api/figures?year=${YEAR}&modules=proposals`)).body.groups[0]?.figures ?? [];
      for (const f of own as Array<{ key: string; value: number }>) assert.equal(luzhou.values[f.key]?.value, f.value, `潞州区 ${f.key}`);
      // every cell opens that county's list with as many records as it counts: all of three counties' cells, a few of
      // every other county's (each cell is a list read through the server)
      let cells = 0;
      const whole = new Set(counties.filter((row) => /潞州区|上党区|沁源县/.test(row.organisation.name)).map((row) => row.organisation.id));
      assert.equal(whole.size, 3);
      for (const row of counties) {
        // the county's dashboard for the city: the same figures, the same links
        const dash = (await leader.get(`/api/dashboard?year=${YEAR}&org=${row.organisation.id}`)).body as Dashboard;
        const tiles = new Map(dash.modules.flatMap((m) => m.figures).map((f) => [f.key, f]));
        for (const [key, v] of Object.entries(row.values).filter((_, i) => whole.has(row.organisation.id) || i % 8 === 0)) {
          assert.equal(v.page, null, `${row.organisation.name} ${key}: no list page shows another CPPCC`);
          assert.match(v.link ?? '', /^\/api\/dashboard\/records\?/);
          const tile = tiles.get(key);
          assert.equal(tile?.value, v.value, `${row.organisation.name} ${key}: the dashboard agrees`);
          assert.equal(tile?.link, v.link);
          await followLink(leader, { key: `${row.organisation.name} ${key}`, value: v.value, link: v.link, list: tile?.list });
          cells++;
        }
      }
      assert.ok(cells > 100, `cells followed: ${cells}`);
    });

    test('a county\'s list opens only behind its figures, only for a CPPCC the reader may see; a county leader sees only theirs', async () => {
      const c = (await leader.get(`/api/dashboard/counties?year=${YEAR}`)).body as Counties;
      const luzhou = c.rows.find((x) => x.organisation.name.includes('潞州区'))!;
      const [key, cell] = Object.entries(luzhou.values).find(([, v]) => v.value > 0)!;
      const link = new URLSearchParams(cell.link!.split('?')[1]).get('link')!;
      // a list no figure names, or a figure's list with other conditions
      for (const other of ['/api/admin/users', `${link}&extra=1`]) {
        const r = await leader.get(`/api/dashboard/records?${new URLSearchParams({ org: luzhou.organisation.id, link: other })}`);
        assert.equal(r.status, 404, `${other}: ${JSON.stringify(r.body)}`);
      }
      const bad = await leader.get(`/api/dashboard/records?${new URLSearchParams({ org: luzhou.organisation.id, link: 'users' })}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'link');
      // the county's own leader: their CPPCC only, the same figures, opening their own lists
      const countylead = await s.login('countylead');
      const mine = (await countylead.get(`/api/dashboard/counties?year=${YEAR}`)).body as Counties;
      assert.deepEqual(mine.rows.map((x) => x.organisation.id), [luzhou.organisation.id]);
      assert.equal(mine.rows[0].values[key].value, cell.value);
      assert.ok(mine.rows[0].values[key].link && !mine.rows[0].values[key].link!.startsWith('/api/dashboard/records'), 'their own list, directly');
      const cityId = c.organisations[0].id;
      assert.equal((await countylead.get(`/api/dashboard/counties?year=${YEAR}`)).body.organisations.length, 1);
      assert.equal((await countylead.get(`/api/dashboard?year=${YEAR}&org=${cityId}`)).status, 404, 'a county does not see the city');
      const up = await countylead.get(`/api/dashboard/records?${new URLSearchParams({ org: cityId, link })}`);
      assert.equal(up.status, 404);
      // a client cannot read as another CPPCC by sending the server's own header
      const forged = await countylead.request('GET', link, undefined, { 'x-zx-county-view': 'guess' });
      const direct = await countylead.get(link);
      assert.equal(forged.body.total, direct.body.total);
      // the dashboard of a county for the city: the county's figures, each opening the county's list
      const dash = (await leader.get(`/api/dashboard?year=${YEAR}&org=${luzhou.organisation.id}`)).body as Dashboard;
      const tile = dash.modules.flatMap((m) => m.figures).find((f) => f.key === key)!;
      assert.equal(tile.value, cell.value);
      await followLink(leader, tile);
    });

    test('the CPPCCs side by side as an Excel workbook: a column per CPPCC, a row per figure', async () => {
      const r = await s.app.inject({ method: 'GET', url: `/api/dashboard/counties.xlsx?year=${YEAR}`, headers: { cookie: leader.cookie } });
      assert.equal(r.statusCode, 200);
      assert.match(String(r.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as any);
      const ws = wb.worksheets[0];
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      assert.deepEqual(header.slice(0, 4), ['模块', '统计数字', '单位', '长治市政协']);
      assert.equal(header.length, 3 + 13);
      const c = (await leader.get(`/api/dashboard/counties?year=${YEAR}`)).body as Counties;
      const rowOf = (label: string) => ws.getRows(2, ws.rowCount - 1)!.find((x) => x.getCell(2).value === label)!;
      const received = c.figures.find((f) => f.key === 'proposals.received')!;
      assert.equal(rowOf(received.label).getCell(4).value, 546);
      const luzhouCol = header.findIndex((h) => String(h).includes('潞州区')) + 1;
      const luzhou = c.rows.find((x) => x.organisation.name.includes('潞州区'))!;
      assert.equal(rowOf(received.label).getCell(luzhouCol).value ?? null, luzhou.values['proposals.received']?.value ?? null);
    });

    test('the routes are in the OpenAPI document with Chinese summaries', async () => {
      const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const [path, method] of [['/api/dashboard', 'get'], ['/api/dashboard/trends', 'get'], ['/api/dashboard/counties', 'get'], ['/api/dashboard/counties.xlsx', 'get'], ['/api/dashboard/records', 'get'], ['/api/review', 'get'],
        ['/api/review/document', 'get'], ['/api/review/document', 'put'], ['/api/review/document.docx', 'get'], ['/api/review/documents/{id}/transitions', 'post']]) {
        assert.match(doc.paths[path]?.[method]?.summary ?? '', /[\u4e00-\u9fff]/, `${method} ${path}`);
      }
    });

    test('who may read: leaders and the office; not members, a county\'s proposal staff or the administrators; an unknown CPPCC is not found', async () => {
      for (const c of [member, countystaff, sysadmin]) {
        for (const url of ['/api/dashboard', `/api/review?year=${YEAR}`, `/api/review/document?year=${YEAR}`, '/api/dashboard/counties']) {
          const r = await c.get(url);
          assert.equal(r.status, 403, `${c.username} ${url}`);
        }
      }
      assert.equal((await leader.get(`/api/review?year=${YEAR}&org=no-such-org`)).status, 404);
      assert.equal((await leader.get('/api/review?year=1800')).body.error.field, 'year');
      // the office writes the review, so it reads every module's figures as the leaders do (it holds their read-all
      // rights): the same proposals and 社情民意 figures, each opening its list for the office too
      const o = (await office.get(`/api/review?year=${YEAR}`)).body as ReviewFigures;
      const l = (await leader.get(`/api/review?year=${YEAR}`)).body as ReviewFigures;
      const ofModules = (r: ReviewFigures) => r.figures.filter((f) => f.module === 'proposals' || f.module === 'opinions').map((f) => [f.key, f.value]);
      assert.ok(ofModules(o).length > 0);
      assert.deepEqual(ofModules(o), ofModules(l));
      const received = o.figures.find((f) => f.key === 'proposals.received')!;
      const list = await office.get(`${received.link}&pageSize=1`);
      assert.equal(list.status, 200);
      assert.equal(list.body.total, received.value);
      // the proposal staff do not read the dashboard (review.read is the office's and the leaders')
      assert.equal((await proposal.get('/api/dashboard')).status, 403);
    });

    test('each section lists the notable records its modules offer, each opening its record; the office sets how many of each kind', async () => {
      const doc = (await secgen.get(`/api/review/document?year=${YEAR}`)).body as ReviewDocument;
      const of = (code: string) => doc.sections.find((x) => x.code === code)!.highlights;
      // 参政议政: the year's key proposals (46 in the demo, five shown by default) and the reports a leader instructed on
      const advise = of('advise');
      const keys = advise.filter((h) => h.key === 'proposals.key');
      assert.equal(keys.length, 5, JSON.stringify(advise));
      assert.ok(advise.some((h) => h.key === 'opinions.instructions' && /领导批示/.test(h.outcome)), JSON.stringify(advise));
      // 民主监督: implemented recommendations
      assert.ok(of('supervise').every((h) => h.key.startsWith('recommendations.')));
      for (const h of keys) {
        const id = h.link.replace('/proposals/', '');
        const p = await secgen.get(`/api/proposals/${id}`);
        assert.equal(p.status, 200);
        assert.equal(p.body.isKey, true, `${h.title} is a key proposal`);
        assert.equal(p.body.year, YEAR);
        assert.equal(p.body.title, h.title);
      }
      const instructed = advise.find((h) => h.key === 'opinions.instructions')!;
      const report = await secgen.get(`/api/opinions/${instructed.link.replace('/opinions/', '')}`);
      assert.equal(report.status, 200);
      assert.equal(report.body.title, instructed.title);

      // the office asks for two of each kind; 0 lists none; a bad number is a 400 naming the setting
      const url = '/api/admin/settings/review.highlightsPerKind';
      const cur = await sysadmin.get(url);
      assert.equal(cur.body.value, 5);
      assert.equal((await sysadmin.put(url, { value: -1, version: cur.body.version ?? 0 })).status, 400);
      const set = await sysadmin.put(url, { value: 2, version: cur.body.version ?? 0 });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const two = (await secgen.get(`/api/review/document?year=${YEAR}`)).body as ReviewDocument;
      assert.equal(two.sections.find((x) => x.code === 'advise')!.highlights.filter((h) => h.key === 'proposals.key').length, 2);
      const none = await sysadmin.put(url, { value: 0, version: set.body.version });
      assert.equal(none.status, 200, JSON.stringify(none.body));
      const zero = (await secgen.get(`/api/review/document?year=${YEAR}`)).body as ReviewDocument;
      assert.ok(zero.sections.every((x) => x.highlights.length === 0));
      await sysadmin.put(url, { value: 5, version: none.body.version });
    });

    test('the office writes the wording around live figures, saves under its version, and a number cannot be typed in', async () => {
      let doc = (await secgen.get(`/api/review/document?year=${YEAR}`)).body as ReviewDocument;
      assert.equal(doc.version, 0);
      assert.equal(doc.state, 'draft');
      // in the order of the CPPCC's duties, then 其他工作 for figures no section claims
      assert.deepEqual(doc.sections.map((x) => x.heading).slice(0, 5), ['协商议政', '民主监督', '参政议政', '委员工作', '自身建设']);
      assert.ok(doc.sections.slice(5).every((x) => x.code === 'other' && x.figures.length > 0));
      const advise = doc.sections.find((x) => x.code === 'advise')!;
      const rendered = advise.pieces.map((p) => p.text).join('');
      assert.ok(rendered.includes('收到提案546件'), rendered);
      assert.ok(rendered.includes('立案464件'));
      const piece = advise.pieces.find((p: any) => p.key === 'proposals.received') as any;
      assert.ok(piece.link, 'a figure in the text links to its records');
      assert.equal(advise.figures.find((f) => f.key === 'proposals.key')?.value, 46);
      // the consultation and supervision modules' figures are in their duties' sections, not in 其他工作
      const consult = doc.sections.find((x) => x.code === 'consult')!;
      assert.ok(consult.figures.some((f) => f.key === 'platforms.platforms') && consult.figures.some((f) => f.key === 'consultations.held'), JSON.stringify(consult.figures.map((f) => f.key)));
      assert.ok(doc.sections.find((x) => x.code === 'supervise')!.figures.some((f) => f.key === 'recommendations.received'));
      // the article's grassroots figures, in the default wording
      assert.match(consult.pieces.map((p) => p.text).join(''), /协商平台2311个，开展协商活动1402次，形成协商成果\d+项，推动落实513项/);
      assert.ok(!doc.sections.some((x) => x.code === 'other' && x.figures.some((f) => /^(consultations|platforms|recommendations)\./.test(f.key))));

      const wording = Object.fromEntries(doc.sections.map((x) => [x.code, x.wording]));
      const typed = await secgen.put('/api/review/document', { year: YEAR, version: 0, title: doc.title, wording: { ...wording, advise: '全年共收到提案546件。' } });
      assert.equal(typed.status, 400);
      assert.equal(typed.body.error.field, 'wording.advise');
      assert.match(typed.body.error.message, /参政议政/);
      const unknown = await secgen.put('/api/review/document', { year: YEAR, version: 0, title: doc.title, wording: { ...wording, consult: '{nothing.here}' } });
      assert.equal(unknown.body.error.field, 'wording.consult');
      assert.equal((await leader.put('/api/review/document', { year: YEAR, version: 0, title: doc.title, wording })).status, 403, 'a leader approves, the office writes');

      const text = '本年度立案{proposals.filed}，{proposals.filed|change}；重点提案{proposals.key}。';
      const saved = await secgen.put('/api/review/document', { year: YEAR, version: 0, title: '长治市政协2025年度工作回眸', wording: { ...wording, advise: text } });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      doc = saved.body;
      assert.equal(doc.version, 1);
      assert.equal(doc.sections.find((x) => x.code === 'advise')!.wording, text, 'the placeholders are stored, not the numbers');
      const line = doc.sections.find((x) => x.code === 'advise')!.pieces.map((p) => p.text).join('');
      assert.match(line, /^本年度立案464件，(较上年(增加|减少)\d+件|与上年持平|无上年数据)；重点提案46件。$/);
      assert.equal((await secgen.put('/api/review/document', { year: YEAR, version: 0, title: doc.title, wording })).status, 409, 'a stale version');
      assert.equal((await secgen.put('/api/review/document', { year: YEAR, version: 1, title: 'x', wording })).body.error.field, 'title');

      // Word in the official layout, its text holding the live figures
      const r = await s.app.inject({ method: 'GET', url: `/api/review/document.docx?year=${YEAR}`, headers: { cookie: secgen.cookie } });
      assert.equal(r.statusCode, 200, r.payload.slice(0, 200));
      const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
      const words = xml.replace(/<[^>]+>/g, '');
      assert.ok(words.includes('长治市政协2025年度工作回眸'));
      assert.ok(words.includes('本年度立案464件'), 'the wording with its figure');
      assert.ok(words.includes('收到信息3543篇'), 'the section\'s figures');
      assert.ok(words.indexOf('协商议政') < words.indexOf('参政议政') && words.indexOf('参政议政') < words.indexOf('自身建设'));
    });

    test('the review runs 起草 → 送审定 → (退回修改) → 审定 → 发布, the leaders and then the office finding it on their worklists', async () => {
      let doc = (await secgen.get(`/api/review/document?year=${YEAR}`)).body as ReviewDocument;
      assert.ok(doc.id, 'saved by the previous test');
      const fire = (c: Client, action: string, input: Record<string, unknown> = {}) => c.post(`/api/review/documents/${doc.id}/transitions`, { action, version: doc.version, input });
      assert.deepEqual(doc.actions.map((a) => a.name), ['submit']);
      doc = (await fire(secgen, 'submit')).body;
      assert.equal(doc.state, 'submitted');
      assert.equal(doc.canEdit, false);
      assert.equal((await secgen.put('/api/review/document', { year: YEAR, version: doc.version, title: doc.title, wording: {} })).status, 403, 'no edits while the leaders decide');
      const tasks = await leader.get('/api/worklist?pageSize=200');
      assert.ok(JSON.stringify(tasks.body).includes(doc.id!), 'the leaders are asked to approve');
      // the work item's link opens this document, whatever year the page would open on
      const linked = await leader.get(`/api/review/document?doc=${doc.id}`);
      assert.equal(linked.status, 200, JSON.stringify(linked.body));
      assert.deepEqual([linked.body.id, linked.body.year, linked.body.actions.map((a: any) => a.name)], [doc.id, YEAR, ['approve', 'return']]);
      assert.equal((await leader.get('/api/review/document?doc=nope')).status, 404);
      const noReason = await fire(leader, 'return');
      assert.equal(noReason.status, 400);
      doc = (await fire(leader, 'return', { reason: '请补充委员工作' })).body;
      assert.equal(doc.state, 'draft');
      assert.equal(doc.returnReason, '请补充委员工作');
      // back in the office's hands: the wording may be edited again, under the version it read
      const wording = Object.fromEntries(doc.sections.map((x) => [x.code, x.wording]));
      const edited = await secgen.put('/api/review/document', { year: YEAR, version: doc.version, title: doc.title, wording: { ...wording, members: '提交提案的委员{proposals.participants}。' } });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      doc = edited.body;
      assert.match(doc.sections.find((x) => x.code === 'members')!.pieces.map((p) => p.text).join(''), /^提交提案的委员\d+人。$/);
      doc = (await fire(secgen, 'submit')).body;
      assert.equal((await fire(office, 'approve')).status, 403, 'the office does not approve');
      doc = (await fire(leader, 'approve')).body;
      assert.equal(doc.state, 'approved');
      doc = (await fire(secgen, 'publish')).body;
      assert.equal(doc.state, 'published');
      assert.deepEqual(doc.actions, []);
      assert.deepEqual(doc.history.map((h) => h.action), ['create', 'submit', 'return', 'edit', 'submit', 'approve', 'publish']);
      assert.equal((await fire(secgen, 'publish')).status, 409, 'a stale version');
    });

    test('the cached figures follow a change at once: a member\'s new report is counted and its list agrees', async () => {
      const today = clock.today();
      const years = [...new Set([Number(today.slice(0, 4)), (await leader.get('/api/dashboard')).body.year as number])];
      const value = async (y: number) => {
        const dash = (await leader.get(`/api/dashboard?year=${y}`)).body as Dashboard;
        return dash.modules.flatMap((m) => m.figures).find((f) => f.key === 'opinions.submitted')!;
      };
      const before = await Promise.all(years.map(value));
      // a second read comes from the cache
      await Promise.all(years.map(value));
      const created = await member.post('/api/opinions', { title: '关于社区养老服务的建议', body: '社区养老服务设施不足，建议加大投入。', urgent: false, attachmentIds: [] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const after = await Promise.all(years.map(value));
      const grew = after.reduce((n, f, i) => n + f.value - before[i].value, 0);
      assert.ok(grew >= 1, 'the new report is counted without waiting for the cache to expire');
      for (const f of after) await followLink(leader, f);
    });
  });
}
