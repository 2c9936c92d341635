/**
 * What 协商选题 and 年度协商计划 add to the module's web manifest: two menu entries, their pages and the English of
 * their labels (in `plan-messages-en.ts`, loaded with the module's English). `withPlanWeb` merges them into the
 * manifest it is given.
 */
import { BulbOutlined, CalendarOutlined } from '@ant-design/icons';
import type { WebModule } from '../../../../kernel/web/manifest.ts';
import { lazyComponent, lazyPage } from '../../../../kernel/web/lazy.tsx';
import { planPermissions } from '../../domain/plan-permissions.ts';

const topicPerms = [planPermissions.propose, planPermissions.manage, planPermissions.approve];
const planPerms = [planPermissions.read, planPermissions.manage, planPermissions.approve];

/** The module's web manifest with topics and the annual plan added. */
export function withPlanWeb(m: WebModule): WebModule {
  return {
    ...m,
    menu: [
      ...(m.menu ?? []),
      { key: 'consultation-topics', label: '协商选题', icon: <BulbOutlined />, path: '/consultations/topics', permission: topicPerms, group: 'consult', order: 62 },
      { key: 'consultation-plans', label: '年度协商计划', icon: <CalendarOutlined />, path: '/consultations/plans', permission: planPerms, group: 'consult', order: 63 },
    ],
    routes: [
      ...(m.routes ?? []),
      { path: '/consultations/topics', permission: topicPerms, element: lazyPage(() => import('./plan-topics.tsx')) },
      { path: '/consultations/topics/:id', permission: topicPerms, crumb: '协商选题详情', element: lazyPage(() => import('./plan-topic.tsx')) },
      { path: '/consultations/plans', permission: planPerms, element: lazyPage(() => import('./plan-plans.tsx')) },
      { path: '/consultations/plans/:id', permission: planPerms, crumb: '年度协商计划详情', element: lazyPage(() => import('./plan-plan.tsx')) },
    ],
    // 列入协商选题 on the pages of the proposals and 社情民意 reports a topic or a plan item links
    recordPanels: [
      ...(m.recordPanels ?? []),
      { entityTypes: ['proposal', 'opinion'], permission: [...new Set([...topicPerms, ...planPerms])], component: lazyComponent(() => import('./topic-links.tsx').then((x) => x.LinkedTopics)) },
    ],
  };
}
