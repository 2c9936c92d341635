/** Password hashing with argon2id (the library's default algorithm) and a dummy verification for unknown users. */
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Make the dummy hash (same algorithm and cost as real ones) ahead of the first unknown username. */
export function prepareDummy(): Promise<string> {
  dummy ??= hash(`zhengxie-dummy-${randomBytes(16).toString('hex')}`);
  return dummy;
}

/** Spend the time of a real verification (the same argon2 work), so an unknown username cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await prepareDummy(), password);
  return false;
}

/**
 * A temporary password (临时密码) an administrator or the office hands to a person, who must change it at first sign-in:
 * it meets the policy (upper and lower case, digits, a sign) and leaves out the characters read one for another.
 */
export function temporaryPassword(): string {
  const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[randomInt(chars.length)]).join('');
  return `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${pick('abcdefghijkmnpqrstuvwxyz', 4)}-${pick('23456789', 6)}`;
}
