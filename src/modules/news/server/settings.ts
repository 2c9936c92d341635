/**
 * The module's per-tenant settings (系统参数): the 栏目 list (with the four defaults) that news items and media reports
 * are filed under.
 */
import { z } from 'zod';
import type { SettingDecl } from '../../../kernel/server/contributions.ts';
import type { ModuleContext } from '../../../kernel/server/module.ts';
import { createHash } from 'node:crypto';
import type { Actor } from '../../../kernel/server/actor.ts';
import { invalid, versionConflict } from '../../../kernel/universal/errors.ts';
import { defaultNewsColumns, type NewsColumn } from '../domain/news-columns.ts';
import { NEWS_COLUMNS_EVENT } from '../domain/news-lifecycle.ts';
import { newsDb } from './tables.ts';

export const newsSettingKeys = { columns: 'news.columns' } as const;

export async function readColumns(ctx: Pick<ModuleContext, 'settings'>, tenantId: string): Promise<NewsColumn[]> {
  return [...await ctx.settings.get<readonly NewsColumn[]>(tenantId, newsSettingKeys.columns, defaultNewsColumns)];
}

export const columnLabel = (columns: readonly NewsColumn[], code: string) => columns.find((c) => c.code === code)?.label ?? defaultNewsColumns.find((c) => c.code === code)?.label ?? code;

/** The column list as stored and as the office edits it (PUT /api/news/columns). */
export const newsColumnsSchema = z.array(z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '应为小写英文代码').describe('栏目代码'),
  label: z.string().trim().min(2).max(20).describe('栏目名称'),
  labelEn: z.string().trim().max(40).optional().describe('英文名称'),
})).min(1).max(30).describe('栏目');

export const newsSettings: SettingDecl<any>[] = [
  {
    key: newsSettingKeys.columns, label: '新闻栏目（要闻动态、委员风采、委员之声、基层协商……）',
    schema: newsColumnsSchema,
    default: defaultNewsColumns,
  },
];

/** The column list's version as the office read it: a digest of the list (the kernel's settings keep no version for modules). */
export const columnsVersion = (columns: readonly NewsColumn[]) => createHash('sha1').update(JSON.stringify(columns)).digest('base64url').slice(0, 16);

/**
 * Save a CPPCC's 栏目 read at `version`: codes and names unique, `notices` kept for 通知公告, and a column still
 * holding news items or media reports cannot go. The change is the `news.columns_changed` event, which drops the
 * CPPCC's cached portal pages (each names the columns in its navigation).
 */
export async function saveColumns(ctx: ModuleContext, actor: Actor, version: string, columns: NewsColumn[]): Promise<NewsColumn[]> {
  const tenantId = actor.tenantId;
  const codes = new Set<string>();
  const labels = new Set<string>();
  for (const [i, c] of columns.entries()) {
    if (c.code === 'notices') throw invalid(`columns.${i}.code`, '「栏目代码」', '不能用 notices（通知公告已用）');
    if (codes.has(c.code)) throw invalid(`columns.${i}.code`, '「栏目代码」', `「${c.code}」重复`);
    if (labels.has(c.label)) throw invalid(`columns.${i}.label`, '「栏目名称」', `「${c.label}」重复`);
    codes.add(c.code);
    labels.add(c.label);
  }
  const current = await readColumns(ctx, tenantId);
  if (columnsVersion(current) !== version) throw versionConflict('新闻栏目');
  const gone = current.filter((c) => !codes.has(c.code)).map((c) => c.code);
  if (gone.length) {
    const db = newsDb(ctx.db);
    const [items, media] = await Promise.all([
      db.selectFrom('news_items').select('column_code').where('tenant_id', '=', tenantId).where('column_code', 'in', gone).limit(1).executeTakeFirst(),
      db.selectFrom('news_media').select('column_code').where('tenant_id', '=', tenantId).where('column_code', 'in', gone).limit(1).executeTakeFirst(),
    ]);
    const used = items?.column_code ?? media?.column_code;
    if (used) throw invalid('columns', '「栏目」', `「${current.find((c) => c.code === used)?.label ?? used}」下还有新闻或媒体报道，不能删除`);
  }
  const value = columns.map((c) => ({ code: c.code, label: c.label, ...(c.labelEn ? { labelEn: c.labelEn } : {}) }));
  await ctx.settings.set(tenantId, newsSettingKeys.columns, value, actor);
  await ctx.uow.run(async (w) => {
    await w.emit({ type: NEWS_COLUMNS_EVENT, tenantId, entityType: 'news_columns', entityId: tenantId, actorId: actor.userId, payload: { codes: value.map((c) => c.code) } });
  });
  return value;
}
