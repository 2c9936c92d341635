// 编期 on SQLite and PostgreSQL: the verified reports are paged, searched (title or text, submitter) and filtered
// (报送单位, 领域, 选题, date, 急报) on the server; each page's total agrees with its filters and with the facets' counts;
// reports chosen on different pages go into one issue; bad paging input is a 400 naming the field.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import { chinaToday, addDays } from '../../../kernel/universal/working-days.ts';
import { makeReport } from './factories.ts';

const body = (s: string) => `${s}。群众反映较多，建议有关部门统筹研究，尽快拿出解决办法，回应群众关切。`;

for (const d of await dialects()) {
  describe(`编期: verified reports paged, searched and filtered (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    /** the verified reports made here: title, submitter, whether urgent */
    const made: Array<{ id: string; title: string; submitter: string; urgent: boolean }> = [];

    let topicId = '';
    before(async () => {
      w = await startWorld(d.kind);
      const today = chinaToday();
      const topic = await (await w.as('editor')).post('/api/opinions/topics', { title: '农村公共服务', description: '征集农村公共服务方面的信息', periodFrom: today, periodTo: addDays(today, 30) });
      assert.equal(topic.status, 201, JSON.stringify(topic.body));
      topicId = topic.body.id;
      const specs: Array<{ title: string; text: string; submitter: string; urgent?: boolean; topic?: boolean }> = [
        { title: '关于老旧小区加装电梯的建议', text: '加装电梯资金分摊难', submitter: 'member' },
        { title: '关于背街小巷路灯维修的建议', text: '夜间出行存在安全隐患', submitter: 'member', urgent: true },
        { title: '关于农村饮水安全的建议', text: '部分村庄水质检测不及时', submitter: 'informant', topic: true },
        { title: '关于中小学课后服务的建议', text: '课后服务内容单一，家长希望增加体育活动', submitter: 'committee' },
        { title: '关于住房公积金提取的建议', text: '老旧小区加装电梯可否使用公积金', submitter: 'unit' },
        { title: '关于城中村改造进度的建议', text: '部分项目拆迁安置进度缓慢', submitter: 'unit', urgent: true },
        { title: '关于社区养老服务的建议', text: '社区日间照料中心利用率不高', submitter: 'office' },
      ];
      for (const s of specs) {
        const r = await makeReport(w, 'verified', { submitter: s.submitter, title: s.title, body: body(s.text), urgent: s.urgent ?? false, topicId: s.topic ? topicId : undefined });
        made.push({ id: r.id, title: s.title, submitter: s.submitter, urgent: !!s.urgent });
      }
      // not verified: never offered for an issue
      await makeReport(w, 'accepted', { submitter: 'member', title: '关于老旧小区停车难的建议', body: body('老旧小区停车位严重不足') });
    });
    after(async () => { await w?.close(); });

    /** every row of a query, page by page, with the total each page reported */
    async function allPages(query: Record<string, string>, pageSize = 2) {
      const editor = await w.as('editor');
      const rows: any[] = [];
      const totals = new Set<number>();
      for (let page = 1; page < 50; page++) {
        const r = await editor.get(`/api/opinions?${new URLSearchParams({ state: 'verified', ...query, page: String(page), pageSize: String(pageSize) })}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        totals.add(r.body.total);
        rows.push(...r.body.items);
        if (r.body.items.length < pageSize) break;
      }
      assert.equal(totals.size, 1, `one total on every page of ${JSON.stringify(query)}`);
      const total = [...totals][0];
      assert.equal(rows.length, total, `the pages of ${JSON.stringify(query)} hold exactly the total`);
      assert.equal(new Set(rows.map((x) => x.id)).size, rows.length, 'no report on two pages');
      return { rows, total };
    }
    const titles = (rows: any[]) => rows.map((r) => r.title).sort();
    const expected = (pred: (m: (typeof made)[number]) => boolean) => made.filter(pred).map((m) => m.title).sort();

    test('all verified reports are paged with one total, and the keyword finds titles, and texts when asked', async () => {
      const all = await allPages({});
      assert.deepEqual(titles(all.rows), expected(() => true));
      assert.equal(all.rows.filter((r) => r.urgent).length, 2);
      // urgent first (急事急报), then the rest
      assert.ok(all.rows.slice(0, 2).every((r) => r.urgent));

      assert.deepEqual(titles((await allPages({ q: '加装电梯' })).rows), expected((m) => m.title.includes('加装电梯')));
      assert.deepEqual(titles((await allPages({ q: '加装电梯', inBody: 'true' })).rows), ['关于住房公积金提取的建议', '关于老旧小区加装电梯的建议']);
      assert.deepEqual(titles((await allPages({ q: '不存在的词语', inBody: 'true' })).rows), []);
    });

    test('the submitter, 报送单位, 领域, 选题, date and 急报 filters narrow the pages, and their totals agree with the facets', async () => {
      const editor = await w.as('editor');
      const clerkName = w.accounts.find((a) => a.username === 'unit') ? (await (await w.as('unit')).get('/api/auth/me')).body.user.displayName : '';
      const bySubmitter = await allPages({ submitter: clerkName.slice(-6) });
      assert.deepEqual(titles(bySubmitter.rows), expected((m) => m.submitter === 'unit'));

      const facets = await editor.get('/api/opinions/facets?state=verified');
      assert.equal(facets.status, 200, JSON.stringify(facets.body));
      const housing = facets.body.units.find((u: any) => u.name === '市住建局');
      assert.ok(housing, `the clerk's unit is a 报送单位: ${JSON.stringify(facets.body.units)}`);
      assert.equal(housing.kind, 'gov_unit');
      assert.equal(housing.count, 2);
      const committee = facets.body.units.find((u: any) => u.name === '农业和农村委员会');
      assert.equal(committee?.count, 1, 'committee staff report in their committee\'s name');
      for (const u of facets.body.units) {
        const page = await allPages({ orgId: u.id });
        assert.equal(page.total, u.count, `the facet ${u.name} opens its ${u.count} reports`);
        assert.ok(page.rows.every((r) => r.submitterOrgName === u.name), `${u.name} is each row's 报送单位`);
      }
      // the 专委会 as a 领域: reports of the committee's members (the world's members sit on 提案委员会)
      const proposalsCommittee = facets.body.committees.find((c: any) => c.name === '提案委员会');
      assert.ok(proposalsCommittee);
      assert.deepEqual(titles((await allPages({ committeeId: proposalsCommittee.id })).rows), expected((m) => m.submitter === 'member'));
      // the 选题 answered
      assert.deepEqual(facets.body.topics.map((x: any) => [x.id, x.name, x.count]), [[topicId, '农村公共服务', 1]]);
      assert.deepEqual(titles((await allPages({ topicId })).rows), ['关于农村饮水安全的建议']);
      // a facet's counts follow the other filters
      const urgentFacets = await editor.get('/api/opinions/facets?state=verified&urgent=true');
      assert.equal(urgentFacets.body.units.find((u: any) => u.name === '市住建局')?.count, 1);

      assert.deepEqual(titles((await allPages({ urgent: 'true' })).rows), expected((m) => m.urgent));
      assert.deepEqual(titles((await allPages({ urgent: 'false' })).rows), expected((m) => !m.urgent));
      assert.deepEqual(titles((await allPages({ urgent: 'true', orgId: housing.id })).rows), ['关于城中村改造进度的建议']);

      const today = chinaToday();
      assert.equal((await allPages({ from: today, to: today })).total, made.length, 'all were submitted today (China time)');
      assert.equal((await allPages({ to: addDays(today, -1) })).total, 0);
      assert.equal((await allPages({ from: addDays(today, 1) })).total, 0);
    });

    test('reports chosen on different pages go into one issue', async () => {
      const editor = await w.as('editor');
      const first = await editor.get('/api/opinions?state=verified&page=1&pageSize=2');
      const third = await editor.get('/api/opinions?state=verified&page=3&pageSize=2');
      const a = first.body.items[0].id, b = third.body.items[1].id, c = third.body.items[0].id;
      const made = await editor.post('/api/opinions/issues', { pieces: [{ kind: 'single', reportIds: [a] }, { kind: 'composite', title: '关于城市更新若干问题的综合反映', reportIds: [b, c] }] });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      assert.deepEqual(made.body.pieces.map((p: any) => p.sources.map((s: any) => s.reportId).sort()), [[a], [b, c].sort()]);
      const left = await allPages({});
      assert.equal(left.total, 4, 'the compiled reports leave the verified list');
      assert.ok(!left.rows.some((r) => [a, b, c].includes(r.id)));
    });

    test('bad paging and filter input is a 400 naming the field', async () => {
      const editor = await w.as('editor');
      for (const [q, field] of [['page=0', 'page'], ['page=abc', 'page'], ['pageSize=0', 'pageSize'], ['pageSize=500', 'pageSize'], ['from=2026-02-30', 'from'], ['urgent=maybe', 'urgent']] as const) {
        const r = await editor.get(`/api/opinions?state=verified&${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.field, field, `${q}: ${JSON.stringify(r.body)}`);
        assert.match(r.body.error.message, /「(页码|每页条数|开始日期|急事急报)」/, q);
      }
      const bad = await editor.get('/api/opinions/facets?state=nothing');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'state');
      assert.equal((await (await w.as('member')).get('/api/opinions/facets?state=verified')).status, 403, 'facets are for editors and leaders');
    });
  });
}
