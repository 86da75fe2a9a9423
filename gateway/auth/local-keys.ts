/**
 * Local mode's signing key (development and demos): one Ed25519 key pair, generated on first use into
 * AUTH_LOCAL_KEY_DIR and loaded afterwards, so tokens minted by the CLI survive a restart. The private key file is
 * mode 0600 in a 0700 directory; a key file others can read is refused. The public half is served as a JWKS.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { z } from 'zod';
import { ConfigError } from '../../platform/errors.js';

export const LOCAL_KEY_FILE = 'signing-key.jwk.json';
export const LOCAL_KEY_ALGORITHM = 'EdDSA';

export interface LocalSigningKey {
  kid: string;
  /** Signs tokens (the CLI, tests). Not extractable. */
  privateKey: CryptoKey;
  /** The public key set to serve at /.well-known/jwks.json and to verify local tokens with. */
  jwks: JSONWebKeySet;
}

const storedKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().min(1),
  d: z.string().min(1),
  kid: z.string().min(1),
  createdAt: z.string(),
});

/** Loads the local key pair from `dir`, creating it first if there is none. */
export async function loadOrCreateLocalKey(dir: string): Promise<LocalSigningKey> {
  const file = join(dir, LOCAL_KEY_FILE);
  const stored = (await readStoredKey(file)) ?? (await createStoredKey(dir, file));
  const privateKey = (await importJWK(
    { kty: stored.kty, crv: stored.crv, x: stored.x, d: stored.d },
    LOCAL_KEY_ALGORITHM,
  )) as CryptoKey;
  const publicJwk: JWK = {
    kty: stored.kty,
    crv: stored.crv,
    x: stored.x,
    kid: stored.kid,
    alg: 'EdDSA',
    use: 'sig',
  };
  return { kid: stored.kid, privateKey, jwks: { keys: [publicJwk] } };
}

async function readStoredKey(file: string): Promise<z.output<typeof storedKeySchema> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError([
      `AUTH_LOCAL_KEY_DIR: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`,
    ]);
  }
  if (process.platform !== 'win32') {
    const { mode } = await stat(file);
    if ((mode & 0o077) !== 0)
      throw new ConfigError([
        `AUTH_LOCAL_KEY_DIR: ${file} is readable by others (mode ${(mode & 0o777).toString(8)}); chmod 600 it or delete it to make a new key`,
      ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = storedKeySchema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError([
      `AUTH_LOCAL_KEY_DIR: ${file} is not an Ed25519 private key the hub wrote; delete it to make a new key`,
    ]);
  return parsed.data;
}

/**
 * Generates a key and publishes it with an exclusive hard link, so two processes starting together (gateway and
 * worker) end up with the same key: the loser of the race reads the winner's.
 */
async function createStoredKey(dir: string, file: string): Promise<z.output<typeof storedKeySchema>> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(LOCAL_KEY_ALGORITHM, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  const stored = storedKeySchema.parse({
    kty: jwk.kty,
    crv: jwk.crv,
    x: jwk.x,
    d: jwk.d,
    kid: await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x as string }),
    createdAt: new Date().toISOString(),
  });
  const temporary = join(dir, `.${LOCAL_KEY_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(temporary, 0o600); // in case the umask took bits away from, or the platform ignored, the mode above
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readStoredKey(file);
    if (winner === undefined) throw error;
    return winner;
  } finally {
    await unlink(temporary);
  }
  return stored;
}
