/**
 * Web manifest of the 履职积分 module (menu group 委员履职): 我的积分 for members, 积分排名 for staff and leaders,
 * 积分规则 for the office; a member's score page opened from the ranking.
 */
import { OrderedListOutlined, SettingOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../kernel/web/lazy.tsx';
import { scoresPermissions as P } from '../domain/scores-permissions.ts';

export const scoresWeb: WebModule = {
  name: 'scores',
  menu: [
    { key: 'scores-mine', label: '我的积分', icon: <TrophyOutlined />, path: '/scores/mine', permission: P.readOwn, group: 'duty', order: 66 },
    { key: 'scores', label: '积分排名', icon: <OrderedListOutlined />, path: '/scores', permission: P.readAll, group: 'duty', order: 67 },
    { key: 'scores-rules', label: '积分规则', icon: <SettingOutlined />, path: '/scores/rules', permission: P.manage, group: 'duty', order: 68 },
  ],
  routes: [
    { path: '/scores', permission: P.readAll, element: lazyPage(() => import('./pages/ranking.tsx')) },
    { path: '/scores/mine', crumb: '我的积分', permission: P.readOwn, element: lazyPage(() => import('./pages/score.tsx')) },
    { path: '/scores/rules', crumb: '积分规则', permission: [P.manage, P.readAll], element: lazyPage(() => import('./pages/rules.tsx')) },
    { path: '/scores/members/:userId', crumb: '委员积分', permission: [P.readOwn, P.readAll], element: lazyPage(() => import('./pages/score.tsx')) },
  ],
  // the year's score on a member's duty record (我的履职 / 履职档案)
  recordPanels: [{
    entityTypes: ['member'], permission: [P.readOwn, P.readAll],
    component: lazyComponent(() => import('./pages/score-card.tsx').then((m) => m.ScoreCard)),
  }],
  messages: () => import('./messages-en.ts'),
};
