/**
 * Manifest of the 会议 module: 全体会议, 常委会议 and 主席会议 with sessions, agenda, participants resolved from the kind,
 * notices, leave (请假) with approval, sign-in by QR or by staff, attendance (出勤) by a configurable share, materials
 * and speeches (大会发言). Migrations 2600–2699. Member figures (meetings.member.*) feed the duty record.
 */
import type { ModuleManifest } from '../../kernel/server/module.ts';
import { meetingsLifecycle, meetingsPermissions } from './domain/meetings-lifecycle.ts';
import { meetingsEntities } from './server/entities.ts';
import { meetingsFigureSource } from './server/figures.ts';
import { meetingsMigrations } from './server/migrations.ts';
import { subscribeMeetingNotices } from './server/notices.ts';
import { meetingsRoutes } from './server/routes.ts';
import { seedMeetings } from './server/seed.ts';
import { meetingsSettings } from './server/settings.ts';

export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  label: '会议',
  permissions: [
    { code: meetingsPermissions.manage, name: '组织会议（新建、通知、参会人员、审批请假、代为签到、遴选发言）', defaultRoles: ['office_staff'] },
    { code: meetingsPermissions.attend, name: '参加会议（请假、扫码签到、提交发言）', defaultRoles: ['member', 'leader'] },
    { code: meetingsPermissions.readAll, name: '查看本级全部会议与出勤统计', defaultRoles: ['office_staff', 'committee_staff', 'leader'] },
  ],
  migrations: meetingsMigrations,
  workflows: [meetingsLifecycle],
  entities: meetingsEntities,
  settings: meetingsSettings,
  figures: meetingsFigureSource,
  routes: meetingsRoutes,
  subscribe: subscribeMeetingNotices,
  seed: seedMeetings,
};
