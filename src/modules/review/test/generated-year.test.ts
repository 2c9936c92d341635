// The proof that the year's figures are true (issue 19): a year of activity generated at random (a fixed seed, or
// ZX_SEED) and driven through the API as the people who would do it — proposals submitted, returned, withdrawn,
// declined, filed, handled and answered on time or late, left with their units; 社情民意 reports accepted, kept,
// returned and resubmitted, withdrawn; study sessions, lectures, reading, 委员之家 and 服务为民 activities with sign-ins
// and service records; plenary meetings with sign-ins, closed — on the kernel clock, day by day through the 2025
// working year and a few days past its end (some proposals in the name of a special committee, 专委会). The generator tallies what it did by itself; then every figure of the
// 2025 review (GET /api/review?year=2025, the whole catalogue as a leader reads it) equals the tally (a figure the
// generator did not touch is 0, or the world's own members), and every figure's list has exactly as many rows (or
// rows adding up to it). On SQLite and PostgreSQL, whatever the real clock says.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dialects } from '../../../../test/support/db.ts';
import { drained, driveTo, startWorld, WORLD_COUNTY, type World } from '../../../../test/support/factories.ts';
import type { Client } from '../../../../test/support/http.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { makeProposal, proposalDriver } from '../../proposals/test/factories.ts';
import { makeReport, reportDriver } from '../../opinions/test/factories.ts';
import type { ReviewFigures } from '../contract.ts';
import { seededRandom } from '../../../kernel/universal/seeded-random.ts';

const SEED = Number(process.env.ZX_SEED ?? 20251205);
const YEAR = 2025;
/** days of the 2025 工作年度 (2024-12-06 … 2025-12-05), China time, on which things happen */
const DAYS = ['2024-12-10', '2025-01-14', '2025-03-11', '2025-04-22', '2025-06-17', '2025-08-19', '2025-10-14', '2025-11-18'];
/** a day after the year's cut-off: what happens then is the next year's */
const AFTER = '2025-12-09';
/** when the figures are read: after the year, so nothing of it is still to come */
const READ_AT = '2025-12-20T10:00';
const MEMBERS = ['member', 'm0001', 'm0002', 'm0003', 'm0004', 'm0005', 'm0006'];
const HOME = { lat: 36.1953, lng: 113.1163 };
const NEAR = { lat: 36.1958, lng: 113.1168 };

/** the kernel's seeded generator, with helpers, so a failing year can be generated again */
function random(seed: number) {
  const next = seededRandom(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const some = <T>(xs: readonly T[], min = 0): T[] => {
    const out = xs.filter(() => next() < 0.5);
    for (const x of xs) if (out.length < min && !out.includes(x)) out.push(x);
    return out;
  };
  /** each of `xs` once in a random order: the first days see every fate, whatever the seed */
  const deck = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) { const j = int(i + 1); [out[i], out[j]] = [out[j], out[i]]; }
    return out;
  };
  return { int, pick, some, deck };
}

/** what the generator did, counted by itself under the catalogue's keys */
class Tally {
  readonly n = new Map<string, number>();
  add(key: string, by = 1) { this.n.set(key, (this.n.get(key) ?? 0) + by); }
  get(key: string) { return this.n.get(key) ?? 0; }
}

for (const d of await dialects()) {
  describe(`a generated year's figures equal its tally (${d.kind})`, { skip: d.skip }, () => {
    let w: World;
    const offset = clock.offsetMs();
    const uid = (u: string) => w.people.get(u)!.userId;
    const rnd = random(SEED);
    const t = new Tally();
    const why = `seed ${SEED} (ZX_SEED)`;

    before(async () => {
      clock.set(`${DAYS[0]}T08:30`);
      // a day's work is hours apart at times (a meeting closes at noon): sessions last the day; each day everyone signs in afresh
      w = await startWorld(d.kind, { members: 6, config: { webDist: '/nonexistent-web-dist', sessionIdleSeconds: 12 * 3600 } });
      const signIns = new Map<string, Promise<Client>>();
      let signedOn = '';
      w.as = (u: string) => {
        const day = clock.iso().slice(0, 10);
        if (day !== signedOn) { signIns.clear(); signedOn = day; }
        let c = signIns.get(u);
        if (!c) { c = w.login(u); signIns.set(u, c); }
        return c;
      };
    });
    after(async () => { clock.reset(); clock.advance(offset); await w?.close(); });

    const ok = (r: { status: number; body: any }, status = 200) => {
      assert.equal(r.status, status, JSON.stringify(r.body));
      return r.body;
    };

    /* ------------------------------------------------------------ 提案 */
    // proposals whose unit answers on a later day (late or on time, as their due date falls)
    const answerLater: string[] = [];
    const proposers = new Set<string>();
    const proposalFates = ['draft', 'withdrawn_draft', 'submitted', 'returned', 'withdrawn', 'not_filed', 'filed', 'handling', 'answered', 'answered_later'] as const;
    const proposalDeck = rnd.deck(proposalFates);
    async function proposalsOf(day: string) {
      for (let i = rnd.int(3) + 2; i > 0; i--) {
        const proposer = rnd.pick(MEMBERS);
        const fate = proposalDeck.shift() ?? rnd.pick(proposalFates);
        // a proposal in the name of a special committee counts for it; any other for each of its proposer's (all 提案委员会's here)
        const committee = rnd.int(3) === 0 ? w.ids.committeeIds['农业和农村委员会'] : null;
        const spec = { proposer, title: `关于${day}第${i}件事项的提案`, ...(committee ? { draft: { committeeId: committee } } : {}) };
        const received = fate !== 'draft' && fate !== 'withdrawn_draft';
        if (received) {
          t.add('proposals.received'); proposers.add(proposer);
          t.add(`proposals.committee.${committee ?? w.ids.committeeIds['提案委员会']}`);
        }
        switch (fate) {
          case 'draft': await makeProposal(w, 'draft', spec); break;
          case 'withdrawn_draft': await makeProposal(w, 'withdrawn', spec); break; // never submitted: not received
          case 'submitted': await makeProposal(w, 'submitted', spec); t.add('proposals.pending'); break;
          case 'returned': await makeProposal(w, 'returned', spec); t.add('proposals.pending'); break;
          case 'withdrawn': {
            const p = await makeProposal(w, 'submitted', spec);
            await driveTo(w, proposalDriver(w), p.id, 'withdrawn');
            t.add('proposals.withdrawn');
            break;
          }
          case 'not_filed': await makeProposal(w, 'not_filed', spec); t.add('proposals.not_filed'); break;
          case 'filed': await makeProposal(w, 'filed', spec); t.add('proposals.filed'); break;
          case 'handling': case 'answered_later': {
            const p = await makeProposal(w, 'in_progress', spec);
            t.add('proposals.filed');
            if (fate === 'answered_later') answerLater.push(p.id);
            else handling.push(p.id);
            break;
          }
          case 'answered': {
            await makeProposal(w, 'closed', spec);
            t.add('proposals.filed'); t.add('proposals.replied'); t.add('proposals.on_time');
            break;
          }
        }
      }
    }
    const handling: string[] = [];
    /** the units answer the proposals left with them: late when the reply leaves after the due date */
    async function answerTheRest(day: string) {
      for (const id of answerLater) {
        const due = (await proposalDriver(w).load(id)).due_date as string | null;
        await driveTo(w, proposalDriver(w), id, 'closed');
        t.add('proposals.replied');
        t.add(due !== null && due < day ? 'proposals.late' : 'proposals.on_time');
      }
    }

    /* ------------------------------------------------------------ 社情民意 */
    const submitters = new Set<string>();
    const adoptedSubmitters = new Set<string>();
    const reportFates = ['submitted', 'accepted', 'retained', 'returned', 'resubmitted', 'withdrawn', 'verified'] as const;
    const reportDeck = rnd.deck(reportFates);
    async function reportsOf(day: string, counts: boolean) {
      for (let i = rnd.int(4) + 2; i > 0; i--) {
        const submitter = rnd.pick(MEMBERS);
        const fate = (counts ? reportDeck.shift() : undefined) ?? rnd.pick(reportFates);
        const spec = { submitter, title: `关于${day}群众反映第${i}个问题的信息` };
        if (fate === 'resubmitted') {
          const r = await makeReport(w, 'returned', spec);
          await driveTo(w, reportDriver(w), r.id, 'accepted');
        } else {
          await makeReport(w, fate, spec);
        }
        if (!counts) continue;
        // the submitter's committees count their reports: every member of this world is in the 提案委员会 only
        const committee = `opinions.committee.${w.ids.committeeIds['提案委员会']}`;
        t.add('opinions.submitted'); t.add(`${committee}.submitted`);
        submitters.add(submitter);
        if (fate === 'accepted' || fate === 'verified' || fate === 'resubmitted') { t.add('opinions.accepted'); t.add(`${committee}.accepted`); adoptedSubmitters.add(submitter); }
        if (fate === 'retained') t.add('opinions.retained');
        if (fate === 'returned' || fate === 'resubmitted') t.add('opinions.returned');
      }
    }

    /* ------------------------------------------------------------ 履职活动 */
    let homeId = '';
    const homeMembers = ['m0001', 'm0002', 'm0003', 'm0004'];
    const activityMembers = new Set<string>();
    async function tokenOf(c: Client, id: string) {
      const r = ok(await c.get(`/api/activities/${id}/signin-code`));
      return new URL(r.url, 'http://x').searchParams.get('t')!;
    }
    async function activitiesOf(day: string, counts: boolean) {
      const office = await w.as('office');
      if (!homeId) {
        homeId = ok(await office.post('/api/activities/homes', {
          name: '东街委员之家', county: WORLD_COUNTY, town: '东街街道', place: '东街社区活动室', ...HOME, convenerUserId: uid('member'), memberIds: homeMembers.map(uid),
        }), 201).id;
      }
      const times = { startsAt: `${day}T09:00`, endsAt: `${day}T11:30`, publish: true };
      const plain = rnd.pick(['study', 'lecture', 'reading'] as const);
      const kinds: Array<'study' | 'lecture' | 'reading' | 'home' | 'service'> = [plain, ...(rnd.int(2) ? ['home' as const] : []), ...(rnd.int(2) ? ['service' as const] : [])];
      for (const kind of kinds) {
        const by = kind === 'home' ? await w.as('member') : office;
        const body = {
          kind, title: `${day} ${kind} 活动`, body: '委员履职活动。', ...times,
          ...(kind === 'home' || kind === 'service' ? { homeId } : {}), ...(kind === 'service' ? { serviceKind: 'clinic' } : {}),
        };
        const a = ok(await by.post('/api/activities', body), 201);
        const token = await tokenOf(by, a.id);
        const who = rnd.some(kind === 'home' || kind === 'service' ? homeMembers : MEMBERS, 1);
        for (const u of who) ok(await (await w.as(u)).post(`/api/activities/${a.id}/signin`, { token, ...(kind === 'home' || kind === 'service' ? NEAR : {}) }));
        if (counts) {
          t.add('activities.total'); t.add(`activities.kind_${kind}`);
          t.add('activities.participations', who.length);
          if (kind === 'home') t.add('activities.home_participations', who.length);
          for (const u of who) activityMembers.add(u);
        }
        if (kind === 'service') {
          // those who signed in record what they did: done now, later, or left ongoing
          for (const u of who) {
            const people = rnd.int(50) + 1;
            const how = rnd.pick(['done', 'completed', 'ongoing'] as const);
            const c = await w.as(u);
            const s = ok(await c.post('/api/activities/services', { activityId: a.id, serviceKind: 'clinic', content: '为社区老人测血压、问诊', onDate: day, peopleServed: people, done: how === 'done' }), 201);
            let served = people;
            if (how === 'completed') served = ok(await c.post(`/api/activities/services/${s.id}/complete`, { version: s.version, peopleServed: people + 5 })).peopleServed;
            if (counts && how !== 'ongoing') { t.add('activities.deeds'); t.add('activities.served', served); }
          }
        }
      }
    }

    /* ------------------------------------------------------------ 会议 */
    async function meetingOf(day: string, counts: boolean) {
      const office = await w.as('office');
      const m = ok(await office.post('/api/meetings', {
        kind: 'plenary', title: `${day} 全体会议`, place: '市会议中心', agenda: [{ title: '听取工作报告', presenter: '秘书长' }],
        sessions: [{ label: '全体会议', startsAt: `${day}T09:00`, endsAt: `${day}T11:30` }],
      }), 201);
      const n = ok(await office.post(`/api/meetings/${m.id}/transitions`, { action: 'notify', version: m.version, input: {} }));
      const session = m.sessionList[0].id;
      const code = ok(await office.get(`/api/meetings/${m.id}/sessions/${session}/signin-code`));
      const token = new URL(code.url, 'http://x').searchParams.get('t')!;
      const present = rnd.some(MEMBERS);
      for (const u of present) ok(await (await w.as(u)).post(`/api/meetings/${m.id}/sessions/${session}/signin`, { token }));
      clock.set(`${day}T12:00`);
      const cur = ok(await office.get(`/api/meetings/${m.id}`));
      ok(await office.post(`/api/meetings/${m.id}/transitions`, { action: 'close', version: cur.version ?? n.version, input: {} }));
      if (counts) {
        t.add('meetings.kind_plenary');
        t.add('meetings.expected', MEMBERS.length);
        t.add('meetings.attended', present.length);
      }
    }

    async function generate(day: string) {
      clock.set(`${day}T09:10`);
      await proposalsOf(day);
      await reportsOf(day, true);
      await activitiesOf(day, true);
      if (rnd.int(2) || day === DAYS[0]) await meetingOf(day, true);
    }

    // the year in parts (each test within the suite's time limit on a loaded machine), in order
    test('December to April: the year is generated through the API', async () => {
      for (const day of DAYS.slice(0, 4)) await generate(day);
    });

    test('June to November, and past the cut-off', async () => {
      for (const day of DAYS.slice(4)) await generate(day);
      // the last day of the year's work: the units answer what they still held
      clock.set(`${DAYS.at(-1)}T15:00`);
      await answerTheRest(DAYS.at(-1)!);
      // after the cut-off: the next working year's
      clock.set(`${AFTER}T09:10`);
      await reportsOf(AFTER, false);
      await activitiesOf(AFTER, false);
      await meetingOf(AFTER, false);
      await drained(w.zx);
    });

    test('every figure of the 2025 review equals the generator\'s tally, and opens as many records', async () => {

      clock.set(READ_AT);
      const today = READ_AT.slice(0, 10);
      for (const id of handling) {
        const p = await proposalDriver(w).load(id);
        if (p.due_date && p.due_date < today) t.add('proposals.overdue');
      }
      // the world's members (the city's seven), and who took part
      for (const k of ['proposals.members', 'opinions.members', 'members.serving']) t.add(k, MEMBERS.length);
      // every member of this world is in the 提案委员会 only: its 专委会委员 (decision 0091)
      t.add(`members.committee.${w.ids.committeeIds['提案委员会']}`, MEMBERS.length);
      t.add('proposals.participants', proposers.size);
      t.add('proposals.absent', MEMBERS.length - proposers.size);
      t.add('opinions.members_submitted', submitters.size);
      t.add('opinions.members_adopted', adoptedSubmitters.size);
      t.add('activities.members', activityMembers.size);
      // every fate comes up in the first days (the decks), so these are never 0: late replies, overdue ones, returns, …
      for (const k of ['proposals.received', 'proposals.filed', 'proposals.withdrawn', 'proposals.pending', 'proposals.late', 'proposals.overdue', 'proposals.on_time',
        'opinions.submitted', 'opinions.accepted', 'opinions.returned', 'opinions.retained', 'activities.total', 'meetings.kind_plenary']) assert.ok(t.get(k) > 0, `${k}: the generated year has something to count (${why})`);

      if (process.env.ZX_PRINT_TALLY) process.stderr.write(`tally ${d.kind} ${JSON.stringify(Object.fromEntries(t.n))}\n`);
      const leader = await w.login('leader');
      const r = ok(await leader.get(`/api/review?year=${YEAR}`)) as ReviewFigures;
      const got = Object.fromEntries(r.figures.map((f) => [f.key, f.value]));
      const want = Object.fromEntries(r.figures.map((f) => [f.key, t.get(f.key)]));
      assert.deepEqual(got, want, `every figure of the year equals the generator's tally (${why})`);
      for (const k of t.n.keys()) assert.ok(k in got, `${k} is in the catalogue`);

      // every figure opens its records: as many rows, or rows adding up to it
      for (const f of r.figures) {
        assert.ok(f.link, `${f.key} links to its records`);
        const sep = f.link.includes('?') ? '&' : '?';
        if (f.list?.sum) {
          const items: any[] = [];
          for (let page = 1; ; page++) {
            const l = ok(await leader.get(`${f.link}${sep}page=${page}&pageSize=100`));
            items.push(...l.items);
            if (l.pageSize === undefined || items.length >= l.total) break;
          }
          assert.equal(items.reduce((s, x) => s + Number(x[f.list!.sum!]), 0), f.value, `${f.key}: its rows add up to the figure (${why})`);
        } else {
          const l = ok(await leader.get(`${f.link}${sep}pageSize=100`));
          assert.equal(l.total, f.value, `${f.key}: its list has as many records as the figure (${why})`);
          if (l.pageSize !== undefined && f.value <= 100) assert.equal(l.items.length, f.value, `${f.key}: and shows them (${why})`);
        }
      }
    });
  });
}
