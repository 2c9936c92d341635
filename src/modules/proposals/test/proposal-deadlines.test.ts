// The office's overdue board and the reminder job (催办、超期督办) on SQLite and PostgreSQL, including two instances running the job at once.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { startWorld, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { runProposalReminders } from '../server/deadlines-board.ts';
import { addDays } from '../../../kernel/universal/working-days.ts';
import { setOpenTaskDue } from '../../../kernel/server/work-items.ts';
import { ok } from './transitions.ts';

for (const d of await dialects()) {
  describe(`proposal deadlines board and reminders (${d.kind})`, { skip: d.skip }, () => {
    let s: World;
    let member: Client, staff: Client, unit: Client;
    let zhujianId: string, staffId: string, unitUserId: string;

    before(async () => {
      s = await startWorld(d.kind, { config: { webDist: '/nonexistent-web-dist' } });
      [member, staff, unit] = await Promise.all(['member', 'proposal', 'unit'].map((u) => s.login(u)));
      const db = s.zx.ctx.db;
      zhujianId = (await db.selectFrom('organizations').select('id').where('name', '=', '市住建局').executeTakeFirstOrThrow()).id;
      staffId = (await db.selectFrom('users').select('id').where('username', '=', 'proposal').executeTakeFirstOrThrow()).id;
      unitUserId = (await db.selectFrom('users').select('id').where('username', '=', 'unit').executeTakeFirstOrThrow()).id;
    });
    after(async () => { await s?.close(); });

    /** A proposal the unit is handling, its open task moved to the given due date (as if time had passed). */
    async function handling(title: string, due: string) {
      const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
      let p = await ok(member, created.body.id, 'submit', created.body.version);
      p = await ok(staff, p.id, 'file', p.version);
      p = await ok(staff, p.id, 'assign', p.version, { mode: 'single', leadUnitId: zhujianId });
      p = await ok(unit, p.id, 'sign', p.version);
      await setOpenTaskDue(s.zx.ctx.db, p.id, due);
      return p;
    }
    /** The date that was `n` working days ago (its days-left count is -n). */
    const workingDaysAgo = (n: number) => {
      const cal = s.zx.ctx.calendar;
      let x = cal.today();
      while (cal.daysLeft(x) > -n) x = addDays(x, -1);
      return x;
    };
    const told = (userId: string, id: string) => s.zx.ctx.db.selectFrom('notifications').select(['title', 'kind']).where('user_id', '=', userId).where('link', '=', `/proposals/${id}`)
      .where('kind', 'in', ['overdue', 'reminder']).execute();

    test('the board shows, by unit, what is overdue and what falls due within N working days; only the office and leaders see it', async () => {
      const cal = s.zx.ctx.calendar;
      const late = await handling('关于加快城区雨污分流改造的建议', workingDaysAgo(3));
      const soon = await handling('关于规范城区户外广告设置的建议', cal.addWorkingDays(cal.today(), 2));
      const far = await handling('关于推进城区绿道建设的建议', cal.addWorkingDays(cal.today(), 40));
      const r = await staff.get('/api/proposals/board?withinDays=5');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const zj = r.body.units.find((u: any) => u.unitId === zhujianId);
      assert.ok(zj, 'the unit is on the board');
      const item = (id: string) => zj.items.find((i: any) => i.proposalId === id);
      assert.equal(item(late.id).overdue, true);
      assert.equal(item(late.id).daysLeft, -3);
      assert.equal(item(late.id).roleLabel, '主办');
      assert.equal(item(soon.id).overdue, false);
      assert.equal(item(soon.id).daysLeft, 2);
      assert.equal(item(far.id), undefined, 'work due later is not on the board');
      assert.equal(zj.overdue, zj.items.filter((i: any) => i.overdue).length);
      // the board's figure counts proposals (当前超期), each once however many of its units are late
      assert.equal(r.body.overdue, new Set(r.body.units.flatMap((u: any) => u.items.filter((i: any) => i.overdue).map((i: any) => i.proposalId))).size);
      const none = await staff.get('/api/proposals/board?withinDays=0');
      const zj0 = none.body.units.find((u: any) => u.unitId === zhujianId);
      assert.ok(zj0.items.some((i: any) => i.proposalId === late.id));
      assert.ok(!zj0.items.some((i: any) => i.proposalId === soon.id));
      assert.equal((await member.get('/api/proposals/board')).status, 403);
      assert.equal((await unit.get('/api/proposals/board')).status, 403);
      assert.equal((await staff.get('/api/proposals/board?withinDays=99')).status, 400);
    });

    test('当前超期 is one figure: the board, the statistics of every year and their lists count the same proposals, a late sign-for and a late 分办 part included', async () => {
      const db = s.zx.ctx.db;
      const jiaoyuId = (await db.selectFrom('organizations').select('id').where('name', '=', '市教育局').executeTakeFirstOrThrow()).id;
      const draft = async (title: string) => {
        const created = await member.post('/api/proposals', { title, background: '情况', analysis: '分析', suggestions: '建议' });
        const p = await ok(member, created.body.id, 'submit', created.body.version);
        return ok(staff, p.id, 'file', p.version);
      };
      // 待签收 past its sign-for window: the proposal itself has no 办理期限 yet
      let unsigned = await draft('关于加强城区路灯维护管理的建议');
      unsigned = await ok(staff, unsigned.id, 'assign', unsigned.version, { mode: 'single', leadUnitId: zhujianId });
      await setOpenTaskDue(db, unsigned.id, workingDaysAgo(2));
      // 分办: the lead is in time, the split unit's part is late
      let split = await draft('关于统筹城区中小学学位供给的建议');
      split = await ok(staff, split.id, 'assign', split.version, { mode: 'split', leadUnitId: zhujianId, coUnitIds: [jiaoyuId] });
      split = await ok(unit, split.id, 'sign', split.version);
      const part = split.assignments.find((x: any) => x.unitId === jiaoyuId);
      await setOpenTaskDue(db, part.id, workingDaysAgo(1));
      // a reply waiting for the leader's sign-off after the 办理期限: the sign-off itself is not yet due, the reply is late
      let waiting = await draft('关于加快老旧供水管网改造的建议');
      waiting = await ok(staff, waiting.id, 'assign', waiting.version, { mode: 'single', leadUnitId: zhujianId });
      waiting = await ok(unit, waiting.id, 'sign', waiting.version);
      waiting = await ok(unit, waiting.id, 'reply', waiting.version, { replyClass: 'A', replyText: '已列入改造计划。' });
      assert.equal(waiting.state, 'reply_signoff');
      await db.updateTable('proposals').set({ due_date: workingDaysAgo(1) }).where('id', '=', waiting.id).execute();

      await s.zx.ctx.events.drain();
      const board = (await staff.get('/api/proposals/board')).body;
      const onBoard = new Set<string>(board.units.flatMap((u: any) => u.items.filter((i: any) => i.overdue).map((i: any) => i.proposalId)));
      assert.ok(onBoard.has(unsigned.id) && onBoard.has(split.id) && onBoard.has(waiting.id), 'all three are overdue on the board');
      const signOff = board.units.find((u: any) => u.unitId === zhujianId).items.find((i: any) => i.proposalId === waiting.id);
      assert.deepEqual([signOff.label, signOff.daysLeft < 0], ['待签发', true], 'dated by the 办理期限');
      assert.equal(board.overdue, onBoard.size, 'the board\'s figure counts its overdue proposals');
      const list = (await staff.get('/api/proposals?overdue=true&pageSize=200')).body;
      assert.equal(list.total, board.overdue, 'the board\'s figure opens a list of as many proposals');
      assert.deepEqual(list.items.map((p: any) => p.id).sort(), [...onBoard].sort());
      // every year's statistics count them by the same definition, and each year's figure opens its own list
      const years = [...new Set<number>(list.items.map((p: any) => Number(p.year)))];
      let sum = 0;
      for (const year of years) {
        const stats = (await staff.get(`/api/proposals/stats?year=${year}`)).body;
        const fig = stats.totals.find((f: any) => f.key === 'proposals.overdue');
        assert.equal(stats.replies.overdue.value, fig.value);
        const opened = (await staff.get(`/api/proposals?${new URLSearchParams({ ...fig.list.query, pageSize: '200' })}`)).body;
        assert.equal(opened.total, fig.value, `${year}: the figure and its list`);
        sum += fig.value;
        if (year === split.year) {
          // by unit: the split unit is late on its part, the lead unit is not
          const row = (name: string) => stats.units.find((u: any) => u.unitId === (name === 'jiaoyu' ? jiaoyuId : zhujianId)).overdue;
          for (const [name, late] of [['jiaoyu', true], ['zhujian', false]] as const) {
            const f = row(name);
            const rows = (await staff.get(`/api/proposals?${new URLSearchParams({ ...f.list.query, pageSize: '200' })}`)).body;
            assert.equal(rows.total, f.value, `${name}: the unit's figure and its list`);
            assert.equal(rows.items.some((p: any) => p.id === split.id), late, name);
          }
        }
      }
      assert.equal(sum, board.overdue, 'the years\' statistics add up to the board');
    });

    test('the job reminds the unit before the due date and escalates overdue work to the office, each once', async () => {
      const cal = s.zx.ctx.calendar;
      const late = await handling('关于加强城区窨井盖安全管理的建议', workingDaysAgo(1));
      const soon = await handling('关于完善城区公交候车亭设施的建议', cal.addWorkingDays(cal.today(), 3));
      const first = await runProposalReminders(s.zx.ctx);
      assert.ok(first.escalated >= 1 && first.reminded >= 1, JSON.stringify(first));
      const office = await told(staffId, late.id);
      assert.equal(office.length, 1);
      assert.match(office[0].title, /超期/);
      assert.ok((await told(unitUserId, late.id)).some((n: any) => /已超期/.test(n.title)));
      const reminder = await told(unitUserId, soon.id);
      assert.equal(reminder.length, 1);
      assert.match(reminder[0].title, /催办/);
      assert.equal((await told(staffId, soon.id)).length, 0, 'the office is not troubled before the due date');
      const again = await runProposalReminders(s.zx.ctx);
      assert.deepEqual(again, { reminded: 0, escalated: 0 }, 'nothing is sent twice');
    });

    test('two instances running the job at the same moment send each reminder once', async () => {
      const late = await handling('关于治理城区占道经营的建议', workingDaysAgo(2));
      const [a, b] = await Promise.all([runProposalReminders(s.zx.ctx), runProposalReminders(s.zx.ctx)]);
      assert.equal(a.escalated + b.escalated, 1);
      assert.equal((await told(staffId, late.id)).length, 1);
    });
  });
}
