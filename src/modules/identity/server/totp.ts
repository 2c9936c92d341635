/** TOTP two-factor codes (RFC 6238, 30 s, 6 digits) for the administrator roles. */
import * as OTPAuth from 'otpauth';

const ISSUER = '智慧政协';

function totpOf(secret: string, username: string) {
  return new OTPAuth.TOTP({ issuer: ISSUER, label: username, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

export function totpUrl(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/** Accepts the current code and one step either side, for clock drift. */
export function checkTotp(secret: string, username: string, code: string): boolean {
  try {
    return totpOf(secret, username).validate({ token: code, window: 1 }) !== null;
  } catch {
    return false;
  }
}

export function totpNow(secret: string, username = 'user'): string {
  return totpOf(secret, username).generate();
}
