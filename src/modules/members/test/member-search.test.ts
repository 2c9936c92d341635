// 选择委员 (the member picker behind 联名委员) through the real server on SQLite and PostgreSQL: search by name, narrow by
// 界别 and 专委会, page in pinyin order, only the caller's CPPCC (and not the caller), only what a picker needs, and bad
// input is a 400 naming the field.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { MemberSearchGroups, MemberSearchPage } from '../contract.ts';

for (const d of await dialects()) {
  describe(`member picker search (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    before(async () => { w = await startWorld(d.kind, { members: 8 }); });
    after(async () => { await w?.close(); });

    const search = async (username: string, query: string): Promise<MemberSearchPage> => {
      const r = await (await w.as(username)).get(`/api/members/search${query}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };

    test('a member finds the other members of their CPPCC by name, 界别 and 专委会, paged in name order, with only the picker fields', async () => {
      const all = await search('member', '?pageSize=200');
      const cityMembers = w.ids.memberUserIds;
      assert.equal(all.total, cityMembers.length, 'every other city member, not the caller');
      assert.deepEqual(new Set(all.items.map((i) => i.userId)), new Set(cityMembers));
      assert.ok(!all.items.some((i) => i.userId === w.ids.demoUsers.member.userId), 'the caller is not offered');
      assert.deepEqual(Object.keys(all.items[0]).sort(), ['committees', 'name', 'sectorName', 'userId']);
      assert.deepEqual(all.items[0].committees, ['提案委员会']);

      const byName = await search('member', `?q=${encodeURIComponent('委员3')}`);
      assert.deepEqual(byName.items.map((i) => i.name), ['委员3']);

      const groups: MemberSearchGroups = (await (await w.as('member')).get('/api/members/search/groups')).body;
      const sector = groups.sectors.find((s) => s.name === all.items.find((i) => i.name === '委员2')!.sectorName)!;
      const bySector = await search('member', `?sector=${sector.id}`);
      assert.ok(bySector.total >= 1 && bySector.items.every((i) => i.sectorName === sector.name));
      assert.ok(bySector.items.some((i) => i.name === '委员2'));
      // the demo member 王委员 is 民盟: a search by 民盟 from another member finds them
      const minmeng = groups.sectors.find((s) => s.name === '民盟')!;
      assert.ok((await search('m0001', `?sector=${minmeng.id}`)).items.some((i) => i.name === '王委员'));

      const proposalCommittee = groups.committees.find((c) => c.name === '提案委员会')!;
      const farm = groups.committees.find((c) => c.name === '农业和农村委员会')!;
      assert.equal((await search('member', `?committee=${proposalCommittee.id}`)).total, cityMembers.length);
      assert.equal((await search('member', `?committee=${farm.id}`)).total, 0);
      assert.equal((await search('member', `?q=${encodeURIComponent('委员3')}&committee=${farm.id}`)).total, 0, 'filters combine');

      // pages: in name order, without overlap, adding up to the total
      const p1 = await search('member', '?pageSize=3&page=1');
      const p2 = await search('member', '?pageSize=3&page=2');
      const p3 = await search('member', '?pageSize=3&page=3');
      assert.equal(p1.total, cityMembers.length);
      assert.deepEqual([...p1.items, ...p2.items, ...p3.items].map((i) => i.userId), all.items.map((i) => i.userId));
      assert.deepEqual([p1.page, p1.pageSize, p1.items.length], [1, 3, 3]);
    });

    test('a county member sees only their own county; another CPPCC\'s 界别 is bad input', async () => {
      const county = await search('county', '?pageSize=200');
      assert.equal(county.total, 0, 'the county has no other member in the world');
      const cityGroups: MemberSearchGroups = (await (await w.as('member')).get('/api/members/search/groups')).body;
      const r = await (await w.as('county')).get(`/api/members/search?sector=${cityGroups.sectors[0].id}`);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.field, 'sector');
      assert.match(r.body.error.message, /界别/);
      const countyGroups: MemberSearchGroups = (await (await w.as('county')).get('/api/members/search/groups')).body;
      assert.ok(!countyGroups.committees.some((c) => cityGroups.committees.some((x) => x.id === c.id)));
      // and the city search never lists the county member
      assert.ok(!(await search('member', `?q=${encodeURIComponent('赵委员')}`)).total);
    });

    test('bad input is a 400 naming the field; staff who read the directory may search; units and strangers may not', async () => {
      const member = await w.as('member');
      for (const [query, field, label] of [
        ['?pageSize=0', 'pageSize', /每页条数/], ['?page=abc', 'page', /页码/], [`?q=${'长'.repeat(51)}`, 'q', /姓名/],
        ['?committee=nope', 'committee', /专委会/], ['?sector=', 'sector', /界别/],
      ] as const) {
        const r = await member.get(`/api/members/search${query}`);
        assert.equal(r.status, 400, query);
        assert.equal(r.body.error.field ?? r.body.error.details?.[0]?.field, field, `${query}: ${JSON.stringify(r.body)}`);
        assert.match(r.body.error.message, label, query);
      }
      assert.equal((await (await w.as('proposal')).get('/api/members/search')).status, 200);
      assert.equal((await (await w.as('unit')).get('/api/members/search')).status, 403);
      assert.equal((await w.app.inject({ method: 'GET', url: '/api/members/search' })).statusCode, 401);
    });

    test('the picker\'s API is described in OpenAPI', async () => {
      const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
      for (const path of ['/api/members/search', '/api/members/search/groups']) {
        assert.ok(doc.paths[path]?.get?.summary, path);
        assert.deepEqual(doc.paths[path].get.tags, ['members']);
      }
    });
  });
}
