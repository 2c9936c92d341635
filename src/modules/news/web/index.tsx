/**
 * Web manifest of the 新闻 module: 新闻发布, 媒体报道 and 通知公告 for the office (办公室 group), and 我的通知 for every
 * addressee (members, committee staff, units).
 */
import { BellOutlined, FileTextOutlined, NotificationOutlined, ReadOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyPage } from '../../../kernel/web/lazy.tsx';
import { newsPermissions as p } from '../domain/news-permissions.ts';

const desk = [p.write, p.review, p.readAll];
const noticeStaff = [p.notices, p.readAll];

export const newsWeb: WebModule = {
  name: 'news',
  menu: [
    { key: 'news', label: '新闻发布', icon: <FileTextOutlined />, path: '/news', permission: desk, order: 60, group: 'office' },
    { key: 'news-media', label: '媒体报道', icon: <ReadOutlined />, path: '/news/media', permission: desk, order: 61, group: 'office' },
    { key: 'news-notices', label: '通知公告', icon: <NotificationOutlined />, path: '/news/notices', permission: noticeStaff, order: 62, group: 'office' },
    { key: 'news-my-notices', label: '我的通知', icon: <BellOutlined />, path: '/news/my-notices', permission: p.receive, order: 5 },
  ],
  routes: [
    { path: '/news', permission: desk, element: lazyPage(() => import('./pages/list.tsx')) },
    { path: '/news/new', crumb: '撰写新闻', permission: p.write, element: lazyPage(() => import('./pages/new.tsx')) },
    { path: '/news/columns', crumb: '栏目设置', permission: desk, element: lazyPage(() => import('./pages/columns.tsx')) },
    { path: '/news/media', crumb: '媒体报道', permission: desk, element: lazyPage(() => import('./pages/media.tsx')) },
    { path: '/news/notices', crumb: '通知公告', permission: noticeStaff, element: lazyPage(() => import('./pages/notices.tsx')) },
    { path: '/news/notices/:id', crumb: '通知详情', permission: noticeStaff, element: lazyPage(() => import('./pages/notice-detail.tsx')) },
    { path: '/news/my-notices', crumb: '我的通知', element: lazyPage(() => import('./pages/my-notices.tsx')) },
    { path: '/news/my-notices/:id', crumb: '通知', element: lazyPage(() => import('./pages/my-notice.tsx')) },
    { path: '/news/:id', crumb: '新闻详情', permission: desk, element: lazyPage(() => import('./pages/detail.tsx')) },
  ],
  messages: () => import('./messages-en.ts'),
};
