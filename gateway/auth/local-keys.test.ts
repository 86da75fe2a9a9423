import { mkdtemp, readFile, rm, stat, writeFile, chmod, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/errors.js';
import { LOCAL_KEY_FILE, loadOrCreateLocalKey } from './local-keys.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hub-auth-keys-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('loadOrCreateLocalKey', () => {
  it('creates an Ed25519 key pair on first use, private file 0600, and loads the same key afterwards', async () => {
    const dir = join(root, 'nested', 'auth');
    const first = await loadOrCreateLocalKey(dir);
    const file = join(dir, LOCAL_KEY_FILE);
    if (posix) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
    }
    expect(first.jwks.keys).toHaveLength(1);
    const [publicJwk] = first.jwks.keys;
    expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: first.kid });
    expect(publicJwk).not.toHaveProperty('d');
    expect(await readdir(dir)).toEqual([LOCAL_KEY_FILE]);

    const second = await loadOrCreateLocalKey(dir);
    expect(second.kid).toBe(first.kid);
    expect(second.jwks).toEqual(first.jwks);

    // a token signed with the reloaded private key verifies against the first public key set
    const token = await new SignJWT({ a: 1 })
      .setProtectedHeader({ alg: 'EdDSA', kid: second.kid })
      .sign(second.privateKey);
    await expect(jwtVerify(token, createLocalJWKSet(first.jwks))).resolves.toBeDefined();
  });

  it('ends with one key when several processes start at once', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateLocalKey(root)));
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(await readdir(root)).toEqual([LOCAL_KEY_FILE]);
  });

  it.runIf(posix)('refuses a key file others can read', async () => {
    await loadOrCreateLocalKey(root);
    await chmod(join(root, LOCAL_KEY_FILE), 0o644);
    await expect(loadOrCreateLocalKey(root)).rejects.toThrow(/readable by others \(mode 644\)/);
  });

  it('refuses a key file it did not write', async () => {
    await writeFile(join(root, LOCAL_KEY_FILE), '{"kty":"RSA"}', { mode: 0o600 });
    const error = await loadOrCreateLocalKey(root).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]).toMatch(/not an Ed25519 private key/);
    expect(await readFile(join(root, LOCAL_KEY_FILE), 'utf8')).toBe('{"kty":"RSA"}');
  });
});
