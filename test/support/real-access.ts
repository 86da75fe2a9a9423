/**
 * The hub's real access wiring for end-to-end tests: local-mode token verification with a key pair in a temporary
 * directory, the access decider over the harness's store, the durable audit writer, and the access-administration
 * subschema — as hub/gateway-access.ts wires them — plus a way to mint a token for any caller.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector } from '../../connectors/connector.js';
import {
  createAccessAdminSchema,
  panelChildIdsForMember,
  panelChildIdsOfMember,
} from '../../gateway/access-admin/index.js';
import { createAccessDecider } from '../../gateway/access/child-access.js';
import type { GatewayAccess } from '../../gateway/access/gateway-access.js';
import type { AuditSink } from '../../store/audit/audit-writer.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import { createAuth, type Auth } from '../../gateway/auth/index.js';
import { loadOrCreateLocalKey } from '../../gateway/auth/local-keys.js';
import { mintToken } from '../../gateway/auth/mint-token.js';
import { testAuthConfig } from '../../gateway/auth/testing.js';
import type { PurposeOfUse, Role } from '../../gateway/auth/vocabulary.js';
import type { Db } from '../../store/db.js';

export interface TestUser {
  userId: string;
  email: string;
  organisation: string;
  role: Role;
  purpose?: PurposeOfUse;
}

export interface RealAccess {
  auth: Auth;
  /** The gateway options for `harness.startGateway(env, options)`. */
  gatewayOptions: {
    access: (db: Db) => GatewayAccess;
    extraConnectors: (db: Db) => Connector[];
  };
  /** The writer the gateway records to (flush it before reading access_audit). */
  writer(): AuditWriter;
  /** Replaces the audit sink the gateway uses (e.g. with one that fails), or restores the writer with null. */
  useAuditSink(sink: AuditSink | null): void;
  token(user: TestUser): Promise<string>;
  bearer(user: TestUser): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function startRealAccess(): Promise<RealAccess> {
  const keyDir = await mkdtemp(join(tmpdir(), 'cvh-auth-'));
  const config = testAuthConfig({ localKeyDir: join(keyDir, 'keys') });
  const auth = await createAuth(config);
  const key = await loadOrCreateLocalKey(config.localKeyDir);
  let writer: AuditWriter | undefined;
  let override: AuditSink | null = null;
  const sink: AuditSink = {
    record: (events) => (override ?? (writer as AuditWriter)).record(events),
  };
  const token = (user: TestUser) =>
    mintToken(
      {
        userId: user.userId,
        name: 'Test Person',
        email: user.email,
        organisation: user.organisation,
        role: user.role,
        purpose: user.purpose ?? [...auth.policy.roles[user.role].purposes][0]!,
        ttlSeconds: 600,
      },
      { config, key, policy: auth.policy },
    );
  return {
    auth,
    gatewayOptions: {
      access: (db) => {
        writer ??= new AuditWriter(db, { timeoutMs: 5_000 });
        return {
          verifier: auth.verifier,
          decider: createAccessDecider({
            db,
            now: () => new Date(),
            panels: {
              childrenOnPanels: (email, childIds) => panelChildIdsForMember(db, email, childIds),
              panelChildIds: (email, limit) => panelChildIdsOfMember(db, email, limit),
            },
          }),
          audit: sink,
          now: () => new Date(),
          publicJwks: auth.publicJwks,
        };
      },
      extraConnectors: (db) => [
        {
          name: 'access-admin',
          schema: createAccessAdminSchema({ db }),
          merge: {},
          ping: async () => undefined,
          close: async () => undefined,
        },
      ],
    },
    writer: () => {
      if (!writer) throw new Error('no gateway has been started with this access yet');
      return writer;
    },
    useAuditSink: (replacement) => void (override = replacement),
    token,
    bearer: async (user) => ({ authorization: `Bearer ${await token(user)}` }),
    close: async () => {
      await writer?.close();
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}
