/**
 * 签到合并提交: sign-ins that arrive together commit together (decisions 0054, 0067). A thousand members scanning one
 * QR code at the door would otherwise each wait for a transaction of their own behind the audit chain's single writer
 * (one SQLite connection; PostgreSQL's advisory lock on the chain). While one unit of work runs, the sign-ins that
 * arrive queue; the next unit of work takes all of them (at most `max`). Nothing waits for a timer: a lone sign-in runs
 * at once.
 *
 * The module says how to write a batch (`write`, in the unit of work: each sign-in's own row, audit record and event)
 * and answers each sign-in in its place: the instant it was signed in, or the refusal (a second sign-in of the same
 * person is a 409 while the others commit). Every sign-in is answered only after its unit of work committed. If the
 * shared unit of work fails as a whole, each sign-in is tried again alone, so one cannot take the others down; one
 * that the shared unit of work did commit before failing (after its commit) is recognised by `committedAt` and
 * answered as signed in.
 */
import { AppError } from '../universal/errors.ts';
import type { Work } from './unit-of-work.ts';

/** What a module tells the queue about its sign-ins (`T`: one sign-in as the command read it). */
export interface SignInWriter<T> {
  /**
   * Write the sign-ins in the caller's unit of work; answer each in its place: the instant it is signed in (usually
   * `w.now`) or an AppError refusing it (that one is not written; the others commit). A throw fails the whole batch.
   */
  write(w: Work, batch: readonly T[]): Promise<Array<string | AppError>>;
  /**
   * When the sign-in tried alone after a failed shared unit of work failed too: the instant it stands signed in by
   * that shared unit of work (`sharedNow`, by the same person) if it did commit, else undefined. Optional.
   */
  committedAt?(x: T, sharedNow: string, error: unknown): Promise<string | undefined>;
  /** The error to answer for a sign-in that failed alone (e.g. a unique index's refusal as a 409); by default as thrown. */
  refusal?(x: T, error: unknown): unknown;
}

/** What the queue needs of the kernel: a unit of work. */
export interface RunsWork { run<R>(fn: (w: Work) => Promise<R>): Promise<R> }

/** At most this many sign-ins share one unit of work by default. */
export const SIGN_IN_BATCH = 100;

type Waiting<T> = { x: T; done: (at: string) => void; fail: (e: unknown) => void };

/** The queue of one module's sign-ins on one instance (see the file's comment). */
export class SignInBatch<T> {
  private waiting: Waiting<T>[] = [];
  private running = false;
  /** units of work run and sign-ins committed (for the tests and benches) */
  readonly stats = { units: 0, signIns: 0 };

  constructor(private uow: RunsWork, private writer: SignInWriter<T>, private max = SIGN_IN_BATCH) {}

  /** Sign in: answered with the instant once committed, or rejected with the refusal. */
  add(x: T): Promise<string> {
    return new Promise<string>((done, fail) => {
      this.waiting.push({ x, done, fail });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) await this.commit(this.waiting.splice(0, this.max));
    } finally {
      this.running = false;
    }
  }

  private async commit(batch: Waiting<T>[]): Promise<void> {
    let sharedNow: string | undefined;
    if (batch.length > 1) {
      let outcomes: Array<string | AppError> | undefined;
      try {
        outcomes = await this.run((w) => { sharedNow = w.now; return this.writer.write(w, batch.map((b) => b.x)); });
      } catch {
        outcomes = undefined; // tried again one by one below
      }
      if (outcomes) {
        this.settle(batch, outcomes);
        return;
      }
    }
    for (const b of batch) {
      try {
        const [o] = await this.run((w) => this.writer.write(w, [b.x]).then((os) => {
          // a refusal alone is thrown, so that nothing of it commits
          if (os[0] instanceof AppError) throw os[0];
          return os;
        }));
        b.done(o as string);
      } catch (e) {
        const at = sharedNow && this.writer.committedAt ? await this.writer.committedAt(b.x, sharedNow, e).catch(() => undefined) : undefined;
        if (at) b.done(at);
        else b.fail(e instanceof AppError || !this.writer.refusal ? e : this.writer.refusal(b.x, e));
      }
    }
  }

  private async run(fn: (w: Work) => Promise<Array<string | AppError>>): Promise<Array<string | AppError>> {
    const out = await this.uow.run(fn);
    this.stats.units++;
    this.stats.signIns += out.filter((o) => !(o instanceof AppError)).length;
    return out;
  }

  private settle(batch: Waiting<T>[], outcomes: Array<string | AppError>): void {
    batch.forEach((b, i) => {
      const o = outcomes[i];
      if (o instanceof AppError) b.fail(o);
      else if (typeof o === 'string') b.done(o);
      else b.fail(new Error('sign-in batch: no outcome for a sign-in'));
    });
  }
}

/**
 * One queue per kernel context (an app instance; tests run several in one process): `const queueOf =
 * signInBatches(writer)`, then `queueOf(ctx).add(x)`.
 */
export function signInBatches<T>(writer: SignInWriter<T>, max = SIGN_IN_BATCH): (ctx: { uow: RunsWork }) => SignInBatch<T> {
  const queues = new WeakMap<object, SignInBatch<T>>();
  return (ctx) => {
    let q = queues.get(ctx);
    if (!q) queues.set(ctx, (q = new SignInBatch(ctx.uow, writer, max)));
    return q;
  };
}
