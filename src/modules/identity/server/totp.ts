/** TOTP two-factor codes (RFC 6238, 30 s, 6 digits) for the administrator roles. */
import * as OTPAuth from 'otpauth';
import { clock } from '../../../kernel/universal/clock.ts';
import { openSecret, sealSecret } from '../../../kernel/server/secrets.ts';

const ISSUER = '智慧政协';

function totpOf(secret: string, username: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

/**
 * A TOTP secret as stored in `users.totp_secret`: encrypted with the key outside the database and bound to its user
 * (decision 0031), so neither a copy of the database nor a backup gives the second factor away, and a secret written
 * into the table by someone without the key does not open.
 */
export function sealTotpSecret(secret: string, userId: string): string {
  return sealSecret('totp', secret, userId);
}

/** The clear secret of a stored one, or null when it does not open (another key, another user's row, a clear value). */
export function openTotpSecret(stored: string | null, userId: string): string | null {
  if (!stored) return null;
  try {
    return openSecret('totp', stored, userId);
  } catch {
    return null;
  }
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUrl(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/** One TOTP period (30 s) in milliseconds. */
export const TOTP_PERIOD_MS = 30_000;

/**
 * The time step (RFC 6238 T: 30-second periods since the epoch) whose code `code` is, accepting the current step and
 * one either side for clock drift; null when it is none of them. A step's code is then accepted once (`claimTotpStep`).
 */
export function totpStepOf(secret: string, username: string, code: string, now = clock.physicalMs()): number | null {
  try {
    const delta = totpOf(secret, username).validate({ token: code, timestamp: now, window: 1 });
    return delta === null ? null : Math.floor(now / TOTP_PERIOD_MS) + delta;
  } catch {
    return null;
  }
}

/** The code of one time step (for tests, which must take a later step for every sign-in). */
export function totpAt(secret: string, username: string, step: number): string {
  return totpOf(secret, username).generate({ timestamp: step * TOTP_PERIOD_MS });
}

export function totpNow(secret: string, username = 'user'): string {
  return totpOf(secret, username).generate();
}
