/** What the meetings benches share: a 全体会议 with one session running now, notified, so its members can sign in. */
import { clock } from '../src/kernel/universal/clock.ts';

interface Caller { post(url: string, body: unknown): Promise<{ status: number; body: any }> }

const chinaTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

/** Creates and notifies a plenary whose one session began ten minutes ago; gives the meeting and its session's id. */
export async function openPlenary(office: Caller, title: string): Promise<{ meeting: any; session: string }> {
  const now = clock.nowMs();
  const m = (await office.post('/api/meetings', {
    kind: 'plenary', title, place: '市会议中心大礼堂',
    sessions: [{ label: '开幕大会', startsAt: chinaTime(now - 10 * 60_000), endsAt: chinaTime(now + 3 * 3600_000) }],
  })).body;
  if (!m.id) throw new Error(`create: ${JSON.stringify(m).slice(0, 300)}`);
  const n = await office.post(`/api/meetings/${m.id}/transitions`, { action: 'notify', version: m.version, input: {} });
  if (n.status !== 200) throw new Error(`notify: ${JSON.stringify(n.body).slice(0, 300)}`);
  return { meeting: m, session: m.sessionList[0].id };
}
