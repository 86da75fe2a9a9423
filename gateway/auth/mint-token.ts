/**
 * Local mode's token minting: short-lived tokens signed with the local key, for development, demos and tests.
 * The token carries exactly the claims verify-token.ts reads. Demo users (demo-users.json) give one named person
 * per role.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { join } from 'node:path';
import { parseConfig, type Env } from '../../platform/config.js';
import { ConfigError } from '../../platform/errors.js';
import { authConfigSection, type AuthConfig } from './auth-config.js';
import { LOCAL_KEY_ALGORITHM, loadOrCreateLocalKey, type LocalSigningKey } from './local-keys.js';
import { loadPolicy, type Policy } from './policy.js';
import { PURPOSES_OF_USE, ROLES, type PurposeOfUse, type Role } from './vocabulary.js';

export interface MintTokenInput {
  userId: string;
  name: string;
  email: string;
  organisation: string;
  role: Role;
  position?: string;
  activities?: readonly string[];
  purpose: PurposeOfUse;
  /** Lifetime in seconds; at most the config's maxTokenAgeSeconds. */
  ttlSeconds: number;
}

/** Signs a token for `input` with the local key. Checks the role may use the purpose, as the verifier will. */
export async function mintToken(
  input: MintTokenInput,
  {
    config,
    key,
    policy,
    now = new Date(),
  }: { config: AuthConfig; key: LocalSigningKey; policy: Policy; now?: Date },
): Promise<string> {
  if (
    !Number.isInteger(input.ttlSeconds) ||
    input.ttlSeconds < 1 ||
    input.ttlSeconds > config.maxTokenAgeSeconds
  )
    throw new RangeError(
      `the lifetime must be a whole number of seconds from 1 to ${config.maxTokenAgeSeconds}`,
    );
  const rolePolicy = policy.roles[input.role];
  if (!rolePolicy.purposes.has(input.purpose))
    throw new RangeError(
      `${input.role} may not use the purpose ${input.purpose} (allowed: ${[...rolePolicy.purposes].join(', ')})`,
    );
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims: Record<string, unknown> = {
    name: input.name,
    email: input.email.toLowerCase(),
    org: input.organisation,
    role: input.role,
    purpose: input.purpose,
  };
  if (input.position !== undefined) claims['position'] = input.position;
  if (input.activities !== undefined) claims['activities'] = [...input.activities];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: LOCAL_KEY_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setSubject(input.userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + input.ttlSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

// ─── demo users ───

export const DEMO_USERS_FILE = new URL('./demo-users.json', import.meta.url);

const demoUserSchema = z.strictObject({
  role: z.enum(ROLES),
  userId: z.string().min(1),
  name: z.string().min(1),
  email: z.email(),
  organisation: z.string().min(1),
  position: z.string().min(1).optional(),
  purpose: z.enum(PURPOSES_OF_USE),
});
export type DemoUser = z.output<typeof demoUserSchema>;

const demoUsersFileSchema = z
  .strictObject({ description: z.string().optional(), users: z.array(demoUserSchema) })
  .superRefine((file, ctx) => {
    for (const role of ROLES) {
      const count = file.users.filter((user) => user.role === role).length;
      if (count !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['users'],
          message: `${role} needs exactly one demo user (has ${count})`,
        });
    }
  });

/** The demo users, one per role. */
export async function loadDemoUsers(
  file: URL | string = DEMO_USERS_FILE,
): Promise<ReadonlyMap<Role, DemoUser>> {
  const parsed = demoUsersFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success)
    throw new ConfigError(
      parsed.error.issues.map((issue) => `demo users: ${issue.path.join('.')}: ${issue.message}`),
    );
  return new Map(parsed.data.users.map((user) => [user.role, user]));
}

// ─── the command line (mint-token-cli.ts) ───

export const MINT_TOKEN_USAGE = `Mints a short-lived token signed with the local key (AUTH_MODE=local) and prints only the token.

  node --import tsx gateway/auth/mint-token-cli.ts --demo SOCIAL_WORKER
  node --import tsx gateway/auth/mint-token-cli.ts --role SOCIAL_WORKER --email jo.bloggs@council.example \\
    --org 873 --name "Jo Bloggs" --purpose DIRECT_CARE [--ttl 900]

  --demo <ROLE>        use that role's demo user (gateway/auth/demo-users.json); the options below override it
  --role <ROLE>        ${ROLES.join(', ')}
  --email, --org, --name, --user-id (default: the e-mail), --position, --activities A,B (narrows the role's)
  --purpose <PURPOSE>  ${PURPOSES_OF_USE.join(', ')}
  --ttl <seconds>      lifetime, at most AUTH_MAX_TOKEN_AGE_SECONDS (default 900 or that maximum)`;

/** A usage mistake: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const required = (option: string) =>
  z
    .string({ error: `${option} is required` })
    .trim()
    .min(1, `${option} is required`);

const cliOptionsSchema = z.object({
  role: z.enum(ROLES, { error: () => `--role is required, one of ${ROLES.join(', ')}` }),
  userId: required('--user-id'),
  name: required('--name'),
  email: z.email({ error: '--email is required: a work e-mail address' }),
  organisation: required('--org'),
  position: z.string().trim().min(1).optional(),
  activities: z.array(z.string().trim().min(1)).optional(),
  purpose: z.enum(PURPOSES_OF_USE, {
    error: () => `--purpose is required, one of ${PURPOSES_OF_USE.join(', ')}`,
  }),
  ttlSeconds: z.coerce
    .number({ error: '--ttl must be a number of seconds' })
    .int('--ttl must be whole seconds'),
});

/** Parses the CLI's arguments and environment, and mints the token (what the CLI prints). */
export async function mintTokenFromArgs(
  argv: readonly string[],
  env: Env,
  { demoUsersFile = DEMO_USERS_FILE, now }: { demoUsersFile?: URL | string; now?: Date } = {},
): Promise<string> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        demo: { type: 'string' },
        role: { type: 'string' },
        email: { type: 'string' },
        org: { type: 'string' },
        name: { type: 'string' },
        'user-id': { type: 'string' },
        position: { type: 'string' },
        activities: { type: 'string' },
        purpose: { type: 'string' },
        ttl: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  // The hub keeps its local keys under its data directory unless told otherwise (hub/config.ts): so does this.
  const keyDirEnv =
    env['AUTH_LOCAL_KEY_DIR'] === undefined && env['HUB_DATA_DIR']
      ? { ...env, AUTH_LOCAL_KEY_DIR: join(env['HUB_DATA_DIR'], 'auth') }
      : env;
  const { auth: config } = parseConfig({ auth: authConfigSection }, keyDirEnv);
  if (config.mode !== 'local')
    throw new UsageError(
      'tokens can be minted only in local mode (AUTH_MODE=local); in jwks mode ask the identity provider',
    );

  let base: Partial<DemoUser> = {};
  if (values.demo !== undefined) {
    if (values.role !== undefined) throw new UsageError('--demo and --role do not go together');
    const users = await loadDemoUsers(demoUsersFile);
    const user = users.get(values.demo as Role);
    if (user === undefined) throw new UsageError(`--demo must be one of ${ROLES.join(', ')}`);
    base = user;
  }
  const email = (values.email ?? base.email)?.trim().toLowerCase();
  const parsed = cliOptionsSchema.safeParse({
    role: values.role ?? base.role,
    userId: values['user-id'] ?? (values.email === undefined ? base.userId : undefined) ?? email,
    name: values.name ?? base.name,
    email,
    organisation: values.org ?? base.organisation,
    position: values.position ?? base.position,
    activities: values.activities?.split(',').filter((activity) => activity.trim() !== ''),
    purpose: values.purpose ?? base.purpose,
    ttlSeconds: values.ttl ?? Math.min(900, config.maxTokenAgeSeconds),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('\n'));

  const [key, policy] = await Promise.all([
    loadOrCreateLocalKey(config.localKeyDir),
    loadPolicy(config.policyFile),
  ]);
  try {
    return await mintToken(parsed.data, { config, key, policy, ...(now === undefined ? {} : { now }) });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}
