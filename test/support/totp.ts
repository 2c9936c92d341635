/**
 * TOTP codes for tests. The server accepts each time step's code once (RFC 6238 §5.2), so every sign-in of an account
 * takes a later step than the one before: the current step, else the next (the server accepts one step of drift), else
 * it waits for the next 30-second period. Steps are tracked per database (`scope`), whose users remember their last one.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { TOTP_PERIOD_MS, totpAt } from '../../src/modules/identity/index.ts';
import { clock } from '../../src/kernel/universal/clock.ts';

const lastStep = new Map<string, number>();

export async function freshTotp(secret: string, username: string, scope: string): Promise<string> {
  const key = `${scope}\u0000${username}`;
  for (;;) {
    const now = Math.floor(clock.physicalMs() / TOTP_PERIOD_MS);
    const step = Math.max(now, (lastStep.get(key) ?? -Infinity) + 1);
    if (step <= now + 1) {
      lastStep.set(key, step);
      return totpAt(secret, username, step);
    }
    await sleep((now + 1) * TOTP_PERIOD_MS - clock.physicalMs() + 50);
  }
}
