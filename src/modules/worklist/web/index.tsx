/** Web manifest of the 待办 module: the home page is the signed-in user's worklist. */
import { HomeOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';

export const worklistWeb: WebModule = {
  name: 'worklist',
  menu: [{ key: 'home', label: '我的待办', icon: <HomeOutlined />, path: '/', order: 0 }],
  routes: [{ path: '/', element: lazyPage(() => import('./pages/home.tsx')) }],
  // English, keyed by the Chinese text the pages pass to t(); fetched only in English mode
  messages: () => import('./messages-en.ts'),
};
