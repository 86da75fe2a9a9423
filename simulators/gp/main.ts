/**
 * Runs the GP system simulator alone: `npx tsx simulators/gp/main.ts`; FHIR base http://<host>:<port>/fhir.
 * Env: GP_SIM_PORT (default 4102), GP_SIM_HOST, GP_SIM_WEBHOOK_URL + GP_SIM_WEBHOOK_SECRET,
 * GP_SIM_POPULATION_FILE (or SIM_POPULATION_FILE; default: a population generated from GP_SIM_SEED (1) and
 * GP_SIM_SIZE (500 children)), GP_SIM_BASE_URL (public FHIR base, e.g. behind a proxy), GP_SIM_HANDLING
 * (strict | lenient: the default for Prefer: handling),
 * GP_SIM_LATENCY_MS / _JITTER_MS / _ERROR_RATE / _TIMEOUT_RATE / _MALFORMED_RATE / _DOWN.
 */
import { FaultController } from '../kit/faults.js';
import { simulatorLoggerOptions } from '../kit/logging.js';
import { readPopulationFile } from '../kit/population-file.js';
import { simulatorEnvConfig } from '../kit/sim-config.js';
import { WebhookSender } from '../kit/webhooks.js';
import { generatePopulation } from '../population/generate.js';
import { gpEnvConfig } from './gp-env-config.js';
import { createGpServer } from './server.js';

const config = simulatorEnvConfig('GP_SIM', process.env, 4102);
const gpConfig = gpEnvConfig(process.env);
const population = config.populationFile
  ? await readPopulationFile(config.populationFile)
  : generatePopulation({ seed: gpConfig.seed, size: gpConfig.size });

const app = createGpServer({
  population,
  faults: new FaultController(config.faults),
  webhooks: new WebhookSender({ url: config.webhookUrl, secret: config.webhookSecret }),
  logger: simulatorLoggerOptions(config.logLevel),
  defaultHandling: gpConfig.defaultHandling,
  ...(gpConfig.baseUrl === null ? {} : { baseUrl: gpConfig.baseUrl }),
});

const shutdown = async (): Promise<void> => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

const address = await app.listen({ host: config.host, port: config.port });
console.log(
  `GP simulator (FHIR R4) at ${gpConfig.baseUrl ?? `${address}/fhir`}: ${population.gp.length} patients, ` +
    `${config.populationFile ? 'population file' : `generated (seed ${gpConfig.seed})`}, webhooks ${config.webhookUrl ? 'on' : 'off'}`,
);
