/**
 * Factories: a running zhengxie with a minimal world instead of the whole demo, and records in any lifecycle state.
 *
 * `startWorld` builds one city CPPCC (a tenant) with one county CPPCC below it, the offices, two special committees,
 * a few handling units, the 界别, and one user per role under the demo account names (`member`, `proposal`, `unit`,
 * `unitlead`, `editor`, `sysadmin`, …, same organisations and password as the demo), plus a few members (`m0001`, …)
 * and unit clerks (`handler02`, …). The rows go in through the same builder as the demo seed (`src/server/world.ts`).
 * It answers like `startApp`, so a test file moves from one to the other by changing the call.
 *
 * `driveTo` brings a record to a target state by firing the real transitions through the API (route, command, runner):
 * the path is found from the workflow definition (fewest steps), the actor of each step is the first world user the
 * lifecycle lets fire it (role and guard, `checkTransition`), and required input comes from defaults per field or the
 * caller. Module factories (`src/modules/<m>/test/factories.ts`) tell it how to create, load and fire their records.
 *
 * `nextEvent` waits until an event of a type has been delivered (its subscribers have run), instead of sleeping.
 */
import { actionFields, checkTransition, type ActorLike, type TransitionDef, type WorkflowDef } from '../../src/kernel/universal/workflow.ts';
import type { DomainEvent } from '../../src/kernel/server/events.ts';
import type { SeedContext } from '../../src/kernel/server/module.ts';
import type { Config } from '../../src/kernel/server/config.ts';
import { builtinRoles } from '../../src/modules/identity/index.ts';
import { clock } from '../../src/kernel/universal/clock.ts';
import { buildApp, type Zhengxie } from '../../src/server/app.ts';
import { modules } from '../../src/server/modules.ts';
import { COMMITTEES, DEMO_PASSWORD, DEMO_TOTP_SECRETS, SECTORS, UNITS, type DemoAccount } from '../../src/server/seed.ts';
import { WorldRows } from '../../src/server/world.ts';
import { hashPassword, syncPermissionCatalogue } from '../../src/modules/identity/index.ts';
import { createTestDatabase, type DialectKind } from './db.ts';
import type { StartedApp, StartOptions } from './fixtures.ts';
import { freshTotp } from './totp.ts';
import { login as httpLogin, type Client } from './http.ts';

type RoleCode = string;
/** each role's Chinese name: the kernel's administrators and the business roles the manifests declare */
const roleNames = new Map(builtinRoles(modules).map((r) => [r.code, r.name]));

/** The county of the world (the demo's 潞州区), for tenancy tests. */
export const WORLD_COUNTY = '潞州区';
/** Handling units of the world: the demo units the tests name. 市住建局 has a clerk (`unit`) and a leader (`unitlead`). */
export const WORLD_UNITS = ['市住建局', '市教育局', '市交通运输局', '市农业农村局'] as const;

export interface WorldOptions extends Omit<StartOptions, 'noSeed'> {
  /** how many city members besides the demo `member` (`m0001` …, default 5), each in a 界别 and the 提案委员会 */
  members?: number;
}

export interface World extends StartedApp {
  /** the world's ids, shaped as a module seed receives them */
  ids: SeedContext & { officeId: string; researchId: string; countyId: string };
  /** each user as the lifecycle sees them (for picking who may fire a transition) */
  people: Map<string, ActorLike & { username: string }>;
  /** a signed-in client per username, signed in once and reused */
  as(username: string): Promise<Client>;
}

/** Start the real app on a fresh database holding the minimal world. */
export async function startWorld(kind: DialectKind, opts: WorldOptions = {}): Promise<World> {
  const tdb = await createTestDatabase(kind, { loginRateLimitPerMinute: 10_000, ...opts.config } as Partial<Config>);
  let zx: Zhengxie | undefined;
  try {
    zx = await buildApp(tdb.config, { extraModules: opts.extraModules });
    const built = await buildWorld(zx, opts.members ?? 5);
    const started = zx;
    const { accounts } = built;
    const account = (username: string) => {
      const a = accounts.find((x) => x.username === username);
      if (!a) throw new Error(`no account ${username} in the world`);
      return a;
    };
    const totpCode = (username: string) => {
      const a = account(username);
      if (!a.totpSecret) throw new Error(`${username} has no TOTP secret`);
      return freshTotp(a.totpSecret, username, tdb.config.dataDir);
    };
    const login = (username: string) => {
      const a = accounts.find((x) => x.username === username);
      if (!a) return httpLogin(started.app, username, DEMO_PASSWORD);
      return a.totpSecret
        ? totpCode(username).then((code) => httpLogin(started.app, username, a.password, code))
        : httpLogin(started.app, username, a.password);
    };
    const clients = new Map<string, Promise<Client>>();
    return {
      zx: started, app: started.app, config: tdb.config, accounts, account, totpCode, login,
      ids: built.ids, people: built.people,
      as(username) {
        let c = clients.get(username);
        if (!c) { c = login(username); clients.set(username, c); c.catch(() => clients.delete(username)); }
        return c;
      },
      async close() {
        try { await started.close(); } finally { await tdb.drop(); }
      },
    };
  } catch (e) {
    await zx?.close().catch(() => {});
    await tdb.drop().catch(() => {});
    throw e;
  }
}

async function buildWorld(zx: Zhengxie, memberCount: number) {
  const ctx = zx.ctx;
  await syncPermissionCatalogue(ctx.db, modules, ctx.dialect);
  const w = new WorldRows(clock.iso(), await hashPassword(DEMO_PASSWORD));
  const cityId = w.org({ parent: null, kind: 'cppcc', level: 'city', name: '政协长治市委员会', short: '长治市政协', code: '140400', sort: 1 });
  const officeId = w.org({ parent: cityId, kind: 'office', name: '办公室', code: 'BGS', sort: 1, tenant: cityId });
  const researchId = w.org({ parent: cityId, kind: 'office', name: '研究中心', code: 'YJZX', sort: 2, tenant: cityId });
  const committeeIds: Record<string, string> = {};
  for (const name of ['提案委员会', '农业和农村委员会'] as const) {
    committeeIds[name] = w.org({ parent: cityId, kind: 'committee', name, code: `ZWH${String(COMMITTEES.indexOf(name) + 1).padStart(2, '0')}`, sort: 10 + COMMITTEES.indexOf(name), tenant: cityId });
  }
  const unitIds: Record<string, string> = {};
  for (const name of WORLD_UNITS) {
    const i = UNITS.indexOf(name);
    unitIds[name] = w.org({ parent: cityId, kind: 'gov_unit', name, code: `U${String(i + 1).padStart(2, '0')}`, sort: 100 + i, tenant: cityId });
  }
  w.org({ parent: cityId, kind: 'party', name: '民盟长治市委员会', short: '民盟', sort: 200, tenant: cityId });
  const countyId = w.org({ parent: cityId, kind: 'cppcc', level: 'county', name: `长治市${WORLD_COUNTY}政协`, short: `${WORLD_COUNTY}政协`, code: '140403', sort: 400 });
  w.org({ parent: countyId, kind: 'office', name: '办公室', sort: 1, tenant: countyId });
  w.org({ parent: countyId, kind: 'gov_unit', name: `${WORLD_COUNTY}住建局`, sort: 100, tenant: countyId });

  const sectorIds: Record<string, string> = {};
  const countySectorIds: string[] = [];
  SECTORS.forEach((name, i) => {
    sectorIds[name] = w.sector(cityId, name, i + 1);
    countySectorIds.push(w.sector(countyId, name, i + 1));
  });

  const accounts: DemoAccount[] = [];
  const demoUsers: SeedContext['demoUsers'] = {};
  const people = new Map<string, ActorLike & { username: string }>();
  const orgLabel = new Map<string, string>([[cityId, '长治市政协'], [officeId, '长治市政协办公室'], [researchId, '长治市政协研究中心'], [countyId, `长治市${WORLD_COUNTY}政协`]]);
  const add = (username: string, role: RoleCode, orgId: string, tenantId: string, o: { displayName?: string; totp?: string; sector?: string; demo?: boolean } = {}) => {
    const userId = w.user({ username, orgId, tenantId, roles: [{ code: role }], displayName: o.displayName ?? `${roleNames.get(role) ?? role}${username}`, totpSecret: o.totp });
    if (o.sector) {
      const county = tenantId === countyId;
      w.member({
        userId, tenantId, sectorId: county ? countySectorIds[0] : sectorIds[o.sector], party: o.sector === '中共' ? '中国共产党' : null,
        committees: county ? [] : [{ committeeId: committeeIds['提案委员会'], role: '委员' }],
      });
    }
    people.set(username, { username, userId, orgId, tenantId, roles: [role] });
    if (o.demo !== false) {
      demoUsers[username] = { userId, orgId, username };
      accounts.push({ username, password: DEMO_PASSWORD, role: roleNames.get(role) ?? role, org: orgLabel.get(orgId) ?? Object.entries(committeeIds).concat(Object.entries(unitIds)).find(([, id]) => id === orgId)?.[0] ?? '', ...(o.totp ? { totpSecret: o.totp } : {}) });
    }
    return userId;
  };
  // the demo accounts, in the demo's organisations
  add('member', 'member', cityId, cityId, { displayName: '王委员', sector: '民盟' });
  add('informant', 'informant', cityId, cityId);
  add('proposal', 'proposal_staff', committeeIds['提案委员会'], cityId);
  add('editor', 'info_editor', researchId, cityId);
  add('committee', 'committee_staff', committeeIds['农业和农村委员会'], cityId);
  add('office', 'office_staff', officeId, cityId);
  add('unit', 'unit_handler', unitIds['市住建局'], cityId);
  add('unitlead', 'unit_leader', unitIds['市住建局'], cityId);
  add('unit2', 'unit_handler', unitIds['市教育局'], cityId);
  add('leader', 'leader', cityId, cityId);
  add('county', 'member', countyId, countyId, { displayName: '赵委员', sector: '中共' });
  add('countystaff', 'proposal_staff', countyId, countyId);
  add('countyeditor', 'info_editor', countyId, countyId);
  add('sysadmin', 'sys_admin', cityId, cityId, { totp: DEMO_TOTP_SECRETS.sysadmin });
  add('secadmin', 'sec_admin', cityId, cityId, { totp: DEMO_TOTP_SECRETS.secadmin });
  add('auditor', 'audit_admin', cityId, cityId, { totp: DEMO_TOTP_SECRETS.auditor });
  // members of the city (the demo's m0001 …) and one clerk per unit under the demo's numbering (handler02: 市住建局)
  const memberUserIds: string[] = [];
  for (let i = 1; i <= memberCount; i++) {
    const username = `m${String(i).padStart(4, '0')}`;
    memberUserIds.push(add(username, 'member', cityId, cityId, { displayName: `委员${i}`, sector: SECTORS[i % SECTORS.length], demo: false }));
  }
  for (const name of WORLD_UNITS) add(`handler${String(UNITS.indexOf(name) + 1).padStart(2, '0')}`, 'unit_handler', unitIds[name], cityId, { displayName: `${name}经办人`, demo: false });

  await w.insert(ctx, { tenantId: cityId, action: 'test.world' });
  const ids = { cityId, countyIds: { [WORLD_COUNTY]: countyId }, unitIds, committeeIds, sectorIds, memberUserIds, demoUsers, officeId, researchId, countyId };
  return { accounts, people, ids };
}

/* ---------------------------------------------------------------- records in any state */

/** The transitions from `from` to `to` with the fewest steps, read from the workflow definition (null: unreachable). */
export function pathTo<R>(wf: WorkflowDef<R>, from: string, to: string, avoid: ReadonlySet<string> = new Set()): TransitionDef<R>[] | null {
  const prev = new Map<string, { state: string; t: TransitionDef<R> } | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const s = queue.shift()!;
    if (s === to) break;
    for (const t of wf.transitions) {
      if (!t.from.includes(s) || t.to === s || avoid.has(t.name) || prev.has(t.to)) continue;
      prev.set(t.to, { state: s, t });
      queue.push(t.to);
    }
  }
  if (!prev.has(to)) return null;
  const path: TransitionDef<R>[] = [];
  for (let s = to; prev.get(s); s = prev.get(s)!.state) path.unshift(prev.get(s)!.t);
  return path;
}

/** How a module's records are driven: loading the stored row, firing an action as a client (returns the new version). */
export interface Driver<R> {
  workflow: WorkflowDef<R>;
  /** the stored row, as the lifecycle's guards read it */
  load(id: string): Promise<R & { state: string; version: number }>;
  fire(c: Client, id: string, action: string, version: number, input: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** a value for a required input field of an action (undefined: the caller must give it) */
  fieldDefault(field: string, action: string): unknown;
  /** actions never taken on the way (fired by other commands, or needing another record) */
  avoid?: ReadonlySet<string>;
}

export interface DriveOptions {
  /** input per action, merged over the defaults (e.g. `{ assign: { leadUnitId } }`) */
  input?: Record<string, Record<string, unknown>>;
  /** who fires an action (a username), instead of the first person the lifecycle allows */
  by?: Record<string, string>;
  /** actions not to take on the way (another path is looked for) */
  avoid?: readonly string[];
}

/**
 * Fire transitions until the record is in `target`; returns the actions taken. Each step is a real API call by a
 * world user the lifecycle allows (role and guard); a step it refuses fails with the API's answer.
 */
export async function driveTo<R>(world: World, driver: Driver<R>, id: string, target: string, opts: DriveOptions = {}): Promise<string[]> {
  const avoid = new Set([...(driver.avoid ?? []), ...(opts.avoid ?? [])]);
  const taken: string[] = [];
  for (let guard = 0; guard < 50; guard++) {
    const record = await driver.load(id);
    if (record.state === target) return taken;
    const path = pathTo(driver.workflow, record.state, target, avoid);
    if (!path) throw new Error(`${driver.workflow.id} ${id}: no way from ${record.state} to ${target} avoiding ${[...avoid].join(', ') || 'nothing'}`);
    const t = path[0];
    const input: Record<string, unknown> = {};
    for (const field of actionFields(t).filter((f) => f.required).map((f) => f.name)) {
      const v = driver.fieldDefault(field, t.name);
      if (v !== undefined) input[field] = v;
    }
    Object.assign(input, opts.input?.[t.name] ?? {});
    const username = opts.by?.[t.name] ?? [...world.people.values()].find((p) =>
      checkTransition(driver.workflow, record.state, t.name, { record, actor: p, input }).ok)?.username;
    if (!username) throw new Error(`${driver.workflow.id} ${id}: nobody in the world may ${t.name} from ${record.state} (input ${JSON.stringify(input)})`);
    const r = await driver.fire(await world.as(username), id, t.name, Number(record.version), input);
    if (r.status !== 200) throw new Error(`${driver.workflow.id} ${id}: ${username} ${t.name} from ${record.state}: ${r.status} ${JSON.stringify(r.body)}`);
    taken.push(t.name);
  }
  throw new Error(`${driver.workflow.id} ${id}: did not reach ${target} in 50 steps`);
}

/* ---------------------------------------------------------------- waiting on delivered events */

/**
 * The next event of `type` (and matching `where`) delivered by this instance, after its local subscribers have run:
 * call it before the action, await it after. Fails after `ms` instead of hanging when the event never comes.
 */
export function nextEvent(zx: Zhengxie, type: string, where: (e: DomainEvent) => boolean = () => true, ms = 30_000): Promise<DomainEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no ${type} event delivered within ${ms} ms`)); }, ms);
    timer.unref();
    const off = zx.ctx.events.onBroadcast(type, (e) => {
      if (!where(e)) return;
      clearTimeout(timer);
      off();
      resolve(e);
    });
  });
}

/** Deliver every event due in the outbox and wait for the subscribers they started; fails when something stays pending. */
export async function drained(zx: Zhengxie): Promise<void> {
  await zx.ctx.events.drain();
  const pending = await zx.ctx.outbox.pendingCount();
  if (pending) {
    const rows = await zx.ctx.db.selectFrom('outbox').select(['type', 'last_error']).where('delivered_at', 'is', null).execute();
    throw new Error(`${pending} events still pending after drain: ${JSON.stringify(rows).slice(0, 500)}`);
  }
}
