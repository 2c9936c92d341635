// The 委员工作室 API through the real server on SQLite and PostgreSQL: the demo year's figures are the article's and
// each equals its list; the finance studio's convener records a need, an offer and a loan (the figures rise, the need
// turns 已放贷, a stale need version is a 409); the parties of a mediation case are seen only by the studio's members
// and the office; bad input is a 400 naming the field in Chinese; a stale studio edit is a 409; members' own figures.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { studioSeedFigures as F } from '../server/seed.ts';

for (const d of await dialects()) {
  describe(`委员工作室 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    // member convenes the finance studio; m0001 convenes the legal one; m0002 is a member of the legal one
    let member: Client, m0001: Client, m0002: Client, m0100: Client, office: Client, leader: Client, county: Client, sysadmin: Client;
    let studios: any[];
    const byKind = (k: string) => studios.find((x) => x.kind === k);

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, m0001, m0002, m0100, office, leader, county, sysadmin] = await Promise.all(['member', 'm0001', 'm0002', 'm0100', 'office', 'leader', 'county', 'sysadmin'].map((u) => s.login(u)));
      studios = (await office.get('/api/studios?pageSize=50')).body.items;
    });
    after(async () => { await s?.close(); });

    /** Every row of a list (pages of 200). */
    const all = async (c: Client, api: string, query: Record<string, string>) => {
      const rows: any[] = [];
      for (let p = 1; ; p++) {
        const r = await c.get(`${api}?${new URLSearchParams({ ...query, page: String(p), pageSize: '200' })}`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        rows.push(...r.body.items);
        if (rows.length >= r.body.total || r.body.items.length === 0) return rows;
      }
    };

    test('the demo: five studios; the 2025 figures are the article\'s, and each equals its list', async () => {
      assert.deepEqual(studios.map((x) => x.kind).sort(), ['chamber', 'devzone', 'finance', 'legal', 'university']);
      const r = await office.get(`/api/figures?year=${F.year}&modules=studios`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups[0].figures;
      const v = Object.fromEntries(figures.map((f: any) => [f.key, f.value]));
      assert.equal(v['studios.loans'], 2065);
      assert.equal(v['studios.loan_amount'], 260_200, '26.02 亿元 in 万元');
      assert.equal(v['studios.projects'], 77);
      assert.equal(v['studios.project_amount'], 2_130_000, '213 亿元 in 万元');
      assert.equal(v['studios.cases_success'], 6, '成功调解6起民事纠纷');
      assert.equal(v['studios.cases'], F.cases);
      for (const f of figures) {
        if (!f.list.sum) {
          const l = await office.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
          assert.equal(l.body.total, f.value, f.key);
        } else {
          // an amount: the exact sum of the rows' whole 元, in 万元
          const rows = await all(office, f.list.api, f.list.query);
          const yuan = rows.reduce((a, x) => a + x.amountYuan, 0);
          assert.ok(rows.every((x) => Number.isInteger(x.amountYuan)));
          assert.equal(yuan / 10_000, f.value, f.key);
        }
      }
      const loans = await office.get(`/api/studios/loans?from=${F.year}-01-01&pageSize=1`);
      assert.match(loans.body.items[0].amountText, /万元|亿元/);
      assert.deepEqual((await member.get(`/api/figures?year=${F.year}&modules=studios`)).body.groups, [], 'a member reads no organisation figures');
    });

    test('the finance studio\'s convener records a need, an offer and a loan; the figures rise and the list shows the loan', async () => {
      const fin = byKind('finance');
      const before = (await member.get(`/api/studios/${fin.id}`)).body;
      assert.equal(before.convenerUserId, fin.convenerUserId);
      assert.ok(before.actions.some((a: any) => a.name === 'loan'), JSON.stringify(before.actions));
      const figure = (dt: any, k: string) => dt.figures.find((f: any) => f.key === k).value;
      const today = clock.today();

      const need = await member.post(`/api/studios/${fin.id}/needs`, { enterprise: '长治市测试精密机械有限公司', amountYuan: 3_000_000, purpose: '购置数控机床', recordedOn: today });
      assert.equal(need.status, 201, JSON.stringify(need.body));
      const offer = await member.post(`/api/studios/${fin.id}/offers`, { bank: '长治银行', product: '科技贷', amountYuan: 50_000_000, recordedOn: today });
      assert.equal(offer.status, 201, JSON.stringify(offer.body));
      const needRow = (await member.get(`/api/studios/needs?studioId=${fin.id}&state=open&pageSize=200`)).body.items.find((n: any) => n.id === need.body.id);
      assert.equal(needRow.amountText, '300万元');

      const loanBody = { needId: need.body.id, needVersion: needRow.version, offerId: offer.body.id, enterprise: needRow.enterprise, bank: '长治银行', amountYuan: 2_805_000, grantedOn: today };
      const loan = await member.post(`/api/studios/${fin.id}/loans`, loanBody);
      assert.equal(loan.status, 201, JSON.stringify(loan.body));
      // the need was granted under the version read: a second loan on the old version is a 409
      const again = await member.post(`/api/studios/${fin.id}/loans`, loanBody);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'VERSION_CONFLICT');
      assert.match(again.body.error.message, /融资需求/);

      const after = (await member.get(`/api/studios/${fin.id}`)).body;
      assert.equal(figure(after, 'studios.loans'), figure(before, 'studios.loans') + 1);
      assert.equal(Math.round((figure(after, 'studios.loan_amount') - figure(before, 'studios.loan_amount')) * 10_000), 2_805_000);
      const f = after.figures.find((x: any) => x.key === 'studios.loans');
      const list = await member.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=5`);
      assert.equal(list.body.total, f.value);
      assert.equal(list.body.items[0].id, loan.body.id, 'the newest loan heads its list');
      assert.equal(list.body.items[0].amountText, '280.5万元');
      const granted = (await member.get(`/api/studios/needs?studioId=${fin.id}&state=granted&pageSize=200`)).body.items;
      assert.ok(granted.some((n: any) => n.id === need.body.id), 'the need is 已放贷');
      // the office's figure for the day counts it too
      const day = (await office.get(`/api/figures?from=${today}&to=${today}&modules=studios`)).body.groups[0].figures;
      assert.ok(day.find((x: any) => x.key === 'studios.loans').value >= 1);
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('bad input is a 400 naming the field in Chinese; only the studio\'s members and the office record', async () => {
      const fin = byKind('finance');
      const noAmount = await member.post(`/api/studios/${fin.id}/loans`, { enterprise: '某企业', bank: '长治银行', grantedOn: clock.today() });
      assert.equal(noAmount.status, 400);
      assert.equal(noAmount.body.error.field, 'amountYuan');
      assert.match(noAmount.body.error.message, /放贷金额/);
      const fraction = await member.post(`/api/studios/${fin.id}/loans`, { enterprise: '某企业', bank: '长治银行', amountYuan: 100.5, grantedOn: clock.today() });
      assert.equal(fraction.status, 400, 'amounts are whole 元');
      assert.equal((await member.post(`/api/studios/${fin.id}/loans`, { enterprise: '某企业', bank: '长治银行', amountYuan: 100, grantedOn: '2025-13' })).body.error.field, 'grantedOn');
      const legal = byKind('legal');
      const oneParty = await m0001.post(`/api/studios/${legal.id}/cases`, { matter: '房屋租赁纠纷', receivedOn: clock.today(), parties: [{ role: 'applicant', name: '王某' }], handlerIds: [legal.convenerUserId] });
      assert.equal(oneParty.status, 400);
      assert.match(oneParty.body.error.message, /当事人/);
      // a member outside the finance studio may not record in it; a legal studio keeps no loans
      assert.equal((await m0100.post(`/api/studios/${fin.id}/needs`, { enterprise: '某企业', amountYuan: 10_000, purpose: '周转', recordedOn: clock.today() })).status, 403);
      assert.equal((await m0001.post(`/api/studios/${legal.id}/needs`, { enterprise: '某企业', amountYuan: 10_000, purpose: '周转', recordedOn: clock.today() })).status, 400);
      const notMember = await office.post(`/api/studios/${fin.id}/activities`, { heldOn: clock.today(), title: '对接会', memberIds: ['no-such-user'] });
      assert.equal(notMember.status, 400);
      assert.equal(notMember.body.error.field, 'memberIds');
      assert.match(notMember.body.error.message, /参加委员/);
    });

    test('a mediation case\'s parties: seen by the studio\'s members and the office, masked for everyone else', async () => {
      const legal = byKind('legal');
      const body = {
        matter: '欧阳春生与司马秋月房屋租赁合同纠纷', receivedOn: clock.today(), handlerIds: [legal.convenerUserId],
        parties: [{ role: 'applicant', name: '欧阳春生', phone: '13903550001', address: '潞州区英雄路1号' }, { role: 'respondent', name: '司马秋月', phone: '13835510002' }],
      };
      const c = await m0001.post(`/api/studios/${legal.id}/cases`, body);
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const seen = async (cl: Client, outcome = 'open') => (await cl.get(`/api/studios/cases?studioId=${legal.id}&outcome=${outcome}&pageSize=200`)).body.items.find((x: any) => x.id === c.body.id);
      for (const [who, cl] of [['the convener', m0001], ['a member of the studio', m0002], ['the office', office]] as const) {
        const r = await seen(cl);
        assert.equal(r.partiesVisible, true, who);
        assert.equal(r.parties[0].name, '欧阳春生', who);
        assert.equal(r.parties[0].phone, '13903550001', who);
      }
      for (const [who, cl] of [['a member outside the studio', member], ['a leader', leader]] as const) {
        const r = await seen(cl);
        assert.equal(r.partiesVisible, false, who);
        assert.deepEqual(r.parties.map((p: any) => p.name), ['欧**', '司**'], who);
        assert.ok(r.parties.every((p: any) => p.phone === null && p.address === null), who);
        assert.ok(!JSON.stringify(r.parties).includes('春生'), `${who} reads no name`);
      }
      // the outcome under the version read; a stale one is a 409
      const v = (await seen(m0001)).version;
      const done = await m0001.patch(`/api/studios/cases/${c.body.id}`, { version: v, outcome: 'success', closedOn: clock.today(), agreement: '司马秋月于三十日内向欧阳春生退还押金。' });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.outcomeLabel, '调解成功');
      assert.equal((await m0001.patch(`/api/studios/cases/${c.body.id}`, { version: v, outcome: 'failed', closedOn: clock.today() })).status, 409);
      assert.equal(await seen(member), undefined, 'no longer open');
      const closed = await seen(member, 'success');
      assert.ok(!closed.agreement.includes('欧阳春生') && closed.agreement.includes('欧**'), closed.agreement);
      assert.equal((await member.patch(`/api/studios/cases/${c.body.id}`, { version: v + 1, outcome: 'failed', closedOn: clock.today() })).status, 403);

      // the handler's own figure counts the case, and equals its list
      const me = (await m0001.get('/api/auth/me')).body.user.id;
      const today = clock.today();
      const mine = await m0001.get(`/api/figures?from=${today}&to=${today}&userId=${me}&modules=studios`);
      assert.equal(mine.status, 200, JSON.stringify(mine.body));
      const fc = mine.body.groups[0].figures.find((x: any) => x.key === 'studios.member.cases');
      assert.ok(fc.value >= 1);
      assert.equal((await m0001.get(`${fc.list.api}?${new URLSearchParams(fc.list.query)}&pageSize=1`)).body.total, fc.value);
      assert.equal((await member.get(`/api/studios/cases?userId=${me}`)).status, 403, 'another member\'s cases by name are not for a member');
    });

    test('the convener manages the members under the version read; others may not; a stale edit is a 409', async () => {
      const fin = byKind('finance');
      const dt = (await member.get(`/api/studios/${fin.id}`)).body;
      const m100 = (await m0100.get('/api/auth/me')).body.user.id;
      const r = await member.put(`/api/studios/${fin.id}/members`, { version: dt.version, memberIds: [...dt.members.map((m: any) => m.userId), m100] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.members.length, dt.members.length + 1);
      const stale = await member.patch(`/api/studios/${fin.id}`, { version: dt.version, intro: '旧版本上的修改' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await m0001.put(`/api/studios/${fin.id}/members`, { version: r.body.version, memberIds: [] })).status, 403, 'another studio\'s convener');
      // the new member may now record
      assert.equal((await m0100.post(`/api/studios/${fin.id}/offers`, { bank: '晋商银行', product: '税易贷', amountYuan: 10_000_000, recordedOn: clock.today() })).status, 201);
    });

    test('administrators may not use the module; another CPPCC sees none of these studios', async () => {
      assert.equal((await sysadmin.get('/api/studios')).status, 403);
      assert.equal((await county.get(`/api/studios/${byKind('legal').id}`)).status, 404);
      assert.equal((await county.get('/api/studios')).body.total, 0);
      assert.equal((await office.get('/api/studios/options')).body.kinds.length, 6);
    });
  });
}
