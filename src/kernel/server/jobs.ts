/**
 * The periodic jobs the modules declare (`jobs` in a manifest), run by the kernel on this instance: the first run
 * `firstAfterMs` after start, each next run `everyMs` after the previous one ended, so runs of one job never overlap
 * here. `stop` clears every timer and waits for runs under way; a failing run is logged and the job carries on.
 */
import type { JobDecl } from './contributions.ts';
import type { ModuleContext } from './module.ts';

export interface JobRunner {
  stop(): Promise<void>;
}

export function startJobs(jobs: readonly (JobDecl & { module?: string })[], ctx: ModuleContext): JobRunner {
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  const schedule = (job: JobDecl, afterMs: number) => {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      const run = (async () => {
        try {
          await job.run(ctx);
        } catch (err) {
          ctx.log.warn(`定时任务「${job.label}」失败：`, err);
        }
      })();
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        schedule(job, job.everyMs);
      });
    }, afterMs);
    timers.add(t);
  };
  for (const job of jobs) {
    if (!(job.everyMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`);
    schedule(job, job.firstAfterMs ?? Math.min(job.everyMs, 60_000));
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}
