// Secrets at rest (decision 0031): the key from SECRET_KEY or generated into the data folder, AES-256-GCM or SM4, values bound to their row.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  availableSecretCiphers, loadSecretKeys, openSecret, parseSecretKey, sealSecret, SecretKeyError, SECRET_KEY_FILE,
} from '../src/kernel/server/secrets.ts';

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'zx-secrets-'));
const keyText = randomBytes(32).toString('base64');

describe('the key outside the database', () => {
  test('SECRET_KEY is 32 bytes as base64 or hex; anything else is refused with a message naming it', () => {
    const raw = randomBytes(32);
    assert.deepEqual(parseSecretKey(raw.toString('base64')), raw);
    assert.deepEqual(parseSecretKey(raw.toString('hex')), raw);
    assert.deepEqual(parseSecretKey(raw.toString('base64url')), raw);
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), randomBytes(31).toString('hex')]) {
      assert.throws(() => parseSecretKey(bad), (e: unknown) => e instanceof SecretKeyError && /SECRET_KEY/.test(e.message));
    }
  });

  test('without SECRET_KEY, the first start generates secret.key (mode 0600) in the data folder, says so, and later starts read it', () => {
    const dir = folder();
    try {
      const config = { dataDir: dir, secretCipher: 'aes-256-gcm', secretKey: undefined };
      assert.equal(loadSecretKeys(config, { create: false }), null, 'reading only: no key, none made');
      const said: string[] = [];
      const first = loadSecretKeys(config, { create: true, log: (m) => said.push(m) })!;
      assert.equal(first.source, 'generated');
      const file = path.join(dir, SECRET_KEY_FILE);
      assert.equal(fs.statSync(file).mode & 0o777, 0o600);
      assert.match(said.join(''), /已生成密钥文件.*secret\.key/);
      const again = loadSecretKeys(config, { create: true, log: (m) => said.push(m) })!;
      assert.equal(again.source, 'file');
      assert.equal(said.length, 1, 'said once');
      assert.deepEqual(again.auditKey, first.auditKey);
      // SECRET_KEY, when set, wins over the file
      const env = loadSecretKeys({ ...config, secretKey: keyText }, { create: true })!;
      assert.equal(env.source, 'env');
      assert.notDeepEqual(env.auditKey, first.auditKey);
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  });

  for (const cipher of ['aes-256-gcm', 'sm4-gcm', 'sm4-cbc']) {
    const available = availableSecretCiphers().includes(cipher as never);
    test(`${cipher}: a sealed secret opens only with its key, its purpose and its row, and not after a change`, () => {
      const config = { dataDir: '/nonexistent', secretCipher: cipher, secretKey: keyText };
      if (!available) {
        // where node's OpenSSL lacks the cipher, asking for it stops the start with a message naming it
        assert.throws(() => loadSecretKeys(config, { create: false }), (e: unknown) => e instanceof SecretKeyError && e.message.includes(cipher) && /OpenSSL/.test(e.message));
        return;
      }
      const keys = loadSecretKeys(config, { create: false })!;
      const sealed = sealSecret('totp', 'JBSWY3DPEHPK3PXP', 'user-1', keys);
      assert.ok(sealed.startsWith(`zx1:${cipher}:`));
      assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
      assert.notEqual(sealSecret('totp', 'JBSWY3DPEHPK3PXP', 'user-1', keys), sealed, 'a fresh IV each time');
      assert.equal(openSecret('totp', sealed, 'user-1', keys), 'JBSWY3DPEHPK3PXP');
      assert.throws(() => openSecret('totp', sealed, 'user-2', keys), SecretKeyError, 'copied into another row');
      assert.throws(() => openSecret('other', sealed, 'user-1', keys), SecretKeyError, 'another purpose');
      const other = loadSecretKeys({ ...config, secretKey: randomBytes(32).toString('base64') }, { create: false })!;
      assert.throws(() => openSecret('totp', sealed, 'user-1', other), SecretKeyError, 'another key');
      const parts = sealed.split(':');
      const ct = Buffer.from(parts[3], 'base64url');
      ct[0] ^= 1;
      assert.throws(() => openSecret('totp', [...parts.slice(0, 3), ct.toString('base64url'), parts[4]].join(':'), 'user-1', keys), SecretKeyError, 'altered');
      assert.throws(() => openSecret('totp', 'JBSWY3DPEHPK3PXP', 'user-1', keys), SecretKeyError, 'a clear value is not accepted');
      // a value sealed under one cipher still opens after the setting changes to another
      const aes = loadSecretKeys({ ...config, secretCipher: 'aes-256-gcm' }, { create: false })!;
      assert.equal(openSecret('totp', sealed, 'user-1', aes), 'JBSWY3DPEHPK3PXP');
    });
  }

  test('an unknown SECRET_CIPHER is refused', () => {
    assert.throws(() => loadSecretKeys({ dataDir: '/nonexistent', secretCipher: 'des', secretKey: keyText }, { create: false }), /SECRET_CIPHER 无效/);
  });
});
