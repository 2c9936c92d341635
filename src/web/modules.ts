// Assembles the web side of every module: menus, pages, header widgets and translations, plus the menu groups.
import { createElement } from 'react';
import { AuditOutlined, ContainerOutlined, SettingOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import type { WebModule } from '../kernel/web/manifest.ts';
import type { MenuGroup } from '../kernel/web/layout.tsx';
import { registerMessages } from '../kernel/web/i18n.tsx';
import { registerRecordPanels } from '../kernel/web/record-panels.tsx';
import { worklistWeb } from '../modules/worklist/web/index.tsx';
import { proposalsWeb } from '../modules/proposals/web/index.tsx';
import { opinionsWeb } from '../modules/opinions/web/index.tsx';
import { consultationsWeb } from '../modules/consultations/web/index.tsx';
import { platformsWeb } from '../modules/platforms/web/index.tsx';
import { recommendationsWeb } from '../modules/recommendations/web/index.tsx';
import { reviewWeb } from '../modules/review/web/index.tsx';
import { inspectionsWeb } from '../modules/inspections/web/index.tsx';
import { appraisalsWeb } from '../modules/appraisals/web/index.tsx';
import { liveWeb } from '../modules/live/web/index.tsx';
import { surveysWeb } from '../modules/surveys/web/index.tsx';
import { activitiesWeb } from '../modules/activities/web/index.tsx';
import { notificationsWeb } from '../modules/notifications/web/index.tsx';
import { identityWeb } from '../modules/identity/web/index.tsx';
import { organizationsWeb } from '../modules/organizations/web/index.tsx';
import { systemWeb } from '../modules/system/web/index.tsx';
import { attachmentsWeb } from '../modules/attachments/web/index.tsx';
import { textWeb } from '../modules/text/web/index.tsx';
import { membersWeb } from '../modules/members/web/index.tsx';
import { documentsWeb } from '../modules/documents/web/index.tsx';
import { newsWeb } from '../modules/news/web/index.tsx';
import { portalWeb } from '../modules/portal/web/index.tsx';
import { logisticsWeb } from '../modules/logistics/web/index.tsx';
import { meetingsWeb } from '../modules/meetings/web/index.tsx';
import { studiosWeb } from '../modules/studios/web/index.tsx';
import { charityWeb } from '../modules/charity/web/index.tsx';
import { scoresWeb } from '../modules/scores/web/index.tsx';
import { wenshiWeb } from '../modules/wenshi/web/index.tsx';

export const webModules: WebModule[] = [worklistWeb, proposalsWeb, opinionsWeb, notificationsWeb, identityWeb, organizationsWeb, systemWeb, attachmentsWeb, textWeb, membersWeb, consultationsWeb, platformsWeb, recommendationsWeb, inspectionsWeb, appraisalsWeb, liveWeb, surveysWeb, activitiesWeb, reviewWeb, documentsWeb, newsWeb, portalWeb, logisticsWeb, meetingsWeb, studiosWeb, charityWeb, scoresWeb, wenshiWeb];

export const menuGroups: Record<string, MenuGroup> = {
  // 协商议政: consultations, 有事来商量, 网络议政, 网络征集; 民主监督: 调研视察, 民主评议, 建议落实; 委员履职: activities,
  // meetings, studios, charity and the duty score; 办公室: documents, news and notices, receptions and vehicles, 文史
  consult: { label: '协商议政', icon: createElement(TeamOutlined), order: 300 },
  supervision: { label: '民主监督', icon: createElement(AuditOutlined), order: 350 },
  duty: { label: '委员履职', icon: createElement(TrophyOutlined), order: 400 },
  office: { label: '办公室', icon: createElement(ContainerOutlined), order: 700 },
  admin: { label: '系统管理', icon: createElement(SettingOutlined), order: 900 },
};

// the shell's English and the modules' load when English is chosen (decision 0038)
registerMessages(() => import('./messages-en.ts').then((m) => ({ default: m.shellMessages })));
for (const m of webModules) if (m.messages) registerMessages(m.messages);
registerRecordPanels(webModules.flatMap((m) => m.recordPanels ?? []));

export const menu = webModules.flatMap((m) => m.menu ?? []);
export const routes = webModules.flatMap((m) => m.routes ?? []);
export const publicRoutes = webModules.flatMap((m) => m.publicRoutes ?? []);
export const headerWidgets = webModules.flatMap((m) => m.headerWidgets ?? []);
export const banners = webModules.flatMap((m) => m.banners ?? []);
