/**
 * Runs the adult social care simulator alone: `npx tsx simulators/adult/main.ts`.
 * Env: ADULT_SIM_PORT (default 4104), ADULT_SIM_HOST, ADULT_SIM_WEBHOOK_URL + _WEBHOOK_SECRET,
 * ADULT_SIM_POPULATION_FILE (or SIM_POPULATION_FILE; default: the small built-in fixture),
 * ADULT_SIM_FAIL_FIRST_HANDOFFS, ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS (default 120000, or off),
 * ADULT_SIM_LATENCY_MS / _JITTER_MS / _ERROR_RATE / _TIMEOUT_RATE /
 * _MALFORMED_RATE / _DOWN.
 */
import { FaultController } from '../kit/faults.js';
import { WebhookSender } from '../kit/webhooks.js';
import { simulatorEnvConfig } from '../kit/sim-config.js';
import { simulatorLoggerOptions } from '../kit/logging.js';
import { readPopulationFile } from '../kit/population-file.js';
import { createAdultServer } from './adult-server.js';
import { acknowledgeHandoffsAfterFromEnv, failFirstHandoffsFromEnv } from './config.js';
import { adultFixturePopulation } from './fixture-population.js';

const config = simulatorEnvConfig('ADULT_SIM', process.env, 4104);
const failFirstHandoffs = failFirstHandoffsFromEnv(process.env);
const acknowledgeHandoffsAfterMs = acknowledgeHandoffsAfterFromEnv(process.env);
const population = config.populationFile
  ? await readPopulationFile(config.populationFile)
  : adultFixturePopulation();

const app = createAdultServer({
  population,
  faults: new FaultController(config.faults),
  webhooks: new WebhookSender({ url: config.webhookUrl, secret: config.webhookSecret }),
  failFirstHandoffs,
  acknowledgeHandoffsAfterMs,
  logger: simulatorLoggerOptions(config.logLevel),
});

const shutdown = async (): Promise<void> => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

await app.listen({ host: config.host, port: config.port });
console.log(
  `adult social care simulator: ${population.adult.length} people, ` +
    `${config.populationFile ? 'population file' : 'built-in fixture'}, webhooks ${config.webhookUrl ? 'on' : 'off'}`,
);
