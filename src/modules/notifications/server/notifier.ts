/** Delivers notifications: the in-app inbox first, then e-mail and other channels. (Filled in by the notifications module.) */
import type { Kysely } from 'kysely';
import type { Config } from '../../../kernel/server/config.ts';
import type { DialectName } from '../../../kernel/server/db/dialect.ts';
import type { EventBus } from '../../../kernel/server/events.ts';
import type { Notifier } from '../../../kernel/server/module.ts';

export function createNotifier(_deps: { db: Kysely<any>; dialect: DialectName; config: Config; events: EventBus; log: { error: (...a: unknown[]) => void } }): Notifier {
  return { async notify() { /* replaced by the notifications module */ } };
}
