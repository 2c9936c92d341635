/**
 * 网络议政 contributions in the cross-module search (全文检索): a published contribution's text goes to the text module
 * (`text.index`) after the commit that publishes it; the search asks the entity `live_contribution` which hits a
 * person may see (published ones of sessions they may see) and links each to its room.
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { TextIndexManyPayload, TextIndexPayload } from '../../text/index.ts';
import { contributionKindLabels, type ContributionKind } from '../domain/live-rules.ts';
import type { LiveContributionRow } from './tables.ts';

/** The source name contributions carry in the search index (来源模块). */
export const CONTRIBUTION_SOURCE = 'live_contribution';

export function contributionTextPayload(c: Pick<LiveContributionRow, 'id' | 'kind' | 'author_name' | 'body' | 'created_at'> & { sessionTitle: string }): TextIndexPayload {
  return {
    source: CONTRIBUTION_SOURCE, refId: c.id, title: `${c.sessionTitle} · ${contributionKindLabels[c.kind as ContributionKind] ?? ''} · ${c.author_name}`,
    body: c.body, createdAt: c.created_at, state: 'published', ownerUserId: null,
  };
}

/** After commit: make a published contribution searchable. */
export async function publishContributionText(ctx: ModuleContext, tenantId: string, c: Parameters<typeof contributionTextPayload>[0]): Promise<void> {
  await ctx.events.publish({ type: 'text.index', tenantId, entityType: CONTRIBUTION_SOURCE, entityId: c.id, payload: contributionTextPayload(c) as unknown as Record<string, unknown> });
}

/** Many at once (demo data). */
export async function publishContributionTexts(ctx: ModuleContext, tenantId: string, items: ReadonlyArray<Parameters<typeof contributionTextPayload>[0]>): Promise<void> {
  if (!items.length) return;
  const payload: TextIndexManyPayload = { items: items.map(contributionTextPayload) };
  await ctx.events.publish({ type: 'text.index.many', tenantId, entityType: CONTRIBUTION_SOURCE, payload: payload as unknown as Record<string, unknown> });
}
