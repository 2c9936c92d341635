/** Every feature module, in the order their migrations, subscriptions, routes and demo seeds run. */
import type { ModuleManifest } from '../kernel/server/module.ts';
import { organizationsModule } from '../modules/organizations/module.ts';
import { identityModule } from '../modules/identity/module.ts';
import { systemModule } from '../modules/system/module.ts';
import { worklistModule } from '../modules/worklist/module.ts';
import { notificationsModule } from '../modules/notifications/module.ts';
import { attachmentsModule } from '../modules/attachments/module.ts';
import { textModule } from '../modules/text/module.ts';
import { proposalsModule } from '../modules/proposals/module.ts';
import { opinionsModule } from '../modules/opinions/module.ts';
import { membersModule } from '../modules/members/module.ts';
import { consultationsModule } from '../modules/consultations/module.ts';
import { platformsModule } from '../modules/platforms/module.ts';
import { recommendationsModule } from '../modules/recommendations/module.ts';
import { reviewModule } from '../modules/review/module.ts';
import { inspectionsModule } from '../modules/inspections/module.ts';
import { appraisalsModule } from '../modules/appraisals/module.ts';
import { liveModule } from '../modules/live/module.ts';
import { surveysModule } from '../modules/surveys/module.ts';
import { activitiesModule } from '../modules/activities/module.ts';
import { documentsModule } from '../modules/documents/module.ts';
import { newsModule } from '../modules/news/module.ts';
import { portalModule } from '../modules/portal/module.ts';
import { logisticsModule } from '../modules/logistics/module.ts';
import { meetingsModule } from '../modules/meetings/module.ts';
import { studiosModule } from '../modules/studios/module.ts';
import { charityModule } from '../modules/charity/module.ts';
import { scoresModule } from '../modules/scores/module.ts';
import { wenshiModule } from '../modules/wenshi/module.ts';

export const modules: ModuleManifest[] = [
  organizationsModule,
  identityModule,
  systemModule,
  worklistModule,
  notificationsModule,
  attachmentsModule,
  textModule,
  proposalsModule,
  opinionsModule,
  membersModule,
  consultationsModule,
  platformsModule,
  inspectionsModule,
  appraisalsModule,
  // after the modules whose demo data sends it recommendations (its seed works through what they sent)
  recommendationsModule,
  liveModule,
  surveysModule,
  activitiesModule,
  documentsModule,
  newsModule,
  portalModule,
  logisticsModule,
  meetingsModule,
  studiosModule,
  charityModule,
  scoresModule,
  wenshiModule,
  reviewModule,
];
