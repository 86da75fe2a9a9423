/**
 * Population generation: time and peak memory to generate 2,000 and 100,000 children (POPULATION_BENCH_SIZES to
 * change), each size in its own child process so its peak RSS is its own. Targets: 100,000 in under 60 s and
 * under 2 GB. Run alone with `npx tsx bench/population/generation.ts` (table, then JSON on the last line).
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';
import { formatTable } from '../table.js';

const SEED = 20_261_125;
const AS_OF = '2026-11-25T09:00:00.000Z';
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORKER = fileURLToPath(new URL('./generation-worker.ts', import.meta.url));

const workerResultSchema = z.object({
  size: z.number(),
  wallMs: z.number(),
  cpuMs: z.number(),
  peakRssMb: z.number(),
  rssBeforeMb: z.number(),
  records: z.number(),
});

export function benchSizes(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [2_000, 100_000];
  return z.array(z.coerce.number().int().min(1)).parse(value.split(',').map((part) => part.trim()));
}

function runWorker(size: number): Promise<z.infer<typeof workerResultSchema>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, String(size), String(SEED), AS_OF], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`generation worker for ${size} children exited with ${code}`));
      const lastLine = output.trim().split('\n').at(-1) ?? '';
      resolve(workerResultSchema.parse(JSON.parse(lastLine)));
    });
  });
}

export const populationGeneration: Benchmark = {
  name: 'population-generation',
  description: 'Synthetic population generation: time and peak RSS per size, each in its own process',
  async run(): Promise<BenchmarkResult> {
    const rows: Array<Record<string, Figure>> = [];
    for (const size of benchSizes(process.env.POPULATION_BENCH_SIZES)) {
      const result = await runWorker(size);
      rows.push({
        children: result.size,
        'agency records': result.records,
        'wall s': Math.round(result.wallMs / 100) / 10,
        'cpu s': Math.round(result.cpuMs / 100) / 10,
        'peak RSS MB': result.peakRssMb,
        'RSS before MB': result.rssBeforeMb,
      });
    }
    return {
      rows,
      notes: [
        'wall time includes waiting for the CPU on a shared machine; cpu time is the generator\u2019s own work',
        'peak RSS is the whole process (Node and the TypeScript loader included)',
      ],
    };
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await populationGeneration.run({ durationSeconds: 0, connections: 0 });
  console.log(formatTable(result.rows));
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
  console.log(
    JSON.stringify({
      machine: { cpus: cpus().length, node: process.version },
      results: { [populationGeneration.name]: result },
    }),
  );
}
