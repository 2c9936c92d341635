/**
 * The kind of record the module owns: the 公文, its page, who may see which ids (the search and attachments use it)
 * and its search source, so that the cross-module search finds documents by 文号, title and text.
 */
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import { stateLabel } from '../domain/document-rules.ts';
import { canSee } from './repository.ts';
import { ENTITY } from './commands.ts';
import { DOCUMENT_SOURCE } from './search-index.ts';
import { documentsDb } from './tables.ts';

export const documentsEntities: EntityDecl[] = [
  {
    type: ENTITY, label: '公文', labelEn: 'Official document', link: (id) => `/office/documents/${encodeURIComponent(id)}`,
    searchSources: [DOCUMENT_SOURCE],
    async titles(ctx, ids) {
      if (ids.length === 0) return new Map();
      const rows = await documentsDb(ctx.db).selectFrom('documents_items').select(['id', 'title', 'number']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.number ? `${r.number} ${r.title}` : r.title]));
    },
    async visibleIds(ctx, actor, ids) {
      const out = new Map<string, { state: string; stateLabel: string }>();
      if (ids.length === 0) return out;
      const rows = await documentsDb(ctx.db).selectFrom('documents_items').selectAll().where('id', 'in', ids).execute();
      for (const r of rows) if (await canSee(ctx.db, r, actor)) out.set(r.id, { state: r.state, stateLabel: stateLabel(r.state) });
      return out;
    },
  },
];
