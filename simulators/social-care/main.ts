import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { FaultController, faultSettingsFromEnv } from '../kit/faults.js';
import { simulatorLoggerOptions } from '../kit/logging.js';
import { WebhookSender } from '../kit/webhooks.js';
import type { Population } from '../population/model.js';
import { generatePopulation } from '../population/generate.js';
import type { SocialCareDatabaseConfig } from './simulator.js';
import { startSocialCareSimulator } from './simulator.js';

// Runs the social care simulator alone: `npx tsx simulators/social-care/main.ts`. Faults come from
// SSD_SIM_LATENCY_MS, SSD_SIM_JITTER_MS, SSD_SIM_ERROR_RATE, SSD_SIM_TIMEOUT_RATE, SSD_SIM_MALFORMED_RATE, SSD_SIM_DOWN.
const port = z.coerce.number().int().min(0).max(65535);
const envSchema = z.object({
  SSD_SIM_DATABASE: z.enum(['pglite', 'postgres']).default('pglite'),
  SSD_SIM_DATABASE_URL: z.url().optional(),
  SSD_SIM_SCHEMA: z.string().default('ssd'),
  SSD_SIM_PGLITE_DIR: z.string().min(1).optional(),
  SSD_SIM_PROXY_PORT: port.default(55432),
  SSD_SIM_HTTP_PORT: port.default(4013),
  SSD_SIM_POPULATION_FILE: z.string().min(1).optional(),
  SSD_SIM_CHILDREN: z.coerce.number().int().min(1).max(500_000).default(2000),
  SSD_SIM_SEED: z.coerce.number().int().min(0).default(1),
  SSD_SIM_WEBHOOK_URL: z.url().optional(),
  SSD_SIM_WEBHOOK_SECRET: z.string().min(16).default('social-care-simulator-dev-secret'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

// A population file is produced by the shared generator; only its outline is checked here.
const populationFileSchema = z
  .object({
    asOf: z.string(),
    socialCare: z.array(z.unknown()),
    professionals: z.array(z.unknown()),
    residentialUnits: z.array(z.unknown()),
  })
  .loose();

async function loadPopulationSource(env: z.infer<typeof envSchema>): Promise<Population> {
  if (env.SSD_SIM_POPULATION_FILE === undefined) {
    return generatePopulation({ seed: env.SSD_SIM_SEED, size: env.SSD_SIM_CHILDREN });
  }
  const parsed = populationFileSchema.parse(JSON.parse(await readFile(env.SSD_SIM_POPULATION_FILE, 'utf8')));
  return parsed as unknown as Population;
}

function databaseConfig(env: z.infer<typeof envSchema>): SocialCareDatabaseConfig {
  if (env.SSD_SIM_DATABASE === 'postgres') {
    if (env.SSD_SIM_DATABASE_URL === undefined)
      throw new Error('SSD_SIM_DATABASE_URL is required for postgres');
    return { kind: 'postgres', url: env.SSD_SIM_DATABASE_URL, schema: env.SSD_SIM_SCHEMA };
  }
  return {
    kind: 'pglite',
    schema: env.SSD_SIM_SCHEMA,
    ...(env.SSD_SIM_PGLITE_DIR === undefined ? {} : { dataDir: env.SSD_SIM_PGLITE_DIR }),
  };
}

const env = envSchema.parse(process.env);
const simulator = await startSocialCareSimulator({
  population: await loadPopulationSource(env),
  database: databaseConfig(env),
  proxyPort: env.SSD_SIM_PROXY_PORT,
  httpPort: env.SSD_SIM_HTTP_PORT,
  webhooks: new WebhookSender({ url: env.SSD_SIM_WEBHOOK_URL ?? null, secret: env.SSD_SIM_WEBHOOK_SECRET }),
  faults: new FaultController(faultSettingsFromEnv('SSD_SIM', process.env)),
  logger: simulatorLoggerOptions(env.LOG_LEVEL),
});

console.log(`social care SSD (read-only, through the fault proxy): ${simulator.connectionString}`);
console.log(`write API and /admin: ${simulator.adminUrl}`);

const shutdown = () => {
  void simulator.close().then(() => process.exit(0));
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
