/** The 'worklist' push channel: a record moved on or a work item opened, so the worklists of the people concerned changed. */
import type { UserPushChannel } from '../../../kernel/server/contributions.ts';
import { TASK_OPENED } from '../../../kernel/server/unit-of-work.ts';
import type { WorklistPush } from '../contract.ts';

export const worklistChannel: UserPushChannel = {
  name: 'worklist',
  addressedTo: 'user',
  events: (type) => type.endsWith('.transitioned') || type === TASK_OPENED,
  data(e): WorklistPush {
    const p = e.payload as Record<string, unknown>;
    return {
      type: e.type, entityType: e.entityType, entityId: e.entityId, at: e.at,
      from: (p.from as string | null) ?? null, to: p.to as string | undefined, action: p.action as string | undefined, title: p.title as string | undefined,
    };
  },
};
