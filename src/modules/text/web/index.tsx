/** Web manifest of the 文本智能 module: the search page, the hot-topics page, and components other modules embed. */
import { FireOutlined, SearchOutlined, DiffOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';

// Components other modules' pages embed. They load with the first page that shows one: a static re-export would put
// their code (and the antd parts they use) into what every visitor loads before the login page.
const components = () => import('./components.tsx');
export const SimilarItems = lazyComponent(() => components().then((m) => m.SimilarItems));
export const UnitSuggestions = lazyComponent(() => components().then((m) => m.UnitSuggestions));
export const UnitSuggestionsField = lazyComponent(() => components().then((m) => m.UnitSuggestionsField));
export const Highlighted = lazyComponent(() => components().then((m) => m.Highlighted));
export const MatterReasonLine = lazyComponent(() => components().then((m) => m.MatterReasonLine));

export const textWeb: WebModule = {
  name: 'text',
  menu: [
    { key: 'search', label: '全文检索', icon: <SearchOutlined />, path: '/search', order: 5 },
    { key: 'hot-topics', label: '热点分析', icon: <FireOutlined />, path: '/hot-topics', permission: 'text.use', order: 60 },
    { key: 'similar', label: '相似件查询', icon: <DiffOutlined />, path: '/similar', permission: 'text.use', order: 61 },
  ],
  routes: [
    { path: '/search', element: lazyPage(() => import('./pages/search.tsx')) },
    { path: '/hot-topics', permission: 'text.use', element: lazyPage(() => import('./pages/hot-topics.tsx')) },
    { path: '/similar', permission: 'text.use', element: lazyPage(() => import('./pages/similar.tsx')) },
  ],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
