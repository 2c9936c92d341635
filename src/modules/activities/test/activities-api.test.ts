// The 履职活动 API through the real server on SQLite and PostgreSQL, over a year the test walks day by day on the
// kernel clock: the office registers a 委员之家, its convener runs an activity where members sign up and sign in by the
// QR link (inside the radius; outside it, for another, twice, before the window or after it are refused with the
// reason), the convener signs one in at the door; a study session, a 服务为民 activity with service records, a need
// matched by skills and served, a reading activity, and an activity after the 12-05 cut-off (the next working year).
// Then the year's figures equal the scenario and their lists, and one member's duty record shows their activities.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, WORLD_COUNTY, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const H1 = { lat: 36.1953, lng: 113.1163 };
const near = { lat: 36.1958, lng: 113.1168 };
const far = { lat: 36.2153, lng: 113.1163 };

for (const d of await dialects()) {
  describe(`履职活动 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    const offset = clock.offsetMs();
    const uid = (u: string) => w.people.get(u)!.userId;
    /** Move the clock to a China time and sign the named people in afresh (sessions do not outlive months). */
    async function onDay(when: string, ...users: string[]): Promise<Record<string, Client>> {
      clock.set(when);
      const cs = await Promise.all(users.map((u) => w.login(u)));
      return Object.fromEntries(users.map((u, i) => [u, cs[i]]));
    }
    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`/api/activities/${id}/transitions`, { action, version, input });
    const tokenOf = async (c: Client, id: string) => {
      const r = await c.get(`/api/activities/${id}/signin-code`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return new URL(r.body.url, 'http://x').searchParams.get('t')!;
    };

    before(async () => {
      clock.set('2025-03-01T09:00');
      w = await startWorld(d.kind, { members: 6, config: { webDist: '/nonexistent-web-dist' } });
    });
    after(async () => { clock.reset(); clock.advance(offset); await w?.close(); });

    let home: string;
    test('March: a 委员之家 and its convener\'s activity; sign-up and QR sign-in with every refusal named', async () => {
      const { office, member, m0001, m0002, county, sysadmin } = await onDay('2025-03-10T09:05', 'office', 'member', 'm0001', 'm0002', 'county', 'sysadmin');
      // bad input on the registry
      const badHome = await office.post('/api/activities/homes', { name: '东街委员之家', county: WORLD_COUNTY, memberIds: ['nobody'] });
      assert.equal(badHome.status, 400);
      assert.equal(badHome.body.error.field, 'memberIds');
      assert.equal((await member.post('/api/activities/homes', { name: '私设之家', county: WORLD_COUNTY, memberIds: [] })).status, 403);
      const h = await office.post('/api/activities/homes', { name: '东街委员之家', county: WORLD_COUNTY, town: '东街街道', place: '东街社区活动室', ...H1, convenerUserId: uid('member'), memberIds: ['m0001', 'm0002', 'm0003'].map(uid) });
      assert.equal(h.status, 201, JSON.stringify(h.body));
      home = h.body.id;

      // who may create what; bad input names the field
      const body = { kind: 'home', title: '学习二十届四中全会精神', body: '集中学习并交流体会。', homeId: home, startsAt: '2025-03-10T09:00', endsAt: '2025-03-10T11:30', publish: true };
      assert.equal((await m0001.post('/api/activities', body)).status, 403, 'a member who convenes no home may not organise');
      const noTitle = await member.post('/api/activities', { ...body, title: undefined });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /活动名称/);
      const backwards = await member.post('/api/activities', { ...body, endsAt: '2025-03-10T08:00' });
      assert.equal(backwards.body.error.field, 'endsAt');
      assert.equal((await member.post('/api/activities', { ...body, kind: 'study' })).body.error.field, 'kind', 'a convener organises no study sessions');
      assert.equal((await member.post('/api/activities', { ...body, startsAt: '明天' })).body.error.field, 'startsAt');
      assert.equal((await office.post('/api/activities', { ...body, kind: 'service' })).body.error.field, 'serviceKind');

      const a = await member.post('/api/activities', body);
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.equal(a.body.state, 'open');
      assert.equal(a.body.county, WORLD_COUNTY, 'the activity counts for its home\'s county');
      assert.equal(a.body.lat, H1.lat, 'and is signed in at its home');
      assert.equal(a.body.canManage, true);
      const id = a.body.id;

      // sign-up
      const up = await m0001.post(`/api/activities/${id}/signup`, {});
      assert.equal(up.status, 200, JSON.stringify(up.body));
      assert.equal(up.body.me.signedUp, true);
      assert.equal((await m0001.post(`/api/activities/${id}/signup`, {})).status, 409);
      assert.equal(up.body.participants.length, 1, 'a member sees only their own row');

      const t = await tokenOf(member, id);
      assert.equal((await m0001.get(`/api/activities/${id}/signin-code`)).status, 403, 'only organisers show the code');
      // refusals, each naming why
      const wrong = await m0001.post(`/api/activities/${id}/signin`, { token: 'x'.repeat(32), ...near });
      assert.equal(wrong.body.error.field, 'token');
      const away = await m0002.post(`/api/activities/${id}/signin`, { token: t, ...far });
      assert.equal(away.status, 400);
      assert.equal(away.body.error.field, 'lat');
      assert.match(away.body.error.message, /超出签到范围/);
      assert.match((await m0002.post(`/api/activities/${id}/signin`, { token: t })).body.error.message, /位置」缺失/);
      const forOther = await m0002.post(`/api/activities/${id}/signin`, { token: t, ...near, userId: uid('m0003') });
      assert.equal(forOther.status, 403);
      assert.match(forOther.body.error.message, /不能替他人签到/);
      // signed in, once
      const ok = await m0001.post(`/api/activities/${id}/signin`, { token: t, ...near });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.ok(ok.body.distanceM > 0 && ok.body.distanceM < 500);
      const twice = await m0001.post(`/api/activities/${id}/signin`, { token: t, ...near });
      assert.equal(twice.status, 409);
      assert.match(twice.body.error.message, /不能重复签到/);
      // a walk-in without sign-up, the convener themselves, and one signed in at the door by the convener
      assert.equal((await m0002.post(`/api/activities/${id}/signin`, { token: t, ...near })).status, 200);
      assert.equal((await member.post(`/api/activities/${id}/signin`, { token: t, ...near })).status, 200);
      assert.equal((await m0002.post(`/api/activities/${id}/signin-for`, { userId: uid('m0003') })).status, 403, 'a member may not sign in another');
      const door = await member.post(`/api/activities/${id}/signin-for`, { userId: uid('m0003') });
      assert.equal(door.status, 200, JSON.stringify(door.body));
      assert.equal((await member.post(`/api/activities/${id}/signin-for`, { userId: uid('m0003') })).status, 409);

      const detail = (await member.get(`/api/activities/${id}`)).body;
      assert.equal(detail.signedIn, 4);
      assert.equal(detail.participants.find((p: any) => p.userId === uid('m0003')).signedInByName, detail.ownerName, 'the override names who signed them in');
      // other CPPCCs and the administrators see nothing
      assert.equal((await county.get(`/api/activities/${id}`)).status, 404);
      assert.equal((await sysadmin.get('/api/activities')).status, 403);

      // a stale version is a 409; ending asks for the outcome
      assert.equal((await fire(member, id, 'end', detail.version - 1, { outcome: '完成' })).status, 409);
      assert.equal((await fire(member, id, 'end', detail.version, {})).body.error.field, 'input.outcome');
      assert.equal((await fire(m0001, id, 'end', detail.version, { outcome: '完成' })).status, 403);
      const ended = await fire(member, id, 'end', detail.version, { outcome: '委员们交流了学习体会。' });
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      assert.equal(ended.body.state, 'ended');
      const late = await m0001.post(`/api/activities/${id}/signup`, {});
      assert.equal(late.status, 409);
    });

    test('March afternoon: a study session signs in only inside its window', async () => {
      const { office, m0001 } = await onDay('2025-03-10T09:20', 'office', 'm0001');
      const s = await office.post('/api/activities', { kind: 'study', title: '“第一议题”专题学习', body: '学习重要讲话精神。', startsAt: '2025-03-10T14:00', endsAt: '2025-03-10T16:00', publish: true });
      assert.equal(s.status, 201, JSON.stringify(s.body));
      const t = await tokenOf(office, s.body.id);
      const early = await m0001.post(`/api/activities/${s.body.id}/signin`, { token: t });
      assert.equal(early.status, 409);
      assert.match(early.body.error.message, /签到尚未开始（2025-03-10 13:30 起可签到）/);
      const { m0001: a, m0004: b } = await onDay('2025-03-10T13:45', 'm0001', 'm0004');
      // no place: no position needed
      assert.equal((await a.post(`/api/activities/${s.body.id}/signin`, { token: t })).status, 200);
      assert.equal((await b.post(`/api/activities/${s.body.id}/signin`, { token: t })).status, 200);
    });

    test('June: 服务为民 — service records by members who signed in, and a need matched by skills and county', async () => {
      const { office, m0001, m0002, m0003, m0004 } = await onDay('2025-06-18T09:10', 'office', 'm0001', 'm0002', 'm0003', 'm0004');
      const a = await office.post('/api/activities', { kind: 'service', serviceKind: 'clinic', title: '敬老义诊', body: '为社区老人义诊。', homeId: home, startsAt: '2025-06-18T09:00', endsAt: '2025-06-18T12:00', publish: true });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      const id = a.body.id;
      const t = await tokenOf(office, id);
      for (const c of [m0001, m0002]) assert.equal((await c.post(`/api/activities/${id}/signin`, { token: t, ...near })).status, 200);
      const rec = (c: Client, b: Record<string, unknown>) => c.post('/api/activities/services', { activityId: id, serviceKind: 'clinic', content: '为老人测血压、问诊', onDate: '2025-06-18', ...b });
      assert.equal((await rec(m0003, { peopleServed: 10, done: true })).status, 403, 'only who signed in records a service of the activity');
      assert.equal((await rec(m0001, { peopleServed: -1 })).body.error.field, 'peopleServed');
      assert.equal((await rec(m0001, { peopleServed: 5, onDate: '2025-06-19' })).body.error.field, 'onDate');
      assert.equal((await rec(m0001, { peopleServed: 120, done: true })).status, 201);
      const open = await rec(m0002, { peopleServed: 80 });
      assert.equal(open.body.state, 'ongoing');
      assert.equal((await m0001.post(`/api/activities/services/${open.body.id}/complete`, { version: 1 })).status, 404, 'another member\'s record is not found');
      const done = await m0002.post(`/api/activities/services/${open.body.id}/complete`, { version: 1, peopleServed: 90 });
      assert.equal(done.status, 200, JSON.stringify(done.body));
      assert.equal(done.body.peopleServed, 90);
      assert.equal((await m0002.post(`/api/activities/services/${open.body.id}/complete`, { version: 2 })).status, 409);

      // 需求清单: a need, the suggested members, the confirmed one serves it
      assert.equal((await m0004.put('/api/activities/skills/me', { skills: '义诊、中医', county: WORLD_COUNTY })).status, 200);
      assert.equal((await m0003.put('/api/activities/skills/me', { skills: '法律' })).status, 200);
      const n = await office.post('/api/activities/needs', { title: '社区老人健康义诊', detail: '东街社区六十岁以上老人约三十人。', source: '东街社区居委会', county: WORLD_COUNTY, skills: '义诊', serviceKind: 'clinic' });
      assert.equal(n.status, 201, JSON.stringify(n.body));
      assert.equal((await office.post('/api/activities/needs', { ...n.body, source: '' })).body.error.field, 'source');
      const sug = (await office.get(`/api/activities/needs/${n.body.id}/suggestions`)).body;
      assert.equal(sug[0].userId, uid('m0004'));
      assert.deepEqual(sug.map((x: any) => x.userId).includes(uid('m0003')), false);
      assert.equal((await m0004.get(`/api/activities/needs/${n.body.id}/suggestions`)).status, 403);
      assert.equal((await office.post(`/api/activities/needs/${n.body.id}/match`, { version: 1, userId: 'nobody' })).body.error.field, 'userId');
      const m = await office.post(`/api/activities/needs/${n.body.id}/match`, { version: 1, userId: uid('m0004') });
      assert.equal(m.status, 200, JSON.stringify(m.body));
      assert.equal((await office.post(`/api/activities/needs/${n.body.id}/match`, { version: 1, userId: uid('m0004') })).status, 409);
      assert.equal((await m0003.post('/api/activities/services', { needId: n.body.id, serviceKind: 'clinic', content: '义诊', peopleServed: 3, onDate: '2025-06-18' })).status, 403);
      const mine = (await m0004.get('/api/activities/needs')).body;
      assert.deepEqual(mine.items.map((x: any) => x.id), [n.body.id]);
      const served = await m0004.post('/api/activities/services', { needId: n.body.id, serviceKind: 'clinic', content: '上门义诊', peopleServed: 30, onDate: '2025-06-18', done: true });
      assert.equal(served.status, 201, JSON.stringify(served.body));
      assert.equal((await office.get('/api/activities/needs?state=done')).body.total, 1);
    });

    test('November and December: a reading activity closes at its end; one after the cut-off counts for the next year', async () => {
      const { office, m0001 } = await onDay('2025-11-20T18:50', 'office', 'm0001');
      const r = await office.post('/api/activities', { kind: 'reading', title: '“书香政协·E读相伴”共读', body: '线上共读。', startsAt: '2025-11-20T19:00', endsAt: '2025-11-20T20:00', publish: true });
      const t = await tokenOf(office, r.body.id);
      assert.equal((await m0001.post(`/api/activities/${r.body.id}/signin`, { token: t })).status, 200);
      const { m0002 } = await onDay('2025-11-20T20:01', 'm0002');
      const closed = await m0002.post(`/api/activities/${r.body.id}/signin`, { token: t });
      assert.equal(closed.status, 409);
      assert.match(closed.body.error.message, /签到已截止/);

      const { office: o2, m0001: a2 } = await onDay('2025-12-10T09:00', 'office', 'm0001');
      const next = await o2.post('/api/activities', { kind: 'lecture', title: '委员讲坛', body: '讲座。', startsAt: '2025-12-10T09:00', endsAt: '2025-12-10T11:00', publish: true });
      assert.equal((await a2.post(`/api/activities/${next.body.id}/signin`, { token: await tokenOf(o2, next.body.id) })).status, 200);
    });

    test('the 2025 figures equal the scenario, each list agrees, and m0001\'s duty record shows their activities', async () => {
      const { office, leader, m0001, m0002 } = await onDay('2025-12-20T10:00', 'office', 'leader', 'm0001', 'm0002');
      const f = await leader.get('/api/figures?year=2025&modules=activities');
      assert.equal(f.status, 200, JSON.stringify(f.body));
      const figures = f.body.groups.flatMap((g: any) => g.figures);
      const v = Object.fromEntries(figures.map((x: any) => [x.key, x.value]));
      assert.deepEqual(v, {
        'activities.total': 4, 'activities.kind_study': 1, 'activities.kind_lecture': 0, 'activities.kind_home': 1, 'activities.kind_service': 1, 'activities.kind_reading': 1,
        // home 4 + study 2 + service 2 + reading 1; the December lecture is the 2026 working year's
        'activities.participations': 9, 'activities.home_participations': 4, 'activities.members': 5,
        'activities.deeds': 3, 'activities.served': 120 + 90 + 30,
        // no reading group in this scenario (reading-api.test.ts has them)
        'activities.reading_notes': 0, 'activities.reading_members': 0,
      });
      for (const x of figures) {
        const r = await leader.get(`${x.list.api}?${new URLSearchParams({ ...x.list.query, pageSize: '200' })}`);
        assert.equal(r.status, 200, `${x.key}: ${JSON.stringify(r.body)}`);
        if (x.list.sum) assert.equal(r.body.items.reduce((n: number, i: any) => n + i[x.list.sum], 0), x.value, x.key);
        else assert.equal(r.body.total, x.value, `${x.key}: its list has as many rows`);
      }
      // the statistics page: by county and by 委员之家
      const st = (await office.get('/api/activities/stats?year=2025')).body;
      const byHome = Object.fromEntries(st.byHome[0].figures.map((x: any) => [x.key, x.value]));
      assert.deepEqual([st.homes, st.byHome[0].label, byHome['activities.total'], byHome['activities.participations'], byHome['activities.deeds']], [1, '东街委员之家', 2, 6, 2]);
      assert.equal(st.byCounty[0].label, WORLD_COUNTY);
      assert.equal((await m0001.get('/api/activities/stats?year=2025')).status, 403);

      // the duty record: the member's own (home, study, service, reading), and read by a leader
      const own = await m0001.get('/api/members/me/record?year=2025');
      assert.equal(own.status, 200, JSON.stringify(own.body));
      const mine = Object.fromEntries(own.body.figures.filter((x: any) => x.key.startsWith('activities.')).map((x: any) => [x.key, x.value]));
      assert.deepEqual(mine, { 'activities.member.participations': 4, 'activities.member.deeds': 1, 'activities.member.served': 120, 'activities.member.reading_notes': 0 });
      const read = await leader.get(`/api/members/${uid('m0001')}/record?year=2025`);
      assert.equal(read.body.figures.find((x: any) => x.key === 'activities.member.participations').value, 4);
      // a member reads no one else's participations
      assert.equal((await m0002.get(`/api/activities/participations?userId=${uid('m0001')}`)).status, 403);
      assert.equal((await m0001.get('/api/activities/participations')).body.total, 5, 'their own, over every year');
      assert.equal((await m0001.get('/api/activities?mine=true')).body.total, 5);
      assert.equal((await office.get('/api/activities?kind=nonsense')).body.error.field, 'kind');
      assert.equal((await verifyAuditChain(w.zx.ctx.db)).ok, true);
    });
  });
}
