/**
 * Manifest of the 网络议政 module (live online deliberation): sessions with hosts, invited departments, members and the
 * public; a moderated live stream; questions routed to departments; statements and votes with opinion groups.
 * Migrations 1900–1999.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { liveLifecycle, livePermissions } from './domain/live-lifecycle.ts';
import { liveEntities } from './server/entities.ts';
import { liveFigureSource } from './server/figures.ts';
import { liveMigrations } from './server/migrations.ts';
import { liveRoutes } from './server/routes.ts';
import { liveSeed } from './server/seed.ts';
import { liveSettings } from './server/settings.ts';
import { publicLiveSection } from './server/public-section.ts';
import { subscribeLiveNotices } from './server/turnout.ts';

export const liveModule: ModuleManifest = {
  name: 'live',
  label: '网络议政',
  permissions: [
    { code: livePermissions.host, name: '主持网络议政（新建、开始、结束、审核发言、转交提问）', defaultRoles: ['office_staff', 'committee_staff'] },
    { code: livePermissions.join, name: '参与网络议政', defaultRoles: ['member', 'office_staff', 'committee_staff', 'leader', 'unit_handler', 'unit_leader'] },
    { code: livePermissions.readAll, name: '查看本级全部网络议政与统计', defaultRoles: ['office_staff', 'leader'] },
  ],
  migrations: liveMigrations,
  workflows: [liveLifecycle],
  entities: liveEntities,
  settings: liveSettings,
  figures: liveFigureSource,
  routes: liveRoutes,
  /** 开始议政 tells the invited, with the room's link */
  subscribe: subscribeLiveNotices,
  /** 门户: sessions open to the public, open now or to come */
  public: { sections: [publicLiveSection] },
  seed: liveSeed,
};
