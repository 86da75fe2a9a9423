/**
 * `npm start`: the whole hub on one machine — the agency simulators with a demo population (unless
 * SIMULATORS=off), the gateway and the workers. HUB_ROLE=gateway or HUB_ROLE=worker runs one part (docker compose).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, isHubError } from '../platform/errors.js';
import { createLogger } from '../platform/logger.js';
import { parseHubConfig } from './config.js';
import { Lifecycle } from './lifecycle.js';
import { syncIdentityIndex } from '../jobs/identity-sync/sync-identity-index.js';
import { startEmbeddedSimulators, type EmbeddedSimulators } from './embedded-simulators.js';
import { startHub } from './start-hub.js';

const packageJson = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')));

async function main(): Promise<void> {
  let config;
  try {
    config = parseHubConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const role = z.enum(['all', 'gateway', 'worker']).parse(process.env.HUB_ROLE ?? 'all');
  const logger = createLogger({ service: `child-view-hub:${role}`, level: config.platform.logLevel });
  const lifecycle = new Lifecycle(logger);
  lifecycle.exitOnSignals();
  try {
    // The simulators stand in for external systems: they start once the hub itself is up, not as part of it.
    let simulators: Promise<EmbeddedSimulators> | undefined;
    const startAgencies = async () => {
      simulators = startEmbeddedSimulators(config, logger);
      const started = await simulators;
      lifecycle.add('agency simulators', () => started.host.close());
      return started.connectorEnv;
    };
    const hub = await startHub({
      config,
      logger,
      lifecycle,
      version: packageJson.version,
      run: { gateway: role !== 'worker', workers: role !== 'gateway' },
      ...(config.demo.simulators === 'embedded' && role === 'all' ? { startAgencies } : {}),
    });
    if (simulators && hub.gatewayUrl) {
      (await simulators).host.setHubUrl(hub.gatewayUrl);
      try {
        const report = await syncIdentityIndex({ db: hub.db, logger, connectors: hub.connectors });
        logger.info(
          { children: report.children, records: report.records, unavailable: report.unavailable },
          'identity index built',
        );
        // The demo shows findings at once rather than after the first nightly run.
        await hub.enqueue('reconcile-all', [{ data: { runId: `startup-${Date.now()}` } }]);
      } catch (error) {
        // The hub still serves; the scheduled identity-sync job tries again.
        logger.warn({ err: error }, 'identity index could not be built at start-up');
      }
    }
    if (hub.gatewayUrl)
      printWelcome(hub.gatewayUrl, simulators ? (await simulators).host.urls.mailbox : null);
  } catch (error) {
    await lifecycle.stop('start-up failed');
    const message = isHubError(error) ? error.safeMessage : 'start-up failed; see the log above';
    if (!isHubError(error)) logger.error({ err: error }, 'start-up failed');
    process.stderr.write(`child-view-hub: ${message}\n`);
    process.exit(1);
  }
}

function printWelcome(url: string, mailbox: string | null): void {
  const example =
    '{ children(first: 3) { totalCount edges { node { id givenName sources { agency state } } } } }';
  process.stdout.write(
    [
      '',
      `child-view-hub is running at ${url}/graphql`,
      `  health:  ${url}/healthz   readiness: ${url}/readyz   metrics: ${url}/metrics`,
      `  token:   TOKEN=$(node --import tsx gateway/auth/mint-token-cli.ts --demo SOCIAL_WORKER)   (local demo keys; any role: GP, IRO, SENCO...)`,
      `  try:     curl -s ${url}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"${example}"}'`,
      `  feeds:   npm run feed -- send school <file.csv> --url ${url} --token "$(node --import tsx gateway/auth/mint-token-cli.ts --demo FEED_CLIENT)"`,
      ...(mailbox ? [`  mailbox: ${mailbox}/messages   (notices the hub sent by e-mail)`] : []),
      '',
    ].join('\n'),
  );
}

void main();
