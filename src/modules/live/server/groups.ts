/**
 * Regrouping (意见分组) off the request path: a vote schedules its session's regrouping, debounced; the run reads
 * the session's votes, finds the groups (domain/opinion-groups.ts), labels them with their top keywords (the text
 * module's segmenter), stores the result and pushes it to the room as one stream event with the vote tallies.
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { segmenter } from '../../text/index.ts';
import type { OpinionGroupsView } from '../contract.ts';
import type { VoteMatrix } from '../domain/opinion-groups.ts';
import { groupVotes } from './cluster-worker.ts';
import { appendEvent } from './stream.ts';
import { liveDb } from './tables.ts';

/** a regrouping waits this long after a vote for more votes */
export const REGROUP_DEBOUNCE_MS = 700;

export interface StoredGroups {
  view: Omit<OpinionGroupsView, 'myGroup'>;
  /** participant id → group index */
  assignment: Record<string, number>;
  tallies: Record<string, { agree: number; disagree: number; pass: number }>;
}

/** Compute a session's groups from its votes now. */
export async function computeGroups(ctx: ModuleContext, sessionId: string): Promise<StoredGroups> {
  const ldb = liveDb(ctx.db);
  const [statements, votes] = await Promise.all([
    ldb.selectFrom('live_statements').select(['id', 'body']).where('session_id', '=', sessionId).where('status', '=', 'published').orderBy('created_at').orderBy('id').execute(),
    ldb.selectFrom('live_votes').select(['statement_id', 'participant_id', 'value']).where('session_id', '=', sessionId).execute(),
  ]);
  const col = new Map(statements.map((s, i) => [s.id, i]));
  const rowOf = new Map<string, number>();
  const people: string[] = [];
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (const v of votes) {
    const c = col.get(v.statement_id);
    if (c === undefined) continue;
    let r = rowOf.get(v.participant_id);
    if (r === undefined) { r = people.length; rowOf.set(v.participant_id, r); people.push(v.participant_id); }
    rows.push(r); cols.push(c); values.push(Number(v.value));
  }
  const m: VoteMatrix = { participants: people.length, statements: statements.length, rows: Int32Array.from(rows), cols: Int32Array.from(cols), values: Float64Array.from(values) };
  const result = await groupVotes(m);
  const seg = segmenter();
  const tallies: StoredGroups['tallies'] = {};
  statements.forEach((s, i) => { tallies[s.id] = result.tallies[i]; });
  const used = new Set<string>();
  const groups = result.groups.map((g, gi) => {
    const text = g.informative.filter((x) => x.direction === 'agree').map((x) => statements[x.statement].body).join('。') || g.informative.map((x) => statements[x.statement].body).join('。');
    const keywords = seg.keywords(text, 6).map((k) => k.word).filter((w) => !used.has(w)).slice(0, 3);
    keywords.forEach((w) => used.add(w));
    return {
      label: keywords.length ? keywords.join('·') : `第${gi + 1}组`,
      keywords,
      size: g.members.length,
      centre: [Math.round(g.centre[0] * 1000) / 1000, Math.round(g.centre[1] * 1000) / 1000] as [number, number],
      statements: g.informative.map((x) => ({ statementId: statements[x.statement].id, body: statements[x.statement].body, direction: x.direction, rate: round(x.rate), othersRate: round(x.othersRate) })),
    };
  });
  const assignment: Record<string, number> = {};
  people.forEach((p, i) => { if (result.assignment[i] >= 0) assignment[p] = result.assignment[i]; });
  return {
    view: {
      groups,
      consensus: result.consensus.map((c) => ({ statementId: statements[c.statement].id, body: statements[c.statement].body, minAgree: round(c.minAgree) })),
      participants: people.length, votes: m.values.length, computedAt: clock.iso(),
    },
    assignment, tallies,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Compute, store and push a session's groups. */
export async function regroup(ctx: ModuleContext, sessionId: string): Promise<StoredGroups | null> {
  const s = await liveDb(ctx.db).selectFrom('live_sessions').select(['id', 'tenant_id']).where('id', '=', sessionId).executeTakeFirst();
  if (!s) return null;
  const g = await computeGroups(ctx, sessionId);
  const data = JSON.stringify(g);
  await ctx.uow.run(async (w) => {
    const n = await w.trx.updateTable('live_groups').set({ data, computed_at: w.now }).where('session_id', '=', sessionId).executeTakeFirst();
    if (!Number(n.numUpdatedRows)) await w.trx.insertInto('live_groups').values({ session_id: sessionId, data, computed_at: w.now }).execute();
    await appendEvent(w, s, 'groups', { ...g.view, tallies: g.tallies });
  });
  return g;
}

export async function storedGroups(ctx: Pick<ModuleContext, 'db'>, sessionId: string): Promise<StoredGroups | null> {
  const r = await liveDb(ctx.db).selectFrom('live_groups').select('data').where('session_id', '=', sessionId).executeTakeFirst();
  return r ? JSON.parse(r.data) as StoredGroups : null;
}

/** Debounced regrouping per session on this instance: at most one run at a time per session, another after if votes came. */
export class Regrouper {
  private timers = new Map<string, NodeJS.Timeout>();
  private running = new Map<string, Promise<unknown>>();
  private dirty = new Set<string>();
  private closed = false;

  constructor(private ctx: ModuleContext, private delayMs = REGROUP_DEBOUNCE_MS) {}

  schedule(sessionId: string): void {
    if (this.closed) return;
    if (this.running.has(sessionId)) { this.dirty.add(sessionId); return; }
    if (this.timers.has(sessionId)) return;
    const t = setTimeout(() => { this.timers.delete(sessionId); this.run(sessionId); }, this.delayMs);
    t.unref();
    this.timers.set(sessionId, t);
  }

  private run(sessionId: string): void {
    const p = regroup(this.ctx, sessionId)
      .catch((err) => this.ctx.log.warn('网络议政意见分组失败', err))
      .finally(() => {
        this.running.delete(sessionId);
        if (this.dirty.delete(sessionId)) this.schedule(sessionId);
      });
    this.running.set(sessionId, p);
  }

  /** wait for scheduled and running regroupings (shutdown, tests) */
  async settle(): Promise<void> {
    // a run that finishes with votes come meanwhile schedules another: settle that one too
    while (this.timers.size || this.running.size) {
      for (const [id, t] of [...this.timers]) { clearTimeout(t); this.timers.delete(id); this.run(id); }
      if (this.running.size) await Promise.allSettled([...this.running.values()]);
    }
  }

  async close(): Promise<void> {
    await this.settle();
    this.closed = true;
  }
}
