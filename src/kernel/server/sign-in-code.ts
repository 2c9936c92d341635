/**
 * 签到码: the signed sign-in links that meetings, trips and activities show as a QR code (decision 0059). Each record
 * keeps a secret of its own (never sent out); a token is a signature only the server can make over the record's id —
 * per day (`dailySignInToken`: `YYYY-MM-DD.<mac>`, valid on that China date only) or fixed (`fixedSignInToken`, bounded
 * by the record's time window instead, `signInWindowRefusal`). Verifying compares in constant time. Signatures are
 * cached: a thousand members scanning the same code within minutes cost one HMAC.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new record's sign-in secret (stored with the record, never sent out). */
export const newSignInSecret = (): string => randomBytes(24).toString('base64url');

const macs = new Map<string, string>();
/** The signature of `subject` under `secret` (32 base64url characters), cached. */
export function signInMac(secret: string, subject: string): string {
  const k = `${subject}|${secret}`;
  let mac = macs.get(k);
  if (mac === undefined) {
    if (macs.size >= 1000) macs.clear();
    mac = createHmac('sha256', secret).update(subject).digest('base64url').slice(0, 32);
    macs.set(k, mac);
  }
  return mac;
}

/** Constant-time comparison of the signature wanted and the one given. */
export function sameSignature(want: string, got: string): boolean {
  const a = Buffer.from(want);
  const b = Buffer.from(got);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The record's token for one China date: the date and a signature of `id|date`. */
export const dailySignInToken = (secret: string, id: string, date: string): string => `${date}.${signInMac(secret, `${id}|${date}`)}`;

/** Whether a daily token is the record's token of `today` (a token of another day, or forged, is not). */
export function dailySignInTokenValid(secret: string, id: string, token: string, today: string): boolean {
  const [date, mac] = token.split('.');
  if (date !== today || !mac) return false;
  return sameSignature(signInMac(secret, `${id}|${date}`), mac);
}

/** A token that does not change (the record's time window bounds when it works): a signature of `subject`. */
export const fixedSignInToken = (secret: string, subject: string): string => signInMac(secret, subject);
export const fixedSignInTokenValid = (secret: string, subject: string, token: string): boolean => sameSignature(signInMac(secret, subject), token);

/** The sign-in window: from `opensAt` to `closesAt` (instants, ISO or epoch ms), both included. */
export interface SignInWindowBounds { opensAt: string | number; closesAt: string | number }
const ms = (t: string | number) => (typeof t === 'number' ? t : Date.parse(t));
/** 'early' before the window opens, 'late' after it closes, null inside it. */
export function signInWindowRefusal(nowMs: number, w: SignInWindowBounds): 'early' | 'late' | null {
  if (nowMs < ms(w.opensAt)) return 'early';
  if (nowMs > ms(w.closesAt)) return 'late';
  return null;
}
