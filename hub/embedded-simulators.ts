/**
 * `npm start` on one machine: the four agency simulators in-process with a generated demo population and the
 * learning-review scenarios, and the connector settings that point the hub at them.
 */
import { randomBytes } from 'node:crypto';
import { buildDemoPopulation } from '../simulators/demo-population.js';
import { startSimulatorHost, type SimulatorHost } from '../simulators/host.js';
import type { Logger } from '../platform/logger.js';
import type { HubConfig } from './config.js';

export interface EmbeddedSimulators {
  /** Environment overrides for the connectors' configuration. */
  connectorEnv: Record<string, string>;
  host: SimulatorHost;
  webhookSecret: string;
}

export async function startEmbeddedSimulators(
  config: HubConfig,
  logger: Logger,
): Promise<EmbeddedSimulators> {
  const started = Date.now();
  const population = buildDemoPopulation({
    seed: config.demo.seed,
    size: config.demo.populationSize,
    asOf: new Date().toISOString(),
  });
  const webhookSecret = randomBytes(24).toString('base64url');
  const schema = `ssd_${config.platform.hubEnv.replaceAll('-', '_')}`;
  const host = await startSimulatorHost({
    population,
    socialCareDatabase: config.store.databaseUrl
      ? { kind: 'postgres', url: config.store.databaseUrl, schema, dropSchemaOnClose: true }
      : { kind: 'pglite', schema },
    webhookSecret,
  });
  logger.info(
    { people: population.people.length, ms: Date.now() - started },
    'agency simulators running with a synthetic demo population',
  );
  return {
    host,
    webhookSecret,
    connectorEnv: {
      SOCIAL_CARE_DATABASE_URL: host.urls.socialCareDatabase,
      SOCIAL_CARE_SCHEMA: host.socialCare.schema,
      HEALTH_FHIR_BASE_URL: host.urls.gpFhirBase,
      EDUCATION_BASE_URL: host.urls.education,
      ADULT_SERVICES_BASE_URL: host.urls.adult,
      AGENCY_WEBHOOK_SECRET: webhookSecret,
      // E-mail notices go to the demo mailbox unless a real SMTP server is configured.
      ...(config.notify.smtp
        ? {}
        : {
            NOTIFY_SMTP_HOST: host.smtp.host,
            NOTIFY_SMTP_PORT: String(host.smtp.port),
            NOTIFY_SMTP_REQUIRE_TLS: 'false',
          }),
    },
  };
}
