// A test module's public section for the portal's tests: items held in memory, calls counted, one hostile title.
import type { ModuleManifest } from '../../../kernel/server/module.ts';
import type { PublicItem } from '../../../kernel/server/contributions.ts';
import { escapeHtml } from '../../../kernel/universal/html.ts';

export const HOSTILE = '<script>alert("x")</script> & 「委员」\'s';
export const CHANGED = 'portaltest.changed';

/** A test module's section: items held in memory, calls counted. */
export function testModule() {
  const items: PublicItem[] = [];
  const calls = { list: 0, item: 0 };
  for (let i = 1; i <= 25; i++) items.push({ id: `n${i}`, title: `测试要闻第${i}条`, date: `2026-11-${String(i).padStart(2, '0')}`, summary: `摘要${i}` });
  items.push({ id: 'hostile', title: HOSTILE, date: '2026-11-30', summary: '"引号" <b>粗</b>' });
  const newestFirst = () => [...items].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  const manifest: ModuleManifest = {
    name: 'portaltest', label: '门户测试', permissions: [], migrations: [],
    public: {
      sections: [{
        key: 'portaltest.news', title: '测试要闻', order: 1, events: [CHANGED],
        async list(_ctx, _tenantId, page) {
          calls.list++;
          return { items: newestFirst().slice(page.offset, page.offset + page.limit), total: items.length };
        },
        async item(_ctx, _tenantId, id) {
          calls.item++;
          const it = items.find((x) => x.id === id);
          return it ? { ...it, html: `<p>${escapeHtml(it.title)}的正文</p>`, description: `描述：${it.title}`, kicker: '测试栏目' } : null;
        },
      }],
    },
  };
  return { manifest, items, calls };
}

