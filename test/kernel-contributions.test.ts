/**
 * The manifests' contributions: the catalogue rejects a role code, setting key, entity type or search source declared
 * by two modules; the business roles come from the modules that bring them; jobs start with the app, never overlap on
 * one instance and leave no timer behind when the app closes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { ModuleContext, ModuleManifest } from '../src/kernel/server/module.ts';
import type { JobDecl } from '../src/kernel/server/contributions.ts';
import { createContributions } from '../src/kernel/server/contributions-catalogue.ts';
import { startJobs } from '../src/kernel/server/jobs.ts';
import { modules } from '../src/server/modules.ts';
import { buildApp } from '../src/server/app.ts';
import { createTestDatabase } from './support/db.ts';

const mod = (name: string, over: Partial<ModuleManifest> = {}): ModuleManifest => ({ name, label: name, permissions: [], migrations: [], ...over });
const setting = (key: string) => ({ key, label: '参数', schema: z.number(), default: 1 });
const entity = (type: string, searchSources?: string[]) => ({ type, label: '记录', link: (id: string) => `/${type}/${id}`, searchSources });

/** Timers alive in this process (setTimeout/setInterval handles). */
const liveTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

/** A promise with its resolver, to wait on an event instead of on time. */
function signal<T = void>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('contributions catalogue', () => {
  test('a role code, setting key, entity type or search source declared twice is rejected, naming both modules', () => {
    assert.throws(() => createContributions([mod('a', { roles: [{ code: 'clerk', name: '甲', nameEn: 'A' }] }), mod('b', { roles: [{ code: 'clerk', name: '乙', nameEn: 'B' }] })]), /role clerk .*a and b/);
    assert.throws(() => createContributions([mod('a', { roles: [{ code: 'sys_admin', name: '系统管理员', nameEn: 'x' }] })]), /role sys_admin .*kernel and a/);
    assert.throws(() => createContributions([mod('a', { settings: [setting('x.days')] }), mod('b', { settings: [setting('x.days')] })]), /setting x\.days .*a and b/);
    assert.throws(() => createContributions([mod('a', { entities: [entity('thing')] }), mod('b', { entities: [entity('thing')] })]), /entity type thing .*a and b/);
    assert.throws(() => createContributions([mod('a', { entities: [entity('one', ['text'])] }), mod('b', { entities: [entity('two', ['text'])] })]), /search source text/);
    assert.throws(() => createContributions([mod('a', { permissions: [{ code: 'a.read', name: '读', defaultRoles: ['nobody'] }] })]), /undeclared role nobody/);
    assert.throws(() => createContributions([mod('a', { settings: [setting('Bad Key')] })]), /invalid setting key/);
    // the same declarations in one module each, without a clash, are accepted
    const c = createContributions([mod('a', { roles: [{ code: 'clerk', name: '甲', nameEn: 'A' }], settings: [setting('a.days')], entities: [entity('thing', ['text'])] }), mod('b', { settings: [setting('b.days')] })]);
    assert.deepEqual(c.roles.map((r) => `${r.module}:${r.code}`), ['kernel:sys_admin', 'kernel:sec_admin', 'kernel:audit_admin', 'a:clerk']);
    assert.equal(c.settings.get('b.days')?.module, 'b');
    assert.equal(c.entityOfSource('text')?.type, 'thing');
  });

  test('the modules bring the business roles, with their codes unchanged; the kernel keeps the three administrator roles', () => {
    const c = createContributions(modules);
    const byModule = (m: string) => c.roles.filter((r) => r.module === m).map((r) => r.code).sort();
    assert.deepEqual(byModule('kernel'), ['audit_admin', 'sec_admin', 'sys_admin']);
    assert.ok(c.roles.filter((r) => r.module === 'kernel').every((r) => r.admin));
    assert.deepEqual(byModule('proposals'), ['proposal_staff', 'unit_handler', 'unit_leader']);
    assert.deepEqual(byModule('opinions'), ['info_editor', 'informant']);
    assert.deepEqual(byModule('platforms'), ['platform_staff']);
    assert.deepEqual(c.roles.map((r) => r.code).sort(), ['audit_admin', 'committee_staff', 'info_editor', 'informant', 'leader', 'member', 'office_staff', 'platform_staff', 'proposal_staff', 'sec_admin', 'sys_admin', 'unit_handler', 'unit_leader']);
    assert.equal(c.role('proposal_staff')?.name, '提案委工作人员');
    // settings and entities of the real modules are in the catalogue
    assert.equal(c.settings.get('opinions.lengthGuide')?.module, 'opinions');
    assert.equal(c.entityOfSource('reply')?.type, 'proposal');
    assert.equal(c.entityOfSource('report')?.type, 'opinion');
  });

  test("unknown entity types have no link and no attachment access; visibility comes from the owning module's entity", async () => {
    const seen: string[][] = [];
    const c = createContributions([mod('a', {
      entities: [{ ...entity('thing', ['thing-text']), visibleIds: async (_ctx, _actor, ids) => { seen.push(ids); return new Set(ids.filter((i) => i !== 'hidden')); } }],
    })]);
    c.bind({} as ModuleContext);
    const actor = { userId: 'u', tenantId: 't' } as never;
    assert.equal(await c.link('nothing', 'X'), null);
    assert.equal(await c.link('thing', 'X'), '/thing/X');
    assert.equal(await c.attachmentAccess(actor, 'nothing', 'X', 'read'), false);
    assert.equal(await c.attachmentAccess(actor, 'thing', 'X', 'read'), true);
    assert.equal(await c.attachmentAccess(actor, 'thing', 'hidden', 'read'), false);
    assert.deepEqual([...(await c.searchVisibleIds('thing-text', actor, ['a', 'hidden']))!], ['a']);
    assert.equal(await c.searchVisibleIds('other', actor, ['a']), null, 'a source no entity claims: the default rule');
    assert.deepEqual(seen, [['X'], ['hidden'], ['a', 'hidden']]);
  });
});

describe('jobs', () => {
  test('runs of one job never overlap, and stopping waits for the run under way and leaves no timer', async () => {
    const before = liveTimers();
    let active = 0;
    let most = 0;
    let runs = 0;
    const third = signal();
    const job: JobDecl = {
      name: 'busy', label: '忙碌任务', everyMs: 1, firstAfterMs: 0,
      async run() {
        active++;
        most = Math.max(most, active);
        // each run outlasts the interval several times over: an interval timer would start the next one meanwhile
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (++runs === 3) third.resolve();
      },
    };
    const runner = startJobs([job], { log: { info() {}, warn() {}, error() {} } } as unknown as ModuleContext);
    await third.promise;
    await runner.stop();
    assert.equal(most, 1, 'one run at a time');
    assert.equal(active, 0, 'stop waited for the run under way');
    assert.equal(liveTimers(), before, 'no timer left');
    const after = runs;
    await new Promise((r) => setImmediate(r));
    assert.equal(runs, after, 'no run after stop');
  });

  test('a failing run is logged and the job carries on', async () => {
    const warned: unknown[] = [];
    const second = signal();
    let n = 0;
    const runner = startJobs([{
      name: 'flaky', label: '时好时坏', everyMs: 1, firstAfterMs: 0,
      async run() { if (++n === 1) throw new Error('boom'); second.resolve(); },
    }], { log: { info() {}, warn: (...a: unknown[]) => warned.push(a[0]), error() {} } } as unknown as ModuleContext);
    await second.promise;
    await runner.stop();
    assert.match(String(warned[0]), /时好时坏/);
  });

  test("the app starts the modules' jobs and its close stops them: no timer of the app is left", async () => {
    const tdb = await createTestDatabase('sqlite', { webDist: '/nonexistent' });
    try {
      const before = liveTimers();
      const ran = signal<ModuleContext>();
      let runs = 0;
      const zx = await buildApp(tdb.config, {
        extraModules: [mod('jobtest', { jobs: [{ name: 'tick', label: '测试任务', everyMs: 3_600_000, firstAfterMs: 0, async run(ctx) { runs++; ran.resolve(ctx); } }] })],
      });
      const ctx = await ran.promise;
      assert.equal(ctx, zx.ctx, 'the job runs with the app context');
      assert.ok(zx.ctx.contributions.jobs.some((j) => j.module === 'proposals' && j.name === 'reminders'), 'the 催办 job is declared by the proposals module');
      await zx.close();
      assert.equal(runs, 1);
      assert.equal(liveTimers(), before, 'every timer the app started is gone after close');
    } finally {
      await tdb.drop();
    }
  });
});
