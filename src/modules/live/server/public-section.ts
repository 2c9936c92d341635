/**
 * 网络议政 on the public portal (门户): sessions the hosts opened to the public (`public_access` link or phone) that are
 * open now or still to come, each linking to its public room (/public/live/<key>), where the public takes part under
 * the session's own rules (moderation, phone check). Sessions closed to the public, and finished ones, are not shown.
 */
import type { PublicSection } from '../../../kernel/server/contributions.ts';
import { escapeHtml, excerpt, textToHtml } from '../../../kernel/universal/html.ts';
import { formatDate, formatDateTime } from '../../../kernel/universal/china-time.ts';
import { liveDb } from './tables.ts';

const shownStates = ['preparing', 'open'];
const roomOf = (key: string) => `/public/live/${encodeURIComponent(key)}`;

export const publicLiveSection: PublicSection = {
  key: 'live.sessions',
  title: '网络议政',
  titleEn: 'Online deliberation',
  order: 60,
  events: ['live_session.transitioned', 'live.session_closed', 'live.session_linked'],
  async list(ctx, tenantId, page) {
    const db = liveDb(ctx.db);
    const base = db.selectFrom('live_sessions').where('tenant_id', '=', tenantId).where('public_access', '!=', 'none').where('state', 'in', shownStates);
    const [rows, count] = await Promise.all([
      base.select(['id', 'title', 'opens_at', 'closes_at', 'public_key', 'state']).orderBy('opens_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => ({
        id: r.id, title: r.title, date: formatDate(r.opens_at), href: roomOf(r.public_key),
        summary: r.state === 'open' ? '正在进行，欢迎参与' : `将于 ${formatDateTime(r.opens_at)} 开始`,
      })),
    };
  },
  async item(ctx, tenantId, id) {
    const r = await liveDb(ctx.db).selectFrom('live_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r || r.tenant_id !== tenantId || r.public_access === 'none' || !shownStates.includes(r.state)) return null;
    return {
      id: r.id, title: r.title, date: formatDate(r.opens_at), kicker: '网络议政', href: roomOf(r.public_key),
      html: `<h2>议题背景</h2>${textToHtml(r.topic)}<p class="more"><a href="${escapeHtml(roomOf(r.public_key))}">${r.state === 'open' ? '进入议政室参与' : '查看议政室'}</a></p>`,
      description: excerpt(r.topic, 120),
    };
  },
};
