/**
 * Turns rows into API objects. Every record goes out with `actions` (what the caller may do now), so the web never
 * re-derives a rule.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { AnyModuleDb } from '../../../kernel/server/db/tables.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { MediaItem, NewsDetail, NewsListItem, NoticeListItem } from '../contract.ts';
import { readRate, type NewsChannel, type NoticeAudience } from '../domain/news-columns.ts';
import { htmlToText } from '../domain/news-html.ts';
import { newsActionLabel, newsLifecycle, newsStateLabel, type NewsState } from '../domain/news-lifecycle.ts';
import { reviewsNews, writesNews } from '../domain/news-policy.ts';
import { canEditItem, noticeActionsOf } from './commands.ts';
import { historyOf } from './repository.ts';
import { columnLabel } from './settings.ts';
import type { NewsColumn } from '../domain/news-columns.ts';
import type { NewsItemRow, NewsMediaRow, NewsNoticeRow } from './tables.ts';

export const summaryOf = (r: { summary?: string | null; body: string }) => r.summary || htmlToText(r.body, 80);

export function toListItem(r: NewsItemRow, columns: readonly NewsColumn[]): NewsListItem {
  return {
    id: r.id, column: r.column_code, columnLabel: columnLabel(columns, r.column_code), title: r.title, summary: summaryOf(r),
    channels: r.channels.split(',').filter(Boolean) as NewsChannel[], ownerUserId: r.owner_user_id, ownerName: r.owner_name, reviewerName: r.reviewer_name ?? null,
    state: r.state as NewsState, stateLabel: newsStateLabel(r.state), stateTone: stateView(newsLifecycle, r.state).tone,
    publishedOn: r.published_on ?? null, createdAt: r.created_at, version: Number(r.version),
  };
}

export async function toDetail(db: AnyModuleDb, r: NewsItemRow, actor: Actor, columns: readonly NewsColumn[]): Promise<NewsDetail> {
  const history = await historyOf(db, r.id);
  return {
    ...toListItem(r, columns),
    body: r.body, returnReason: r.return_reason ?? null,
    progress: stateView(newsLifecycle, r.state),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: newsActionLabel(h.action), toStateLabel: newsStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    actions: allowedActions(newsLifecycle, r.state, { record: r as unknown as Record<string, unknown> & NewsItemRow, actor }),
    canEdit: canEditItem(r, actor),
    canExport: r.tenant_id === actor.tenantId && (writesNews(actor) || reviewsNews(actor)),
  };
}

const parse = (s: string): string[] => { try { const v = JSON.parse(s); return Array.isArray(v) ? v.map(String) : []; } catch { return []; } };

export function toMediaItem(r: NewsMediaRow, actor: Actor, columns: readonly NewsColumn[]): MediaItem {
  const ids = parse(r.member_ids); const names = parse(r.member_names);
  return {
    id: r.id, outlet: r.outlet, reportDate: r.report_date, title: r.title, url: r.url, column: r.column_code, columnLabel: columnLabel(columns, r.column_code),
    members: ids.map((id, i) => ({ id, name: names[i] ?? '' })), version: Number(r.version),
    actions: writesNews(actor) && r.tenant_id === actor.tenantId ? ['edit', 'delete'] : [],
  };
}

const noticeStateLabels: Record<string, string> = { draft: '草稿', sent: '已发送', withdrawn: '已撤回' };

export function toNoticeItem(n: NewsNoticeRow & { read: number }, actor: Actor): NoticeListItem {
  return {
    id: n.id, title: n.title, audience: n.audience as NoticeAudience, audienceLabel: n.audience_label, ownerName: n.owner_name,
    state: n.state as NoticeListItem['state'], stateLabel: noticeStateLabels[n.state] ?? n.state, sentOn: n.sent_on ?? null,
    addressed: Number(n.addressed), read: n.read, readRate: readRate(n.read, Number(n.addressed)), version: Number(n.version),
    actions: noticeActionsOf(n, actor),
  };
}
