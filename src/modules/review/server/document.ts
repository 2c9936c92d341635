/**
 * The annual review document (工作回眸): reading it with its live figures, saving the office's wording (a command under
 * the version the office read, in one unit of work with its history, audit record and event), and firing its
 * lifecycle. The stored wording holds placeholders only; every number is rendered from the catalogue when read.
 */
import { can, requirePermission, type Actor } from '../../../kernel/server/actor.ts';
import { isUniqueViolation } from '../../../kernel/server/db/dialect.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import type { WorkflowSpec } from '../../../kernel/server/workflow-runner.ts';
import { listHistory } from '../../../kernel/server/work-items.ts';
import { AppError, invalid, notFound } from '../../../kernel/universal/errors.ts';
import { newId } from '../../../kernel/universal/ids.ts';
import { allowedActions, stateView } from '../../../kernel/universal/workflow.ts';
import type { ReviewDocument, ReviewSaveBody, ReviewSection, YearFigure } from '../contract.ts';
import {
  OTHER_SECTION, changeText, defaultWording, parseWording, reviewSections, sectionHeading, sectionOf, wordingProblem, type SectionLayout,
} from '../domain/review-document.ts';
import { reviewActionLabel, reviewLifecycle, reviewPermissions, reviewStateLabel, type ReviewState } from '../domain/review-lifecycle.ts';
import { readHighlightsPerKind, readLayout } from './settings.ts';
import { reviewDb, type ReviewDocumentRow } from './tables.ts';
import { yearFigures, yearScope, type Organisation } from './year-figures.ts';
import type { Highlight } from '../../../kernel/universal/figures.ts';

export const DOC_LABEL = '工作回眸';

/** How the workflow runner handles the document: its table, its name in the worklist, who may see it. */
export function documentSpec(): WorkflowSpec<ReviewDocumentRow & { [k: string]: unknown }> {
  return {
    workflow: reviewLifecycle as WorkflowSpec<any>['workflow'],
    table: 'review_documents',
    entityLabel: DOC_LABEL,
    titleOf: (r) => r.title,
    canSee: (r, actor) => r.tenant_id === actor.tenantId && can(actor, reviewPermissions.read),
    async apply({ transition, input }) {
      if (transition.name === 'return') return { return_reason: input.reason as string };
      return {};
    },
  };
}

export async function findDocument(ctx: ModuleContext, tenantId: string, year: number): Promise<ReviewDocumentRow | undefined> {
  return reviewDb(ctx.db).selectFrom('review_documents').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
}
export async function findDocumentById(ctx: ModuleContext, id: string): Promise<ReviewDocumentRow | undefined> {
  return reviewDb(ctx.db).selectFrom('review_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

const defaultTitle = (org: Organisation, year: number) => `${org.name}${year}年度工作回眸`;
const wordingOf = (r: ReviewDocumentRow | undefined): Record<string, string> => (r ? JSON.parse(r.wording) as Record<string, string> : defaultWording);

/** The figures of the year placed in their sections by the layout, in the order of the CPPCC's duties. */
export function placeFigures(layout: SectionLayout, figures: YearFigure[]): Map<string, YearFigure[]> {
  const out = new Map<string, YearFigure[]>();
  for (const f of figures) {
    const code = sectionOf(layout, f.key);
    out.set(code, [...(out.get(code) ?? []), f]);
  }
  return out;
}

/** A section's wording with its placeholders replaced by the live figures (a figure the actor may not see reads 「—」). */
export function renderWording(wording: string, figures: ReadonlyMap<string, YearFigure>): ReviewSection['pieces'] {
  return parseWording(wording).map((p) => {
    if ('text' in p) return p;
    const f = figures.get(p.key);
    if (!f) return { key: p.key, part: p.part, text: '—', link: null, page: null };
    const text = p.part === 'value' ? `${f.value}${f.unit}`
      : p.part === 'previous' ? (f.previous === null ? '—' : `${f.previous}${f.unit}`)
        : changeText(f.value, f.previous, f.unit);
    // last year's value opens no list of this year
    return { key: p.key, part: p.part, text, link: p.part === 'value' ? f.link : null, page: p.part === 'value' ? f.page : null };
  });
}

/** The review of a year as the actor may read it: the stored wording (or a new one's) with the live figures. */
export async function documentOf(ctx: ModuleContext, actor: Actor, organisation: Organisation, year: number): Promise<ReviewDocument> {
  const [row, modules, layout, highlights] = await Promise.all([
    findDocument(ctx, organisation.id, year), yearFigures(ctx, actor, organisation.id, year), readLayout(ctx, organisation.id),
    readHighlightsPerKind(ctx, organisation.id).then(async (n) => ctx.figures.highlights(ctx, await yearScope(ctx, organisation.id, year), actor, n)),
  ]);
  const all = modules.flatMap((m) => m.figures);
  const byKey = new Map(all.map((f) => [f.key, f]));
  const placed = placeFigures(layout, all);
  const notable = new Map<string, Highlight[]>();
  for (const h of highlights) {
    const code = sectionOf(layout, h.key);
    notable.set(code, [...(notable.get(code) ?? []), h]);
  }
  const wording = wordingOf(row);
  const sections: ReviewSection[] = [...reviewSections, OTHER_SECTION]
    .filter((s) => s.code !== 'other' || (placed.get('other')?.length ?? 0) > 0 || (notable.get('other')?.length ?? 0) > 0)
    .map((s) => {
      const text = wording[s.code] ?? '';
      return { code: s.code, heading: s.heading, wording: text, pieces: renderWording(text, byKey), figures: placed.get(s.code) ?? [], highlights: notable.get(s.code) ?? [] };
    });
  const state = (row?.state ?? 'draft') as ReviewState;
  const own = organisation.id === actor.tenantId;
  const history = row ? await listHistory(ctx.db, 'review_document', row.id) : [];
  const record = row ?? { id: '', tenant_id: organisation.id, state, version: 0 };
  return {
    id: row?.id ?? null, year, organisation, title: row?.title ?? defaultTitle(organisation, year),
    state, stateLabel: reviewStateLabel(state), stateTone: stateView(reviewLifecycle, state).tone, version: row ? Number(row.version) : 0,
    returnReason: row?.return_reason ?? null, editorName: row?.editor_name ?? null, updatedAt: row?.updated_at ?? null,
    sections, progress: stateView(reviewLifecycle, state),
    history: history.map((h) => ({ id: h.id, action: h.action, actionLabel: reviewActionLabel(h.action), toStateLabel: reviewStateLabel(h.to_state), actorName: h.actor_name, note: h.note ?? null, at: h.at })),
    // a document not yet saved has no actions but saving; another CPPCC's document is read only
    actions: row && own ? allowedActions(reviewLifecycle, state, { record: record as unknown as Record<string, unknown> & ReviewDocumentRow, actor }) : [],
    canEdit: own && can(actor, reviewPermissions.edit) && state === 'draft',
    placeholders: ctx.figures.modules.flatMap((m) => m.figures.filter((d) => d.scope === 'organisation').map((d) => ({ key: d.key, label: d.label, unit: d.unit, module: m.name }))),
  };
}

/**
 * 修改文稿: the office saves the title and the wording of each section, under the version it read (0 creates the year's
 * document). The wording is checked before anything is written: a placeholder naming no figure, or a number written
 * with a figure's unit, is a 400 naming the section.
 */
export async function saveDocument(ctx: ModuleContext, actor: Actor, body: ReviewSaveBody, ip?: string): Promise<void> {
  requirePermission(actor, reviewPermissions.edit, `修改${DOC_LABEL}`);
  const decls = ctx.figures.modules.flatMap((m) => m.figures.filter((d) => d.scope === 'organisation'));
  const declared = new Set(decls.map((d) => d.key));
  const units = [...new Set(decls.map((d) => d.unit))];
  const codes = [...reviewSections.map((s) => s.code), OTHER_SECTION.code] as string[];
  for (const [code, text] of Object.entries(body.wording)) {
    if (!codes.includes(code)) throw invalid(`wording.${code}`, '「各篇章正文」', `没有篇章「${code}」`);
    const problem = wordingProblem(text, declared, units);
    if (problem) throw invalid(`wording.${code}`, `「${sectionHeading(code)}」正文`, problem);
  }
  const existing = await findDocument(ctx, actor.tenantId, body.year);
  const wording = JSON.stringify(Object.fromEntries(codes.filter((c) => body.wording[c] !== undefined).map((c) => [c, body.wording[c]])));
  if (!existing) {
    if (body.version !== 0) throw notFound(DOC_LABEL);
    await ctx.uow.run(async (w) => {
      await w.create(documentSpec(), {
        id: newId(), tenant_id: actor.tenantId, year: body.year, title: body.title, wording, return_reason: null,
        editor_user_id: actor.userId, editor_name: actor.displayName,
      }, actor, ip);
    }).catch((e: unknown) => {
      // two first saves of the same year at once: the second is stale
      if (isUniqueViolation(e)) throw new AppError('VERSION_CONFLICT', `${DOC_LABEL}已被他人修改，请刷新后重试`);
      throw e;
    });
    return;
  }
  if (existing.state !== 'draft') throw new AppError('FORBIDDEN', `${DOC_LABEL}已${reviewStateLabel(existing.state)}，退回修改后才能修改文稿`);
  await ctx.uow.run(async (w) => {
    await w.bumpVersion('review_documents', existing.id, body.version, { title: body.title, wording, editor_user_id: actor.userId, editor_name: actor.displayName, updated_at: w.now }, DOC_LABEL);
    await w.record({
      tenantId: existing.tenant_id, entityType: 'review_document', entityId: existing.id, to: existing.state, action: 'edit', actor, ip,
      data: { sections: Object.keys(body.wording) }, event: { type: 'review_document.edited', title: body.title, version: Number(existing.version) + 1 },
    });
  });
}

/** Fire a lifecycle action on the document: the runner checks state, role, permission, guard, input and the version. */
export async function fireDocument(ctx: ModuleContext, req: { id: string; action: string; version: number; input: Record<string, unknown>; actor: Actor; ip?: string }): Promise<ReviewDocumentRow> {
  await ctx.uow.run(async (w) => {
    await w.fire(documentSpec(), { id: req.id, action: req.action, expectedVersion: req.version, input: req.input, actor: req.actor, ip: req.ip });
  });
  const row = await findDocumentById(ctx, req.id);
  if (!row) throw notFound(DOC_LABEL);
  return row;
}
