/**
 * The key outside the database (密钥, decision 0031). One 32-byte master key, from `SECRET_KEY` or from the file
 * `secret.key` in the data folder (generated there, mode 0600, on the first start when neither exists). Two keys are
 * derived from it with HKDF: one encrypts secrets kept in the database (TOTP secrets) with an authenticated cipher, one
 * signs the audit chain (HMAC of every record's hash and of the anchors written outside the database).
 *
 * The cipher is AES-256-GCM, or SM4 where 国密 is required (`SECRET_CIPHER=sm4-gcm`, or `sm4-cbc` with an HMAC-SM3 tag
 * when node's OpenSSL offers SM4 but not its GCM mode). A sealed value names its cipher, so values sealed before a
 * change of cipher still open.
 *
 * The keys of the process are installed once at start (`useSecretKeys`), before migrations run, and read by the audit
 * log and the identity module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHmac, getCiphers, getHashes, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from './config.ts';

export const SECRET_KEY_FILE = 'secret.key';
export const SECRET_CIPHERS = ['aes-256-gcm', 'sm4-gcm', 'sm4-cbc'] as const;
export type SecretCipher = (typeof SECRET_CIPHERS)[number];

/** Prefix of a sealed value: `zx1:<cipher>:<iv>:<ciphertext>:<tag>` (base64url parts). */
const SEALED = 'zx1:';

export interface SecretKeys {
  /** where the master key came from */
  source: 'env' | 'file' | 'generated';
  /** the key file, when the key is kept in one */
  file?: string;
  /** the cipher new values are sealed with */
  cipher: SecretCipher;
  /** the HMAC key of the audit chain */
  auditKey: Buffer;
  /** a key of `length` bytes for one purpose (HKDF-SHA256 of the master key) */
  derive(purpose: string, length: number): Buffer;
}

export class SecretKeyError extends Error {}

/** The ciphers of SECRET_CIPHER this node offers. */
export function availableSecretCiphers(): SecretCipher[] {
  const have = new Set(getCiphers());
  return SECRET_CIPHERS.filter((c) => have.has(c) && (c !== 'sm4-cbc' || getHashes().includes('sm3')));
}

/** A 32-byte key written as 64 hex digits or as base64 (base64url too). */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]{43}=?$/.test(t) ? Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64') : null;
  if (!key || key.length !== 32) throw new SecretKeyError('SECRET_KEY 须为 32 字节的密钥，写成 base64 或 64 位十六进制（可用 openssl rand -base64 32 生成）');
  return key;
}

function keysOf(master: Buffer, cipher: SecretCipher, source: SecretKeys['source'], file?: string): SecretKeys {
  const derive = (purpose: string, length: number) => Buffer.from(hkdfSync('sha256', master, 'zhengxie', `zhengxie/${purpose}`, length));
  return { source, file, cipher, auditKey: derive('audit-hmac', 32), derive };
}

/**
 * The process's keys from the configuration: `SECRET_KEY`, else the key file in the data folder; with `create`, a key
 * file is generated when there is none (and `log` is told). Null without `create` when there is no key.
 */
export function loadSecretKeys(config: Pick<Config, 'secretKey' | 'secretCipher' | 'dataDir'>, opts: { create: boolean; log?: (message: string) => void }): SecretKeys | null {
  const cipher = config.secretCipher as SecretCipher;
  if (!(SECRET_CIPHERS as readonly string[]).includes(cipher)) {
    throw new SecretKeyError(`SECRET_CIPHER 无效：${config.secretCipher}（可选 ${SECRET_CIPHERS.join('、')}）`);
  }
  if (!availableSecretCiphers().includes(cipher)) {
    throw new SecretKeyError(`SECRET_CIPHER=${cipher}：本机 Node 的 OpenSSL 不提供此算法（可用：${availableSecretCiphers().join('、')}）`);
  }
  if (config.secretKey) return keysOf(parseSecretKey(config.secretKey), cipher, 'env');
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  if (fs.existsSync(file)) return keysOf(parseSecretKey(fs.readFileSync(file, 'utf8')), cipher, 'file', file);
  if (!opts.create) return null;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // another process created it first: use theirs
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return keysOf(parseSecretKey(fs.readFileSync(file, 'utf8')), cipher, 'file', file);
    throw e;
  }
  opts.log?.(`未设置 SECRET_KEY，已生成密钥文件 ${file}（权限 0600）。它加密双因素认证密钥并签署审计日志：请与数据库备份分开妥善保存；多个实例须使用同一个 SECRET_KEY。`);
  return keysOf(key, cipher, 'generated', file);
}

let installed: SecretKeys | null = null;

/** Load the configuration's keys (see `loadSecretKeys`) and make them the process's. */
export function useSecretKeys(config: Pick<Config, 'secretKey' | 'secretCipher' | 'dataDir'>, opts: { create: boolean; log?: (message: string) => void }): SecretKeys | null {
  installed = loadSecretKeys(config, opts);
  return installed;
}

/** Install keys directly (tests), or none. */
export function installSecretKeys(keys: SecretKeys | null): void {
  installed = keys;
}

/** The process's keys, or null before any are installed. */
export function currentSecretKeys(): SecretKeys | null {
  return installed;
}

function requireKeys(): SecretKeys {
  if (!installed) throw new SecretKeyError('没有加载密钥（SECRET_KEY 或数据目录中的 secret.key），无法加密或解密');
  return installed;
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');
const aadOf = (purpose: string, context: string) => Buffer.from(`${purpose}\u0000${context}`, 'utf8');

/** Whether a stored value is sealed (rather than a clear value from before encryption). */
export const isSealed = (stored: string) => stored.startsWith(SEALED);

/**
 * Encrypt a secret for storage. `purpose` separates keys by use ('totp'); `context` binds the value to its row (the
 * user's id), so a sealed value copied into another row does not open.
 */
export function sealSecret(purpose: string, plain: string, context: string, keys: SecretKeys = requireKeys()): string {
  const cipher = keys.cipher;
  const aad = aadOf(purpose, context);
  if (cipher === 'sm4-cbc') {
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-cbc', keys.derive(`${purpose}/sm4-cbc`, 16), iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const tag = cbcTag(keys, purpose, aad, iv, ct);
    return `${SEALED}${cipher}:${b64(iv)}:${b64(ct)}:${b64(tag)}`;
  }
  const iv = randomBytes(12);
  const key = keys.derive(`${purpose}/${cipher}`, cipher === 'aes-256-gcm' ? 32 : 16);
  // typed as AES-GCM: SM4-GCM has the same interface
  const c = createCipheriv(cipher as 'aes-256-gcm', key, iv, { authTagLength: 16 });
  c.setAAD(aad);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `${SEALED}${cipher}:${b64(iv)}:${b64(ct)}:${b64(c.getAuthTag())}`;
}

function cbcTag(keys: SecretKeys, purpose: string, aad: Buffer, iv: Buffer, ct: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(aad.length);
  return createHmac('sm3', keys.derive(`${purpose}/sm4-cbc/mac`, 32)).update(len).update(aad).update(iv).update(ct).digest();
}

/** Decrypt a sealed value; throws when it is not sealed, sealed for another row or purpose, altered, or under another key. */
export function openSecret(purpose: string, stored: string, context: string, keys: SecretKeys = requireKeys()): string {
  if (!isSealed(stored)) throw new SecretKeyError('不是加密保存的值');
  const [cipher, iv, ct, tag] = stored.slice(SEALED.length).split(':');
  const aad = aadOf(purpose, context);
  try {
    if (cipher === 'sm4-cbc') {
      const expected = cbcTag(keys, purpose, aad, unb64(iv), unb64(ct));
      const got = unb64(tag);
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) throw new Error('tag');
      const d = createDecipheriv('sm4-cbc', keys.derive(`${purpose}/sm4-cbc`, 16), unb64(iv));
      return Buffer.concat([d.update(unb64(ct)), d.final()]).toString('utf8');
    }
    if (cipher !== 'aes-256-gcm' && cipher !== 'sm4-gcm') throw new Error('cipher');
    const d = createDecipheriv(cipher as 'aes-256-gcm', keys.derive(`${purpose}/${cipher}`, cipher === 'aes-256-gcm' ? 32 : 16), unb64(iv), { authTagLength: 16 });
    d.setAAD(aad);
    d.setAuthTag(unb64(tag));
    return Buffer.concat([d.update(unb64(ct)), d.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError('加密保存的值无法解密（密钥不同或内容被改动）');
  }
}
