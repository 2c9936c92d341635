// 书香政协 through the real server on SQLite and PostgreSQL: the office opens a reading group with its 领读人, members
// join, the 领读人 keeps the book list (plan days checked), members check in with notes (one a day per group, not in
// the future, at most 30 days back; only the group's members; the book must be the group's), reply to each other, and
// the notes reach the duty record and the reading figures, each opening exactly its rows. Edits go under the version.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`书香政协读书群 (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    const offset = clock.offsetMs();
    const uid = (u: string) => w.people.get(u)!.userId;
    async function onDay(when: string, ...users: string[]): Promise<Record<string, Client>> {
      clock.set(when);
      const cs = await Promise.all(users.map((u) => w.login(u)));
      return Object.fromEntries(users.map((u, i) => [u, cs[i]]));
    }
    const follow = async (c: Client, f: { key: string; value: number; list?: { api: string; query: Record<string, string> } }) => {
      const r = await c.get(`${f.list!.api}?${new URLSearchParams({ ...f.list!.query, pageSize: '1' })}`);
      assert.equal(r.status, 200, `${f.key}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.total, f.value, `${f.key} opens exactly its rows`);
    };

    before(async () => {
      clock.set('2025-04-01T09:00');
      w = await startWorld(d.kind, { members: 4, config: { webDist: '/nonexistent-web-dist' } });
    });
    after(async () => { clock.reset(); clock.advance(offset); await w?.close(); });

    let group: string;
    let book: string;
    test('the office opens a group with its 领读人; members join once; bad input is named; the 领读人 keeps the book list', async () => {
      const { office, member, m0001, m0002 } = await onDay('2025-04-01T09:00', 'office', 'member', 'm0001', 'm0002');
      assert.equal((await member.post('/api/activities/reading/groups', { name: '委员读书群', intro: '共读经典。' })).status, 403, 'a member cannot open a group');
      const short = await office.post('/api/activities/reading/groups', { name: '读', intro: '共读经典。' });
      assert.equal(short.status, 400);
      assert.equal(short.body.error.field, 'name');
      assert.match(short.body.error.message, /读书群名称/);
      const stranger = await office.post('/api/activities/reading/groups', { name: '委员读书群', intro: '共读经典。', leaderUserId: 'nobody' });
      assert.equal(stranger.status, 400);
      assert.equal(stranger.body.error.field, 'leaderUserId');
      const c = await office.post('/api/activities/reading/groups', { name: '“书香政协·E读相伴”读书群', intro: '每月共读一本书，线上打卡交流。', leaderUserId: uid('member') });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      group = c.body.id;
      assert.equal(c.body.leaderName, '王委员', 'the demo member leads it');
      assert.deepEqual(c.body.memberList.map((m: { userId: string }) => m.userId), [uid('member')], 'the 领读人 is in the group');

      const j = await m0001.post(`/api/activities/reading/groups/${group}/join`);
      assert.equal(j.status, 200, JSON.stringify(j.body));
      assert.equal(j.body.members, 2);
      assert.equal(j.body.canCheckIn, true);
      const again = await m0001.post(`/api/activities/reading/groups/${group}/join`);
      assert.equal(again.status, 409);
      assert.equal((await office.post(`/api/activities/reading/groups/${group}/join`)).status, 403, 'staff are not members');
      assert.equal((await m0002.post('/api/activities/reading/groups/none/join')).status, 404);

      // the book list: the 领读人 and the office; not an ordinary member; the plan's days in order
      assert.equal((await m0001.post(`/api/activities/reading/groups/${group}/books`, { title: '乡土中国', startsOn: '2025-04-01', endsOn: '2025-04-30' })).status, 403);
      const backwards = await member.post(`/api/activities/reading/groups/${group}/books`, { title: '乡土中国', startsOn: '2025-04-30', endsOn: '2025-04-01' });
      assert.equal(backwards.status, 400);
      assert.equal(backwards.body.error.field, 'endsOn');
      const noDay = await member.post(`/api/activities/reading/groups/${group}/books`, { title: '乡土中国', startsOn: '2025-02-30', endsOn: '2025-04-01' });
      assert.equal(noDay.status, 400);
      assert.equal(noDay.body.error.field, 'startsOn');
      const b = await member.post(`/api/activities/reading/groups/${group}/books`, { title: '乡土中国', author: '费孝通', plan: '每周读两章，周五交流。', startsOn: '2025-04-01', endsOn: '2025-04-30' });
      assert.equal(b.status, 201, JSON.stringify(b.body));
      book = b.body.bookList[0].id;
      assert.equal(b.body.currentBook, '乡土中国');
    });

    test('editing a group under its version: the 领读人 renames it, cannot hand it on; stale is 409', async () => {
      const { office, member, m0001 } = await onDay('2025-04-01T10:00', 'office', 'member', 'm0001');
      const g = (await member.get(`/api/activities/reading/groups/${group}`)).body;
      assert.equal(g.canEdit, true);
      assert.equal(g.canChangeLeader, false);
      assert.equal((await m0001.put(`/api/activities/reading/groups/${group}`, { version: g.version, name: '别的名字' })).status, 403);
      assert.equal((await member.put(`/api/activities/reading/groups/${group}`, { version: g.version, leaderUserId: uid('m0001') })).status, 403);
      const e1 = await member.put(`/api/activities/reading/groups/${group}`, { version: g.version, intro: '每月共读一本书，每周线上交流。' });
      assert.equal(e1.status, 200, JSON.stringify(e1.body));
      const stale = await office.put(`/api/activities/reading/groups/${group}`, { version: g.version, name: '旧的' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      assert.equal((await member.del(`/api/activities/reading/groups/${group}/join`)).status, 409, 'the 领读人 cannot leave while leading');
    });

    let note: string;
    test('check-ins with notes: members of the group only, one a day, not in the future, at most 30 days back, the group\'s own books', async () => {
      const { member, m0001, m0002, office } = await onDay('2025-04-03T21:00', 'member', 'm0001', 'm0002', 'office');
      const text = '读《乡土中国》“差序格局”一章，体会到基层治理要从熟人社会的特点出发。';
      assert.equal((await m0002.post('/api/activities/reading/notes', { groupId: group, content: text })).status, 403, 'not in the group');
      const tooShort = await m0001.post('/api/activities/reading/notes', { groupId: group, content: '好书' });
      assert.equal(tooShort.status, 400);
      assert.equal(tooShort.body.error.field, 'content');
      assert.match(tooShort.body.error.message, /读书心得/);
      const future = await m0001.post('/api/activities/reading/notes', { groupId: group, content: text, onDate: '2025-04-04' });
      assert.equal(future.status, 400);
      assert.equal(future.body.error.field, 'onDate');
      const old = await m0001.post('/api/activities/reading/notes', { groupId: group, content: text, onDate: '2025-03-01' });
      assert.equal(old.status, 400);
      assert.equal(old.body.error.field, 'onDate');
      const other = await office.post('/api/activities/reading/groups', { name: '青年委员读书群', intro: '青年委员共读。' });
      const otherBook = await office.post(`/api/activities/reading/groups/${other.body.id}/books`, { title: '平凡的世界', startsOn: '2025-04-01', endsOn: '2025-05-31' });
      const wrongBook = await m0001.post('/api/activities/reading/notes', { groupId: group, bookId: otherBook.body.bookList[0].id, content: text });
      assert.equal(wrongBook.status, 400);
      assert.equal(wrongBook.body.error.field, 'bookId');
      assert.equal((await m0001.post('/api/activities/reading/notes', { groupId: 'none', content: text })).body.error.field, 'groupId');

      const n = await m0001.post('/api/activities/reading/notes', { groupId: group, bookId: book, content: text });
      assert.equal(n.status, 201, JSON.stringify(n.body));
      note = n.body.id;
      assert.equal(n.body.onDate, '2025-04-03');
      assert.equal(n.body.bookTitle, '乡土中国');
      const twice = await m0001.post('/api/activities/reading/notes', { groupId: group, content: text });
      assert.equal(twice.status, 409, 'one check-in a day');
      // two at once: one check-in, one 409
      const race = await Promise.all([0, 1].map(() => member.post('/api/activities/reading/notes', { groupId: group, bookId: book, content: text })));
      assert.deepEqual(race.map((r) => r.status).sort(), [201, 409]);
      // a forgotten day made up
      const madeUp = await m0001.post('/api/activities/reading/notes', { groupId: group, content: text, onDate: '2025-04-02' });
      assert.equal(madeUp.status, 201);
      const d0 = (await m0001.get(`/api/activities/reading/groups/${group}`)).body;
      assert.equal(d0.checkedInToday, true);
      assert.equal(d0.canCheckIn, false);
      assert.equal(d0.bookList[0].notes, 2);
    });

    test('discussion: the group\'s members and the office reply; others may not', async () => {
      const { member, m0002, office } = await onDay('2025-04-04T08:00', 'member', 'm0002', 'office');
      assert.equal((await m0002.post(`/api/activities/reading/notes/${note}/replies`, { content: '说得好' })).status, 403);
      assert.equal((await member.post(`/api/activities/reading/notes/${note}/replies`, { content: '' })).status, 400);
      assert.equal((await member.post(`/api/activities/reading/notes/${note}/replies`, { content: '同感，“礼治秩序”一章也值得细读。' })).status, 201);
      assert.equal((await office.post(`/api/activities/reading/notes/${note}/replies`, { content: '下周五线上交流，欢迎发言。' })).status, 201);
      assert.equal((await member.post('/api/activities/reading/notes/none/replies', { content: '好' })).status, 404);
      const list = (await m0002.get(`/api/activities/reading/notes?groupId=${group}`)).body;
      assert.equal(list.total, 3);
      const n = list.items.find((x: { id: string }) => x.id === note);
      assert.deepEqual(n.replies.map((r: { content: string }) => r.content), ['同感，“礼治秩序”一章也值得细读。', '下周五线上交流，欢迎发言。']);
    });

    test('the notes reach the duty record and the reading figures, each opening exactly its rows; a member reads only their own record', async () => {
      const { member, m0001, m0002, leader } = await onDay('2025-04-05T09:00', 'member', 'm0001', 'm0002', 'leader');
      const mine = (await m0001.get(`/api/figures?year=2025&userId=${uid('m0001')}&modules=activities`)).body;
      const f = mine.groups[0].figures.find((x: { key: string }) => x.key === 'activities.member.reading_notes');
      assert.equal(f.value, 2);
      await follow(m0001, f);
      assert.equal((await m0002.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`)).status, 403, 'not another member\'s record');
      assert.equal((await leader.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`)).body.total, 2, 'a leader reads it');

      const org = (await leader.get('/api/figures?year=2025&modules=activities')).body.groups[0].figures;
      const notes = org.find((x: { key: string }) => x.key === 'activities.reading_notes');
      const readers = org.find((x: { key: string }) => x.key === 'activities.reading_members');
      assert.equal(notes.value, 3);
      assert.equal(readers.value, 2);
      await follow(leader, notes);
      await follow(leader, readers);
      assert.equal((await member.get(`${readers.list.api}?${new URLSearchParams(readers.list.query)}`)).status, 403);

      const stats = (await leader.get('/api/activities/reading/stats?year=2025')).body;
      const g = stats.byGroup.find((x: { key: string }) => x.key === group);
      assert.deepEqual(g.figures.map((x: { value: number }) => x.value), [3, 2]);
      for (const x of g.figures) await follow(leader, x);
      assert.equal((await member.get('/api/activities/reading/stats')).status, 403);
      // the group's page shows the same figures of the current working year
      const page = (await member.get(`/api/activities/reading/groups/${group}`)).body;
      assert.deepEqual(page.figures.map((x: { value: number }) => x.value), [3, 2]);
      // the duty score's many-members path counts the same notes
      const rec = (await m0001.get('/api/members/me/record?year=2025')).body;
      assert.ok(JSON.stringify(rec).includes('activities.member.reading_notes'), 'the duty record shows the reading notes');
    });

    test('leaving keeps the notes: they were read and count', async () => {
      const { m0001 } = await onDay('2025-04-06T09:00', 'm0001');
      const l = await m0001.post(`/api/activities/reading/groups/${group}/join`);
      assert.equal(l.status, 409);
      const left = await m0001.del(`/api/activities/reading/groups/${group}/join`);
      assert.equal(left.status, 200, JSON.stringify(left.body));
      assert.equal(left.body.joined, false);
      assert.equal(left.body.canCheckIn, false);
      assert.equal((await m0001.del(`/api/activities/reading/groups/${group}/join`)).status, 409);
      assert.equal((await m0001.get(`/api/activities/reading/notes?userId=${uid('m0001')}`)).body.total, 2);
      assert.equal((await m0001.post('/api/activities/reading/notes', { groupId: group, content: '离开之后还想写一篇读书心得。' })).status, 403);
    });
  });
}
