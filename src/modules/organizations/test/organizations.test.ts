/** The organisation tree, tenancy and the demo seed, on both databases. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { orgTree, tenantOf, visibleTenantIds } from '../index.ts';

for (const d of await dialects()) {
  describe(`organizations and tenancy (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    before(async () => { s = await startApp(d.kind); });
    after(async () => { await s?.close(); });
    const db = () => s.zx.ctx.db;
    const orgId = async (name: string) => (await db().selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id as string;

    test('the demo seed has the city, 12 counties, about 40 units, 7 committees, about 500 members and every demo account', async () => {
      const count = async (q: any) => Number((await q.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const city = await orgId('政协长治市委员会');
      assert.equal(await count(db().selectFrom('organizations').where('kind', '=', 'cppcc').where('level', '=', 'county')), 12);
      const units = await count(db().selectFrom('organizations').where('kind', '=', 'gov_unit').where('tenant_id', '=', city));
      assert.ok(units >= 38 && units <= 45, String(units));
      assert.equal(await count(db().selectFrom('organizations').where('kind', '=', 'committee').where('tenant_id', '=', city)), 7);
      const members = await count(db().selectFrom('member_profiles').where('tenant_id', '=', city));
      assert.ok(members >= 480 && members <= 520, String(members));
      assert.ok(await count(db().selectFrom('committee_memberships').where('tenant_id', '=', city)) >= members);
      assert.equal(await count(db().selectFrom('sectors').where('tenant_id', '=', city)), 27);
      const names = s.accounts.map((a) => a.username).sort();
      assert.deepEqual(names, ['auditor', 'committee', 'county', 'countyeditor', 'countylead', 'countyplat', 'countyplat2', 'countystaff', 'editor', 'informant', 'leader', 'member', 'office', 'proposal', 'secadmin', 'secgen', 'sysadmin', 'townplat', 'unit', 'unit2', 'unitlead'].sort());
      for (const a of ['sysadmin', 'secadmin', 'auditor']) assert.ok(s.account(a).totpSecret);
      for (const a of s.accounts) await s.login(a.username);
    });

    test('every organisation belongs to its nearest CPPCC as tenant', async () => {
      const city = await orgId('政协长治市委员会');
      const county = await orgId('长治市潞州区政协');
      assert.equal(await tenantOf(db(), await orgId('市住建局')), city);
      assert.equal(await tenantOf(db(), await orgId('提案委员会')), city);
      assert.equal(await tenantOf(db(), county), county);
      assert.equal(await tenantOf(db(), await orgId('潞州区住建局')), county);
    });

    test("a county's tree holds only that county; the city's holds the city and its counties", async () => {
      const county = await orgId('长治市潞州区政协');
      const flat = (nodes: any[]): any[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
      const countyNodes = flat(await orgTree(db(), county));
      assert.ok(countyNodes.every((n) => n.tenant_id === county));
      assert.ok(!countyNodes.some((n) => n.name === '长治市上党区政协' || n.name === '市住建局'));
      const city = await orgId('政协长治市委员会');
      assert.equal((await visibleTenantIds(db(), city)).length, 13);
      assert.deepEqual(await visibleTenantIds(db(), county), [county]);
    });

    test('the admin tree, scoped to the administrator: the city with its counties, not the province', async () => {
      const sys = await s.login('sysadmin');
      const res = await sys.get('/api/admin/organizations');
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 1);
      const root = res.body.items[0];
      assert.equal(root.name, '政协长治市委员会');
      assert.deepEqual(root.actions, ['edit', 'addChild']);
      assert.equal(root.children.filter((c: any) => c.kind === 'cppcc').length, 12);
      assert.equal((await (await s.login('member')).get('/api/admin/organizations')).status, 403);
    });

    test('create and edit organisations; a stale version gets 409; bad input gets 400 naming the field', async () => {
      const sys = await s.login('sysadmin');
      const city = await orgId('政协长治市委员会');
      const unit = await sys.post('/api/admin/organizations', { parentId: city, kind: 'gov_unit', name: '市数据局', sort: 140 });
      assert.equal(unit.status, 201);
      assert.equal(unit.body.tenantId, city);
      const county = await sys.post('/api/admin/organizations', { parentId: city, kind: 'cppcc', name: '长治市新区政协' });
      assert.equal(county.status, 201);
      assert.equal(county.body.tenantId, county.body.id);
      assert.equal(county.body.level, 'county');
      const edited = await sys.patch(`/api/admin/organizations/${unit.body.id}`, { version: 1, name: '长治市数据局', shortName: '市数据局' });
      assert.equal(edited.status, 200);
      assert.equal(edited.body.version, 2);
      const stale = await sys.patch(`/api/admin/organizations/${unit.body.id}`, { version: 1, name: '过期修改' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const badKind = await sys.post('/api/admin/organizations', { parentId: city, kind: 'bank', name: '某银行' });
      assert.equal(badKind.status, 400);
      assert.match(badKind.body.error.message, /「组织类型」/);
      const noName = await sys.post('/api/admin/organizations', { parentId: city, kind: 'gov_unit' });
      assert.equal(noName.status, 400);
      assert.match(noName.body.error.message, /「名称」/);
      const longName = await sys.post('/api/admin/organizations', { parentId: city, kind: 'gov_unit', name: '局'.repeat(101) });
      assert.equal(longName.status, 400);
      const ghostParent = await sys.post('/api/admin/organizations', { parentId: 'NOPE', kind: 'gov_unit', name: '某局' });
      assert.equal(ghostParent.status, 400);
      assert.match(ghostParent.body.error.message, /「上级组织」/);
      const audit = await db().selectFrom('audit_log').select('action').where('entity_id', '=', unit.body.id).execute();
      assert.deepEqual(audit.map((r: any) => r.action), ['org.create', 'org.update']);
    });

    test("pickers show only the caller's tenant: a county member never sees the city's units", async () => {
      const member = await s.login('member');
      const units = (await member.get('/api/organizations/units')).body.items.map((u: any) => u.name);
      assert.ok(units.includes('市住建局'));
      assert.ok(units.length >= 40);
      const county = await s.login('county');
      const countyUnits = (await county.get('/api/organizations/units')).body.items.map((u: any) => u.name);
      assert.ok(countyUnits.length > 0);
      assert.ok(countyUnits.every((n: string) => n.startsWith('潞州区')), countyUnits.join(','));
      const committees = (await member.get('/api/committees')).body.items;
      assert.equal(committees.length, 7);
      assert.ok(committees.every((c: any) => c.memberCount > 0));
      assert.equal((await member.get('/api/sectors')).body.items.length, 27);
    });
  });
}
