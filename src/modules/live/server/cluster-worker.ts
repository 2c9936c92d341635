/**
 * Runs the opinion-group computation in a worker thread, so that a large session's regrouping (seconds at 10,000 ×
 * 500) does not hold up this instance's requests and streams. Small matrices are grouped in the calling thread.
 */
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { findOpinionGroups, type OpinionGroupsResult, type VoteMatrix } from '../domain/opinion-groups.ts';

/** votes from which the grouping runs in a worker thread */
export const WORKER_FROM_VOTES = 20_000;

if (!isMainThread && parentPort) {
  parentPort.on('message', (m: VoteMatrix) => {
    parentPort!.postMessage(findOpinionGroups(m));
  });
}

let worker: Worker | null = null;
let queue: Promise<unknown> = Promise.resolve();

/** Group the matrix: in a worker thread when it is large, else here. One grouping at a time per process. */
export function groupVotes(m: VoteMatrix): Promise<OpinionGroupsResult> {
  if (m.values.length < WORKER_FROM_VOTES) return Promise.resolve(findOpinionGroups(m));
  const run = queue.then(() => new Promise<OpinionGroupsResult>((resolve, reject) => {
    if (!worker) {
      // a worker thread does not inherit the TypeScript loader the app runs under: register it, then load this file
      const self = new URL(import.meta.url).href;
      const boot = self.endsWith('.ts')
        ? `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(self)}); })`
        : `import(${JSON.stringify(self)})`;
      worker = new Worker(boot, { eval: true });
      worker.unref();
    }
    const w = worker;
    const onMessage = (r: OpinionGroupsResult) => { w.off('error', onError); resolve(r); };
    const onError = (err: Error) => { w.off('message', onMessage); worker = null; reject(err); };
    w.once('message', onMessage);
    w.once('error', onError);
    w.postMessage(m);
  }));
  queue = run.catch(() => undefined);
  return run;
}

/** End the worker thread (app shutdown). */
export async function stopGroupWorker(): Promise<void> {
  const w = worker;
  worker = null;
  await w?.terminate();
}
