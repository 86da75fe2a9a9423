import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuth } from './index.js';
import { mintToken } from './mint-token.js';
import { loadOrCreateLocalKey } from './local-keys.js';
import { testAuthConfig } from './testing.js';

let keyDir: string;
beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'hub-auth-index-'));
});
afterAll(async () => {
  await rm(keyDir, { recursive: true, force: true });
});

describe('createAuth', () => {
  it('local mode: creates the key, exposes its public JWKS and verifies tokens signed with it', async () => {
    const config = testAuthConfig({ localKeyDir: keyDir });
    const auth = await createAuth(config);
    expect(auth.publicJwks?.keys).toHaveLength(1);
    expect(auth.publicJwks?.keys[0]).not.toHaveProperty('d');
    const key = await loadOrCreateLocalKey(keyDir);
    const token = await mintToken(
      {
        userId: 'u-1',
        name: 'Alex Morgan',
        email: 'alex.morgan@nhs.example',
        organisation: 'M81001',
        role: 'GP',
        purpose: 'SAFEGUARDING',
        ttlSeconds: 60,
      },
      { config, key, policy: auth.policy },
    );
    await expect(auth.verifier.verify(`Bearer ${token}`)).resolves.toMatchObject({
      role: 'GP',
      userId: 'u-1',
    });
  });

  it('jwks mode: no local key and no public JWKS to serve', async () => {
    const auth = await createAuth(
      testAuthConfig({
        mode: 'jwks',
        jwksUrl: 'https://login.example/jwks',
        localKeyDir: join(keyDir, 'unused'),
      }),
    );
    expect(auth.publicJwks).toBeUndefined();
  });
});
