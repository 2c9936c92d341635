/**
 * 网络征集 on the public portal (门户): questionnaires for the public (征集对象 public) that are published and not past
 * their closing day, each linking to its answer page (/s/<token>), the same link the share QR code carries. Surveys for
 * members or a list of people never appear.
 */
import type { PublicSection } from '../../../kernel/server/contributions.ts';
import { clock } from '../../../kernel/universal/clock.ts';
import { escapeHtml, excerpt, textToHtml } from '../../../kernel/universal/html.ts';
import { isCollecting } from '../domain/surveys-lifecycle.ts';
import { surveysDb } from './tables.ts';

const answerPage = (token: string) => `/s/${encodeURIComponent(token)}`;
const period = (r: { opens_on: string | null; closes_on: string | null }) => `征集时间 ${r.opens_on ?? ''} 至 ${r.closes_on ?? ''}`;

export const publicSurveySection: PublicSection = {
  key: 'surveys.open',
  title: '网络征集',
  titleEn: 'Public surveys',
  order: 70,
  events: ['survey.transitioned'],
  async list(ctx, tenantId, page) {
    const db = surveysDb(ctx.db);
    const base = db.selectFrom('surveys_items').where('tenant_id', '=', tenantId).where('state', '=', 'published')
      .where('audience', '=', 'public').where('closes_on', '>=', clock.today());
    const [rows, count] = await Promise.all([
      base.select(['id', 'title', 'opens_on', 'closes_on', 'share_token', 'published_at']).orderBy('opens_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return {
      total: Number(count?.n ?? 0),
      items: rows.map((r) => ({ id: r.id, title: r.title, date: r.opens_on ?? '', summary: period(r), href: answerPage(r.share_token) })),
    };
  },
  async item(ctx, tenantId, id) {
    const r = await surveysDb(ctx.db).selectFrom('surveys_items').selectAll().where('id', '=', id).executeTakeFirst();
    const today = clock.today();
    if (!r || r.tenant_id !== tenantId || r.state !== 'published' || r.audience !== 'public' || !r.closes_on || r.closes_on < today) return null;
    const open = isCollecting(r, today);
    return {
      id: r.id, title: r.title, date: r.opens_on ?? '', kicker: '网络征集', href: answerPage(r.share_token),
      html: `<p class="facts">${escapeHtml(period(r))}</p>${textToHtml(r.body)}<p class="more"><a href="${escapeHtml(answerPage(r.share_token))}">${open ? '填写问卷' : '查看问卷'}</a></p>`,
      description: excerpt(r.body, 120),
    };
  },
};
