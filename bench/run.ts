/**
 * `npm run bench [-- name ... --duration 10 --connections 50]`: runs the named benchmarks (all by default) and
 * prints each one's figures as a table, then all of them as one JSON line.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { BenchmarkResult } from './benchmark.js';
import { benchmarks } from './registry.js';
import { formatTable } from './table.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    list: { type: 'boolean', default: false },
  },
});

const options = z
  .object({
    durationSeconds: z.coerce.number().int().min(1).max(600),
    connections: z.coerce.number().int().min(1).max(1000),
  })
  .parse({ durationSeconds: values.duration, connections: values.connections });

if (values.list) {
  for (const benchmark of benchmarks) console.log(`${benchmark.name.padEnd(28)} ${benchmark.description}`);
  process.exit(0);
}

const unknown = positionals.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')} (npm run bench -- --list)`);
  process.exit(2);
}
const selected =
  positionals.length === 0 ? benchmarks : benchmarks.filter((b) => positionals.includes(b.name));

const results: Record<string, BenchmarkResult> = {};
for (const benchmark of selected) {
  console.log(`\n== ${benchmark.name}: ${benchmark.description}`);
  const result = await benchmark.run(options);
  results[benchmark.name] = result;
  console.log(formatTable(result.rows));
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
}
console.log(
  `\n${JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, options, results })}`,
);
