/** Composition root: configuration → database → kernel services → modules → HTTP server. */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../kernel/server/config.ts';
import { openDatabase, type DbHandle } from '../kernel/server/db/dialect.ts';
import { migrateToLatest } from '../kernel/server/migrate.ts';
import { EventBus } from '../kernel/server/events.ts';
import { WorkingCalendar } from '../kernel/server/calendar.ts';
import { WorkflowRunner } from '../kernel/server/workflow-runner.ts';
import { Outbox } from '../kernel/server/outbox.ts';
import { UnitOfWork } from '../kernel/server/unit-of-work.ts';
import { createHttpServer, webStaticOptions, type App } from '../kernel/server/http/server.ts';
import { createFigureCatalogue, figureRoutes } from '../kernel/server/figures.ts';
import { createSettings } from '../kernel/server/settings.ts';
import { kernelMigrations } from '../kernel/server/kernel-module.ts';
import type { ModuleContext, ModuleManifest } from '../kernel/server/module.ts';
import { createContributions } from '../kernel/server/contributions-catalogue.ts';
import { startJobs } from '../kernel/server/jobs.ts';
import { AppError } from '../kernel/universal/errors.ts';
import { useSecretKeys } from '../kernel/server/secrets.ts';
import { startAuditAnchoring } from '../kernel/server/audit.ts';
import { clock, SERVER_TIME_HEADER } from '../kernel/universal/clock.ts';
import { modules } from './modules.ts';
import { liveSessionIds, SESSIONS_CHANGED, syncPermissionCatalogue } from '../modules/identity/index.ts';
import { workYearCalendarOf } from '../modules/organizations/index.ts';
import { createNotifier } from '../modules/notifications/server/notifier.ts';
import { createRedisTransport } from '../kernel/server/realtime/redis-transport.ts';
import { registerRealtime, type RealtimeHub } from '../kernel/server/realtime/hub.ts';

export interface Zhengxie {
  app: App;
  ctx: ModuleContext;
  handle: DbHandle;
  /** this instance's push hub: the browsers connected to it and the rooms they joined */
  realtime: RealtimeHub;
  close(): Promise<void>;
}

export const allMigrations = (extra: readonly ModuleManifest[] = []) => [...kernelMigrations, ...[...modules, ...extra].flatMap((m) => m.migrations)];

/**
 * Open the database and bring it to the latest migration of the kernel, the product's modules and `extraModules`
 * (modules a test adds, such as one made from `src/modules/_template`), and store their permissions.
 */
export async function openAndMigrate(config: Config, opts: { sqliteFile?: string; extraModules?: readonly ModuleManifest[] } = {}): Promise<DbHandle> {
  // migrations may encrypt secrets (0104): the key is loaded first, generated into the data folder on a first start
  useSecretKeys(config, { create: true, log: (m) => { if (config.logLevel !== 'silent') console.warn(m); } });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteFile: opts.sqliteFile });
  const extra = opts.extraModules ?? [];
  await migrateToLatest(handle.db, handle.dialect, allMigrations(extra));
  await syncPermissionCatalogue(handle.db, [...modules, ...extra], handle.dialect);
  return handle;
}

export interface BuildOptions {
  sqliteFile?: string;
  handle?: DbHandle;
  /**
   * modules added after the product's own, for tests: a part no product module has yet (a room push channel), or a
   * whole module that the product does not ship (one made from `src/modules/_template`), with its migrations and
   * permissions. Their migrations run and their permissions are stored when this call opens the database; a caller
   * that passes `handle` must have opened it with `openAndMigrate(config, { extraModules })`.
   */
  extraModules?: ModuleManifest[];
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<Zhengxie> {
  clock.applySetting(config.clock);
  const extra = opts.extraModules ?? [];
  const all = [...modules, ...extra];
  const handle = opts.handle ?? (await openAndMigrate(config, opts));
  const { db, dialect } = handle;
  const events = new EventBus();
  const log = {
    info: (...a: unknown[]) => { if (config.logLevel !== 'silent') console.log(...a); },
    warn: (...a: unknown[]) => { if (config.logLevel !== 'silent') console.warn(...a); },
    error: (...a: unknown[]) => console.error(...a),
  };
  if (config.redisUrl) await events.useTransport(await createRedisTransport(config.redisUrl, { log }));
  const calendar = new WorkingCalendar(db);
  await calendar.load();
  calendar.trackDueDates(all.flatMap((m) => m.dueDates ?? []));
  const outbox = new Outbox({ db, dialect, events, log, pollMs: config.outboxPollMs });
  events.attachOutbox(outbox);
  const workflows = new WorkflowRunner({ db, dialect, events, calendar, outbox });
  const uow = new UnitOfWork({ db, dialect, runner: workflows, outbox, calendar });
  const notifier = createNotifier({ db, dialect, config, events, outbox, log });
  // what the manifests declare: roles, settings, entities, jobs (fails on a role, setting or entity declared twice)
  const contributions = createContributions(all);
  const ctx: ModuleContext = { config, db, dialect, events, outbox, uow, calendar, workflows, notifier, settings: createSettings(db, dialect), contributions, figures: createFigureCatalogue(all), log };
  contributions.bind(ctx);
  events.onError = (err, e) => log.error(`event handler for ${e.type} failed:`, err);

  const indexHtml = path.join(config.webDist, 'index.html');
  const spaRoot = fs.existsSync(indexHtml) ? config.webDist : undefined;
  const app = await createHttpServer({ logLevel: config.logLevel, maxUploadBytes: config.maxUploadBytes, cookieSecret: 'zhengxie', spaRoot, trustedProxies: config.trustedProxies });
  if (opts.handle) useSecretKeys(config, { create: true, log: log.warn });
  // checkpoints of the audit chain's head outside the database: at start, periodically, at shutdown (decision 0031)
  const anchoring = startAuditAnchoring({ db, file: config.auditAnchorFile, everyMs: config.auditAnchorMinutes * 60_000, log: log.info, onError: (err) => log.error('审计锚点写入失败：', err) });

  // the web app reads "now" from the server, so a demo or test clock and a phone with a wrong clock both show the
  // committee's date
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header(SERVER_TIME_HEADER, String(clock.nowMs()));
  });

  app.get('/api/health', {
    schema: {
      tags: ['system'], summary: '健康检查：数据库可达时返回 200', security: [],
      response: { 200: z.object({ status: z.literal('ok'), database: z.string(), instance: z.string() }) },
    },
  }, async () => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      throw new AppError('INTERNAL', '数据库不可达');
    }
    return { status: 'ok' as const, database: dialect, instance: events.instanceId };
  });

  // server pushes: the channels the modules declare, to the browsers connected to this instance (decision 0035)
  const realtime = registerRealtime(app, ctx, {
    channels: all.flatMap((m) => m.channels ?? []),
    liveSessions: (ids) => liveSessionIds(db, ids, config.sessionIdleSeconds),
    sessionsChangedEvent: SESSIONS_CHANGED,
  });
  for (const m of all) m.subscribe?.(ctx);
  for (const m of all) await m.routes?.(app, ctx);
  figureRoutes(app, ctx, ctx.figures, (tenantId) => workYearCalendarOf(ctx.settings, tenantId));
  // every subscriber is in place: deliver what an earlier run left in the outbox, then keep watching it
  outbox.start();
  // the modules' periodic jobs (催办, …): the kernel owns their timers and stops them when the app closes
  const jobs = startJobs(contributions.jobs, ctx);

  // the built web app: precompressed files, hashed assets cached for a year, index.html revalidated (decision 0030)
  if (spaRoot) await app.register(fastifyStatic, webStaticOptions(spaRoot));

  return {
    app, ctx, handle, realtime,
    async close() {
      try {
        await jobs.stop();
        await app.close();
        await anchoring.stop();
      } finally {
        try { await events.close(); } finally { try { await outbox.stop(); } finally { await handle.destroy(); } }
      }
    },
  };
}
