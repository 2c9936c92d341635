/**
 * 网络征集 at a city's volume, on SQLite and PostgreSQL (when it answers), through the real app (routes, validation,
 * rate limits, the one-answer rule) in process: answers to one public questionnaire arrive at 5,000 a minute (an
 * open-loop schedule: request i is due at i × 12 ms, its time counted from when it was due), each from a different
 * respondent (a signed anonymous token) and client address (X-Forwarded-For through a trusted proxy, so the per-address
 * rate limit sees many people, as behind a real proxy). One minute of answers (12 s with --quick); p99 ≤ 100 ms,
 * against a bare route (GET /api/health) on the same schedule in the same run; every answer accepted exactly once.
 * Prints JSON lines `survey.p99_ms` (one per dialect, with p50, the baseline's p50/p99 and the load average) and
 * `survey.accepted_per_min` (bench/lib.ts); progress on stderr.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { dialects } from '../test/support/db.ts';
import { startWorld, type World } from '../test/support/factories.ts';
import { anonymous } from '../test/support/http.ts';
import { addDays } from '../src/kernel/universal/working-days.ts';
import { crashed, crashes, emit, note, quick, round, percentile } from './lib.ts';

const PER_MINUTE = 5000;
const SECONDS = quick ? 12 : 60;
const ANSWERS = Math.round((PER_MINUTE / 60) * SECONDS);
const GAP_MS = 60_000 / PER_MINUTE;
const P99_MS = 100;


/** Fire `n` requests on a fixed schedule (one every GAP_MS), not waiting for answers; each one's time from when it was due. */
async function scheduled<T>(n: number, send: (i: number) => Promise<T>): Promise<{ times: number[]; results: T[]; wallMs: number }> {
  const times: number[] = new Array(n);
  const results: T[] = new Array(n);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + i * GAP_MS;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i).then((r) => { results[i] = r; times[i] = performance.now() - due; }));
  }
  await Promise.all(pending);
  return { times, results, wallMs: performance.now() - start };
}

const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

async function run(w: World, kind: string) {
  const office = await w.as('office');
  const today = w.zx.ctx.calendar.today();
  let s = (await office.post('/api/surveys', {
    title: '公交线路优化意见征集', audience: 'public', allowAnonymous: true, opensOn: today, closesOn: addDays(today, 7),
    questions: [
      { id: 'who', kind: 'single', title: '您的身份', required: true, options: ['居民', '商户', '乘客', '其他'] },
      { id: 'lines', kind: 'multiple', title: '常坐线路', required: true, options: ['1路', '2路', '5路', '12路', '21路'] },
      { id: 'score', kind: 'rating', title: '满意度', required: true, max: 5 },
      { id: 'why', kind: 'text', title: '不满意的原因', required: false, showIf: { question: 'who', option: 2 } },
      { id: 'advice', kind: 'text', title: '意见建议', required: false },
    ],
  })).body;
  if (!s.id) throw new Error(`create: ${JSON.stringify(s)}`);
  s = (await office.post(`/api/surveys/${s.id}/transitions`, { action: 'publish', version: s.version, input: {} })).body;
  const token = String(s.sharePath).split('/').pop();
  const anon = anonymous(w.zx.app);
  note(`${kind}: ${ANSWERS} anonymous tokens`);
  const tokens: string[] = [];
  for (let i = 0; i < ANSWERS; i += 50) {
    tokens.push(...await Promise.all(Array.from({ length: Math.min(50, ANSWERS - i) }, async (_, k) => {
      const r = await anon.request('POST', `/api/public/surveys/${token}/anonymous-token`, {}, { 'x-forwarded-for': ip(i + k) });
      if (r.status !== 200) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    })));
  }
  const body = (i: number) => ({
    anonymousToken: tokens[i],
    answers: { who: i % 4, lines: [i % 5, (i * 3) % 5], score: 1 + (i % 5), ...(i % 4 === 2 ? { why: '车次太少，等车时间长' } : {}), ...(i % 3 === 0 ? { advice: `建议优化${(i % 5) + 1}路的发车间隔，高峰时段加密班次` } : {}) },
  });
  // warm both routes
  for (let i = 0; i < 20; i++) await anon.request('GET', '/api/health', undefined, { 'x-forwarded-for': ip(i) });

  note(`${kind}: bare route, ${ANSWERS} requests at ${PER_MINUTE}/min`);
  const bare = await scheduled(ANSWERS, (i) => anon.request('GET', '/api/health', undefined, { 'x-forwarded-for': ip(i) }));
  note(`${kind}: ${ANSWERS} answers at ${PER_MINUTE}/min`);
  const answers = await scheduled(ANSWERS, (i) => anon.request('POST', `/api/public/surveys/${token}/answers`, body(i), { 'x-forwarded-for': ip(i) }));
  const byStatus: Record<string, number> = {};
  for (const r of answers.results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const stored = (await office.get(`/api/surveys/${s.id}`)).body.answerCount;
  const again = await anon.request('POST', `/api/public/surveys/${token}/answers`, body(0), { 'x-forwarded-for': ip(0) });
  emit({
    name: 'survey.p99_ms', dialect: kind, value: round(percentile(answers.times, 99), 1), unit: 'ms', target: `<= ${P99_MS}`, baseline: round(percentile(bare.times, 99), 1),
    p50: round(percentile(answers.times, 50), 1), baseline_p50: round(percentile(bare.times, 50), 1), answers: ANSWERS, per_minute: PER_MINUTE, statuses: byStatus, stored, second_answer: again.status,
    loadavg: os.loadavg().map((x) => round(x, 2)),
  });
  emit({ name: 'survey.accepted_per_min', dialect: kind, value: round((byStatus['201'] ?? 0) / (answers.wallMs / 60_000), 0), unit: 'answers/min', target: `>= ${PER_MINUTE}`, accepted: byStatus['201'] ?? 0, wall_s: round(answers.wallMs / 1000, 2) });
  if (stored !== ANSWERS || (byStatus['201'] ?? 0) !== ANSWERS) throw new Error(`accepted ${byStatus['201'] ?? 0}, stored ${stored}, of ${ANSWERS}`);
}

for (const d of await dialects()) {
  if (d.skip) { emit({ name: `survey_${d.kind}`, skipped: String(d.skip) }); continue; }
  let w: World | undefined;
  try {
    w = await startWorld(d.kind, { members: 5, config: { webDist: '/nonexistent-web-dist', trustedProxies: ['127.0.0.1'] } });
    await run(w, d.kind);
  } catch (e) {
    crashed(`survey_${d.kind}`, e);
  } finally {
    await w?.close().catch(() => {});
  }
}
if (crashes().length) process.exitCode = 1;
