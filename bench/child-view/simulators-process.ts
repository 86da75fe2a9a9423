/**
 * The child-view benchmark's agency simulators, in their own process: the demo population (seed and size from the
 * parent), social care's Standard Safeguarding Dataset in its own PostgreSQL schema (dropped on close), and the
 * GP, education and adult services HTTP systems. Answers with their addresses.
 */
import { randomBytes } from 'node:crypto';
import { buildDemoPopulation } from '../../simulators/demo-population.js';
import { startSimulatorHost, type SimulatorHost } from '../../simulators/host.js';
import { serveInChildProcess } from './child-process.js';

export interface SimulatorsStart {
  seed: number;
  size: number;
  asOf: string;
  databaseUrl: string;
}

export interface SimulatorsReady {
  urls: SimulatorHost['urls'];
  socialCareSchema: string;
  people: number;
}

serveInChildProcess<SimulatorsStart, SimulatorsReady>(async (start) => {
  const population = buildDemoPopulation({ seed: start.seed, size: start.size, asOf: start.asOf });
  const host = await startSimulatorHost({
    population,
    socialCareDatabase: {
      kind: 'postgres',
      url: start.databaseUrl,
      schema: `ssd_bench_cv_${randomBytes(4).toString('hex')}`,
      dropSchemaOnClose: true,
    },
    webhookSecret: randomBytes(24).toString('base64url'),
    hubUrl: null,
  });
  return {
    ready: { urls: host.urls, socialCareSchema: host.socialCare.schema, people: population.people.length },
    close: () => host.close(),
  };
});
