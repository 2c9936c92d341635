/** The worklist shows each person exactly the work items addressed to them, soonest deadline first, on both databases. */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects, createTestDatabase, type TestDatabase } from '../../../../test/support/db.ts';
import { openAndMigrate } from '../../../server/app.ts';
import { modules } from '../../../server/modules.ts';
import { createContributions } from '../../../kernel/server/contributions-catalogue.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { DbHandle } from '../../../kernel/server/db/dialect.ts';
import { WorkingCalendar } from '../../../kernel/server/calendar.ts';
import { readWorklist } from '../server/worklist-query.ts';
import type { Actor } from '../../../kernel/server/actor.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { insertTask } from '../../../kernel/server/work-items.ts';
import { clock } from '../../../kernel/universal/clock.ts';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 'u-x', username: 'x', displayName: 'x', orgId: 'org-x', tenantId: 'city', roles: [], permissions: new Set(), sessionId: 's', ...over,
});

for (const d of await dialects()) {
  describe(`worklist (${d.kind})`, { skip: d.skip }, () => {
    let tdb: TestDatabase;
    let h: DbHandle;
    let cal: WorkingCalendar;
    let link: (type: string, id: string) => Promise<string | null>;
    before(async () => {
      tdb = await createTestDatabase(d.kind);
      h = await openAndMigrate(tdb.config);
      // the links the modules' entities declare
      const contributions = createContributions(modules);
      contributions.bind({ db: h.db, dialect: h.dialect, contributions } as unknown as ModuleContext);
      link = contributions.link;
      cal = new WorkingCalendar(h.db);
      await cal.load();
      const today = cal.today();
      const task = (o: Record<string, unknown>) => ({
        id: newId(), tenant_id: 'city', entity_type: 'proposal', entity_id: newId(), state: 's', title: 't', label: '待签收',
        assignee_user_id: null, assignee_org_id: null, assignee_role: null, due_date: null, status: 'open', created_at: clock.iso(), closed_at: null, ...o,
      });
      for (const t of [
        task({ title: '住建局：较晚到期', assignee_org_id: 'unit-zj', assignee_role: 'unit_handler', due_date: cal.addWorkingDays(today, 10) }),
        task({ title: '住建局：已超期', assignee_org_id: 'unit-zj', assignee_role: 'unit_handler', due_date: '2020-01-02' }),
        task({ title: '住建局：无期限', assignee_org_id: 'unit-zj', assignee_role: 'unit_handler', label: '办理中' }),
        task({ title: '住建局：已办结', assignee_org_id: 'unit-zj', assignee_role: 'unit_handler', status: 'done' }),
        task({ title: '教育局的事项', assignee_org_id: 'unit-jy', assignee_role: 'unit_handler', due_date: '2020-01-01' }),
        task({ title: '住建局领导的事项', assignee_org_id: 'unit-zj', assignee_role: 'unit_leader' }),
        task({ title: '提案委：待审查', assignee_org_id: 'city', assignee_role: 'proposal_staff', label: '待审查' }),
        task({ title: '委员本人：待评价', entity_type: 'proposal-evaluation', assignee_user_id: 'u-member', label: '待评价', due_date: cal.addWorkingDays(today, 3) }),
        task({ title: '编辑：待签发的期刊', entity_type: 'opinion_issue', entity_id: 'ISSUE1', assignee_user_id: 'u-editor', label: '待签发' }),
        task({ title: '编辑：无人认领的记录', entity_type: 'no_such_type', assignee_user_id: 'u-editor', label: '待签发' }),
        task({ title: '其他县的待审查', tenant_id: 'county', assignee_org_id: 'county', assignee_role: 'proposal_staff', label: '待审查' }),
      ]) await insertTask(h.db, t);
    });
    after(async () => { await h?.destroy(); await tdb?.drop(); });

    test('a unit clerk sees only open items of their unit and role, overdue first and undated last', async () => {
      const w = await readWorklist(h.db, cal, link, actor({ orgId: 'unit-zj', roles: ['unit_handler'] }), { page: 1, pageSize: 20 });
      assert.deepEqual(w.items.map((i) => i.title), ['住建局：已超期', '住建局：较晚到期', '住建局：无期限']);
      assert.equal(w.total, 3);
      assert.equal(w.items[0].overdue, true);
      assert.ok(w.items[0].daysLeft! < 0, 'overdue items count negative working days');
      assert.equal(w.items[1].daysLeft, 10);
      assert.equal(w.items[0].link, `/proposals/${w.items[0].entityId}`);
      assert.deepEqual(w.counts.map((c) => [c.label, c.count, c.overdue]), [['办理中', 1, 0], ['待签收', 2, 1]]);
    });

    test('proposal staff see tenant-wide review items of their own tenant only', async () => {
      const w = await readWorklist(h.db, cal, link, actor({ orgId: 'committee-ta', tenantId: 'city', roles: ['proposal_staff'] }), { page: 1, pageSize: 20 });
      assert.deepEqual(w.items.map((i) => i.title), ['提案委：待审查']);
    });

    test('a member sees items addressed to them personally', async () => {
      const w = await readWorklist(h.db, cal, link, actor({ userId: 'u-member', roles: ['member'] }), { page: 1, pageSize: 20 });
      assert.deepEqual(w.items.map((i) => i.title), ['委员本人：待评价']);
      assert.equal(w.items[0].daysLeft, 3);
      assert.equal(w.items[0].link, `/proposals/${w.items[0].entityId}`, 'a 待评价 item opens the proposal, as the proposals module declares');
    });

    test('each item links to the page its entity declares; an undeclared type opens the worklist', async () => {
      const w = await readWorklist(h.db, cal, link, actor({ userId: 'u-editor', roles: ['info_editor'] }), { page: 1, pageSize: 20 });
      const byTitle = new Map(w.items.map((i) => [i.title, i.link]));
      assert.equal(byTitle.get('编辑：待签发的期刊'), '/opinions/issues/ISSUE1');
      assert.equal(byTitle.get('编辑：无人认领的记录'), '/');
    });

    test('filtering by label and paging keep the total right', async () => {
      const a = actor({ orgId: 'unit-zj', roles: ['unit_handler'] });
      const w = await readWorklist(h.db, cal, link, a, { page: 2, pageSize: 1, label: '待签收' });
      assert.equal(w.total, 2);
      assert.deepEqual(w.items.map((i) => i.title), ['住建局：较晚到期']);
    });
  });
}
