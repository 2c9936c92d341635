/**
 * Turns rows into API objects. Every record goes out with `actions`, what the caller may do now (the domain's one
 * decision, `allowedActions`), so the web never re-derives a rule; the detail carries the chain with where the
 * document stands, the comments per step, the versions and the receipts.
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { DocumentDetail, DocumentListItem } from '../contract.ts';
import { actionLabels, countChars, stateDefs, stateLabel, stepOfState, typeLabel, type DocumentState } from '../domain/document-rules.ts';
import { actionsFor, countersignedRoles } from './commands.ts';
import { chainOfRow, commentsOf, receiptsOf, versionsOf } from './repository.ts';
import type { DocumentsItemRow } from './tables.ts';

export function toListItem(r: DocumentsItemRow & { read_at?: string | null }): DocumentListItem {
  return {
    id: r.id, docType: r.doc_type, typeLabel: typeLabel(r.doc_type), title: r.title, number: r.number ?? null, ownerName: r.owner_name,
    state: r.state as DocumentState, stateLabel: stateLabel(r.state), stateTone: stateDefs[r.state as DocumentState]?.tone ?? 'default',
    chars: Number(r.chars), signedAt: r.signed_at ?? null, createdAt: r.created_at, version: Number(r.version),
    ...(r.read_at !== undefined ? { readAt: r.read_at ?? null } : {}),
  };
}

/** Where the document stands on 拟稿 → 核稿 → 会签 → 签发 → 分发 (index into `steps`). */
const stepIndex: Record<DocumentState, number> = { draft: 0, returned: 0, reviewing: 1, countersigning: 2, signing: 3, signed: 4, distributed: 5 };

export async function toDetail(ctx: Pick<ModuleContext, 'db' | 'contributions'>, r: DocumentsItemRow, actor: Actor): Promise<DocumentDetail> {
  const chain = chainOfRow(r);
  const [comments, versions, receipts, agreed, actions] = await Promise.all([
    commentsOf(ctx.db, r.id), versionsOf(ctx.db, r.id), receiptsOf(ctx.db, r.id),
    r.state === 'countersigning' ? countersignedRoles(ctx, r) : Promise.resolve([] as string[]), actionsFor(ctx, r, actor),
  ]);
  const roleName = new Map(ctx.contributions.roles.map((x) => [x.code, x.name]));
  const passed = stepIndex[r.state as DocumentState] > 2;
  const steps = ['拟稿', '核稿', ...(chain.countersign.length ? ['会签'] : []), '签发', '分发'];
  const at = stepIndex[r.state as DocumentState];
  const current = chain.countersign.length ? at : at > 2 ? at - 1 : at;
  return {
    ...toListItem(r),
    addressee: r.addressee, body: r.body, returnReason: r.state === 'returned' ? r.return_reason ?? null : null, signerName: r.signer_name ?? null, versionNo: Number(r.version_no),
    chain: {
      review: roleName.get(chain.review) ?? chain.review, sign: roleName.get(chain.sign) ?? chain.sign, steps, current,
      countersign: chain.countersign.map((role) => ({ role, roleLabel: roleName.get(role) ?? role, agreed: passed || agreed.includes(role) })),
    },
    comments: comments.map((c) => ({ id: c.id, step: c.step, stepLabel: stepOfState(c.step), decision: c.decision ?? null, userName: c.user_name, text: c.text, at: c.at })),
    versions: versions.map((v) => ({ no: Number(v.no), authorName: v.author_name, at: v.at, chars: countChars(v.title, v.body) })),
    // the receipts are the office's business (and the chain's), not every recipient's
    receipts: r.owner_user_id === actor.userId || actions.includes('distribute') || actor.permissions.has('documents.read_all')
      ? receipts.map((x) => ({ id: x.id, kind: x.recipient_kind, name: x.recipient_name, readAt: x.read_at ?? null, readByName: x.read_by_name ?? null, reminders: Number(x.reminders) }))
      : [],
    actions: actions.map((name) => ({ name, label: actionLabels[name] })),
  };
}
