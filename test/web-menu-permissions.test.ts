// The menu offers only what opens, on SQLite and PostgreSQL: for every demo account, the menu the web app builds from
// the permissions `/api/auth/me` reports (the same `visibleMenu` the layout uses) leads to pages whose APIs answer;
// none answers 403. The administrators (三员分立) and the proposal and unit staff see no 社情民意 entries.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from './support/db.ts';
import { startWorld, type World } from './support/factories.ts';
import { menu } from '../src/web/modules.ts';
import { visibleMenu } from '../src/kernel/web/manifest.ts';
import { chinaToday } from '../src/kernel/universal/working-days.ts';

/**
 * What each menu entry's page reads as it opens (its `useApiQuery` calls), with the query it sends. A menu entry
 * missing here fails the test, so a new entry brings its page's reads along.
 */
function pageApis(year: string): Record<string, string[]> {
  return {
    '/': ['/api/worklist'],
    '/proposals': ['/api/proposals', '/api/proposals/options'],
    '/proposals/new': ['/api/proposals/options', '/api/proposals/topics'],
    '/proposals/board': ['/api/proposals/board'],
    '/proposals/stats': ['/api/proposals/stats/scopes', `/api/proposals/stats?year=${year}`],
    '/proposals/topics': [`/api/proposals/topics?year=${year}`],
    '/proposals/review': ['/api/proposals?state=submitted&pageSize=100', '/api/proposals/review-queue/duplicate-groups'],
    '/proposals/excellent': ['/api/proposals/excellent/rounds'],
    '/opinions': ['/api/opinions', '/api/opinions/options'],
    '/opinions/new': ['/api/opinions/options', '/api/opinions/topics?status=open&pageSize=100'],
    '/opinions/issues': ['/api/opinions/issues'],
    '/opinions/stats': [`/api/opinions/stats?year=${year}`, `/api/opinions/scores?year=${year}`],
    '/opinions/topics': ['/api/opinions/topics?page=1&pageSize=10'],
    '/opinions/ranking': [`/api/opinions/ranking?year=${year}`],
    '/notifications': ['/api/notifications'],
    '/search': ['/api/text/search?q=%E5%BB%BA%E8%AE%AE'],
    '/hot-topics': ['/api/text/hot-topics'],
    '/similar': [],
    '/members/me': ['/api/members/me/record'],
    '/members': ['/api/members', '/api/members/filters'],
    '/members/registry': ['/api/members/registry?page=1&pageSize=20', '/api/members/registry/terms', '/api/members/search/groups', '/api/members/registry/stats'],
    '/admin/organizations': ['/api/admin/organizations'],
    '/admin/users': ['/api/admin/users', '/api/admin/role-options'],
    '/admin/grants': ['/api/admin/users', '/api/admin/role-options'],
    '/admin/roles': ['/api/admin/roles', '/api/permissions'],
    '/admin/calendar': [`/api/admin/calendar?year=${year}&month=1`, '/api/admin/calendar/coverage'],
    '/admin/audit': ['/api/audit'],
    '/consultations': ['/api/consultations', '/api/consultations/options'],
    '/consultations/stats': [`/api/consultations/stats?from=${year}-01-01&to=${year}-12-31`],
    '/consultations/topics': ['/api/consultations/topics/options', `/api/consultations/topics?year=${year}&page=1&pageSize=20`],
    '/consultations/plans': ['/api/consultations/topics/options', '/api/consultations/plans', `/api/consultations/plan-items?year=${year}&page=1&pageSize=20`],
    '/platforms': ['/api/platforms'],
    '/platforms/overview': ['/api/platforms/overview'],
    '/platforms/results': ['/api/platforms/results'],
    '/recommendations': ['/api/recommendations', '/api/recommendations/options'],
    '/recommendations/mine': ['/api/recommendations?open=true&sort=due', '/api/recommendations?overdue=true&pageSize=1'],
    '/review': ['/api/review/document'],
    '/inspections': ['/api/supervision/inspections', '/api/supervision/inspections/options'],
    '/inspections/plan': ['/api/supervision/inspections/options', `/api/supervision/inspections?year=${year}&pageSize=200`, `/api/figures?from=${year}-01-01&to=${year}-12-31&modules=inspections`],
    '/appraisals': ['/api/supervision/appraisals', '/api/supervision/appraisals/options'],
    '/live': ['/api/live/sessions', '/api/live/options'],
    '/surveys': ['/api/surveys', '/api/surveys/options'],
    '/activities': ['/api/activities', '/api/activities/options'],
    '/office/documents': ['/api/office/documents', '/api/office/documents/options'],
    '/office/documents/inbox': ['/api/office/documents?inbox=true', '/api/office/documents/options'],
    '/news': ['/api/news', '/api/news/options'],
    '/news/media': ['/api/news/media', '/api/news/options'],
    '/news/notices': ['/api/news/notices', '/api/news/options'],
    '/news/my-notices': ['/api/news/my-notices?page=1&pageSize=20'],
    '/office/trips': ['/api/office/trips', '/api/office/options'],
    '/office/fleet': ['/api/office/options'],
    '/office/board': [`/api/office/board?date=${chinaToday()}&days=1`],
    '/office/receptions': ['/api/office/receptions', '/api/office/options'],
    '/office/checklists': ['/api/office/checklists', '/api/office/options'],
    '/portal-settings': ['/api/portal/settings'],
    '/meetings': ['/api/meetings', '/api/meetings/options'],
    '/studios': ['/api/studios', '/api/studios/options'],
    '/charity': ['/api/charity', '/api/charity/options'],
    '/scores': [`/api/scores?year=${year}`, '/api/scores/options'],
    '/scores/mine': ['/api/scores/mine', '/api/scores/options'],
    '/scores/rules': [`/api/scores/rules/${year}`, '/api/scores/presets', '/api/scores/options'],
    '/wenshi': ['/api/wenshi', '/api/wenshi/options'],
    '/wenshi/issues': ['/api/wenshi/issues'],
    '/wenshi/archive': ['/api/wenshi?archive=true', '/api/wenshi/options'],
    '/wenshi/mine': ['/api/wenshi?mine=true', '/api/wenshi/options'],
    '/activities/services': ['/api/activities/options', '/api/activities/services', '/api/activities/needs?pageSize=50'],
    '/activities/homes': ['/api/activities/options', '/api/activities/homes'],
    '/activities/reading': ['/api/activities/options', '/api/activities/reading/groups'],
    '/activities/stats': [`/api/activities/stats?year=${year}`],
    '/dashboard': ['/api/dashboard', '/api/dashboard/trends', '/api/dashboard/counties'],
  };
}

for (const d of await dialects()) {
  describe(`the menu shows only what a role may open (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    before(async () => { w = await startWorld(d.kind); });
    after(async () => { await w?.close(); });

    /** the menu keys the web app shows an account */
    const menuOf = async (username: string) => {
      const me = await (await w.as(username)).get('/api/auth/me');
      assert.equal(me.status, 200, JSON.stringify(me.body));
      return visibleMenu(menu, me.body.user.permissions);
    };

    test('every demo account: every menu entry\'s page answers, none 403', async () => {
      const apis = pageApis(chinaToday().slice(0, 4));
      const refused: string[] = [];
      assert.ok(w.accounts.length >= 16, 'every demo account is in the world');
      for (const a of w.accounts) {
        const c = await w.as(a.username);
        const entries = await menuOf(a.username);
        assert.ok(entries.length > 0, `${a.username} has a menu`);
        for (const m of entries) {
          assert.ok(apis[m.path], `the page of ${m.label} (${m.path}) is listed with the APIs it reads`);
          for (const url of apis[m.path]) {
            const r = await c.get(url);
            if (r.status !== 200) refused.push(`${a.username} (${a.role}) · ${m.label} · GET ${url} → ${r.status} ${r.body?.error?.code ?? ''}`);
          }
        }
      }
      assert.deepEqual(refused, [], refused.join('\n'));
    });

    test('社情民意 and 选题研判 are offered to those who may use 社情民意 only', async () => {
      const opinionEntries = (entries: Array<{ key: string }>) => entries.map((m) => m.key).filter((k) => k.startsWith('opinion'));
      for (const u of ['sysadmin', 'secadmin', 'auditor', 'proposal', 'countystaff', 'unitlead']) {
        assert.deepEqual(opinionEntries(await menuOf(u)), [], `${u} sees no 社情民意 entries`);
        assert.equal((await (await w.as(u)).get('/api/opinions')).status, 403, `${u} may not open 社情民意`);
      }
      // the unit's clerk reports social conditions in the unit's name
      assert.deepEqual(opinionEntries(await menuOf('unit')), ['opinions', 'opinion-new', 'opinion-topics']);
      assert.deepEqual(opinionEntries(await menuOf('member')), ['opinions', 'opinion-new', 'opinion-topics']);
      assert.deepEqual(opinionEntries(await menuOf('editor')), ['opinions', 'opinion-issues', 'opinion-stats', 'opinion-topics', 'opinion-ranking']);
      assert.deepEqual((await menuOf('sysadmin')).map((m) => m.label).sort(), ['我的待办', '全文检索', '消息通知', '组织机构', '用户管理', '工作日历'].sort());
    });
  });
}
