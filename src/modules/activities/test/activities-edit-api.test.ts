// Editing a 委员之家 and an activity after the fact, and 现场补录 (walk-ins), through the real server on SQLite and
// PostgreSQL: the convener edits their home (not its convener), the activity's details with a version (stale → 409,
// bad input named in Chinese, archived closed), the participants are told of a changed time or place, and members who
// came without signing up are picked (by name, 界别, 专委会) and counted once in their duty record.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, WORLD_COUNTY, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`履职活动的修改与现场补录 (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    const offset = clock.offsetMs();
    const uid = (u: string) => w.people.get(u)!.userId;
    const qs = (url: string, q: Record<string, unknown>) => `${url}?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`;
    async function onDay(when: string, ...users: string[]): Promise<Record<string, Client>> {
      clock.set(when);
      const cs = await Promise.all(users.map((u) => w.login(u)));
      return Object.fromEntries(users.map((u, i) => [u, cs[i]]));
    }

    before(async () => {
      clock.set('2025-04-01T09:00');
      w = await startWorld(d.kind, { members: 6, config: { webDist: '/nonexistent-web-dist' } });
    });
    after(async () => { clock.reset(); clock.advance(offset); await w?.close(); });

    let home: string;
    let act: string;
    test('a 委员之家 edited by staff and by its convener, with its version', async () => {
      const { office, member, m0001 } = await onDay('2025-04-01T09:00', 'office', 'member', 'm0001');
      const h = await office.post('/api/activities/homes', { name: '西街委员之家', county: WORLD_COUNTY, convenerUserId: uid('member'), memberIds: [uid('m0001')] });
      assert.equal(h.status, 201, JSON.stringify(h.body));
      home = h.body.id;
      const d0 = await member.get(`/api/activities/homes/${home}`);
      assert.equal(d0.status, 200);
      assert.equal(d0.body.canEdit, true);
      assert.equal(d0.body.canChangeConvener, false);
      assert.deepEqual(d0.body.memberList.map((m: { userId: string }) => m.userId).sort(), [uid('member'), uid('m0001')].sort());

      // the convener renames it and adds a member; not the convener; a stranger named by field
      assert.equal((await m0001.put(`/api/activities/homes/${home}`, { version: d0.body.version, name: '别家' })).status, 403);
      const swap = await member.put(`/api/activities/homes/${home}`, { version: d0.body.version, convenerUserId: uid('m0001') });
      assert.equal(swap.status, 403);
      const stranger = await member.put(`/api/activities/homes/${home}`, { version: d0.body.version, memberIds: ['nobody'] });
      assert.equal(stranger.status, 400);
      assert.equal(stranger.body.error.field, 'memberIds');
      assert.match(stranger.body.error.message, /成员/);
      const e1 = await member.put(`/api/activities/homes/${home}`, { version: d0.body.version, name: '西街社区委员之家', place: '西街社区二楼', memberIds: [uid('m0001'), uid('m0002')] });
      assert.equal(e1.status, 200, JSON.stringify(e1.body));
      assert.equal(e1.body.name, '西街社区委员之家');
      assert.equal(e1.body.members, 3, 'the convener stays a member');
      const stale = await office.put(`/api/activities/homes/${home}`, { version: d0.body.version, name: '旧名' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      // staff change the convener
      const e2 = await office.put(`/api/activities/homes/${home}`, { version: e1.body.version, convenerUserId: uid('m0001') });
      assert.equal(e2.status, 200);
      assert.equal(e2.body.convenerUserId, uid('m0001'));
      const e3 = await office.put(`/api/activities/homes/${home}`, { version: e2.body.version, convenerUserId: uid('member') });
      assert.equal(e3.status, 200);
    });

    test('the convener edits their activity; stale is 409; bad input named; the signed-up are told of the new time and place', async () => {
      const { member, m0001, m0002, office } = await onDay('2025-04-02T09:00', 'member', 'm0001', 'm0002', 'office');
      const c = await member.post('/api/activities', { kind: 'home', title: '社区议事会', body: '听取居民意见。', homeId: home, place: '西街社区二楼', startsAt: '2025-04-10T09:00', endsAt: '2025-04-10T11:00', publish: true });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      act = c.body.id;
      assert.equal(c.body.canEdit, true);
      assert.equal((await m0001.get(`/api/activities/${act}`)).body.canEdit, false);
      assert.equal((await m0001.post(`/api/activities/${act}/signup`)).status, 200);
      assert.equal((await m0002.post(`/api/activities/${act}/signup`)).status, 200);

      assert.equal((await m0001.put(`/api/activities/${act}`, { version: c.body.version, title: '改名' })).status, 403);
      const bad = await member.put(`/api/activities/${act}`, { version: c.body.version, startsAt: '2025-04-10T12:00' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'endsAt');
      assert.match(bad.body.error.message, /结束时间/);
      const fmt = await member.put(`/api/activities/${act}`, { version: c.body.version, startsAt: '明天上午' });
      assert.equal(fmt.status, 400);
      assert.equal(fmt.body.error.field, 'startsAt');
      const few = await member.put(`/api/activities/${act}`, { version: c.body.version, capacity: 1 });
      assert.equal(few.status, 400);
      assert.equal(few.body.error.field, 'capacity');
      const kind = await member.put(`/api/activities/${act}`, { version: c.body.version, kind: 'study' });
      assert.equal(kind.status, 400);
      assert.equal(kind.body.error.field, 'kind');

      const e = await member.put(`/api/activities/${act}`, { version: c.body.version, title: '西街社区议事会', startsAt: '2025-04-11T14:30', endsAt: '2025-04-11T16:30', place: '西街社区三楼会议室', capacity: 30 });
      assert.equal(e.status, 200, JSON.stringify(e.body));
      assert.equal(e.body.title, '西街社区议事会');
      assert.equal(e.body.heldOn, '2025-04-11');
      assert.equal(e.body.place, '西街社区三楼会议室');
      assert.equal(e.body.capacity, 30);
      assert.equal(e.body.version, c.body.version + 1);
      const stale = await office.put(`/api/activities/${act}`, { version: c.body.version, title: '旧的' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

      await drained(w.zx);
      for (const who of [m0001, m0002]) {
        const inbox = await who.get('/api/notifications');
        const n = inbox.body.items.find((x: { title: string }) => x.title === '活动变更：西街社区议事会');
        assert.ok(n, JSON.stringify(inbox.body.items));
        assert.equal(n.link, `/activities/${act}`);
        assert.match(n.body, /2025-04-11 14:30 至 16:30/);
        assert.match(n.body, /西街社区三楼会议室/);
      }
      // a change of the outcome alone tells nobody
      const quiet = await member.put(`/api/activities/${act}`, { version: e.body.version, outcome: '收集意见 12 条。' });
      assert.equal(quiet.status, 200);
      await drained(w.zx);
      const again = (await m0001.get('/api/notifications')).body.items.filter((x: { title: string }) => x.title.startsWith('活动变更'));
      assert.equal(again.length, 1);
    });

    test('walk-ins: picked by name, 界别 and 专委会; recorded once; counted in the duty record', async () => {
      const { member, m0001, m0003, office } = await onDay('2025-04-11T15:00', 'member', 'm0001', 'm0003', 'office');
      const early = await onDay('2025-04-05T15:00', 'member');
      const before = await early.member.post(`/api/activities/${act}/walk-ins`, { userIds: [uid('m0003')] });
      assert.equal(before.status, 409, 'not before the day it is held');
      clock.set('2025-04-11T15:00');

      const all = await member.get(`/api/activities/${act}/walk-in-candidates`);
      assert.equal(all.status, 200, JSON.stringify(all.body));
      assert.ok(all.body.total >= 6);
      assert.ok(all.body.sectors.length > 0 && all.body.committees.length > 0);
      const byName = await member.get(qs(`/api/activities/${act}/walk-in-candidates`, { q: '王委员' }));
      assert.deepEqual(byName.body.items.map((x: { userId: string }) => x.userId), [uid('member')]);
      const sectorOfM3 = all.body.items.find((x: { userId: string }) => x.userId === uid('m0003')).sectorName;
      const sector = all.body.sectors.find((s: { name: string }) => s.name === sectorOfM3);
      const bySector = await member.get(qs(`/api/activities/${act}/walk-in-candidates`, { sectorId: sector.id }));
      assert.ok(bySector.body.items.every((x: { sectorName: string }) => x.sectorName === sectorOfM3));
      assert.ok(bySector.body.items.some((x: { userId: string }) => x.userId === uid('m0003')));
      const committee = all.body.committees.find((c: { name: string }) => c.name.includes('提案'));
      const byCommittee = await member.get(qs(`/api/activities/${act}/walk-in-candidates`, { committeeId: committee.id }));
      assert.ok(byCommittee.body.total >= 1);
      assert.equal((await m0001.get(`/api/activities/${act}/walk-in-candidates`)).status, 403);

      const bad = await member.post(`/api/activities/${act}/walk-ins`, { userIds: [uid('m0003'), 'nobody'] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'userIds');
      assert.equal((await member.post(`/api/activities/${act}/walk-ins`, { userIds: [] })).status, 400);
      assert.equal((await m0001.post(`/api/activities/${act}/walk-ins`, { userIds: [uid('m0003')] })).status, 403);

      // m0001 signed up (no sign-in yet), m0003 came without signing up
      const add = await member.post(`/api/activities/${act}/walk-ins`, { userIds: [uid('m0003'), uid('m0001')] });
      assert.equal(add.status, 200, JSON.stringify(add.body));
      assert.deepEqual(add.body.added.map((x: { userId: string }) => x.userId).sort(), [uid('m0003'), uid('m0001')].sort());
      const twice = await office.post(`/api/activities/${act}/walk-ins`, { userIds: [uid('m0003')] });
      assert.equal(twice.status, 200);
      assert.deepEqual(twice.body.added, []);
      assert.deepEqual(twice.body.already.map((x: { userId: string }) => x.userId), [uid('m0003')]);

      const detail = await member.get(`/api/activities/${act}`);
      assert.equal(detail.body.signedIn, 2);
      const row = detail.body.participants.find((p: { userId: string }) => p.userId === uid('m0003'));
      assert.equal(row.signedInByName, '王委员');
      assert.equal(row.signedUpAt, null);
      const cand = await member.get(`/api/activities/${act}/walk-in-candidates`);
      assert.equal(cand.body.items.find((x: { userId: string }) => x.userId === uid('m0003')).signedIn, true);

      // the member's duty record counts the participation once, and its list shows it
      const rec = await m0003.get(qs('/api/members/me/record', { year: 2025 }));
      assert.equal(rec.status, 200);
      const f = rec.body.figures.find((x: { key: string }) => x.key === 'activities.member.participations');
      assert.ok(f, JSON.stringify(rec.body.figures.map((x: { key: string }) => x.key)));
      assert.equal(f.value, 1);
      const list = await m0003.get(qs(f.list.api, { ...f.list.query, page: 1, pageSize: 50 }));
      assert.equal(list.body.total, 1);
      assert.equal(list.body.items[0].activityId, act);
      // m0001 signed up before the change of day: their participation moved with the activity
      const moved = await m0001.get(qs('/api/activities/participations', { from: '2025-04-11', to: '2025-04-11' }));
      assert.equal(moved.body.total, 1);
      assert.equal(moved.body.items[0].heldOn, '2025-04-11');
    });

    test('an archived activity is closed to edits and walk-ins', async () => {
      const { member } = await onDay('2025-04-12T09:00', 'member');
      const r = await member.get(`/api/activities/${act}`);
      const end = await member.post(`/api/activities/${act}/transitions`, { action: 'end', version: r.body.version, input: { outcome: '收集意见 12 条。' } });
      assert.equal(end.status, 200, JSON.stringify(end.body));
      const arch = await member.post(`/api/activities/${act}/transitions`, { action: 'archive', version: end.body.version, input: {} });
      assert.equal(arch.status, 200, JSON.stringify(arch.body));
      assert.equal(arch.body.canEdit, false);
      const e = await member.put(`/api/activities/${act}`, { version: arch.body.version, title: '归档后改名' });
      assert.equal(e.status, 409);
      assert.equal(e.body.error.code, 'INVALID_TRANSITION');
      assert.equal((await member.post(`/api/activities/${act}/walk-ins`, { userIds: [uid('m0002')] })).status, 409);
    });
  });
}
