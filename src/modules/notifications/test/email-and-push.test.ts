// E-mail delivered to a real SMTP server started here, and pushes over a real server-sent event stream.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadActor } from '../../identity/index.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { startWorld, type World } from './harness.ts';
import { createDemoTable, demoSpec, type DemoItem } from './demo-workflow.ts';
import { openStream } from '../../../../test/support/sse-client.ts';

interface Captured { from: string; to: string[]; raw: string }

/** Decode RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header value. */
function decodeWords(v: string): string {
  return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _cs, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

/** Headers (unfolded, decoded) and the decoded text body of a single-part message. */
function parseMail(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = decodeWords(line.slice(i + 1).trim());
  }
  let body = raw.slice(at + 4);
  const cte = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (cte === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable') body = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { headers, body };
}

describe('e-mail and real-time push', () => {
  let w: World;
  let smtp: SMTPServer;
  const inbox: Captured[] = [];
  let port = 0;

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    w = await startWorld('sqlite', { smtpUrl: `smtp://127.0.0.1:${smtpPort}` });
    await createDemoTable(w.zx.ctx.db);
    await w.zx.app.listen({ port: 0, host: '127.0.0.1' });
    port = (w.zx.app.server.address() as AddressInfo).port;
  });
  after(async () => {
    await w?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  test('a notification is e-mailed to recipients with an address, in Chinese, and the delivery is logged', async () => {
    await w.zx.ctx.notifier.notify({
      tenantId: w.orgs.city, userIds: [w.users.alice.id, w.users.bob.id], kind: 'notice',
      title: '关于召开十四届四次会议的通知', body: '请各位委员按时参加全体会议。', link: '/meetings/1',
    });
    await w.zx.ctx.events.drain();
    assert.equal(inbox.length, 1, 'bob has no e-mail address, so only alice is mailed');
    const m = inbox[0];
    assert.deepEqual(m.to, ['alice@example.test']);
    const { headers, body } = parseMail(m.raw);
    assert.equal(headers.subject, '关于召开十四届四次会议的通知');
    assert.match(headers.to, /王委员/);
    assert.match(body, /请各位委员按时参加全体会议。/);
    assert.match(body, /\/meetings\/1/);
    const log = await w.zx.ctx.db.selectFrom('notification_deliveries').selectAll().where('channel', '=', 'email').execute();
    assert.equal(log.length, 1);
    assert.equal(log[0].status, 'sent');
  });

  test('the SSE stream pushes a new notification to its user only', async () => {
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const sa = await openStream(port, alice.cookie);
    const sb = await openStream(port, bob.cookie);
    try {
      assert.equal(sa.status, 200);
      await w.zx.ctx.notifier.notify({ tenantId: w.orgs.city, userIds: [w.users.alice.id], kind: 'notice', title: '只给王委员', body: '内容' });
      const e = await sa.next((x) => x.event === 'notification');
      assert.equal(e.data.title, '只给王委员');
      assert.equal(e.data.readAt, null);
      const stored = await alice.get('/api/notifications?pageSize=1');
      assert.equal(e.data.id, stored.body.items[0].id);
      // a later notice to bob travels behind anything alice's could have pushed to him: once it is there, nothing else came
      await w.zx.ctx.notifier.notify({ tenantId: w.orgs.city, userIds: [w.users.bob.id], kind: 'notice', title: '给李委员', body: '内容' });
      await sb.next((x) => x.event === 'notification' && x.data.title === '给李委员');
      assert.deepEqual(sb.events.filter((x) => x.event === 'notification').map((x) => x.data.title), ['给李委员'], 'bob gets nothing of alice\'s');
    } finally {
      sa.close();
      sb.close();
    }
  });

  test('signing out ends that session\'s event stream and leaves other people\'s open', async () => {
    const alice = await w.login('alice');
    const bob = await w.login('bob');
    const sa = await openStream(port, alice.cookie);
    const sb = await openStream(port, bob.cookie);
    try {
      assert.equal(sa.status, 200);
      let bobEnded = false;
      void sb.ended.then(() => { bobEnded = true; });
      const out = await alice.post('/api/auth/logout');
      assert.equal(out.status, 200);
      const timeout = new Promise<string>((r) => setTimeout(() => r('still open'), 3000));
      assert.equal(await Promise.race([sa.ended.then(() => 'ended'), timeout]), 'ended', 'the signed-out session\'s stream is closed');
      await w.zx.ctx.notifier.notify({ tenantId: w.orgs.city, userIds: [w.users.bob.id], kind: 'notice', title: '仍在线', body: '内容' });
      assert.equal((await sb.next((x) => x.event === 'notification')).data.title, '仍在线');
      assert.equal(bobEnded, false, 'another person\'s stream stays open');
    } finally {
      sa.close();
      sb.close();
    }
  });

  test('a transition pushes a worklist event to the unit role holders and the actor, and a task notification to the unit', async () => {
    const clerk = await w.login('clerk');
    const carol = await w.login('carol');
    const alice = await w.login('alice');
    const sc = await openStream(port, clerk.cookie);
    const so = await openStream(port, carol.cookie);
    const sa = await openStream(port, alice.cookie);
    try {
      const actor = await loadActor(w.zx.ctx.db, w.users.alice.id);
      const item = await w.zx.ctx.workflows.create(demoSpec, {
        id: newId(), tenant_id: w.orgs.city, title: '关于加强农村养老服务体系建设的建议', owner_id: w.users.alice.id, unit_id: w.orgs.unit,
      } as Omit<DemoItem, 'state' | 'version' | 'created_at' | 'updated_at'>, actor);
      await w.zx.ctx.workflows.fire(demoSpec, { id: item.id, action: 'send', expectedVersion: 1, actor });
      const wl = await sc.next((x) => x.event === 'worklist' && x.data.entityId === item.id);
      assert.equal(wl.data.to, 'at_unit');
      assert.equal(wl.data.type, 'demo.transitioned');
      const n = await sc.next((x) => x.event === 'notification' && x.data.kind === 'task');
      assert.equal(n.data.link, `/demos/${item.id}`);
      await sa.next((x) => x.event === 'worklist' && x.data.to === 'at_unit');
      // a later notice to each travels behind anything the transition could have pushed to them
      await w.zx.ctx.notifier.notify({ tenantId: w.orgs.county, userIds: [w.users.carol.id], kind: 'notice', title: '标记', body: '内容' });
      await w.zx.ctx.notifier.notify({ tenantId: w.orgs.city, userIds: [w.users.alice.id], kind: 'notice', title: '标记', body: '内容' });
      await so.next((x) => x.event === 'notification' && x.data.title === '标记');
      await sa.next((x) => x.event === 'notification' && x.data.title === '标记');
      assert.deepEqual(so.events.map((x) => `${x.event}:${x.data.title}`), ['notification:标记'], 'a county member is not concerned');
      assert.deepEqual(sa.events.filter((x) => x.event === 'notification').map((x) => x.data.title), ['标记'], 'the actor is not notified of their own act');
    } finally {
      sc.close();
      so.close();
      sa.close();
    }
  });

  test('closing the app ends open streams instead of hanging', async () => {
    // an app of its own, so that closing it here leaves the others' world alone
    const other = await startWorld('sqlite');
    let closed = false;
    try {
      await other.zx.app.listen({ port: 0, host: '127.0.0.1' });
      const otherPort = (other.zx.app.server.address() as AddressInfo).port;
      const bob = await other.login('bob');
      const stream = await openStream(otherPort, bob.cookie);
      const outcome = await Promise.race([
        other.close().then(() => { closed = true; return 'closed'; }),
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 15_000).unref()),
      ]);
      assert.equal(outcome, 'closed', 'close() does not wait for the open stream');
      await stream.ended; // the server ended the stream; the client saw it end
    } finally {
      if (!closed) await other.close().catch(() => {});
    }
  });
});
