/**
 * Trains the unit suggestion off the main thread (decision 0018, amended): a worker thread per training, started from
 * the TypeScript source under tsx (tests, `npm run zhengxie`) or from the compiled `dist/server/train-worker.mjs` (the
 * built server). If a worker cannot be started, the training runs here, as it did before, and says so in the log.
 */
import { Worker } from 'node:worker_threads';
import { train, UnitClassifier } from '../domain/classifier.ts';
import { segmenter, type DictEntry } from '../domain/segmenter.ts';
import { wordsOf } from '../domain/words.ts';
import type { TrainRequest } from './train-worker.ts';

const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './train-worker.ts' : './train-worker.mjs', import.meta.url);

type Reply = { ok: true; model: ReturnType<UnitClassifier['toJSON']> } | { ok: false; error: string };

function inWorker(req: TrainRequest): Promise<UnitClassifier> {
  return new Promise((resolve, reject) => {
    // from the source, the worker first registers tsx's loader, then imports the TypeScript file (an `--import tsx`
    // in the worker's execArgv comes too late for its entry file on Node 20)
    const worker = fromSource
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); })`, { eval: true })
      : new Worker(workerUrl);
    let settled = false;
    const done = (f: () => void) => { if (!settled) { settled = true; f(); void worker.terminate(); } };
    worker.once('message', (r: Reply) => done(() => (r.ok ? resolve(UnitClassifier.fromJSON(r.model)) : reject(new Error(r.error)))));
    worker.once('error', (e) => done(() => reject(e)));
    worker.once('exit', (code) => done(() => reject(new Error(`training worker exited with code ${code}`))));
    worker.postMessage(req);
  });
}

/** Where the trainings ran, and how many are running now (tests: the worker is used, and requests answer meanwhile). */
export const trainingStats = { inWorker: 0, inProcess: 0, running: 0 };

/** Trains a model on the examples, in a worker thread when one can be started. */
export async function trainUnits(examples: TrainRequest['examples'], words: DictEntry[], log: (...a: unknown[]) => void): Promise<UnitClassifier> {
  trainingStats.running++;
  try {
    const model = await inWorker({ examples, words });
    trainingStats.inWorker++;
    return model;
  } catch (e) {
    // the worker's own failure (not a bad example set, which fails the same way here) falls back to this thread
    log('unit suggestion: training worker failed, training in the main thread', e);
    trainingStats.inProcess++;
    return train((t) => wordsOf(segmenter().cut(t)), examples);
  } finally {
    trainingStats.running--;
  }
}
