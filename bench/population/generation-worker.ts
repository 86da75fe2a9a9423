/**
 * Generates one population and prints one JSON line: wall and CPU time, and the process's peak RSS. Run in a fresh
 * process per size (by generation.ts) so each size's memory peak is its own.
 *
 *   node --import tsx bench/population/generation-worker.ts <size> <seed> <asOf>
 */
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { generatePopulation } from '../../simulators/population/generate.js';

const [size, seed, asOf] = z
  .tuple([z.coerce.number().int().min(1), z.coerce.number().int().min(0), z.iso.datetime({ offset: true })])
  .parse(process.argv.slice(2));

const rssBeforeMb = process.memoryUsage().rss / 1_048_576;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const population = generatePopulation({ seed, size, asOf });
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

console.log(
  JSON.stringify({
    size,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeMb: Math.round(rssBeforeMb),
    records:
      population.socialCare.length +
      population.gp.length +
      population.education.length +
      population.adult.length,
  }),
);
