/**
 * 登录失败限制: sign-in failures counted per username AND source address. After `threshold` failures of one username
 * from one address, that pair waits before it may try again: one minute, doubled by each further failure, up to
 * LOCKOUT_MINUTES. A stranger elsewhere cannot lock anyone out; whoever guesses from one address slows down
 * exponentially. Unknown usernames are counted exactly like known ones, so the answers never tell which exist.
 * A success from the address clears its count; counts untouched for a day are forgotten.
 */
import { sql } from 'kysely';
import type { Config } from '../../../kernel/server/config.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import type { IdentityDb, IdentityTrx } from './tables.ts';

export interface ThrottleRules {
  /** failures from one address before the waits begin */
  threshold: number;
  /** the first wait */
  baseDelayMs: number;
  /** the longest wait */
  maxDelayMs: number;
  /** a count untouched this long starts again from zero */
  forgetAfterMs: number;
}

export function throttleRulesOf(config: Pick<Config, 'lockoutThreshold' | 'lockoutMinutes'>): ThrottleRules {
  const maxDelayMs = Math.max(60_000, (Number.isFinite(config.lockoutMinutes) ? config.lockoutMinutes : 15) * 60_000);
  return {
    threshold: Math.max(1, Number.isFinite(config.lockoutThreshold) ? config.lockoutThreshold : 5),
    baseDelayMs: 60_000,
    maxDelayMs,
    forgetAfterMs: Math.max(86_400_000, 2 * maxDelayMs),
  };
}

/** The wait after the `failures`-th failure: none below the threshold, then the base doubled per failure, capped. */
export function delayAfter(rules: ThrottleRules, failures: number): number {
  if (failures < rules.threshold) return 0;
  return Math.min(rules.maxDelayMs, rules.baseDelayMs * 2 ** Math.min(30, failures - rules.threshold));
}

/** Until when this username must wait before it may be tried again from this address, or null. */
export async function waitUntil(db: IdentityDb, username: string, ip: string): Promise<string | null> {
  const row = await db.selectFrom('login_failures').select('blocked_until').where('username', '=', username).where('ip', '=', ip).executeTakeFirst();
  const until = row?.blocked_until as string | null | undefined;
  return until && Date.parse(until) > clock.nowMs() ? until : null;
}

/** Count a failure inside the caller's transaction; returns the count and the end of the wait it starts, if any. */
export async function recordFailure(trx: IdentityTrx, rules: ThrottleRules, username: string, ip: string): Promise<{ failures: number; blockedUntil: string | null }> {
  const nowMs = clock.nowMs();
  const now = new Date(nowMs).toISOString();
  // forgotten counts (this pair's and everyone's): the table holds only the last day's failures
  await trx.deleteFrom('login_failures').where('last_failed_at', '<', new Date(nowMs - rules.forgetAfterMs).toISOString()).execute();
  await trx.insertInto('login_failures')
    .values({ username, ip, failures: 1, first_failed_at: now, last_failed_at: now, blocked_until: null })
    .onConflict((oc) => oc.columns(['username', 'ip']).doUpdateSet({ failures: sql`${sql.ref('login_failures.failures')} + 1`, last_failed_at: now }))
    .execute();
  const row = await trx.selectFrom('login_failures').select('failures').where('username', '=', username).where('ip', '=', ip).executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  const delay = delayAfter(rules, failures);
  const blockedUntil = delay ? new Date(nowMs + delay).toISOString() : null;
  if (blockedUntil) await trx.updateTable('login_failures').set({ blocked_until: blockedUntil }).where('username', '=', username).where('ip', '=', ip).execute();
  return { failures, blockedUntil };
}

/** A success from this address: its count for this username starts again. */
export async function clearFailures(db: IdentityDb, username: string, ip: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).where('ip', '=', ip).execute();
}

/** Lift the waits of a username (from one address, or from all): returns how many were lifted. */
export async function liftWaits(db: IdentityDb, username: string, ip?: string): Promise<number> {
  let q = db.deleteFrom('login_failures').where('username', '=', username);
  if (ip) q = q.where('ip', '=', ip);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

export interface CurrentWait { username: string; ip: string; failures: number; blockedUntil: string; lastFailedAt: string }

/** The waits in force now (of the given usernames, or all), the longest first. */
export async function currentWaits(db: IdentityDb, usernames?: readonly string[]): Promise<CurrentWait[]> {
  if (usernames && usernames.length === 0) return [];
  let q = db.selectFrom('login_failures').select(['username', 'ip', 'failures', 'blocked_until', 'last_failed_at'])
    .where('blocked_until', '>', clock.iso());
  if (usernames) q = q.where('username', 'in', [...usernames]);
  const rows = await q.orderBy('blocked_until', 'desc').limit(1000).$narrowType<{ blocked_until: string }>().execute();
  return rows.map((r) => ({ username: r.username, ip: r.ip, failures: Number(r.failures), blockedUntil: r.blocked_until, lastFailedAt: r.last_failed_at }));
}
