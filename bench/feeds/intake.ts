/**
 * Feed intake: records stored durably per second, over HTTP into the real PostgreSQL — a school CSV of N rows and a
 * FHIR collection Bundle of N resources, posted to /feeds/school and /feeds/gp (chunked, streamed from a generator)
 * and timed from the first byte sent to the 202 (which comes only after the last record is committed). One
 * receiving process per INSERT batch size compared, first with a 100 MB CSV. For every upload, the receiving
 * process's peak RSS (process.memoryUsage.rss() sampled every 10 ms inside that process, its own child process,
 * so the sender and the generator are not counted) and its CPU time per 1000 records (what is not that is
 * PostgreSQL, or waiting). Last, the CSV splitter alone against csv-parse, in this process, no database.
 * Database: FEED_BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local test database; a throwaway schema per
 * receiving process.
 */
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parse as csvParse } from 'csv-parse';
import { CsvRecordSplitter } from '../../feeds/intake/csv-record-splitter.js';
import type { Benchmark, BenchmarkResult, Figure } from '../benchmark.js';
import { startProcess } from '../child-view/child-process.js';
import type { IntakeServerReady, IntakeServerStart, RssFigures } from './intake-server.js';
import { fhirBundle, schoolCsv, schoolRowsFor } from './synthetic-feeds.js';

const databaseUrl =
  process.env.FEED_BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

const CSV_ROWS = 200_000;
const FHIR_RESOURCES = 50_000;
const BIG_CSV_BYTES = 100 * 1024 * 1024;
const BATCH_SIZES = [1000, 2000, 5000];
const DEFAULT_BATCH = 2000;
const MB = 1024 * 1024;

interface Posted {
  status: number;
  body: { feedId?: string; records?: number };
  seconds: number;
  bytes: number;
}

/** Streams a generated body to the server (honouring backpressure) and waits for the answer. */
async function post(url: string, contentType: string, body: AsyncIterable<Buffer>): Promise<Posted> {
  const started = performance.now();
  let bytes = 0;
  return new Promise<Posted>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: 'Bearer bench', 'transfer-encoding': 'chunked' },
    });
    req.on('error', reject);
    req.on('response', (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(parts).toString() || '{}') as Posted['body'],
          seconds: (performance.now() - started) / 1000,
          bytes,
        }),
      );
    });
    void (async () => {
      for await (const chunk of body) {
        bytes += chunk.length;
        if (!req.write(chunk)) await new Promise((drained) => req.once('drain', drained));
      }
      req.end();
    })().catch(reject);
  });
}

async function json<T>(url: string, method = 'GET'): Promise<T> {
  const response = await fetch(url, { method });
  return (await response.json()) as T;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Posts a feed with the receiving process's RSS and CPU window reset just before. */
async function measured(url: string, path: string, contentType: string, body: AsyncIterable<Buffer>) {
  const before = await json<RssFigures>(`${url}/bench/rss/reset`, 'POST');
  const posted = await post(`${url}${path}`, contentType, body);
  const after = await json<RssFigures>(`${url}/bench/rss`);
  return { posted, before, after };
}

function row(
  feed: string,
  batch: number,
  { posted, after }: { posted: Posted; after: RssFigures },
  expected: number,
): Record<string, Figure> {
  if (posted.status !== 202 || posted.body.records !== expected)
    throw new Error(
      `intake answered ${posted.status} with ${posted.body.records} records, expected ${expected}`,
    );
  return {
    feed,
    'batch rows': batch,
    records: expected,
    MB: round(posted.bytes / MB),
    seconds: round(posted.seconds, 2),
    'records/s': Math.round(expected / posted.seconds),
    'MB/s': round(posted.bytes / MB / posted.seconds),
    // The receiving process's own CPU per 1000 records: the rest of the time is PostgreSQL (and this noisy box).
    'receiver CPU ms/1000': round((after.cpuSeconds * 1000 * 1000) / expected, 1),
    'peak RSS MB': round(after.peakRss / MB),
  };
}

/** The splitter alone on an in-memory CSV, against csv-parse on the same bytes: MB/s. */
async function splitterOnly(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of schoolCsv(CSV_ROWS)) chunks.push(chunk);
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  let started = performance.now();
  const splitter = new CsvRecordSplitter({ maxRecordBytes: 65_536 });
  let records = 0;
  for (const chunk of chunks) records += splitter.push(chunk).length;
  records += splitter.finish().length;
  const ownSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  let parsed = 0;
  const parser = csvParse({ relax_column_count: true });
  const counted = new Promise<void>((resolve, reject) => {
    parser.on('readable', () => {
      while (parser.read() !== null) parsed += 1;
    });
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  for (const chunk of chunks) parser.write(chunk);
  parser.end();
  await counted;
  const csvParseSeconds = (performance.now() - started) / 1000;
  return [
    `CSV splitter alone (no database): ${records} rows, ${round(bytes / MB / ownSeconds)} MB/s, ` +
      `${Math.round(records / ownSeconds)} rows/s; csv-parse on the same bytes: ${round(bytes / MB / csvParseSeconds)} MB/s ` +
      `(${parsed} rows, fields decoded as text, so it could not keep a row's bytes anyway)`,
  ];
}

export const feedIntakeBenchmark: Benchmark = {
  name: 'feed-intake',
  description:
    'Feed intake over HTTP into PostgreSQL: CSV rows/s, FHIR resources/s, peak RSS for a 100 MB CSV',
  async run(): Promise<BenchmarkResult> {
    const rows: Array<Record<string, Figure>> = [];
    const notes: string[] = [];
    for (const batchRows of BATCH_SIZES) {
      const server = await startProcess<IntakeServerStart, IntakeServerReady>({
        module: '../feeds/intake-server.ts',
        start: { databaseUrl, schema: `bench_feeds_${process.pid}_${batchRows}`, batchRows },
        nodeFlags: ['--expose-gc'],
      });
      try {
        const { url } = server.ready;
        // A small feed first, so connections and code paths are warm.
        await post(`${url}/feeds/school`, 'text/csv', schoolCsv(1000));
        if (batchRows === DEFAULT_BATCH) {
          // First, while the process is fresh, so the peak is the upload's own.
          const bigRows = schoolRowsFor(BIG_CSV_BYTES);
          const big = await measured(url, '/feeds/school', 'text/csv', schoolCsv(bigRows));
          rows.push(row('school CSV 100 MB', batchRows, big, bigRows));
          notes.push(
            `100 MB CSV: receiving process RSS ${round(big.before.startRss / MB)} MB before the upload, peak ` +
              `${round(big.after.peakRss / MB)} MB during it (process.memoryUsage.rss() sampled every 10 ms in that process)`,
          );
        }
        const csv = await measured(url, '/feeds/school', 'text/csv', schoolCsv(CSV_ROWS));
        rows.push(row('school CSV', batchRows, csv, CSV_ROWS));
        const gp = await measured(url, '/feeds/gp', 'application/fhir+json', fhirBundle(FHIR_RESOURCES));
        rows.push(row('GP FHIR Bundle', batchRows, gp, FHIR_RESOURCES));
      } finally {
        await server.close();
      }
    }
    notes.push(...(await splitterOnly()));
    notes.push(`load average (1 min) at the end: ${round(loadavg()[0] ?? 0)} on ${cpus().length} CPUs`);
    notes.push(
      'timed from the first byte sent to the 202, which is answered after the last record is committed; ' +
        'one upload at a time; each receiving process has its own schema',
    );
    return { rows, notes };
  },
};
