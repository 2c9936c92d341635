// The 会议 API through the real server on SQLite and PostgreSQL, on the kernel clock: the office creates a plenary of
// three sessions (bad input named in Chinese), sends the notice (the participants are told), members ask leave (one
// approved, one refused; a stale version is a 409), members sign in by the QR link (not twice, not for another, not
// outside the window, not with a forged code, not when not invited), the staff sign one in (audited), a speech is
// selected; closing fixes attendance by the two-thirds rule, and the figures equal the scenario and their lists.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const qs = (url: string, q: Record<string, string>) => `${url}?${new URLSearchParams(q)}`;

for (const d of await dialects()) {
  describe(`会议 API (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    const offset = clock.offsetMs();
    const uid = (u: string) => w.people.get(u)!.userId;
    async function onDay(when: string, ...users: string[]): Promise<Record<string, Client>> {
      clock.set(when);
      const cs = await Promise.all(users.map((u) => w.login(u)));
      return Object.fromEntries(users.map((u, i) => [u, cs[i]]));
    }
    before(async () => {
      clock.set('2025-03-01T09:00');
      w = await startWorld(d.kind, { members: 6, config: { webDist: '/nonexistent-web-dist' } });
    });
    after(async () => { clock.reset(); clock.advance(offset); await w?.close(); });

    let id: string;
    let sessions: Array<{ id: string; label: string }>;
    const tokens: string[] = [];
    const body = {
      kind: 'plenary', title: '政协第十四届长治市委员会第五次会议', place: '市会议中心', agenda: [{ title: '听取常委会工作报告', presenter: '秦秘书长' }],
      sessions: [
        { label: '开幕大会', startsAt: '2025-03-20T09:00', endsAt: '2025-03-20T11:30' },
        { label: '大会发言', startsAt: '2025-03-20T15:00', endsAt: '2025-03-20T17:30' },
        { label: '闭幕大会', startsAt: '2025-03-21T09:00', endsAt: '2025-03-21T11:00' },
      ],
    };

    test('create (bad input named in Chinese; members may not), notify: the participants are told', async () => {
      const { office, member, leader, sysadmin } = await onDay('2025-03-10T09:00', 'office', 'member', 'leader', 'sysadmin');
      const noTitle = await office.post('/api/meetings', { ...body, title: '' });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /会议名称/);
      const backwards = await office.post('/api/meetings', { ...body, sessions: [{ label: '开幕', startsAt: '2025-03-20T11:00', endsAt: '2025-03-20T09:00' }] });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.field, 'sessions.0.endsAt');
      assert.match(backwards.body.error.message, /结束时间.*应晚于开始时间/);
      const noSessions = await office.post('/api/meetings', { ...body, sessions: [] });
      assert.equal(noSessions.status, 400);
      assert.match(noSessions.body.error.message, /会次/);
      const badKind = await office.post('/api/meetings', { ...body, kind: 'party' });
      assert.equal(badKind.status, 400);
      assert.equal(badKind.body.error.field, 'kind');
      assert.equal((await member.post('/api/meetings', body)).status, 403);
      assert.equal((await sysadmin.get('/api/meetings')).status, 403, '三员 see no business data');

      const c = await office.post('/api/meetings', body);
      assert.equal(c.status, 201, JSON.stringify(c.body));
      id = c.body.id;
      sessions = c.body.sessionList;
      assert.equal(sessions.length, 3);
      // the plenary is for every member of the CPPCC: member and m0001–m0006; the county's member is not
      assert.deepEqual(c.body.participantList.map((p: { userId: string }) => p.userId).sort(), ['member', 'm0001', 'm0002', 'm0003', 'm0004', 'm0005', 'm0006'].map(uid).sort());
      assert.equal(c.body.heldOn, '2025-03-20');
      assert.deepEqual(c.body.actions.map((a: { name: string }) => a.name), ['notify']);
      // before the notice, members do not see it
      assert.equal((await member.get(`/api/meetings/${id}`)).status, 404);
      assert.equal((await member.get('/api/meetings')).body.total, 0);
      // the leader reads it (read_all) but cannot notify
      assert.equal((await leader.get(`/api/meetings/${id}`)).status, 200);

      // a stale version on edit is a 409, nothing written
      const e1 = await office.patch(`/api/meetings/${id}`, { version: 1, place: '市会议中心大礼堂' });
      assert.equal(e1.status, 200, JSON.stringify(e1.body));
      const stale = await office.patch(`/api/meetings/${id}`, { version: 1, place: '别处' });
      assert.equal(stale.status, 409);
      assert.equal((await office.get(`/api/meetings/${id}`)).body.place, '市会议中心大礼堂');

      const n = await office.post(`/api/meetings/${id}/transitions`, { action: 'notify', version: e1.body.version, input: {} });
      assert.equal(n.status, 200, JSON.stringify(n.body));
      assert.equal(n.body.state, 'noticed');
      await drained(w.zx);
      const inbox = await member.get('/api/notifications');
      assert.ok(inbox.body.items.some((x: { title: string; link: string }) => x.title.includes('全体会议通知') && x.link === `/meetings/${id}`), JSON.stringify(inbox.body.items));
      const mine = await member.get(`/api/meetings/${id}`);
      assert.equal(mine.status, 200);
      assert.equal(mine.body.participantList.length, 1, 'a member sees their own row only');
      assert.equal(mine.body.can.requestLeave, true);
      assert.equal(mine.body.actions.length, 0);
    });

    test('leave: asked with a reason before the session, approved or refused by the staff under the version', async () => {
      const { office, member, m0001, leader } = await onDay('2025-03-12T10:00', 'office', 'member', 'm0001', 'leader');
      const noReason = await member.post(`/api/meetings/${id}/leave`, { reason: '' });
      assert.equal(noReason.status, 400);
      assert.match(noReason.body.error.message, /请假事由/);
      assert.equal((await leader.post(`/api/meetings/${id}/leave`, { reason: '出差在外' })).status, 403, 'not a participant of the plenary');
      const l = await member.post(`/api/meetings/${id}/leave`, { reason: '参加省里的培训' });
      assert.equal(l.status, 200, JSON.stringify(l.body));
      assert.equal(l.body.me.leaveState, 'requested');
      const twice = await member.post(`/api/meetings/${id}/leave`, { reason: '参加省里的培训' });
      assert.equal(twice.status, 409);
      assert.equal((await m0001.post(`/api/meetings/${id}/leave`, { reason: '家中有事' })).status, 200);

      const all = (await office.get(`/api/meetings/${id}`)).body.participantList as Array<{ id: string; userId: string; version: number }>;
      const pm = all.find((p) => p.userId === uid('member'))!;
      const p1 = all.find((p) => p.userId === uid('m0001'))!;
      assert.equal((await member.post(`/api/meetings/${id}/participants/${pm.id}/leave`, { version: pm.version, approve: true })).status, 403, 'a member may not approve');
      assert.equal((await office.post(`/api/meetings/${id}/participants/${pm.id}/leave`, { version: pm.version - 1, approve: true })).status, 409, 'stale version');
      assert.equal((await office.post(`/api/meetings/${id}/participants/${pm.id}/leave`, { version: pm.version, approve: true })).status, 200);
      assert.equal((await office.post(`/api/meetings/${id}/participants/${p1.id}/leave`, { version: p1.version, approve: false })).status, 200);
      assert.equal((await office.post(`/api/meetings/${id}/participants/${p1.id}/leave`, { version: p1.version + 1, approve: true })).status, 409, 'nothing to decide any more');
      await drained(w.zx);
      assert.ok((await member.get('/api/notifications')).body.items.some((x: { title: string }) => x.title === '请假已批准'));
      assert.ok((await m0001.get('/api/notifications')).body.items.some((x: { title: string }) => x.title === '请假未批准'));

      // a speech: submitted by a participant, selected by the staff under its version
      const m2 = await w.login('m0002');
      const bad = await m2.post(`/api/meetings/${id}/speeches`, { kind: 'sung', title: '关于老旧小区改造的建议', body: '一是加强统筹；二是完善政策。' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'kind');
      const sp = await m2.post(`/api/meetings/${id}/speeches`, { kind: 'written', title: '关于老旧小区改造的建议', body: '一是加强统筹；二是完善政策；三是强化落实。' });
      assert.equal(sp.status, 201, JSON.stringify(sp.body));
      const s = sp.body.speeches[0];
      assert.equal((await office.post(`/api/meetings/${id}/speeches/${s.id}/decision`, { version: s.version, select: true })).status, 200);
      assert.equal((await office.post(`/api/meetings/${id}/speeches/${s.id}/decision`, { version: s.version, select: false })).status, 409, 'stale');
    });

    test('QR sign-in: once, only for oneself, inside the window, with the real code; staff sign-in audited', async () => {
      let { office, m0002, m0003, county, leader } = await onDay('2025-03-20T07:30', 'office', 'm0002', 'm0003', 'county', 'leader');
      for (const s of sessions) {
        const code = await office.get(`/api/meetings/${id}/sessions/${s.id}/signin-code`);
        assert.equal(code.status, 200, JSON.stringify(code.body));
        const u = new URL(code.body.url, 'http://x');
        assert.equal(u.pathname, `/meetings/${id}/signin`);
        assert.equal(u.searchParams.get('s'), s.id);
        tokens.push(u.searchParams.get('t')!);
      }
      assert.equal((await m0002.get(`/api/meetings/${id}/sessions/${sessions[0].id}/signin-code`)).status, 403, 'members do not get the code from the API');
      const at = (i: number) => `/api/meetings/${id}/sessions/${sessions[i].id}/signin`;
      const early = await m0002.post(at(0), { token: tokens[0] });
      assert.equal(early.status, 409);
      assert.match(early.body.error.message, /签到尚未开始（2025-03-20 08:00 起可签到）/);

      ({ office, m0002, m0003, county, leader } = await onDay('2025-03-20T08:40', 'office', 'm0002', 'm0003', 'county', 'leader'));
      const forged = await m0002.post(at(0), { token: tokens[1] });
      assert.equal(forged.status, 400, 'the code of another session');
      assert.equal(forged.body.error.field, 'token');
      assert.match(forged.body.error.message, /签到码/);
      const ok = await m0002.post(at(0), { token: tokens[0] });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.session, '开幕大会');
      const again = await m0002.post(at(0), { token: tokens[0] });
      assert.equal(again.status, 409);
      assert.match(again.body.error.message, /不能重复签到/);
      const forOther = await m0003.post(at(0), { token: tokens[0], userId: uid('m0002') });
      assert.equal(forOther.status, 403);
      assert.match(forOther.body.error.message, /不能替他人签到/);
      assert.equal((await county.post(at(0), { token: tokens[0] })).status, 404, 'another CPPCC');
      const stranger = await leader.post(at(0), { token: tokens[0] });
      assert.equal(stranger.status, 403);
      assert.match(stranger.body.error.message, /不在本次会议的参会名单中/);

      // the staff mark m0003 present (audited, by staff); a member may not
      assert.equal((await m0002.post(`/api/meetings/${id}/sessions/${sessions[0].id}/signin-for`, { userId: uid('m0003') })).status, 403);
      const staff = await office.post(`/api/meetings/${id}/sessions/${sessions[0].id}/signin-for`, { userId: uid('m0003') });
      assert.equal(staff.status, 200, JSON.stringify(staff.body));
      assert.equal((await office.post(`/api/meetings/${id}/sessions/${sessions[0].id}/signin-for`, { userId: uid('m0003') })).status, 409);
      assert.equal((await office.post(`/api/meetings/${id}/sessions/${sessions[0].id}/signin-for`, { userId: uid('county') })).status, 400);
      const audit = await w.zx.ctx.db.selectFrom('audit_log').select(['action', 'data', 'actor_id']).where('entity_id', '=', id).where('action', '=', 'meeting.sign_in').execute();
      assert.equal(audit.length, 2);
      assert.ok(audit.some((a) => a.actor_id === uid('office') && String(a.data).includes('"byStaff":true')));

      // after the morning session ends and before the afternoon's opens: late for the first
      let { m0004: m4 } = await onDay('2025-03-20T12:00', 'm0004');
      const late = await m4.post(at(0), { token: tokens[0] });
      assert.equal(late.status, 409);
      assert.match(late.body.error.message, /签到已截止/);
      ({ m0002, m0003, m0004: m4 } = await onDay('2025-03-20T15:10', 'm0002', 'm0003', 'm0004'));
      // scans arriving together commit together; the same member scanning twice at once gets one sign-in and a 409
      const together = await Promise.all([m0002, m0003, m4, m0002].map((c) => c.post(at(1), { token: tokens[1] })));
      assert.deepEqual(together.map((x) => x.status).sort(), [200, 200, 200, 409], JSON.stringify(together.map((x) => x.body)));
      const rows = await w.zx.ctx.db.selectFrom('meeting_signins').select('user_id').where('session_id', '=', sessions[1].id).execute();
      assert.equal(rows.length, 3);
      const { m0005: m5, member: mem } = await onDay('2025-03-21T09:05', 'm0002', 'm0005', 'member');
      m0002 = await w.login('m0002');
      assert.equal((await m0002.post(at(2), { token: tokens[2] })).status, 200);
      assert.equal((await m5.post(at(2), { token: tokens[2] })).status, 200);
      // the member on leave may not ask for leave once the meeting has begun
      assert.equal((await mem.post(`/api/meetings/${id}/leave`, { reason: '临时有事' })).status, 409);
    });

    test('closing fixes attendance by the two-thirds rule; the figures equal the scenario and their lists', async () => {
      const { office, member, m0002, m0004 } = await onDay('2025-03-21T12:00', 'office', 'member', 'm0002', 'm0004');
      const cur = (await office.get(`/api/meetings/${id}`)).body;
      const closed = await office.post(`/api/meetings/${id}/transitions`, { action: 'close', version: cur.version, input: {} });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      const codes = Object.fromEntries(closed.body.participantList.map((p: { userId: string; attendance: string }) => [p.userId, p.attendance]));
      assert.deepEqual(codes, {
        [uid('member')]: 'leave', // approved leave, no sign-in
        [uid('m0001')]: 'absent', // leave refused
        [uid('m0002')]: 'present', // 3 of 3
        [uid('m0003')]: 'present', // 2 of 3 (one by staff)
        [uid('m0004')]: 'absent', // 1 of 3: less than two thirds
        [uid('m0005')]: 'absent', // 1 of 3
        [uid('m0006')]: 'absent', // none
      });
      assert.deepEqual(closed.body.summary, { expected: 7, present: 2, leave: 1, absent: 4, rate: 28.6 });
      assert.equal((await m0002.post(`/api/meetings/${id}/sessions/${sessions[2].id}/signin`, { token: tokens[2] })).status, 409, 'closed');

      const check = async (c: Client, f: { key: string; value: number; list?: { api: string; query: Record<string, string> } }) => {
        const l = await c.get(qs(f.list!.api, f.list!.query));
        assert.equal(l.status, 200, JSON.stringify(l.body));
        assert.equal(l.body.total, f.value, `${f.key}: the list agrees`);
      };
      const org = await office.get(qs('/api/figures', { from: '2025-01-01', to: '2025-12-31', modules: 'meetings' }));
      const of = Object.fromEntries(org.body.groups[0].figures.map((f: { key: string }) => [f.key, f]));
      assert.equal(of['meetings.kind_plenary'].value, 1);
      assert.equal(of['meetings.kind_standing'].value, 0);
      assert.equal(of['meetings.expected'].value, 7);
      assert.equal(of['meetings.attended'].value, 2);
      assert.equal(of['meetings.attended'].share.percent, 28.6);
      for (const f of Object.values(of)) await check(office, f as never);

      const mineOf = async (c: Client, u: string) => Object.fromEntries((await c.get(qs('/api/figures', { from: '2025-01-01', to: '2025-12-31', modules: 'meetings', userId: uid(u) }))).body.groups[0].figures.map((f: { key: string; value: number }) => [f.key, f]));
      const m2 = await mineOf(m0002, 'm0002');
      assert.deepEqual([m2['meetings.member.attended'].value, m2['meetings.member.leave'].value, m2['meetings.member.absent'].value, m2['meetings.member.speeches'].value], [1, 0, 0, 1]);
      for (const f of Object.values(m2)) await check(m0002, f as never);
      const mm = await mineOf(member, 'member');
      assert.deepEqual([mm['meetings.member.attended'].value, mm['meetings.member.leave'].value, mm['meetings.member.absent'].value], [0, 1, 0]);
      const m4 = await mineOf(office, 'm0004');
      assert.equal(m4['meetings.member.absent'].value, 1);
      // a member may not read another's attendance
      assert.equal((await m0004.get(qs('/api/meetings/attendance', { userId: uid('m0002') }))).status, 403);
      // outside the period nothing counts
      const before = await office.get(qs('/api/figures', { from: '2024-01-01', to: '2024-12-31', modules: 'meetings' }));
      assert.equal(before.body.groups[0].figures.find((f: { key: string }) => f.key === 'meetings.kind_plenary').value, 0);
      // the duty record (履职档案) shows the member's meetings
      const rec = await office.get(qs(`/api/members/${uid('m0002')}/record`, { year: '2025' }));
      assert.equal(rec.status, 200, JSON.stringify(rec.body).slice(0, 300));
      assert.ok(JSON.stringify(rec.body).includes('meetings.member.attended'), 'the duty record carries the meeting figures');
      assert.equal((await verifyAuditChain(w.zx.ctx.db)).ok, true);
    });

    test('standing committee and chairs: participants from the kind, added one by one and told', async () => {
      const { office, leader, m0006 } = await onDay('2025-04-01T09:00', 'office', 'leader', 'm0006');
      const chairs = await office.post('/api/meetings', { kind: 'chairs', title: '第四十二次主席会议', place: '五楼会议室', sessions: [{ label: '主席会议', startsAt: '2025-04-10T15:00', endsAt: '2025-04-10T17:00' }] });
      assert.equal(chairs.status, 201);
      assert.deepEqual(chairs.body.participantList.map((p: { userId: string }) => p.userId), [uid('leader')]);
      const st = await office.post('/api/meetings', { kind: 'standing', title: '第十九次常委会议', place: '三楼会议室', sessions: [{ label: '全体会议', startsAt: '2025-04-11T09:00', endsAt: '2025-04-11T12:00' }] });
      assert.equal(st.status, 201);
      assert.equal(st.body.participantList.length, 0, 'no standing members in this world');
      const n = await office.post(`/api/meetings/${st.body.id}/transitions`, { action: 'notify', version: st.body.version, input: {} });
      const bad = await office.post(`/api/meetings/${st.body.id}/participants`, { version: n.body.version, userIds: ['nobody'] });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'userIds.0');
      const add = await office.post(`/api/meetings/${st.body.id}/participants`, { version: n.body.version, userIds: [uid('m0006'), uid('leader')] });
      assert.equal(add.status, 200, JSON.stringify(add.body));
      assert.equal(add.body.participantList.length, 2);
      assert.equal((await office.post(`/api/meetings/${st.body.id}/participants`, { version: add.body.version, userIds: [uid('m0006')] })).status, 409, 'already in');
      await drained(w.zx);
      assert.ok((await m0006.get('/api/notifications')).body.items.some((x: { title: string }) => x.title.includes('常委会议通知')));
      assert.ok((await leader.get('/api/notifications')).body.items.some((x: { title: string }) => x.title.includes('第十九次常委会议')));
      const p = add.body.participantList.find((x: { userId: string }) => x.userId === uid('leader'));
      assert.equal((await office.del(`/api/meetings/${st.body.id}/participants/${p.id}`)).status, 200);
      assert.equal((await office.get(`/api/meetings/${st.body.id}`)).body.participantList.length, 1);
    });
  });
}
