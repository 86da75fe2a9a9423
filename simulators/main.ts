/**
 * All four agency simulators in one process, with a generated population and the learning-review scenarios:
 * `npx tsx simulators/main.ts` (docker compose runs it). Settings:
 *   SIM_HOST (127.0.0.1), SIM_POPULATION_SIZE (2000), SIM_SEED (20261125), SIM_AS_OF (now),
 *   SIM_DATABASE_URL (PostgreSQL for the social care SSD; PGlite in memory when unset), SIM_SSD_SCHEMA (ssd),
 *   SIM_SSD_READER_ROLE / SIM_SSD_READER_PASSWORD (the read-only login the hub uses; random when unset),
 *   SIM_WEBHOOK_URL (the hub's base URL), SIM_WEBHOOK_SECRET, and fixed ports SIM_SSD_PORT (55432),
 *   SIM_SSD_HTTP_PORT (4101), SIM_GP_PORT (4102), SIM_EDUCATION_PORT (4103), SIM_ADULT_PORT (4104),
 *   SIM_MAILBOX_PORT (4105, the demo mailbox's listing) and SIM_MAILBOX_SMTP_PORT (2525).
 * Faults per agency: SSD_SIM_*, GP_SIM_*, EDUCATION_SIM_*, ADULT_SIM_* (see simulators/kit/faults.ts).
 */
import { z } from 'zod';
import { buildDemoPopulation } from './demo-population.js';
import { startSimulatorHost } from './host.js';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const env = z
  .object({
    SIM_HOST: z.string().default('127.0.0.1'),
    SIM_POPULATION_SIZE: z.coerce.number().int().min(1).max(500_000).default(2000),
    SIM_SEED: z.coerce.number().int().min(0).default(20261125),
    SIM_AS_OF: z.iso.datetime({ offset: true }).optional(),
    SIM_DATABASE_URL: z.string().optional(),
    SIM_SSD_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default('ssd'),
    SIM_SSD_READER_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .optional(),
    SIM_SSD_READER_PASSWORD: z.string().min(8).optional(),
    SIM_WEBHOOK_URL: z.url().optional(),
    SIM_WEBHOOK_SECRET: z.string().min(16).default('simulator-webhook-secret-for-development'),
    SIM_SSD_PORT: port(55432),
    SIM_SSD_HTTP_PORT: port(4101),
    SIM_GP_PORT: port(4102),
    SIM_EDUCATION_PORT: port(4103),
    SIM_ADULT_PORT: port(4104),
    SIM_MAILBOX_PORT: port(4105),
    SIM_MAILBOX_SMTP_PORT: port(2525),
  })
  .parse(process.env);

const started = Date.now();
const population = buildDemoPopulation({
  seed: env.SIM_SEED,
  size: env.SIM_POPULATION_SIZE,
  asOf: env.SIM_AS_OF ?? new Date().toISOString(),
});
const host = await startSimulatorHost({
  population,
  host: env.SIM_HOST,
  socialCareDatabase: env.SIM_DATABASE_URL
    ? {
        kind: 'postgres',
        url: env.SIM_DATABASE_URL,
        schema: env.SIM_SSD_SCHEMA,
        ...(env.SIM_SSD_READER_ROLE ? { readerRole: env.SIM_SSD_READER_ROLE } : {}),
        ...(env.SIM_SSD_READER_PASSWORD ? { readerPassword: env.SIM_SSD_READER_PASSWORD } : {}),
      }
    : { kind: 'pglite', schema: env.SIM_SSD_SCHEMA },
  ports: {
    socialCareProxy: env.SIM_SSD_PORT,
    socialCareHttp: env.SIM_SSD_HTTP_PORT,
    gp: env.SIM_GP_PORT,
    education: env.SIM_EDUCATION_PORT,
    adult: env.SIM_ADULT_PORT,
    mailbox: env.SIM_MAILBOX_PORT,
    mailboxSmtp: env.SIM_MAILBOX_SMTP_PORT,
  },
  hubUrl: env.SIM_WEBHOOK_URL ?? null,
  webhookSecret: env.SIM_WEBHOOK_SECRET,
  env: process.env,
});
console.log(
  `agency simulators ready in ${Date.now() - started} ms with ${population.people.length} people:\n${Object.entries(
    host.urls,
  )
    .map(([name, url]) => `  ${name.padEnd(20)} ${url}`)
    .join('\n')}`,
);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
