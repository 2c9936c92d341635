// Tests of the HTTP layer: one error format for malformed, mistyped and oversized input; 404s; health; OpenAPI; security headers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { gunzipSync } from 'node:zlib';
import net, { type AddressInfo } from 'node:net';
import { acceptsGzip, serialiseWith } from '../src/kernel/server/http/serialised-json.ts';
import { createHttpServer, type App } from '../src/kernel/server/http/server.ts';
import { buildApp, type Zhengxie } from '../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from './support/db.ts';

const probeBody = z.object({
  title: z.string().min(2).describe('标题'),
  count: z.number().int().min(0).describe('份数'),
  contact: z.object({ phone: z.string().regex(/^1\d{10}$/).describe('手机号') }).describe('联系方式'),
});

function assertErrorShape(body: any, code: string) {
  assert.equal(typeof body, 'object');
  assert.ok(body.error, `expected {error}, got ${JSON.stringify(body)}`);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
  assert.match(body.error.message, /[\u4e00-\u9fff]/, 'the message is in Chinese');
}

describe('HTTP error format (kernel server with probe routes)', () => {
  let app: App;
  before(async () => {
    app = await createHttpServer({ logLevel: 'silent', maxUploadBytes: 1024, cookieSecret: 'test', bodyLimit: 64 * 1024 });
    app.post('/api/probe', { schema: { body: probeBody, querystring: z.object({ page: z.coerce.number().int().min(1).optional().describe('页码') }) } }, async (req) => ({ ok: true, title: req.body.title }));
    app.get('/api/probe/boom', async () => { throw new Error('unexpected'); });
    app.get('/api/probe/item/:id', async (req) => ({ id: (req.params as { id: string }).id }));
    await app.ready();
  });
  after(async () => { await app.close(); });

  const post = (payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }, url = '/api/probe') =>
    app.inject({ method: 'POST', url, payload, headers });

  test('valid input passes', async () => {
    const r = await post(JSON.stringify({ title: '关于', count: 1, contact: { phone: '13800000000' } }));
    assert.equal(r.statusCode, 200);
  });

  test('malformed JSON gets 400 BAD_REQUEST', async () => {
    const r = await post('{"title": "关于",');
    assert.equal(r.statusCode, 400);
    assertErrorShape(r.json(), 'BAD_REQUEST');
  });

  test('a wrongly typed field gets 400 VALIDATION_FAILED naming the field in Chinese', async () => {
    const r = await post(JSON.stringify({ title: '关于', count: 'three', contact: { phone: '13800000000' } }));
    assert.equal(r.statusCode, 400);
    const b = r.json();
    assertErrorShape(b, 'VALIDATION_FAILED');
    assert.match(b.error.message, /「份数」/);
    assert.equal(b.error.field, 'count');
    assert.ok(Array.isArray(b.error.details));
  });

  test('a nested field and a missing field are each named', async () => {
    const nested = (await post(JSON.stringify({ title: '关于', count: 1, contact: { phone: '12' } }))).json();
    assert.match(nested.error.message, /「手机号」/);
    assert.equal(nested.error.field, 'contact.phone');
    const missing = (await post(JSON.stringify({ count: 1, contact: { phone: '13800000000' } }))).json();
    assert.match(missing.error.message, /「标题」/);
    const many = (await post(JSON.stringify({}))).json();
    assert.ok(many.error.details.length >= 3, 'every problem is listed');
  });

  test('a bad query parameter is named too', async () => {
    const r = await post(JSON.stringify({ title: '关于', count: 1, contact: { phone: '13800000000' } }), undefined, '/api/probe?page=0');
    assert.equal(r.statusCode, 400);
    assert.match(r.json().error.message, /「页码」/);
  });

  test('an oversized body gets 413 PAYLOAD_TOO_LARGE', async () => {
    const r = await post(JSON.stringify({ title: 'x'.repeat(100 * 1024), count: 1, contact: { phone: '13800000000' } }));
    assert.equal(r.statusCode, 413);
    assertErrorShape(r.json(), 'PAYLOAD_TOO_LARGE');
  });

  test('an unsupported content type gets 415', async () => {
    const r = await post('title=x', { 'content-type': 'application/x-unknown' });
    assert.equal(r.statusCode, 415);
    assertErrorShape(r.json(), 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('a path parameter over the router\'s limit gets 414 URI_TOO_LONG in the common format, without echoing the address', async () => {
    const long = 'x'.repeat(300);
    const r = await app.inject({ method: 'GET', url: `/api/probe/item/${long}` });
    assert.equal(r.statusCode, 414);
    assertErrorShape(r.json(), 'URI_TOO_LONG');
    assert.doesNotMatch(r.payload, /xxxx/);
    const bad = await app.inject({ method: 'GET', url: '/api/probe/item/%E0%A4%A' });
    assert.equal(bad.statusCode, 400);
    assertErrorShape(bad.json(), 'BAD_REQUEST');
    assert.doesNotMatch(bad.payload, /%E0/);
  });

  test('headers over Node\'s limit (a long address or cookie) get 431 HEADERS_TOO_LARGE in the common format', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const raw = (request: string) => new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
      let out = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => { out += d; });
      socket.on('close', () => resolve(out));
      socket.on('error', (e) => (out ? resolve(out) : reject(e)));
    });
    for (const request of [
      `GET /api/probe/boom HTTP/1.1\r\nHost: x\r\nCookie: zx_sid=${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /api/${'very-long-path/'.repeat(2000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    ]) {
      const answer = await raw(request);
      assert.match(answer, /^HTTP\/1\.1 431 /);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
      assertErrorShape(body, 'HEADERS_TOO_LARGE');
      assert.doesNotMatch(answer, /very-long-path/);
    }
    const garbage = await raw('NOT AN HTTP REQUEST\r\n\r\n');
    assert.match(garbage, /^HTTP\/1\.1 400 /);
    assertErrorShape(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)), 'BAD_REQUEST');
  });

  test('an unexpected exception gets 500 INTERNAL without leaking the message', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/probe/boom' });
    assert.equal(r.statusCode, 500);
    assertErrorShape(r.json(), 'INTERNAL');
    assert.doesNotMatch(r.payload, /unexpected/);
  });
});

describe('trusted proxies', () => {
  test('TRUSTED_PROXIES takes addresses and CIDRs; anything else stops the start with a message naming it', async () => {
    const ok = await createHttpServer({ logLevel: 'silent', maxUploadBytes: 1024, cookieSecret: 'test', trustedProxies: ['127.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback'] });
    await ok.close();
    for (const bad of ['garbage', '10.0.0.0/33', '10.0.0.1/8/1', 'example.org']) {
      await assert.rejects(createHttpServer({ logLevel: 'silent', maxUploadBytes: 1024, cookieSecret: 'test', trustedProxies: [bad] }), (e: Error) => e.message.includes(`「${bad}」`) && /TRUSTED_PROXIES/.test(e.message));
    }
  });
});

describe('HTTP surface of the assembled app (sqlite)', () => {
  let tdb: TestDatabase;
  let zx: Zhengxie;
  before(async () => {
    tdb = await createTestDatabase('sqlite', { webDist: '/nonexistent' });
    zx = await buildApp(tdb.config);
    await zx.app.ready();
  });
  after(async () => { await zx?.close(); await tdb?.drop(); });

  test('GET /api/health answers 200 when the database is reachable', async () => {
    const r = await zx.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().status, 'ok');
    assert.equal(r.json().database, 'sqlite');
  });

  test('an unknown route gets 404 in the error format', async () => {
    for (const [method, url] of [['GET', '/api/no-such-thing'], ['POST', '/api/no/such']] as const) {
      const r = await zx.app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      assert.ok(r.statusCode === 404 || r.statusCode === 403, `${method} ${url}: ${r.statusCode}`);
      if (r.statusCode === 404) assertErrorShape(r.json(), 'NOT_FOUND');
    }
    const r = await zx.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    assert.equal(r.statusCode, 404);
  });

  test('/api/openapi.json is an OpenAPI 3 document listing the routes with Chinese summaries', async () => {
    const r = await zx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(r.statusCode, 200);
    const doc = r.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.info?.title);
    assert.ok(doc.paths['/api/health']?.get, 'health is documented');
    assert.ok(doc.paths['/api/admin/calendar']?.get, 'calendar admin is documented');
    assert.ok(doc.paths['/api/audit']?.get);
    assert.match(doc.paths['/api/admin/calendar'].get.summary, /[\u4e00-\u9fff]/);
    const params = doc.paths['/api/admin/calendar'].get.parameters as Array<{ name: string; description?: string }>;
    assert.ok(params.some((p) => p.name === 'year' && p.description === '年份'), 'field labels carry into the document');
  });

  test('API responses carry the API security headers, and may not be stored', async () => {
    for (const url of ['/api/health', '/api/no-such-route']) {
      const r = await zx.app.inject({ method: 'GET', url });
      assert.equal(r.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'", url);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.match(String(r.headers['strict-transport-security']), /max-age=\d+/);
      assert.equal(r.headers['referrer-policy'], 'no-referrer');
    }
  });

  test('pages (the API documentation, the web app) carry the page security policy', async () => {
    const r = await zx.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(r.statusCode, 200);
    const csp = String(r.headers['content-security-policy'] ?? '');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.ok(r.headers['x-frame-options'], 'X-Frame-Options is set');
    assert.equal(r.headers['cache-control'] === 'no-store', false, 'pages and their assets may be cached');
  });
});

describe('Accept-Encoding and the cached JSON bytes', () => {
  test('gzip is admitted by name, by x-gzip or by *, unless its quality is zero', () => {
    const yes = ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.8, *;q=0.1', 'x-gzip', '*', 'identity, *;q=0.5', 'GZIP', ['deflate', 'gzip']];
    const no = [undefined, '', 'identity', 'br', 'deflate, br', 'gzip;q=0', 'gzip; q=0.000', '*;q=0', 'br, *;q=0', 'gzip;q=0, *', 'gzip;q=abc'];
    for (const h of yes) assert.equal(acceptsGzip(h), true, JSON.stringify(h));
    for (const h of no) assert.equal(acceptsGzip(h), false, JSON.stringify(h));
  });

  test('the gzip of a value is made once and decompresses to its JSON', () => {
    const bytes = serialiseWith(z.object({ items: z.array(z.string()) }), { items: Array.from({ length: 200 }, (_, i) => `第${i}号提案`) });
    const gz = bytes.gzip();
    assert.equal(bytes.gzip(), gz, 'the same buffer on the second call');
    assert.ok(gz.length < bytes.json.length / 3);
    assert.deepEqual(gunzipSync(gz), bytes.json);
  });
});
