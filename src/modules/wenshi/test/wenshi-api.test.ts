// The 文史资料 API through the real server on SQLite and PostgreSQL: a public submission (with a photo) → review →
// accept → edit (revisions kept) → select into an issue → reorder the contents → the contents as Word (document.xml
// read back); the contributor's contact hidden from non-staff; hostile text kept inert; bad input named in Chinese;
// 409 on stale versions; the public endpoint's limits (honeypot, file types and sizes, rate per address); figures that
// agree with their lists; the archive's filters and the demo data.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import { anonymous, type Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { publicLimits } from '../domain/wenshi-catalogue.ts';

const dialectList = await dialects();

/** A 1×1 PNG (a real image: the type is judged by content). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A multipart/form-data body of text fields and files. */
function form(fields: Record<string, string>, files: Array<{ name: string; content: Buffer; type: string }> = []) {
  const boundary = '----zxwenshi' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"; filename*=UTF-8''${encodeURIComponent(f.name)}\r\nContent-Type: ${f.type}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';

for (const d of dialectList) {
  describe(`文史资料 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, other: Client, committee: Client, office: Client, leader: Client, county: Client, sysadmin: Client;
    // each public submission comes from its own address, so the per-address limit is tested on its own
    let ipSeq = 10;
    const submit = (fields: Record<string, string>, files: Array<{ name: string; content: Buffer; type: string }> = [], ip = `203.0.113.${ipSeq++}`) => {
      const f = form(fields, files);
      return s.app.inject({ method: 'POST', url: '/api/public/wenshi/submissions', payload: f.payload, headers: f.headers, remoteAddress: ip }).then((r) => ({ status: r.statusCode, body: JSON.parse(r.payload) }));
    };
    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) => c.post(`/api/wenshi/${id}/transitions`, { action, version, input });
    const base = { title: '我家珍藏的上党战役支前证明', body: '祖父在1945年上党战役中参加担架队，这是当年县政府发给他的支前证明。', contributorName: '王建军', contributorContact: '13900001234', period: '解放战争时期（1945–1949）', place: '长治县', people: '王有才', topic: '上党战役' };

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, other, committee, office, leader, county, sysadmin] = await Promise.all(['member', 'm0001', 'committee', 'office', 'leader', 'county', 'sysadmin'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    test('the demo data: three published issues with 42 materials, 第41辑 being edited, eight submissions waiting', async () => {
      const issues = (await committee.get('/api/wenshi/issues?pageSize=50')).body;
      assert.deepEqual(issues.items.map((i: any) => [i.label, i.published, i.materials]), [['第41辑', false, 0], ['第40辑', true, 12], ['第39辑', true, 15], ['第38辑', true, 15]]);
      const waiting = await committee.get('/api/wenshi?state=received,reviewing&pageSize=1');
      assert.equal(waiting.body.total, 8);
      const archive = await member.get('/api/wenshi?archive=true&pageSize=1');
      assert.equal(archive.body.total, 42, 'the archive holds the published issues\' materials');
      const battle = await member.get(`/api/wenshi?archive=true&topic=${encodeURIComponent('上党战役')}&pageSize=50`);
      assert.ok(battle.body.total >= 3 && battle.body.items.every((i: any) => i.topic === '上党战役'), JSON.stringify(battle.body.items.map((i: any) => i.topic)));
      const period = await member.get(`/api/wenshi?archive=true&period=${encodeURIComponent('抗日战争时期（1937–1945）')}&pageSize=50`);
      assert.ok(period.body.total >= 5 && period.body.items.every((i: any) => i.period === '抗日战争时期（1937–1945）'));
      const place = await member.get(`/api/wenshi?archive=true&place=${encodeURIComponent('平顺')}&pageSize=50`);
      assert.ok(place.body.total >= 3 && place.body.items.every((i: any) => i.place.includes('平顺')));
      const people = await member.get(`/api/wenshi?archive=true&people=${encodeURIComponent('申纪兰')}`);
      assert.equal(people.body.total, 1);
      const word = await member.get(`/api/wenshi?archive=true&q=${encodeURIComponent('黄崖洞')}`);
      assert.ok(word.body.items.some((i: any) => i.title.includes('黄崖洞')));
      const y2024 = await member.get('/api/wenshi?archive=true&year=2024&pageSize=1');
      assert.equal(y2024.body.total, 12, 'the materials submitted in 2024 (printed in 第40辑)');
      const mine = await member.get('/api/wenshi?mine=true&pageSize=50');
      assert.equal(mine.body.total, 4, 'the demo member wrote the first piece of each issue and one waiting submission');
      // a member sees no one else's unpublished submission, even by asking for it
      const notMine = (await committee.get('/api/wenshi?state=received&source=member&pageSize=50')).body.items.find((i: any) => !mine.body.items.some((m: any) => m.id === i.id));
      if (notMine) assert.equal((await member.get(`/api/wenshi/${notMine.id}`)).status, 404);
      assert.equal((await member.get('/api/wenshi?state=received&pageSize=1')).body.total, 0, 'outside 我的投稿 a member lists only the archive');
    });

    test('a public submission with a photo → review → accept → edit → select → reorder → publish; the contents as Word', async () => {
      const anon = anonymous(s.app);
      const opts = await anon.get('/api/public/wenshi/options');
      assert.equal(opts.status, 200);
      assert.equal(opts.body.committees[0].name, '政协长治市委员会', 'the city first');
      assert.ok(!opts.body.committees.some((c: any) => c.name.includes('山西省')));
      const sent = await submit({ ...base, title: `${base.title}${HOSTILE}` }, [{ name: '支前证明.png', content: PNG, type: 'image/png' }]);
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      assert.match(sent.body.reference, /^WS-/);

      const q = await committee.get(`/api/wenshi?state=received&q=${encodeURIComponent('支前证明')}&pageSize=10`);
      const item = q.body.items.find((i: any) => i.title.startsWith(base.title));
      assert.ok(item, 'the staff list has the public submission');
      assert.equal(item.source, 'public');
      assert.equal(item.contributorName, '王建军');
      let r = (await committee.get(`/api/wenshi/${item.id}`)).body;
      assert.equal(r.contributorContact, '13900001234', 'the 文史 staff read the contact');
      assert.equal(r.title, `${base.title}${HOSTILE}`, 'hostile text is kept as text, byte for byte (rendered as text by the pages)');
      assert.equal(r.attachments.length, 1);
      assert.equal(r.attachments[0].mime, 'image/png');
      const photo = await s.app.inject({ method: 'GET', url: `/api/attachments/${r.attachments[0].id}`, headers: { cookie: committee.cookie } });
      assert.equal(photo.statusCode, 200, 'staff download the photo');
      assert.deepEqual(photo.rawPayload, PNG);
      assert.equal((await s.app.inject({ method: 'GET', url: `/api/attachments/${r.attachments[0].id}`, headers: { cookie: member.cookie } })).statusCode, 404, 'a member may not');
      assert.deepEqual(r.actions.map((a: any) => a.name), ['review']);
      const tasks = await committee.get('/api/worklist?pageSize=200');
      assert.ok(JSON.stringify(tasks.body).includes(item.id), 'the submission is on the 文史委 staff\'s worklist');

      assert.equal((await fire(member, item.id, 'review', r.version)).status, 404, 'a member does not even see it');
      r = (await fire(committee, item.id, 'review', r.version)).body;
      assert.equal(r.state, 'reviewing');
      const noReason = await fire(committee, item.id, 'decline', r.version, {});
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /不予采用理由/);
      r = (await fire(committee, item.id, 'accept', r.version, { note: '史料真实，予以采用' })).body;
      assert.equal(r.state, 'accepted');

      // 编辑: the editor's revision, the original kept
      const cleanTitle = '上党战役支前证明的故事';
      const staleBase = r;
      r = (await fire(committee, item.id, 'edit', r.version, { title: cleanTitle, body: `${base.body}编者按：证明原件现存作者家中。`, note: '删去标题中的无关字符' })).body;
      assert.equal(r.state, 'edited');
      assert.equal(r.title, cleanTitle);
      assert.equal(r.originalTitle, `${base.title}${HOSTILE}`);
      r = (await fire(committee, item.id, 'edit', r.version, { title: cleanTitle, body: `${base.body}编者按：证明原件现存作者家中，照片由作者提供。` })).body;
      assert.deepEqual(r.revisions.map((v: any) => v.no), [1, 2]);
      assert.equal(r.revisions[0].note, '删去标题中的无关字符');
      const stale = await fire(committee, item.id, 'edit', staleBase.version, { title: '在旧版本上修改', body: '旧版本上的修改，不应保存。' });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      const emptyTitle = await fire(committee, item.id, 'edit', r.version, { title: '', body: '正文' });
      assert.equal(emptyTitle.status, 400);
      assert.equal(emptyTitle.body.error.field, 'input.title');
      assert.match(emptyTitle.body.error.message, /标题/);

      // a new issue; select the material and two waiting ones into it
      const badIssue = await committee.post('/api/wenshi/issues', { number: 42, year: 2026, title: '', editor: '文史委' });
      assert.equal(badIssue.status, 400);
      assert.equal(badIssue.body.error.field, 'title');
      assert.match(badIssue.body.error.message, /书名/);
      const dup = await committee.post('/api/wenshi/issues', { number: 40, year: 2026, title: '长治文史', editor: '文史委' });
      assert.equal(dup.status, 409);
      assert.match(dup.body.error.message, /第40辑已存在/);
      assert.equal((await member.post('/api/wenshi/issues', { number: 42, year: 2026, title: '长治文史', editor: '文史委' })).status, 403);
      const issue = (await committee.post('/api/wenshi/issues', { number: 42, year: 2026, title: '长治文史', editor: '李主编' })).body;
      assert.equal(issue.label, '第42辑');
      const noIssue = await fire(committee, item.id, 'select', r.version, { issueId: 'nonexistent', section: '红色记忆' });
      assert.equal(noIssue.status, 400);
      assert.equal(noIssue.body.error.field, 'input.issueId');
      r = (await fire(committee, item.id, 'select', r.version, { issueId: issue.id, section: '红色记忆' })).body;
      assert.equal(r.state, 'selected');
      assert.equal(r.issueId, issue.id);
      const ready = (await committee.get('/api/wenshi?state=accepted,edited&pageSize=10')).body.items;
      assert.equal(ready.length, 2, 'the two demo materials waiting for an issue');
      for (const [i, m] of ready.entries()) {
        const x = await fire(committee, m.id, 'select', m.version, { issueId: issue.id, section: i === 0 ? '口述历史' : '红色记忆' });
        assert.equal(x.status, 200, JSON.stringify(x.body));
      }
      let iss = (await committee.get(`/api/wenshi/issues/${issue.id}`)).body;
      assert.deepEqual(iss.contents.map((c: any) => c.seq), [1, 2, 3]);
      assert.equal(iss.contents[0].materialId, item.id);
      assert.deepEqual(iss.actions, ['edit', 'publish', 'export']);

      // reorder: the last first; a stale version is refused; an entry list that is not the issue's contents is a 400
      const order = [iss.contents[2], iss.contents[0], iss.contents[1]].map((c: any) => ({ materialId: c.materialId, section: c.section }));
      const missing = await committee.put(`/api/wenshi/issues/${issue.id}/contents`, { version: iss.version, entries: order.slice(1) });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.field, 'entries');
      assert.match(missing.body.error.message, /目录/);
      const moved = await committee.put(`/api/wenshi/issues/${issue.id}/contents`, { version: iss.version, entries: order });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.deepEqual(moved.body.contents.map((c: any) => c.materialId), order.map((o) => o.materialId));
      const staleOrder = await committee.put(`/api/wenshi/issues/${issue.id}/contents`, { version: iss.version, entries: order });
      assert.equal(staleOrder.status, 409);
      iss = moved.body;

      // the contents as Word: the book, 第42辑, every section and title in order, the hostile text nowhere as markup
      const doc = await s.app.inject({ method: 'GET', url: `/api/wenshi/issues/${issue.id}/contents.docx`, headers: { cookie: committee.cookie } });
      assert.equal(doc.statusCode, 200, doc.payload.slice(0, 300));
      assert.match(String(doc.headers['content-type']), /wordprocessingml/);
      assert.match(String(doc.headers['content-disposition']), /attachment/);
      const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
      const text = textOf(xml);
      assert.ok(text.includes('长治文史 第42辑'), text.slice(0, 200));
      assert.ok(text.includes('目　录'));
      assert.ok(text.includes('主编 李主编'));
      const positions = iss.contents.map((c: any) => text.indexOf(c.title));
      assert.ok(positions.every((p: number) => p >= 0), 'every title is in the contents');
      assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'in the issue\'s order');
      assert.ok(text.includes('【口述历史】') && text.includes('【红色记忆】'));
      assert.ok(!xml.includes('<script'), 'no markup from a contributor in the document');

      // publish: the materials join the archive a member browses
      const pub = await committee.post(`/api/wenshi/issues/${issue.id}/publish`, { version: iss.version });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.equal(pub.body.published, true);
      assert.deepEqual(pub.body.actions, ['export']);
      assert.equal((await committee.post(`/api/wenshi/issues/${issue.id}/publish`, { version: pub.body.version })).status, 409);
      const inArchive = await member.get(`/api/wenshi?archive=true&issueId=${issue.id}`);
      assert.deepEqual(inArchive.body.items.map((i: any) => i.id), order.map((o) => o.materialId), 'the archive lists an issue in its order');
      const seen = await member.get(`/api/wenshi/${item.id}`);
      assert.equal(seen.status, 200, 'a member reads a published material');
      assert.ok(!('contributorContact' in seen.body), 'but not the contributor\'s contact');
      const unselect = await fire(committee, item.id, 'withdraw_from_issue', seen.body.version);
      assert.equal(unselect.status, 409, 'a published issue keeps its contents');
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('the contributor\'s contact is for 文史 staff only; a member submits with an uploaded photo; administrators may not use the module', async () => {
      const boundary = '----zxup';
      const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const file = await s.app.inject({ method: 'POST', url: '/api/attachments', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: member.cookie, 'x-csrf-token': member.csrf } });
      assert.equal(file.statusCode, 201, file.payload);
      const created = await member.post('/api/wenshi', { title: '太行山上的老照片', body: '这是我父亲在太行山区拍摄的一组老照片，记录了五十年代的山村生活。', contributorContact: '13800005678', period: '1949–1978', place: '平顺', topic: '城市变迁', attachmentIds: [JSON.parse(file.payload).id] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.state, 'received');
      assert.equal(created.body.source, 'member');
      assert.equal(created.body.attachments.length, 1);
      assert.ok(!('contributorContact' in created.body), 'not even the contributor reads it back from a member\'s view');
      assert.deepEqual(created.body.actions, []);
      assert.equal((await committee.get(`/api/wenshi/${created.body.id}`)).body.contributorContact, '13800005678');
      assert.equal((await office.get(`/api/wenshi/${created.body.id}`)).body.contributorContact, '13800005678');
      const lead = await leader.get(`/api/wenshi/${created.body.id}`);
      assert.equal(lead.status, 200, 'a leader reads every material');
      assert.ok(!('contributorContact' in lead.body), 'but not the contact');
      assert.equal((await other.get(`/api/wenshi/${created.body.id}`)).status, 404, 'another member');
      assert.equal((await county.get(`/api/wenshi/${created.body.id}`)).status, 404, 'another CPPCC');
      assert.equal((await sysadmin.get('/api/wenshi')).status, 403);
      assert.equal((await member.get('/api/wenshi?mine=true&pageSize=50')).body.items.filter((i: any) => i.id === created.body.id).length, 1);

      const bad = await member.post('/api/wenshi', { title: '短', body: '太短' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'title');
      assert.match(bad.body.error.message, /标题/);
      const badYear = await member.get('/api/wenshi?archive=true&year=abc');
      assert.equal(badYear.status, 400);
      assert.match(badYear.body.error.message, /年度/);
      assert.equal((await member.get('/api/wenshi?state=nonsense')).body.error.field, 'state');
      const someoneElses = await member.post('/api/wenshi', { title: '借用他人附件', body: '这份投稿试图关联别人的附件，应当被拒绝。', attachmentIds: [JSON.parse(file.payload).id] });
      assert.equal(someoneElses.status, 400, 'an attachment already linked elsewhere');
    });

    test('the cross-module search finds archive materials for members and a waiting submission only for staff; 移出辑刊 before publishing', async () => {
      await s.zx.ctx.events.drain();
      const hits = async (c: Client, q: string) => ((await c.get(`/api/text/search?q=${encodeURIComponent(q)}`)).body.items ?? []).filter((i: any) => i.source === 'wenshi_material');
      assert.ok((await hits(member, '黄崖洞')).length >= 1, 'a printed material, for a member');
      assert.ok((await hits(committee, '南涅水')).length >= 1, 'a waiting submission, for the staff');
      assert.equal((await hits(other, '南涅水')).length, 0, 'but not for another member');
      assert.equal((await hits(county, '黄崖洞')).length, 0, 'nor another CPPCC');

      const issue = (await committee.post('/api/wenshi/issues', { number: 43, year: 2026, title: '长治文史', editor: '文史委' })).body;
      let m = (await committee.post('/api/wenshi', { title: '潞安府城隍庙会的回忆', body: '小时候每年农历五月，城隍庙会最热闹，戏台上唱上党梆子。', period: '1949–1978' })).body;
      for (const [action, input] of [['review', {}], ['accept', {}], ['select', { issueId: issue.id, section: '民俗风情' }]] as const) {
        const r = await fire(committee, m.id, action, m.version, input);
        assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
        m = r.body;
      }
      const before = (await committee.get(`/api/wenshi/issues/${issue.id}`)).body;
      assert.equal(before.contents.length, 1);
      m = (await fire(committee, m.id, 'withdraw_from_issue', m.version)).body;
      assert.equal(m.state, 'edited');
      assert.equal(m.issueId, null);
      const after = (await committee.get(`/api/wenshi/issues/${issue.id}`)).body;
      assert.equal(after.contents.length, 0);
      assert.ok(after.version > before.version, 'the issue\'s order read before is stale');
      const empty = await committee.post(`/api/wenshi/issues/${issue.id}/publish`, { version: after.version });
      assert.equal(empty.status, 409, 'an issue without pieces is not published');
    });

    test('the public endpoint: a missing field named in Chinese, files only images and PDF and not too large, the honeypot, the rate per address', async () => {
      const missing = await submit({ ...base, contributorContact: '' });
      assert.equal(missing.status, 400);
      assert.equal(missing.body.error.field, 'contributorContact');
      assert.match(missing.body.error.message, /联系方式/);
      const html = await submit(base, [{ name: 'page.png', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' }]);
      assert.equal(html.status, 415, 'a script named .png is not an image');
      assert.match(html.body.error.message, /图片/);
      const zipLike = await submit(base, [{ name: 'a.docx', content: Buffer.from('PK\u0003\u0004 not really'), type: 'application/zip' }]);
      assert.ok([400, 415].includes(zipLike.status));
      const big = await submit(base, [{ name: 'big.png', content: Buffer.concat([PNG, Buffer.alloc(publicLimits.fileBytes + 10)]), type: 'image/png' }]);
      assert.equal(big.status, 413);
      const many = await submit(base, Array.from({ length: publicLimits.files + 1 }, (_, i) => ({ name: `p${i}.png`, content: PNG, type: 'image/png' })));
      assert.ok([400, 413].includes(many.status), `too many files: ${many.status}`);
      const wrongCommittee = await submit({ ...base, committee: 'nonexistent' });
      assert.equal(wrongCommittee.status, 400);
      assert.equal(wrongCommittee.body.error.field, 'committee');

      const before = (await committee.get('/api/wenshi?pageSize=1')).body.total;
      const robot = await submit({ ...base, title: '机器人投稿', website: 'http://spam.example' });
      assert.equal(robot.status, 201, 'a robot is answered as if received');
      assert.match(robot.body.reference, /^WS-[0-9A-Z]{8}$/, 'with a receipt like anyone\'s');
      assert.equal((await committee.get('/api/wenshi?pageSize=1')).body.total, before, 'and nothing is kept');
      assert.equal((await committee.get(`/api/wenshi?q=${encodeURIComponent('机器人投稿')}`)).body.total, 0);

      // the rate per address: the limit's worth pass, the next is 429; another address is not affected
      const ip = '198.51.100.7';
      const codes: number[] = [];
      for (let i = 0; i <= publicLimits.perMinute; i++) codes.push((await submit({ ...base, title: `限流测试第${i + 1}篇` }, [], ip)).status);
      assert.deepEqual(codes, [...Array(publicLimits.perMinute).fill(201), 429]);
      assert.equal((await submit({ ...base, title: '另一个地址的投稿' }, [], '198.51.100.8')).status, 201);
    });

    test('each figure equals the total of the list it opens', async () => {
      const today = clock.today();
      for (const [from, to] of [['2025-01-01', '2025-12-31'], [today, today]]) {
        const r = await committee.get(`/api/figures?from=${from}&to=${to}&modules=wenshi`);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const figures = r.body.groups.find((g: any) => g.module === 'wenshi')?.figures ?? [];
        assert.deepEqual(figures.map((f: any) => f.key), ['wenshi.received', 'wenshi.accepted', 'wenshi.issues']);
        for (const f of figures) {
          const list = await committee.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=1`);
          assert.equal(list.status, 200, JSON.stringify(list.body));
          assert.equal(list.body.total, f.value, `list behind ${f.key} ${from}`);
        }
        if (from === '2025-01-01') assert.equal(figures[2].value, 1, '第40辑 was published in 2025');
      }
      const mine = await member.get('/api/figures?from=2025-01-01&to=2025-12-31&modules=wenshi');
      assert.deepEqual(mine.body.groups, [], 'a member reads no organisation figures');
    });
  });
}
