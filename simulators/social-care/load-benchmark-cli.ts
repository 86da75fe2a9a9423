import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { FaultController } from '../kit/faults.js';
import { WebhookSender } from '../kit/webhooks.js';
import { generatePopulation } from '../population/generate.js';
import { startSocialCareSimulator } from './simulator.js';

// Prints how long the simulator takes to come up on a generated area, and to answer a batched lookup through the
// proxy. `npx tsx simulators/social-care/load-benchmark-cli.ts --children 100000 --database postgres`
const argsSchema = z.object({
  children: z.coerce.number().int().min(1).max(500_000).default(100_000),
  database: z.enum(['postgres', 'pglite']).default('postgres'),
  url: z.string().default(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
  batch: z.coerce.number().int().min(1).max(10_000).default(500),
});

const { values } = parseArgs({
  options: {
    children: { type: 'string' },
    database: { type: 'string' },
    url: { type: 'string' },
    batch: { type: 'string' },
  },
});
const args = argsSchema.parse(values);

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
let started = performance.now();
const population = generatePopulation({ seed: 1, size: args.children });
console.log(
  `generated ${args.children} children (${population.socialCare.length} social care records) in ${seconds(performance.now() - started)}`,
);

started = performance.now();
const simulator = await startSocialCareSimulator({
  population,
  database:
    args.database === 'postgres'
      ? { kind: 'postgres', url: args.url, schema: `ssd_bench_${process.pid}`, dropSchemaOnClose: true }
      : { kind: 'pglite' },
  webhooks: new WebhookSender({ url: null, secret: 'benchmark-secret-0123456789' }),
  faults: new FaultController(),
});
console.log(`${args.database}: schema, load and indexes ready in ${seconds(performance.now() - started)}`);

try {
  const client = new pg.Client({ connectionString: simulator.connectionString });
  await client.connect();
  const ids = population.socialCare.slice(0, args.batch).map((r) => r.personId);
  for (const table of ['ssd_person', 'ssd_cla_placement', 'ssd_cin_assessments']) {
    const column = {
      ssd_person: 'pers_person_id',
      ssd_cla_placement: 'clap_person_id',
      ssd_cin_assessments: 'cina_person_id',
    }[table];
    started = performance.now();
    const { rowCount } = await client.query(`SELECT * FROM ${table} WHERE ${column} = ANY($1)`, [ids]);
    console.log(
      `${table}: ${rowCount} rows for ${ids.length} children through the proxy in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  await client.end();
} finally {
  await simulator.close();
}
