// 提案 documents and the public view on SQLite and PostgreSQL: the compilation (提案汇编) and the proposal form (提案表)
// as Word documents, who may have them, and what an anonymous visitor sees of public replied proposals.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { anonymous, type Client } from '../../../../test/support/http.ts';

const xmlText = (xml: string) => xml.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function docxParts(buf: Buffer) {
  assert.equal(buf.subarray(0, 2).toString(), 'PK', 'a zip (docx) file');
  const zip = await JSZip.loadAsync(buf);
  return { document: await zip.file('word/document.xml')!.async('string'), settings: await zip.file('word/settings.xml')?.async('string') ?? '' };
}

for (const d of await dialects()) {
  describe(`proposal documents and public view (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, staff: Client, unit: Client, unit2: Client, leader: Client, otherMember: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit, unit2, leader, otherMember] = await Promise.all(['member', 'proposal', 'unit', 'unit2', 'leader', 'm0001'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const download = (c: Client | null, url: string) => s.app.inject({ method: 'GET', url, headers: c ? { cookie: c.cookie } : {} });
    const allOf = async (c: Client, query: string) => {
      const out: any[] = [];
      for (let page = 1; ; page++) {
        const r = await c.get(`/api/proposals?${query}&page=${page}&pageSize=200`);
        out.push(...r.body.items);
        if (out.length >= r.body.total || !r.body.items.length) return out;
      }
    };

    test('the compilation is a Word document with a cover, a TOC field and every filed proposal of the filter, grouped and numbered', async () => {
      const filed = await allOf(staff, 'year=2025&stage=filed&type=joint');
      assert.ok(filed.length > 5, 'the demo year has filed joint proposals');
      const r = await download(staff, '/api/proposals/compilation.docx?year=2025&type=joint');
      assert.equal(r.statusCode, 200, r.payload.slice(0, 300));
      assert.match(String(r.headers['content-type']), /wordprocessingml/);
      assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''/);
      const { document, settings } = await docxParts(r.rawPayload);
      assert.match(document, /<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/, 'a table-of-contents field over headings 1–2');
      assert.match(settings, /<w:updateFields( w:val="(true|1)")?\/>/, 'Word fills the TOC in on opening');
      const text = xmlText(document);
      assert.ok(text.includes('《政协长治市委员会十四届四次会议提案汇编》'), 'the cover carries the title');
      for (const p of filed) {
        assert.ok(text.includes(p.title), `the compilation holds ${p.number} ${p.title}`);
        assert.ok(text.includes(p.number), `and its number ${p.number}`);
      }
      // grouped by lead unit: each group heading carries its count, and the counts add up to the filter's total
      const body = text.slice(text.indexOf('本汇编收录'));
      assert.ok(body.includes(`立案的提案${filed.length}件`), 'the foreword counts them');
      const headings = [...body.matchAll(/(市[^（）]{1,12}|尚未交办)（(\d+)件）/g)];
      assert.equal(headings.reduce((n, m) => n + Number(m[2]), 0), filed.length);
      // a proposal not filed (e.g. a draft or one declined) is never compiled
      const notFiled = (await staff.get('/api/proposals?year=2025&state=not_filed&type=joint&pageSize=5')).body.items;
      for (const p of notFiled) assert.ok(!text.includes(p.title) || filed.some((f) => f.title === p.title), `${p.title} is not compiled`);
      // a released reply appears with its class; by proposal type the groups are the type labels
      const byType = await download(staff, '/api/proposals/compilation.docx?year=2025&type=joint&groupBy=type');
      assert.ok(xmlText((await docxParts(byType.rawPayload)).document).includes(`委员联名提案（${filed.length}件）`));
      assert.equal((await download(leader, '/api/proposals/compilation.docx?year=2025&type=joint')).statusCode, 200);
    });

    test('only the office and leaders export the compilation; bad input is a 400 naming the field', async () => {
      for (const c of [unit, member]) {
        const r = await download(c, '/api/proposals/compilation.docx?year=2025');
        assert.equal(r.statusCode, 403, c.username);
        assert.equal(JSON.parse(r.payload).error.code, 'FORBIDDEN');
      }
      assert.equal((await download(null, '/api/proposals/compilation.docx?year=2025')).statusCode, 401);
      const bad = await download(staff, '/api/proposals/compilation.docx?groupBy=colour');
      assert.equal(bad.statusCode, 400);
      assert.match(JSON.parse(bad.payload).error.message, /「分类方式」/);
      const badYear = await download(staff, '/api/proposals/compilation.docx?year=abc');
      assert.equal(badYear.statusCode, 400);
      assert.match(JSON.parse(badYear.payload).error.message, /「年度」/);
    });

    test('the proposal form (提案表) as data and as Word: the paper form fields, contact data only for those who work on it', async () => {
      const replied = (await member.get('/api/proposals?mine=true&state=replied')).body.items[0];
      assert.ok(replied);
      const detail = (await member.get(`/api/proposals/${replied.id}`)).body;
      const form = await member.get(`/api/proposals/${replied.id}/form`);
      assert.equal(form.status, 200, JSON.stringify(form.body));
      assert.equal(form.body.title, detail.title);
      assert.equal(form.body.proposerName, detail.proposerName);
      assert.ok(form.body.sectorName, 'the proposer\'s 界别');
      assert.ok(form.body.contact, 'the proposer sees their contact data');
      assert.ok(form.body.replyClassLabel, 'a released reply shows its class');
      assert.ok(form.body.units.some((u: any) => u.name === detail.leadUnitName));

      const r = await download(member, `/api/proposals/${replied.id}/form.docx`);
      assert.equal(r.statusCode, 200, r.payload.slice(0, 200));
      const text = xmlText((await docxParts(r.rawPayload)).document);
      for (const label of ['提　案　表', '案　　由', '提 案 人', '界　　别', '联系方式', '附 议 人', '一、背景情况', '二、问题分析', '三、具体建议', '办理单位', '答复类别']) {
        assert.ok(text.includes(label), `the form has ${label}`);
      }
      assert.ok(text.includes(detail.title));
      assert.ok(text.includes(form.body.contact));
      assert.ok(text.includes(form.body.replyClassLabel));
      assert.ok(text.includes(detail.background.split('\n')[0].slice(0, 12)));

      // a unit it was not assigned to sees nothing of it (unless it is public)
      const hidden = (await staff.get('/api/proposals?state=in_progress&pageSize=50')).body.items.find((p: any) => p.leadUnitName !== '市教育局');
      assert.equal((await unit2.get(`/api/proposals/${hidden.id}/form`)).status, 404);
      assert.equal((await download(unit2, `/api/proposals/${hidden.id}/form.docx`)).statusCode, 404);

      // another member reading a public replied proposal gets the form without the proposer's contact data
      const otherId = ((await s.zx.ctx.db.selectFrom('users').select('id').where('username', '=', 'm0001').executeTakeFirst()) as any).id as string;
      let pub: any = null;
      for (const p of (await staff.get('/api/proposals?state=replied,closed&pageSize=100')).body.items) {
        if (!p.isPublic || p.proposerUserId === otherId) continue;
        const full = (await staff.get(`/api/proposals/${p.id}`)).body;
        if (!full.cosigners.some((c: any) => c.userId === otherId) && !full.proposerOrgId) { pub = p; break; }
      }
      assert.ok(pub, 'a public replied proposal of somebody else');
      const other = await otherMember.get(`/api/proposals/${pub.id}/form`);
      assert.equal(other.status, 200);
      assert.equal(other.body.contact, null);
      const otherDoc = xmlText((await docxParts((await download(otherMember, `/api/proposals/${pub.id}/form.docx`)).rawPayload)).document);
      assert.ok(otherDoc.includes('（不公开）'));
      assert.equal((await staff.get(`/api/proposals/${pub.id}/form`)).body.contact !== null, true, 'the office sees contact data');
    });

    test('anonymous visitors see public replied proposals with their reply, and nothing else', async () => {
      const anon = anonymous(s.app);
      const list = await anon.get('/api/public/proposals?year=2025&pageSize=50');
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.ok(list.body.total > 0);
      assert.ok(list.body.committees.some((c: any) => c.name === '政协长治市委员会'));
      const ids = new Set(list.body.items.map((i: any) => i.id));

      // a public proposal whose reply is released: listed and readable with its reply and class
      const all = await allOf(staff, 'year=2025&stage=replied');
      const pub = all.find((p: any) => p.isPublic && (p.state === 'replied' || p.state === 'closed'));
      assert.ok(pub);
      const found = await anon.get(`/api/public/proposals?year=2025&q=${encodeURIComponent(pub.title)}`);
      assert.ok(found.body.items.some((i: any) => i.id === pub.id), 'found by its title');
      const detail = await anon.get(`/api/public/proposals/${pub.id}`);
      assert.equal(detail.status, 200);
      const full = (await staff.get(`/api/proposals/${pub.id}`)).body;
      assert.equal(detail.body.title, full.title);
      assert.equal(detail.body.replyText, full.replyText);
      assert.equal(detail.body.replyClass, full.replyClass);
      assert.ok(detail.body.replyClassLabel);
      assert.equal(detail.body.leadUnitName, full.leadUnitName);
      // no private fields
      for (const k of ['contact', 'phone', 'history', 'evaluation', 'mutual', 'consultations', 'actions', 'key', 'proposerUserId', 'assignments', 'satisfaction', 'notFiledReason']) {
        assert.ok(!(k in detail.body), `no ${k} in the public record`);
      }
      const profile = await s.zx.ctx.db.selectFrom('member_profiles').select('phone').where('user_id', '=', full.proposerUserId).executeTakeFirst() as any;
      if (profile?.phone) assert.ok(!JSON.stringify(detail.body).includes(profile.phone), 'the proposer\'s phone never leaves');

      // not public, not released, a draft: not found, and never listed
      const hiddenReplied = all.find((p: any) => !p.isPublic);
      assert.ok(hiddenReplied, 'the demo year has replied proposals not agreed for publication');
      assert.equal((await anon.get(`/api/public/proposals/${hiddenReplied.id}`)).status, 404);
      const inCheck = (await staff.get('/api/proposals?state=reply_check&pageSize=20')).body.items.find((p: any) => p.isPublic);
      if (inCheck) assert.equal((await anon.get(`/api/public/proposals/${inCheck.id}`)).status, 404, 'a reply not yet released stays private');
      const draft = (await member.get('/api/proposals?mine=true&state=draft')).body.items[0];
      assert.equal((await anon.get(`/api/public/proposals/${draft.id}`)).status, 404);
      const every = [];
      for (let page = 1; page <= Math.ceil(list.body.total / 200); page++) every.push(...(await anon.get(`/api/public/proposals?year=2025&page=${page}&pageSize=200`)).body.items);
      assert.equal(every.length, list.body.total);
      assert.ok(!every.some((i: any) => i.id === hiddenReplied.id));
      assert.ok(ids.size > 0);
      // the same count as the public replied proposals the office sees
      assert.equal(list.body.total, all.filter((p: any) => p.isPublic && (p.state === 'replied' || p.state === 'closed')).length);
      // the private API still needs a session
      assert.equal((await anon.get(`/api/proposals/${pub.id}`)).status, 401);
      const bad = await anon.get('/api/public/proposals?year=19');
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /「年度」/);
    });

    test('the document, topic and public routes are in the OpenAPI document with Chinese summaries; the public ones need no sign-in', async () => {
      const doc = JSON.parse((await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).payload);
      for (const [path, method] of [['/api/proposals/compilation.docx', 'get'], ['/api/proposals/{id}/form', 'get'], ['/api/proposals/{id}/form.docx', 'get'],
        ['/api/proposals/topics', 'get'], ['/api/proposals/topics', 'post'], ['/api/proposals/topics/{id}', 'patch'],
        ['/api/public/proposals', 'get'], ['/api/public/proposals/{id}', 'get']]) {
        const op = doc.paths?.[path]?.[method];
        assert.ok(op, `${method} ${path}`);
        assert.match(op.summary, /[\u4e00-\u9fa5]/);
        if (path.startsWith('/api/public/')) assert.deepEqual(op.security, [], `${path} is declared public`);
      }
    });
  });
}
