/**
 * 公文 in the cross-module search (全文检索): after every commit that creates, edits or signs a document its 文号,
 * title and text go to the text module (`text.index`); the search asks `documentsEntities.visibleIds` which found
 * documents a person may see, by the same rule as the detail page.
 */
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { TextIndexManyPayload, TextIndexPayload } from '../../text/index.ts';
import type { DocumentsItemRow } from './tables.ts';

/** The name documents carry in the search index (来源模块). */
export const DOCUMENT_SOURCE = 'official_document';

export function documentTextPayload(r: Pick<DocumentsItemRow, 'id' | 'title' | 'body' | 'number' | 'state' | 'owner_user_id' | 'created_at'>): TextIndexPayload {
  return { source: DOCUMENT_SOURCE, refId: r.id, title: r.number ? `${r.number} ${r.title}` : r.title, body: r.body, createdAt: r.created_at, state: r.state, ownerUserId: r.owner_user_id };
}

export async function publishDocumentText(ctx: ModuleContext, r: Parameters<typeof documentTextPayload>[0] & { tenant_id: string }): Promise<void> {
  await ctx.events.publish({ type: 'text.index', tenantId: r.tenant_id, entityType: DOCUMENT_SOURCE, entityId: r.id, payload: documentTextPayload(r) as unknown as Record<string, unknown> });
}

/** Many documents of one CPPCC at once (demo data). */
export async function publishDocumentTexts(ctx: ModuleContext, tenantId: string, rows: ReadonlyArray<Parameters<typeof documentTextPayload>[0]>): Promise<void> {
  const payload: TextIndexManyPayload = { items: rows.map(documentTextPayload) };
  await ctx.events.publish({ type: 'text.index.many', tenantId, entityType: DOCUMENT_SOURCE, payload: payload as unknown as Record<string, unknown> });
}
