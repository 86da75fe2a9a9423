/**
 * The gateway's access wiring for the hub: token verification (auth config), the access decider over the hub's
 * store, the durable group-commit audit writer, and the sweep that ends expired self-claimed and break-glass
 * grants (each end is audited). Registered with the lifecycle so the audit drains before the store closes.
 */
import { createAccessDecider } from '../gateway/access/child-access.js';
import type { GatewayAccess } from '../gateway/access/gateway-access.js';
import { endExpiredAccessGrants } from '../gateway/audit/access-grants.js';
import { AuditWriter } from '../gateway/audit/audit-writer.js';
import { createAuth } from '../gateway/auth/index.js';
import type { Logger } from '../platform/logger.js';
import type { Db } from '../store/db.js';
import type { HubConfig } from './config.js';
import type { Lifecycle } from './lifecycle.js';

const grantSweepIntervalMs = 60_000;

export async function createHubAccess(context: {
  config: HubConfig;
  db: Db;
  logger: Logger;
  lifecycle: Lifecycle;
}): Promise<GatewayAccess> {
  const { config, db, logger, lifecycle } = context;
  const auth = await createAuth(config.auth);
  if (auth.config.mode === 'local')
    logger.warn(
      { keyDir: auth.config.localKeyDir },
      'AUTH_MODE=local: tokens are signed by a key on this machine (development and demos only)',
    );
  const audit = new AuditWriter(db, { logger });
  lifecycle.add('access audit', () => audit.close());

  const sweep = setInterval(() => {
    endExpiredAccessGrants(db).catch((error: unknown) =>
      logger.error({ code: (error as { code?: unknown }).code }, 'expired access grants could not be ended'),
    );
  }, grantSweepIntervalMs);
  sweep.unref();
  lifecycle.add('access grant sweep', async () => clearInterval(sweep));

  const now = () => new Date();
  return {
    verifier: auth.verifier,
    decider: createAccessDecider({ db, now }),
    audit,
    now,
    publicJwks: auth.publicJwks,
  };
}
