// Uploads checked by content, size limits, downloads only for the uploader or those who can see the record; both databases.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import type { Client } from '../../../../test/support/http.ts';
import { linkAttachments } from '../index.ts';
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import { loadActor } from '../../identity/index.ts';
import { startWorld, multipart, type World } from './harness.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode.')]);
const LIMIT = 64 * 1024;

async function upload(c: Client, filename: string, content: Buffer, withCsrf = true) {
  const m = multipart(filename, content);
  const headers: Record<string, string> = { ...m.headers, cookie: c.cookie };
  if (withCsrf) headers['x-csrf-token'] = c.csrf;
  return w.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers });
}
async function download(c: Client, id: string) {
  return w.zx.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: { cookie: c.cookie } });
}
let w: World;
// who may see the test's own 'demo' records: a module of the test declares the entity in its manifest
const demoVisibleTo = new Set<string>();
const demoModule: ModuleManifest = {
  name: 'demo', label: '演示', permissions: [], migrations: [],
  entities: [{ type: 'demo', label: '演示记录', link: (id) => `/demo/${id}`, visibleIds: async (_ctx, actor, ids) => new Set(ids.filter((id) => id === 'D1' && demoVisibleTo.has(actor.userId))) }],
};

for (const d of await dialects()) {
  describe(`attachments (${d.kind})`, { skip: d.skip }, () => {
    let alice: Client, bob: Client, carol: Client;
    before(async () => {
      w = await startWorld(d.kind, { maxUploadBytes: LIMIT }, [demoModule]);
      [alice, bob, carol] = [await w.login('alice'), await w.login('bob'), await w.login('carol')];
    });
    after(async () => { await w?.close(); });

    test('a PDF with a Chinese name uploads and downloads byte for byte with a safe disposition', async () => {
      const up = await upload(alice, '关于老旧小区改造的调研报告.pdf', PDF);
      assert.equal(up.statusCode, 201, up.payload);
      const a = up.json();
      assert.equal(a.filename, '关于老旧小区改造的调研报告.pdf');
      assert.equal(a.mime, 'application/pdf');
      assert.equal(a.size, PDF.length);
      const down = await download(alice, a.id);
      assert.equal(down.statusCode, 200);
      assert.ok(down.rawPayload.equals(PDF), 'downloaded bytes equal the upload');
      assert.equal(down.headers['content-type'], 'application/pdf');
      assert.equal(down.headers['x-content-type-options'], 'nosniff');
      assert.match(String(down.headers['content-disposition']), /^attachment; filename=".*\.pdf"; filename\*=UTF-8''%E5%85%B3%E4%BA%8E/);
    });

    test('a PNG image is accepted; identical content is stored once', async () => {
      const one = await upload(alice, '现场照片.png', PNG);
      const two = await upload(bob, 'photo.PNG', PNG);
      assert.equal(one.statusCode, 201);
      assert.equal(two.statusCode, 201);
      assert.equal(one.json().mime, 'image/png');
      assert.notEqual(one.json().id, two.json().id);
      const blobs = await w.zx.ctx.db.selectFrom('attachment_blobs').select('sha256').where('size', '=', PNG.length).execute();
      assert.equal(blobs.length, 1);
      assert.ok((await download(bob, two.json().id)).rawPayload.equals(PNG));
    });

    test('executables and HTML are refused with 415, whatever they are called', async () => {
      for (const [name, content] of [['setup.exe', EXE], ['报告.pdf', EXE], ['page.html', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')], ['note.txt', Buffer.from('<html><body>x</body></html>')]] as const) {
        const r = await upload(alice, name, content);
        assert.equal(r.statusCode, 415, `${name}: ${r.payload}`);
        assert.equal(r.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    test('content that does not match its extension is refused with 400 naming the file', async () => {
      const r = await upload(alice, '提案.pdf', PNG);
      assert.equal(r.statusCode, 400);
      assert.equal(r.json().error.field, 'file');
      assert.match(r.json().error.message, /扩展名.*与文件内容.*不符/);
      const t = await upload(alice, '说明.txt', Buffer.from('关于加强农村养老服务体系建设的说明'));
      assert.equal(t.statusCode, 201);
      assert.match(t.json().mime, /^text\/plain/);
    });

    test('a file over the size limit is refused with 413 and nothing is stored', async () => {
      const before = await w.zx.ctx.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const big = Buffer.concat([PDF, Buffer.alloc(LIMIT + 1024, 0x20)]);
      const r = await upload(alice, 'big.pdf', big);
      assert.equal(r.statusCode, 413);
      assert.equal(r.json().error.code, 'PAYLOAD_TOO_LARGE');
      const after_ = await w.zx.ctx.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      assert.equal(Number(after_?.n), Number(before?.n));
    });

    test('bad requests: not multipart 415, no file 400, no CSRF token 403, not signed in 401', async () => {
      assert.equal((await alice.post('/api/attachments', { file: 'x' })).status, 415);
      const empty = await w.zx.app.inject({
        method: 'POST', url: '/api/attachments', payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n'),
        headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: alice.cookie, 'x-csrf-token': alice.csrf },
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.json().error.message, /文件/);
      assert.equal((await upload(alice, 'a.pdf', PDF, false)).statusCode, 403);
      const anon = await w.zx.app.inject({ method: 'GET', url: '/api/attachments/01ABC' });
      assert.equal(anon.statusCode, 401);
    });

    test('malformed multipart bodies get 400 in the common error format, never 500, and store nothing', async () => {
      const before = await w.zx.ctx.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      const send = (contentType: string, payload: Buffer) => w.zx.app.inject({
        method: 'POST', url: '/api/attachments', payload, headers: { 'content-type': contentType, cookie: alice.cookie, 'x-csrf-token': alice.csrf },
      });
      const m = multipart('a.pdf', PDF);
      const cases: Array<[string, string, Buffer]> = [
        ['no boundary in the content type', 'multipart/form-data', m.body],
        ['no closing boundary', m.headers['content-type'], m.body.subarray(0, m.body.length - 10)],
        ['a body that is not multipart at all', 'multipart/form-data; boundary=zz', Buffer.from('just some text, no parts')],
        ['a part without headers', 'multipart/form-data; boundary=zz', Buffer.from('--zz\r\n\r\n\r\n--zz--\r\n')],
      ];
      for (const [what, contentType, payload] of cases) {
        const r = await send(contentType, payload);
        assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${what}: ${r.statusCode} ${r.payload}`);
        const body = r.json();
        assert.equal(typeof body.error?.code, 'string', what);
        assert.match(body.error.message, /[\u4e00-\u9fff]/, `${what}: the message is in Chinese`);
      }
      assert.equal((await send('multipart/form-data', m.body)).statusCode, 400);
      assert.equal((await send('multipart/form-data', m.body)).json().error.code, 'BAD_REQUEST');
      assert.equal((await send(m.headers['content-type'], m.body.subarray(0, m.body.length - 10))).statusCode, 400);
      const after_ = await w.zx.ctx.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
      assert.equal(Number(after_?.n), Number(before?.n));
    });

    test("another tenant's user, and a colleague without access to the record, get 404", async () => {
      const a = (await upload(alice, '内部材料.pdf', PDF)).json();
      const c = await download(carol, a.id);
      assert.equal(c.statusCode, 404);
      assert.equal(c.json().error.code, 'NOT_FOUND');
      assert.equal((await download(bob, a.id)).statusCode, 404, 'unlinked uploads are the uploader\'s own');
      assert.equal((await download(alice, 'NOSUCHID')).statusCode, 404);
    });

    test("once linked to a record, whoever the owning module's entity lets see the record may download", async () => {
      demoVisibleTo.clear();
      demoVisibleTo.add(w.users.bob.id);
      const a = (await upload(alice, '附件.pdf', PDF)).json();
      const aliceActor = await loadActor(w.zx.ctx.db, w.users.alice.id);
      const bobActor = await loadActor(w.zx.ctx.db, w.users.bob.id);
      // someone else cannot link alice's upload
      await assert.rejects(linkAttachments(w.zx.ctx.db, { ids: [a.id], entityType: 'demo', entityId: 'D1', actor: bobActor }), /附件/);
      await linkAttachments(w.zx.ctx.db, { ids: [a.id], entityType: 'demo', entityId: 'D1', actor: aliceActor });
      assert.equal((await download(bob, a.id)).statusCode, 200);
      assert.equal((await download(carol, a.id)).statusCode, 404);
      const list = await bob.get('/api/attachments?entityType=demo&entityId=D1');
      assert.deepEqual(list.body.items.map((i: any) => i.id), [a.id]);
      assert.deepEqual(list.body.items[0].actions, ['download']);
      assert.deepEqual((await carol.get('/api/attachments?entityType=demo&entityId=D1')).body.items, []);
    });

    test('each upload is in the audit log', async () => {
      const rows = await w.zx.ctx.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'attachment.upload').execute();
      assert.ok(rows.length >= 5);
    });
  });
}
