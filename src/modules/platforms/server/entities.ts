/**
 * The kinds of record the module owns, as the manifest declares them: the entity type (as stored in tasks, history,
 * audit and attachments), its Chinese name, the page work items (待办) and notifications link to (a topic, a
 * consultation and a result open their platform's page), and which ids an actor may see (search, attachments: the
 * photos of a consultation are read by whoever sees its platform).
 */
import type { Actor } from '../../../kernel/server/actor.ts';
import type { EntityDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { canRecordOn, canSeePlatform } from '../domain/platform-policy.ts';
import { platformsByIds, scopeOf } from './repository.ts';
import { platformsDb } from './tables.ts';

type Child = 'platforms_topics' | 'platforms_activities' | 'platforms_results';

async function platformIdsOf(ctx: ModuleContext, table: Child, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await platformsDb(ctx.db).selectFrom(table).select(['id', 'platform_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.platform_id]));
}

async function visible(ctx: ModuleContext, actor: Actor, table: Child | null, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const owner = table ? await platformIdsOf(ctx, table, ids) : new Map(ids.map((id) => [id, id]));
  const [platforms, scope] = await Promise.all([platformsByIds(ctx.db, [...owner.values()]), scopeOf(ctx.db, actor)]);
  return new Set(ids.filter((id) => { const p = platforms.get(owner.get(id) ?? ""); return !!p && canSeePlatform(p, actor, scope.tenants, scope.town); }));
}

const child = (type: string, label: string, labelEn: string, table: Child): EntityDecl => ({
  type, label, labelEn,
  async link(id, ctx) { const p = (await platformIdsOf(ctx, table, [id])).get(id); return p ? `/platforms/${encodeURIComponent(p)}` : '/platforms'; },
  visibleIds: (ctx, actor, ids) => visible(ctx, actor, table, ids),
});

export const platformsEntities: EntityDecl[] = [
  {
    type: 'platforms_platform', label: '协商平台', labelEn: 'Consultation platform', link: (id) => `/platforms/${encodeURIComponent(id)}`,
    visibleIds: (ctx, actor, ids) => visible(ctx, actor, null, ids),
  },
  child('platforms_topic', '协商议题', 'Topic', 'platforms_topics'),
  {
    ...child('platforms_activity', '协商活动', 'Consultation held', 'platforms_activities'),
    // photos: read by whoever sees the platform, added by whoever may record on it
    async attachments(ctx, actor, id, mode) {
      const pid = (await platformIdsOf(ctx, 'platforms_activities', [id])).get(id);
      const p = pid ? (await platformsByIds(ctx.db, [pid])).get(pid) : undefined;
      if (!p) return false;
      const scope = await scopeOf(ctx.db, actor);
      return mode === 'write' ? canRecordOn(p, actor, scope.town) : canSeePlatform(p, actor, scope.tenants, scope.town);
    },
  },
  child('platforms_result', '协商成果', 'Consultation result', 'platforms_results'),
];
