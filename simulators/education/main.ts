/**
 * Runs the education / SEND simulator alone: `npx tsx simulators/education/main.ts`.
 * Env: EDUCATION_SIM_PORT (default 4103), EDUCATION_SIM_HOST, EDUCATION_SIM_WEBHOOK_URL + _WEBHOOK_SECRET,
 * EDUCATION_SIM_POPULATION_FILE (or SIM_POPULATION_FILE; default: the small built-in fixture),
 * EDUCATION_SIM_LATENCY_MS / _JITTER_MS / _ERROR_RATE / _TIMEOUT_RATE / _MALFORMED_RATE / _DOWN.
 */
import { FaultController } from '../kit/faults.js';
import { WebhookSender } from '../kit/webhooks.js';
import { simulatorEnvConfig } from '../kit/sim-config.js';
import { simulatorLoggerOptions } from '../kit/logging.js';
import { readPopulationFile } from '../kit/population-file.js';
import { createEducationServer } from './education-server.js';
import { educationFixturePopulation } from './fixture-population.js';

const config = simulatorEnvConfig('EDUCATION_SIM', process.env, 4103);
const population = config.populationFile
  ? await readPopulationFile(config.populationFile)
  : educationFixturePopulation();

const app = createEducationServer({
  population,
  faults: new FaultController(config.faults),
  webhooks: new WebhookSender({ url: config.webhookUrl, secret: config.webhookSecret }),
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
  `education simulator: ${population.education.length} pupils, ` +
    `${config.populationFile ? 'population file' : 'built-in fixture'}, webhooks ${config.webhookUrl ? 'on' : 'off'}`,
);
