/**
 * The year's 公文 figures for the office and leaders: documents signed (发文) and their characters (字数), each opening
 * the archive list of the same documents (signed in the period); the characters are the sum of the list's `chars`.
 */
import type { FigureDecl, FigureSource } from '../../../kernel/server/contributions.ts';
import type { Figure } from '../../../kernel/universal/figures.ts';
import { readsAll } from '../domain/documents-policy.ts';
import { listItems } from './repository.ts';
import { documentsDb } from './tables.ts';
import { chinaDayStart } from './repository.ts';

const signed: FigureDecl = { key: 'documents.signed', label: '签发公文', unit: '件', scope: 'organisation' };
const chars: FigureDecl = { key: 'documents.chars', label: '公文字数', unit: '字', scope: 'organisation' };

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const documentsFigureSource: FigureSource = {
  figures: [signed, chars],
  async compute(ctx, scope, actor) {
    if (scope.subject || !readsAll(actor) || actor.tenantId !== scope.tenantId) return [];
    const query = { signedFrom: scope.from, signedTo: scope.to };
    const list = { api: '/api/office/documents', web: '/office/documents', query, rows: 'official_document' };
    const { total } = await listItems(ctx.db, actor, { page: 1, pageSize: 1, ...query });
    const sum = await documentsDb(ctx.db).selectFrom('documents_items').select((eb) => eb.fn.sum<number>('chars').as('n'))
      .where('tenant_id', '=', actor.tenantId).where('signed_at', '>=', chinaDayStart(scope.from)).where('signed_at', '<', chinaDayStart(nextDay(scope.to))).executeTakeFirst();
    const out: Figure[] = [
      { key: signed.key, label: signed.label, unit: signed.unit, value: total, list },
      { key: chars.key, label: chars.label, unit: chars.unit, value: Number(sum?.n ?? 0), list: { ...list, sum: 'chars' } },
    ];
    return out;
  },
};
