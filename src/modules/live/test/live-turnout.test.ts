// 网络议政 turnout, through the real server on SQLite and PostgreSQL: when a session opens the invited (members, the
// invited department's accounts) are told with the room's link; an invited person coming into the open room is counted
// once, pushed to the hosts' stream; the hosts' figure opens exactly the people it counts; others may not see it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { drained } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';

for (const d of await dialects()) {
  describe(`网络议政到场 (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let host: Client, member: Client, unit: Client;
    let session: any;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [host, member, unit] = await Promise.all(['committee', 'member', 'unit'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('opening the session tells the invited, with the room link', async () => {
      const unitId = (await s.zx.ctx.db.selectFrom('users').select('org_id').where('username', '=', 'unit').executeTakeFirstOrThrow()).org_id;
      const now = clock.nowMs();
      session = (await host.post('/api/live/sessions', {
        title: '背街小巷环境整治网络议政', topic: '围绕背街小巷环境整治听取意见。', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 2 * 3600_000).toISOString(),
        responderUnitIds: [unitId], publicAccess: 'none',
      })).body;
      assert.ok(session.id, JSON.stringify(session));
      const before = await host.get(`/api/live/sessions/${session.id}/room`);
      assert.deepEqual(before.body.turnout, { invited: before.body.turnout.invited, joined: 0 });
      assert.ok(before.body.turnout.invited >= 2, 'members and the department are invited');
      const r = await host.post(`/api/live/sessions/${session.id}/transitions`, { action: 'open', version: session.version, input: {} });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      await drained(s.zx);
      for (const c of [member, unit]) {
        const inbox = await c.get('/api/notifications?pageSize=50');
        assert.ok(JSON.stringify(inbox.body).includes(`/live/${session.id}`), 'told with the room link');
        assert.ok(JSON.stringify(inbox.body).includes('网络议政已开始'));
      }
      const hostInbox = await host.get('/api/notifications?pageSize=50');
      assert.ok(!JSON.stringify(hostInbox.body).includes(`/live/${session.id}`), 'the hosts are not told: they opened it');
    });

    test('an invited person coming in counts once and the hosts hear of it; the figure opens exactly those who came', async () => {
      const url = `/api/live/sessions/${session.id}/room`;
      const invited = (await host.get(url)).body.turnout.invited;
      const m = await member.get(url);
      assert.equal(m.status, 200);
      assert.equal(m.body.turnout, null, 'a member does not see the turnout');
      await member.get(url); // a second visit, another tab
      await unit.get(url);
      const h = await host.get(url);
      assert.deepEqual(h.body.turnout, { invited, joined: 2 });
      assert.deepEqual((await host.get(url)).body.turnout, { invited, joined: 2 }, 'the host opening the room is not counted');

      // pushed: the hosts' stream holds one turnout event per arrival, the last with the counts
      const events = await s.zx.ctx.db.selectFrom('live_events' as any).select(['kind', 'hosts_only', 'data', 'seq'] as any).where('session_id', '=', session.id).where('kind', '=', 'turnout').orderBy('seq' as any).execute() as any[];
      assert.equal(events.length, 2);
      assert.ok(events.every((e) => Number(e.hosts_only) === 1), 'only the hosts see the turnout');
      assert.deepEqual(JSON.parse(events[1].data), { invited, joined: 2 });

      const list = await host.get(`/api/live/sessions/${session.id}/turnout?joined=true`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.equal(list.body.joined, 2);
      assert.equal(list.body.items.length, list.body.joined, 'the figure opens exactly that many rows');
      assert.ok(list.body.items.every((p: any) => p.joinedAt && p.name && p.name !== p.userId));
      const all = await host.get(`/api/live/sessions/${session.id}/turnout`);
      assert.equal(all.body.items.length, invited);
      assert.equal((await host.get(`/api/live/sessions/${session.id}/turnout?joined=false`)).body.items.length, invited - 2);
      assert.equal((await host.get(`/api/live/sessions/${session.id}/turnout?joined=maybe`)).body.error.field, 'joined');
      assert.equal((await member.get(`/api/live/sessions/${session.id}/turnout`)).status, 403);
    });
  });
}
