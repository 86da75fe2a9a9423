/**
 * Feed ingest: records validated, matched and landed (or dead-lettered) per second, `ingestFeed` called directly
 * in this process against the real PostgreSQL (no queue; afterChunk only counts what it hears). For each chunk
 * size compared, in a throwaway schema of its own: N children in the identity index, then a school census CSV
 * (100,000 rows) and a GP collection Bundle (50,000 Patients, Encounters and Conditions), each about 2% bad,
 * stored through the real intake and ingested; then the same records again as new feeds (different bytes, so
 * intake takes them), which ingest should find all DUPLICATE (the bad rejected again). Every run's accepted /
 * duplicates / rejected, its dead letters by reason and the landed rows are checked against what the feeds were
 * built to give; a mismatch fails the benchmark. Notes say where each chunk's wall time went, by statement.
 *
 * Sizes: FEED_INGEST_BENCH_CSV_ROWS (default 100,000), FEED_INGEST_BENCH_GP_RESOURCES (50,000),
 * FEED_INGEST_BENCH_CHILDREN (default the CSV rows: one return per pupil), FEED_INGEST_BENCH_CHUNKS (chunk sizes
 * compared, default "500,2000": the job's own and a larger one). With `--duration` under 10 (a short run) the
 * default sizes are a tenth. FEED_INGEST_BENCH_ANALYZE=1 runs ANALYZE feed_records after each feed is stored and
 * before it is ingested: a what-if (the hub does not), to show what the planner's estimates for a freshly stored
 * feed cost in "take pending". Database: FEED_BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local test
 * database.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { defaultChunkSize } from '../../feeds/ingest/ingest-feed.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { uniqueName } from '../../store/testing/migrated-schema.js';
import type { Benchmark, BenchmarkOptions, BenchmarkResult, Figure } from '../benchmark.js';
import { benchIdentifiers, seedBenchChildren } from './ingest-children.js';
import { gpBundleFeed, gpSpareIdentifiers, schoolCensusFeed, type PlannedFeed } from './ingest-feeds.js';
import { storeAndIngest, type IngestRunFigures, type IngestRunOptions } from './ingest-run.js';

const MiB = 1024 * 1024;
const SHORT_RUN_SECONDS = 10;

const envSchema = z.object({
  FEED_INGEST_BENCH_CSV_ROWS: z.coerce.number().int().min(200).max(2_000_000).optional(),
  FEED_INGEST_BENCH_GP_RESOURCES: z.coerce.number().int().min(200).max(1_000_000).optional(),
  FEED_INGEST_BENCH_CHILDREN: z.coerce.number().int().min(100).max(800_000).optional(),
  FEED_INGEST_BENCH_CHUNKS: z
    .string()
    .default(`${defaultChunkSize},2000`)
    .transform((list) => list.split(',').map((size) => Number(size.trim())))
    .pipe(z.array(z.number().int().min(1).max(20_000)).min(1)),
  FEED_INGEST_BENCH_ANALYZE: z.enum(['0', '1']).default('0'),
  FEED_BENCH_DATABASE_URL: z.string().min(1).optional(),
  TEST_DATABASE_URL: z.string().min(1).default('postgres://postgres@127.0.0.1:5432/test'),
});

function sizesFor(options: BenchmarkOptions) {
  const env = envSchema.parse(process.env);
  const scale = options.durationSeconds < SHORT_RUN_SECONDS ? 0.1 : 1;
  const csvRows = env.FEED_INGEST_BENCH_CSV_ROWS ?? 100_000 * scale;
  return {
    csvRows,
    gpResources: env.FEED_INGEST_BENCH_GP_RESOURCES ?? 50_000 * scale,
    children: env.FEED_INGEST_BENCH_CHILDREN ?? csvRows,
    chunkSizes: env.FEED_INGEST_BENCH_CHUNKS,
    analyzeAfterIntake: env.FEED_INGEST_BENCH_ANALYZE === '1',
    databaseUrl: env.FEED_BENCH_DATABASE_URL ?? env.TEST_DATABASE_URL,
  };
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function row(
  feed: string,
  run: string,
  chunkSize: number,
  planned: PlannedFeed,
  figures: IngestRunFigures,
): Record<string, Figure> {
  const { report } = figures;
  return {
    feed,
    run,
    chunk: chunkSize,
    records: planned.records,
    chunks: report.chunks,
    accepted: report.accepted,
    duplicates: report.duplicates,
    rejected: report.rejected,
    'ingest s': round(figures.ingestSeconds, 2),
    'records/s': Math.round(planned.records / figures.ingestSeconds),
    'first 10% rec/s': figures.firstTenthRate,
    'last 10% rec/s': figures.lastTenthRate,
    // This process's CPU per 1000 records: validation, matching and landing in Node; the rest is PostgreSQL.
    'CPU ms/1000': round((figures.cpuSeconds * 1e6) / planned.records),
    'peak RSS MB': round(figures.peakRss / MiB),
    'intake s': round(figures.intakeSeconds, 2),
  };
}

interface VariantResult {
  rows: Array<Record<string, Figure>>;
  notes: string[];
}

type Sizes = ReturnType<typeof sizesFor>;

/** One chunk size, in a schema of its own: seed, both feeds, both re-sends, checked; the schema dropped after. */
async function runVariant(sizes: Sizes, chunkSize: number): Promise<VariantResult> {
  const schema = uniqueName('bench_feed_ingest');
  const db = await openPostgresDb({
    url: sizes.databaseUrl,
    schema,
    poolMax: 4,
    statementTimeoutMs: 300_000,
    applicationName: 'bench-feed-ingest',
  });
  try {
    await migrate(db);
    const ids = benchIdentifiers(sizes.children, gpSpareIdentifiers(sizes.gpResources));
    const started = performance.now();
    await seedBenchChildren(db, ids);
    const seedSeconds = (performance.now() - started) / 1000;
    const school = schoolCensusFeed(sizes.csvRows, ids);
    const gp = gpBundleFeed(sizes.gpResources, ids);
    // The intake's own default limits (gateway/feed-intake/feed-intake-config.ts).
    const schoolRun: IngestRunOptions = {
      db,
      kind: 'SCHOOL_CSV',
      sender: '100000',
      limits: { maxBodyBytes: 200 * MiB, maxRecordBytes: 64 * 1024 },
      chunkSize,
      analyzeAfterIntake: sizes.analyzeAfterIntake,
    };
    const gpRun: IngestRunOptions = {
      db,
      kind: 'GP_FHIR',
      sender: 'A81001',
      limits: { maxBodyBytes: 100 * MiB, maxRecordBytes: MiB },
      chunkSize,
      analyzeAfterIntake: sizes.analyzeAfterIntake,
    };

    const schoolFirst = await storeAndIngest(schoolRun, school, 'first');
    const gpFirst = await storeAndIngest(gpRun, gp, 'first');
    const landed = await landedCounts(db);
    if (landed.schoolReturns !== school.accepted || landed.gpResources !== gp.accepted)
      throw new Error(`landed ${JSON.stringify(landed)}, expected ${school.accepted} and ${gp.accepted}`);
    const schoolAgain = await storeAndIngest(schoolRun, school, 'resend');
    const gpAgain = await storeAndIngest(gpRun, gp, 'resend');
    const landedAfter = await landedCounts(db);
    if (JSON.stringify(landedAfter) !== JSON.stringify(landed))
      throw new Error(`the re-sends changed what is landed: ${JSON.stringify(landedAfter)}`);

    const runs: Array<[string, string, PlannedFeed, IngestRunFigures]> = [
      ['school CSV', 'first', school, schoolFirst],
      ['GP FHIR Bundle', 'first', gp, gpFirst],
      ['school CSV', 're-send', school, schoolAgain],
      ['GP FHIR Bundle', 're-send', gp, gpAgain],
    ];
    const heard = (figures: IngestRunFigures) =>
      `${figures.childIdsHeard} child ids and ${figures.alertsHeard} alerts`;
    return {
      rows: runs.map(([feed, run, planned, figures]) => row(feed, run, chunkSize, planned, figures)),
      notes: [
        `chunk ${chunkSize}: ${sizes.children} children seeded in ${round(seedSeconds)} s; afterChunk heard ` +
          `school ${heard(schoolFirst)}, GP ${heard(gpFirst)}, re-sends ${heard(schoolAgain)} and ` +
          `${heard(gpAgain)}; RSS at the start of each ingest ` +
          `${runs.map(([, , , f]) => round(f.startRss / MiB)).join(', ')} MB`,
        ...runs.map(
          ([feed, run, , figures]) =>
            `chunk ${chunkSize}, ${feed} ${run}, ms per chunk: ${phasesPerChunk(figures)}`,
        ),
        `chunk ${chunkSize}: outcomes as built (report and dead letters by reason): school rejects ` +
          `${JSON.stringify(school.rejectedByReason)}; GP rejects ${JSON.stringify(gp.rejectedByReason)}`,
      ],
    };
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await db.close();
  }
}

export const feedIngestBenchmark: Benchmark = {
  name: 'feed-ingest',
  description:
    'Feed ingest (validate, match, land) in PostgreSQL: school CSV and GP Bundle records/s, re-sends, peak RSS',
  async run(options): Promise<BenchmarkResult> {
    const sizes = sizesFor(options);
    const load = loadavg()[0] ?? 0;
    const rows: Array<Record<string, Figure>> = [];
    const notes: string[] = [];
    for (const chunkSize of sizes.chunkSizes) {
      const variant = await runVariant(sizes, chunkSize);
      rows.push(...variant.rows);
      notes.push(...variant.notes);
    }
    notes.push(
      `records/s = data records / ingest seconds (ingestFeed's call to its return, the GP feed's patient index ` +
        `included); first / last 10% rec/s: over the first and the last tenth of the chunks (the final partial ` +
        `chunk left out); intake s: storing the feed first (splitFeedBody + receiveFeed), not in records/s; ` +
        `one feed at a time, ingestFeed in this process (no queue)` +
        (sizes.analyzeAfterIntake ? '; ANALYZE feed_records after each intake (what-if)' : ''),
      `peak RSS MB: the highest RSS sampled every 10 ms during that ingest; this process's peak RSS over the ` +
        `whole benchmark (the kernel's high-water mark, generation and intake included): ` +
        `${round(process.resourceUsage().maxRSS / 1024)} MB`,
      `load average (1 min) at the start: ${round(load, 2)}, at the end: ${round(loadavg()[0] ?? 0, 2)}, ` +
        `on ${cpus().length} CPUs; PostgreSQL on the same machine`,
    );
    return { rows, notes };
  },
};

/** Where a chunk's wall time went, largest first, in ms per chunk. */
function phasesPerChunk(figures: IngestRunFigures): string {
  const chunks = Math.max(1, figures.report.chunks);
  return [...figures.phases]
    .sort(([, a], [, b]) => b - a)
    .map(([phase, ms]) => `${phase} ${round(ms / chunks)}`)
    .join(', ');
}

async function landedCounts(db: Db) {
  const count = async (table: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;
  return {
    schoolReturns: await count('feed_school_returns'),
    gpResources: await count('feed_gp_resources'),
  };
}
