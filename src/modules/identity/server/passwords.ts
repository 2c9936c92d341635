/** Password hashing with argon2id (the library's default algorithm) and a dummy verification for unknown users. */
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

/** Spend about the time of a real verification, so an unknown username cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hash('zhengxie-dummy-password-for-timing');
  await verifyPassword(await dummy, password);
  return false;
}
