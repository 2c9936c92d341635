// The 新闻 API through the real server on SQLite and PostgreSQL: news items draft → review → published → withdrawn with
// reviewer ≠ author, the body sanitised on the server, 400s naming fields in Chinese, 409 on stale versions; media
// reports; notices with read receipts and reminders that reach the notifications inbox; the public sections; the
// demo year's figures (1,300 news items, 85 media reports) agreeing with their lists.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startApp, type StartedApp } from '../../../../test/support/fixtures.ts';
import type { Client } from '../../../../test/support/http.ts';
import { verifyAuditChain } from '../../../kernel/server/audit.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { multipart } from '../../attachments/test/harness.ts';
import { newsModule } from '../module.ts';
import { newsSeedFigures } from '../server/seed.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

for (const d of await dialects()) {
  describe(`新闻 API (${d.kind})`, { skip: d.skip }, () => {
    let s: StartedApp;
    let member: Client, other: Client, office: Client, secgen: Client, leader: Client, county: Client, sysadmin: Client;

    before(async () => {
      s = await startApp(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, other, office, secgen, leader, county, sysadmin] = await Promise.all(['member', 'm0001', 'office', 'secgen', 'leader', 'county', 'sysadmin'].map((u) => s.login(u)));
    });
    after(async () => { await s?.close(); });

    const fire = (c: Client, id: string, action: string, version: number, input: Record<string, unknown> = {}) =>
      c.post(`/api/news/${id}/transitions`, { action, version, input });
    const draft = (c: Client, over: Record<string, unknown> = {}) => c.post('/api/news', {
      column: 'headlines', title: '市政协召开专题协商会', body: '<h2>会议议程</h2><ul><li>通报情况</li><li>委员发言</li></ul>', channels: ['website', 'wechat'], ...over,
    });

    test('a draft: 400s name the field in Chinese; the body is stored sanitised; an empty-after-cleaning body is refused', async () => {
      const noTitle = await office.post('/api/news', { column: 'headlines', body: '<p>x</p>', channels: ['website'] });
      assert.equal(noTitle.status, 400);
      assert.equal(noTitle.body.error.field, 'title');
      assert.match(noTitle.body.error.message, /标题/);
      const noChannel = await draft(office, { channels: [] });
      assert.equal(noChannel.status, 400);
      assert.match(noChannel.body.error.message, /发布渠道/);
      const badColumn = await draft(office, { column: 'nosuch' });
      assert.equal(badColumn.status, 400);
      assert.equal(badColumn.body.error.field, 'column');
      assert.match(badColumn.body.error.message, /栏目/);
      const onlyScript = await draft(office, { body: '<script>window.__xss=1</script>' });
      assert.equal(onlyScript.status, 400);
      assert.match(onlyScript.body.error.message, /正文/);

      const r = await draft(office, { body: '<h2 onclick="x()">标题</h2><p>正文<img src=x onerror="window.__xss=1"><a href="javascript:alert(1)">链接</a></p><script>alert(1)</script>' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.body, '<h2>标题</h2><p>正文链接</p>');
      assert.equal(r.body.state, 'draft');
      assert.deepEqual(r.body.actions.map((a: any) => a.name), ['submit']);
      assert.equal(r.body.canEdit, true);
      assert.equal((await member.post('/api/news', { column: 'headlines', title: '委员写的', body: '<p>x</p>', channels: ['website'] })).status, 403, 'a member does not write news');
      assert.equal((await sysadmin.get('/api/news')).status, 403, 'administrators see no business data');
    });

    test('draft → review → published with reviewer ≠ author; withdrawn and back to draft; stale versions are 409', async () => {
      let r = (await draft(office)).body;
      const edited = await office.patch(`/api/news/${r.id}`, { version: r.version, title: '市政协召开“有事来商量”专题协商会', body: '<h2>议程</h2><ol><li>一</li></ol><iframe src="https://evil"></iframe>' });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.body.body, '<h2>议程</h2><ol><li>一</li></ol>');
      const staleEdit = await office.patch(`/api/news/${r.id}`, { version: r.version, title: '旧版本上的修改' });
      assert.equal(staleEdit.status, 409);
      assert.equal(staleEdit.body.error.code, 'VERSION_CONFLICT');
      r = edited.body;

      r = (await fire(office, r.id, 'submit', r.version)).body;
      assert.equal(r.state, 'review');
      assert.deepEqual(r.actions, [], 'the author may not review their own item');
      const self = await fire(office, r.id, 'publish', r.version);
      assert.equal(self.status, 403);
      assert.match(self.body.error.message, /审核人不能是/);
      assert.ok(JSON.stringify((await secgen.get('/api/worklist?pageSize=200')).body).includes(r.id), 'the item waits on the reviewers\' worklist');

      const noReason = await fire(secgen, r.id, 'return', r.version);
      assert.equal(noReason.status, 400);
      assert.equal(noReason.body.error.field, 'input.reason');
      assert.match(noReason.body.error.message, /退回理由/);
      r = (await fire(secgen, r.id, 'return', r.version, { reason: '请补充会议图片' })).body;
      assert.equal(r.state, 'draft');
      assert.equal(r.returnReason, '请补充会议图片');
      r = (await fire(office, r.id, 'submit', r.version)).body;

      const before = r;
      r = (await fire(secgen, r.id, 'publish', r.version)).body;
      assert.equal(r.state, 'published');
      assert.equal(r.publishedOn, clock.today());
      assert.equal(r.reviewerName, '秦秘书长');
      const stale = await fire(secgen, before.id, 'publish', before.version);
      assert.equal(stale.status, 409);
      assert.equal((await office.patch(`/api/news/${r.id}`, { version: r.version, title: '发布后修改' })).status, 403, 'a published item is not edited in place');

      // on the public column, with the sanitised html
      const section = newsModule.public!.sections.find((x) => x.key === 'news.headlines')!;
      const tenantId = (await office.get('/api/auth/me')).body.user.tenantId;
      const page = await section.list(s.zx.ctx, tenantId, { limit: 5, offset: 0 });
      assert.equal(page.items[0].id, r.id, 'the newest published item heads its column');
      const item = await section.item!(s.zx.ctx, tenantId, r.id);
      assert.equal(item?.html, '<h2>议程</h2><ol><li>一</li></ol>');
      assert.equal(await newsModule.public!.sections.find((x) => x.key === 'news.members')!.item!(s.zx.ctx, tenantId, r.id), null, 'not in another column');

      // the WeChat export
      const wx = await office.request('GET', `/api/news/${r.id}/wechat.html`);
      assert.equal(wx.status, 200);
      assert.match(String(wx.headers['content-type']), /text\/html/);
      assert.match(String(wx.body), /<h2 style="[^"]+">议程<\/h2>/);

      const noWithdrawReason = await fire(secgen, r.id, 'withdraw', r.version);
      assert.equal(noWithdrawReason.status, 400);
      assert.match(noWithdrawReason.body.error.message, /撤回理由/);
      r = (await fire(secgen, r.id, 'withdraw', r.version, { reason: '内容需更新' })).body;
      assert.equal(r.state, 'withdrawn');
      assert.equal(await section.item!(s.zx.ctx, tenantId, r.id), null, 'withdrawn: gone from the portal');
      r = (await fire(office, r.id, 'redraft', r.version)).body;
      assert.equal(r.state, 'draft');
      assert.equal(r.publishedOn, null);
      assert.deepEqual(r.history.map((h: any) => h.action), ['create', 'edit', 'submit', 'return', 'submit', 'publish', 'withdraw', 'redraft']);
      assert.equal((await county.get(`/api/news/${r.id}`)).status, 403, 'a county member does not use the desk');
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    test('media reports: http/https links only, members named, 409 on a stale version', async () => {
      const opts = (await office.get('/api/news/options')).body;
      assert.deepEqual(opts.columns.map((c: any) => c.label).slice(0, 4), ['要闻动态', '委员风采', '委员之声', '基层协商']);
      const memberId = (await member.get('/api/auth/me')).body.user.id;
      const bad = await office.post('/api/news/media', { outlet: '人民政协报', reportDate: clock.today(), title: '委员风采报道', url: 'javascript:alert(1)', column: 'members' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'url');
      assert.match(bad.body.error.message, /链接/);
      const badDate = await office.post('/api/news/media', { outlet: '人民政协报', reportDate: '2025/1/1', title: '委员风采报道', url: 'https://a.cn/1', column: 'members' });
      assert.equal(badDate.body.error.field, 'reportDate');
      const r = await office.post('/api/news/media', { outlet: '人民政协报', reportDate: clock.today(), title: '委员风采：履职为民', url: 'https://www.rmzxb.com.cn/c/1.shtml', column: 'members', memberIds: [memberId] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.members[0].id, memberId);
      assert.deepEqual(r.body.actions, ['edit', 'delete']);
      const e = await office.patch(`/api/news/media/${r.body.id}`, { version: r.body.version, outlet: '山西政协报' });
      assert.equal(e.status, 200, JSON.stringify(e.body));
      assert.equal(e.body.outlet, '山西政协报');
      assert.equal(e.body.members[0]?.id, memberId, 'an edit that does not name the members keeps them');
      assert.equal((await office.patch(`/api/news/media/${r.body.id}`, { version: r.body.version, outlet: '旧的媒体' })).status, 409);
      // the member's own figure (履职档案) opens their reports
      const today = clock.today();
      const mine = await member.get(`/api/figures?from=${today}&to=${today}&modules=news&userId=${memberId}`);
      const f = mine.body.groups[0]?.figures.find((x: any) => x.key === 'news.member.media');
      assert.ok(f && f.value >= 1, JSON.stringify(mine.body));
      const list = await member.get(`${f.list.api}?${new URLSearchParams(f.list.query)}`);
      assert.equal(list.status, 200, JSON.stringify(list.body));
      assert.equal(list.body.total, f.value);
      assert.equal((await member.get('/api/news/media')).status, 403, 'a member reads only the reports naming them');
      assert.equal((await office.del(`/api/news/media/${r.body.id}?version=${e.body.version}`)).status, 204);
    });

    test('notices: sent to the members, a receipt when opened, unread first, reminders reach the inbox', async () => {
      const bad = await office.post('/api/news/notices', { title: '通知', body: '<p>x</p>', audience: 'everyone' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'audience');
      assert.match(bad.body.error.message, /通知对象/);
      const noGroup = await office.post('/api/news/notices', { title: '界别通知', body: '<p>x</p>', audience: 'sector' });
      assert.equal(noGroup.status, 400);
      assert.match(noGroup.body.error.message, /界别/);
      assert.equal((await member.post('/api/news/notices', { title: '委员发通知', body: '<p>x</p>', audience: 'members' })).status, 403);

      const title = `关于参加专题学习的通知（${clock.nowMs().toString(36)}）`;
      let n = (await office.post('/api/news/notices', { title, body: '<p>请于周五上午参加。</p><img src=x onerror=alert(1)>', audience: 'members' })).body;
      assert.equal(n.state, 'draft');
      assert.equal(n.body, '<p>请于周五上午参加。</p>');
      assert.deepEqual(n.actions, ['edit', 'send']);
      assert.equal((await member.get(`/api/news/notices/${n.id}`)).status, 404, 'a draft is nobody\'s yet');
      assert.equal((await office.post(`/api/news/notices/${n.id}/send`, { version: n.version + 5 })).status, 409);
      n = (await office.post(`/api/news/notices/${n.id}/send`, { version: n.version })).body;
      assert.equal(n.state, 'sent');
      assert.ok(n.addressed >= 500, `addressed ${n.addressed}`);
      assert.equal(n.read, 0);
      assert.deepEqual(n.actions, ['remind', 'withdraw']);

      // the member is told, and finds it first in 我的通知 (unread first)
      const inbox = (await member.get('/api/notifications?pageSize=50')).body;
      assert.ok(JSON.stringify(inbox).includes(title), 'the notice reaches the notifications inbox');
      let mine = (await member.get('/api/news/my-notices?pageSize=50')).body;
      assert.ok(mine.unread >= 1);
      const idx = mine.items.findIndex((i: any) => i.id === n.id);
      assert.ok(idx >= 0 && mine.items.slice(0, idx).every((i: any) => i.readAt === null), 'unread ones first');
      assert.equal((await county.get(`/api/news/notices/${n.id}`)).status, 404, 'not addressed to another CPPCC');

      // opening it writes the receipt, once
      const opened = (await member.get(`/api/news/notices/${n.id}`)).body;
      assert.ok(opened.readAt);
      assert.deepEqual(opened.actions, [], 'an addressee has nothing to manage');
      assert.equal((await member.get(`/api/news/notices/${n.id}`)).body.readAt, opened.readAt, 'the first reading stays');
      mine = (await member.get('/api/news/my-notices?pageSize=50')).body;
      assert.ok(mine.items.find((i: any) => i.id === n.id).readAt);

      // staff see who has read it and remind the others
      const read = (await office.get(`/api/news/notices/${n.id}/receipts?read=true`)).body;
      assert.equal(read.total, 1);
      assert.equal(read.items[0].readAt, opened.readAt);
      const unread = (await office.get(`/api/news/notices/${n.id}/receipts?read=false&pageSize=1`)).body;
      assert.equal(unread.total, n.addressed - 1);
      assert.equal((await member.post(`/api/news/notices/${n.id}/remind`)).status, 403);
      const reminded = await office.post(`/api/news/notices/${n.id}/remind`);
      assert.equal(reminded.status, 200, JSON.stringify(reminded.body));
      assert.equal(reminded.body.reminded, n.addressed - 1);
      const otherInbox = (await other.get('/api/notifications?pageSize=50')).body;
      assert.ok(JSON.stringify(otherInbox).includes(`请阅读通知：${title}`), 'the reminder reaches one who has not read it');
      assert.ok(!JSON.stringify((await member.get('/api/notifications?pageSize=50')).body).includes(`请阅读通知：${title}`), 'not the one who read it');
      const after = (await office.get(`/api/news/notices/${n.id}/receipts?read=false&pageSize=1`)).body.items[0];
      assert.equal(after.reminders, 1);
      const listed = (await office.get('/api/news/notices?state=sent&pageSize=100')).body.items.find((i: any) => i.id === n.id);
      assert.equal(listed.read, 1);
      assert.equal(listed.readRate, Math.round(100 / n.addressed));
      assert.equal((await member.get('/api/news/notices')).status, 403);
      assert.ok((await verifyAuditChain(s.zx.ctx.db)).ok);
    });

    const upload = async (c: Client, name: string) => {
      const m = multipart(name, PNG, 'image/png');
      const r = await s.zx.app.inject({ method: 'POST', url: '/api/attachments', payload: m.body, headers: { ...m.headers, cookie: c.cookie, 'x-csrf-token': c.csrf } });
      assert.equal(r.statusCode, 201, r.body);
      return JSON.parse(r.body).id as string;
    };

    test('an image uploaded in the editor is linked to the item (its reviewer loads it); a notice\'s attachments open for its addressees only', async () => {
      const img = await upload(office, '会场.png');
      assert.equal((await secgen.get(`/api/attachments/${img}`)).status, 404, 'a free upload is its uploader\'s alone');
      const r = (await draft(office, { body: `<p>会场</p><p><img src="/api/attachments/${img}" alt="会场"></p>` })).body;
      assert.match(r.body, new RegExp(`<img src="/api/attachments/${img}" alt="会场" />`));
      assert.equal((await secgen.get(`/api/attachments/${img}`)).status, 200, 'the reviewer sees the item\'s image');
      assert.equal((await county.get(`/api/attachments/${img}`)).status, 404);
      // on the portal nobody is signed in: the published item's images come from its own public route, and only then
      const publicUrl = `/api/public/news/${r.id}/images/${img}`;
      const anon = (url: string) => s.zx.app.inject({ method: 'GET', url });
      assert.equal((await anon(publicUrl)).statusCode, 404, 'not before the item is published');
      let p = (await fire(office, r.id, 'submit', r.version)).body;
      p = (await fire(secgen, p.id, 'publish', p.version)).body;
      assert.equal(p.state, 'published');
      const image = await anon(publicUrl);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/png');
      assert.equal(image.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(image.rawPayload, PNG);
      const other = await upload(office, '别处.png');
      assert.equal((await anon(`/api/public/news/${r.id}/images/${other}`)).statusCode, 404, 'a file that is not the item\'s');
      const tenantId = (await office.get('/api/auth/me')).body.user.tenantId;
      const page = await newsModule.public!.sections.find((x) => x.key === 'news.headlines')!.item!(s.zx.ctx, tenantId, r.id);
      assert.ok(page?.html.includes(`src="${publicUrl}"`), page?.html);
      assert.ok(!page?.html.includes('/api/attachments/'), 'no address the public cannot open');
      await fire(secgen, p.id, 'withdraw', p.version, { reason: '图片需更换' });
      assert.equal((await anon(publicUrl)).statusCode, 404, 'withdrawn: its images leave with it');

      const file = await upload(office, '日程.png');
      const n = (await office.post('/api/news/notices', { title: '关于专委会会议的通知', body: '<p>见附件。</p>', audience: 'members', attachmentIds: [file] })).body;
      assert.equal(n.attachments[0]?.filename, '日程.png');
      assert.equal((await member.get(`/api/attachments/${file}`)).status, 404, 'not before it is sent');
      assert.equal((await office.post(`/api/news/notices/${n.id}/send`, { version: n.version })).status, 200);
      assert.equal((await member.get(`/api/attachments/${file}`)).status, 200, 'an addressee opens the attachment');
      assert.equal((await county.get(`/api/attachments/${file}`)).status, 404, 'another CPPCC does not');
    });

    test('a public notice is on the portal\'s 通知公告, and leaves it when withdrawn', async () => {
      let n = (await office.post('/api/news/notices', { title: '关于公开征集协商议题的公告', body: '<p>欢迎社会各界提出议题。</p>', audience: 'public' })).body;
      n = (await office.post(`/api/news/notices/${n.id}/send`, { version: n.version })).body;
      assert.equal(n.addressed, 0);
      const section = newsModule.public!.sections.find((x) => x.key === 'news.notices')!;
      const tenantId = (await office.get('/api/auth/me')).body.user.tenantId;
      assert.ok((await section.list(s.zx.ctx, tenantId, { limit: 50, offset: 0 })).items.some((i) => i.id === n.id));
      n = (await office.post(`/api/news/notices/${n.id}/withdraw`, { version: n.version })).body;
      assert.equal(n.state, 'withdrawn');
      assert.equal(await section.item!(s.zx.ctx, tenantId, n.id), null);
    });

    test('the demo year: 1,300 news items published and 85 media reports; each figure equals its list', async () => {
      const r = await leader.get(`/api/figures?year=${newsSeedFigures.year}&modules=news`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const figures = r.body.groups.find((g: any) => g.module === 'news')?.figures ?? [];
      const by = (k: string) => figures.find((f: any) => f.key === k);
      assert.equal(by('news.published').value, newsSeedFigures.published);
      assert.equal(by('news.media').value, newsSeedFigures.media);
      for (const [c, n] of Object.entries(newsSeedFigures.byColumn)) assert.equal(by(`news.published.${c}`).value, n, c);
      assert.ok(by('news.notices_read').share.percent > 70, 'most receipts read');
      for (const f of figures) {
        const list = await leader.get(`${f.list.api}?${new URLSearchParams(f.list.query)}&pageSize=200`);
        assert.equal(list.status, 200, `${f.key}: ${JSON.stringify(list.body)}`);
        if (f.list.sum) assert.equal(list.body.items.reduce((a: number, i: any) => a + i[f.list.sum], 0), f.value, `sum behind ${f.key}`);
        else assert.equal(list.body.total, f.value, `list behind ${f.key}`);
      }
      assert.deepEqual((await member.get(`/api/figures?year=${newsSeedFigures.year}&modules=news`)).body.groups, [], 'a member reads no organisation figures');
    });
  });
}
