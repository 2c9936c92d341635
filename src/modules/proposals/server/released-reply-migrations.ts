/**
 * The released reply kept apart from the unit's draft (migration 1093): `reply_class` and `reply_text` are the unit's
 * current reply, a draft while it waits for sign-off and the office's check; `released_class` and `released_text` are
 * the reply the office released (答复), which the figures, the lists and everyone outside the unit and the office see.
 */
import type { Kysely } from 'kysely';
import type { MigrationDef } from '../../../kernel/server/migrate.ts';
import { hasHistoryAfter, listHistory } from '../../../kernel/server/work-items.ts';

type Step = { action: string; data: string | null };

const parse = (s: string | null): Record<string, unknown> => {
  if (!s) return {};
  try { const v = JSON.parse(s); return v && typeof v === 'object' ? v : {}; } catch { return {}; }
};

/**
 * The reply of the last release from a proposal's history (答复, 答复并签发, 审核通过 in order): the class the office
 * released (its own choice at release, otherwise the draft's) and the text of the draft it released.
 */
export function releasedFromHistory(steps: readonly Step[]): { cls: string | null; text: string | null } {
  let draft: Record<string, unknown> = {};
  let released: { cls: string | null; text: string | null } = { cls: null, text: null };
  for (const s of steps) {
    const data = parse(s.data);
    if (s.action === 'reply' || s.action === 'reply_sign') draft = data;
    if (s.action === 'release') {
      const cls = data.replyClass ?? draft.replyClass;
      released = { cls: typeof cls === 'string' ? cls : null, text: typeof draft.replyText === 'string' ? draft.replyText : null };
    }
  }
  return released;
}

/** Fill the released reply of existing rows: the current reply where none was drafted since the last release, else from the history. */
// a migration's step: it runs on the schema as it stood at migration 1093, not on the tables declared today
export async function fillReleased(db: Kysely<any>): Promise<void> {
  // a reply released and not answered again since: the current reply is the released one
  await db.updateTable('proposals').set((eb) => ({ released_class: eb.ref('reply_class'), released_text: eb.ref('reply_text') }))
    .where('replied_at', 'is not', null).execute();
  // re-handled (重新办理) or followed up (二次交办) and answered again since the last release: the released reply is in the history
  const redrafted = await db.selectFrom('proposals').select('proposals.id').where('proposals.replied_at', 'is not', null)
    .where((eb) => hasHistoryAfter(eb, { entityType: 'proposal', entityId: eb.ref('proposals.id'), actions: ['reply', 'reply_sign'], after: eb.ref('proposals.replied_at') }))
    .execute();
  for (const { id } of redrafted as Array<{ id: string }>) {
    const steps = await listHistory(db, 'proposal', id, { actions: ['reply', 'reply_sign', 'release'] }) as Step[];
    const r = releasedFromHistory(steps);
    await db.updateTable('proposals').set({ released_class: r.cls, released_text: r.text }).where('id', '=', id).execute();
  }
}

export const releasedReplyMigrations: MigrationDef[] = [
  {
    name: '1093_proposals_released_reply',
    async up(db) {
      await db.schema.alterTable('proposals').addColumn('released_class', 'text').execute();
      await db.schema.alterTable('proposals').addColumn('released_text', 'text').execute();
      await fillReleased(db);
      // the statistics' covering index counts reply classes by the released reply's
      await db.schema.dropIndex('proposals_tenant_year_stats').execute();
      await db.schema.createIndex('proposals_tenant_year_stats').on('proposals').columns([
        'tenant_id', 'year', 'state', 'submitted_at', 'filed_at', 'replied_at', 'reply_sent_at', 'due_date', 'type', 'category', 'released_class', 'satisfaction',
        'is_key', 'is_excellent', 'converted_to', 'proposer_user_id', 'sector_id', 'committee_id', 'id', 'created_at',
      ]).execute();
    },
  },
];
