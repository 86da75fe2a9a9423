/**
 * `feed send gp|school <file>`: streams a feed file to the hub (never read whole), prints the feed id the hub
 * answers with, then (unless told not to wait) follows the feed's processing through GraphQL until every record is
 * accepted, a duplicate or rejected, and prints a summary with the dead letters. Exit code: 0 nothing rejected,
 * 2 records rejected, 1 the feed could not be sent or followed (one line saying why).
 */
import { readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import type { Progress } from './progress.js';

export type FeedKindArg = 'gp' | 'school';

export interface SendFeedOptions {
  kind: FeedKindArg;
  file: string;
  /** The hub's base URL, e.g. http://127.0.0.1:4000. */
  url: string;
  /** A token, or @path of a file holding one. */
  token: string;
  sender?: string | undefined;
  wait: boolean;
  pollIntervalMs: number;
  timeoutMs: number;
}

export interface SendFeedIo {
  out: (line: string) => void;
  progress: Progress;
  sleep?: (ms: number) => Promise<void>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_REJECTED = 2;

const contentTypes: Record<FeedKindArg, string> = { gp: 'application/fhir+json', school: 'text/csv' };

const acceptedAnswer = z.object({
  feedId: z.string().regex(/^feed_[A-Za-z0-9_-]{1,64}$/),
  status: z.string(),
  duplicate: z.boolean(),
  records: z.number().int().min(0),
});

const errorAnswer = z.object({
  errors: z
    .array(z.object({ message: z.string(), extensions: z.object({ code: z.string() }).partial().optional() }))
    .min(1),
});

export const FEED_STATUS_QUERY = `query FeedStatus($id: ID!) {
  feed(id: $id) {
    status recordCount accepted duplicates rejected pending
    deadLetters(first: 20) { nodes { position reason detail } }
  }
}`;

const feedStatus = z.object({
  status: z.enum(['RECEIVING', 'RECEIVED', 'PROCESSED', 'ABANDONED']),
  recordCount: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  pending: z.number().int(),
  deadLetters: z.object({
    nodes: z.array(z.object({ position: z.number().int(), reason: z.string(), detail: z.string() })),
  }),
});

const statusAnswer = z.object({
  data: z.object({ feed: feedStatus.nullable() }).nullable().optional(),
  errors: errorAnswer.shape.errors.optional(),
});

type FeedStatus = z.output<typeof feedStatus>;

/** A failure to report in one line and exit 1 with. */
class CliFailure extends Error {}

export async function sendFeed(options: SendFeedOptions, io: SendFeedIo): Promise<number> {
  try {
    const token = await readToken(options.token);
    const size = (await stat(options.file).catch(() => fail(`cannot read ${options.file}`))).size;
    io.progress.stage(`uploading ${options.file} (${formatBytes(size)})`);
    io.progress.start('upload', size, 'bytes');
    const answer = await upload(options, token, size, (sent) => io.progress.update('upload', sent));
    io.progress.stop('upload');
    io.out(
      `feed ${answer.feedId}: ${plural(answer.records, 'record')} ${answer.duplicate ? 'already received (the same file was sent before)' : 'stored'}`,
    );
    if (!options.wait) return EXIT_OK;
    const status = await follow(options, token, answer.feedId, io);
    printSummary(status, io);
    return status.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
  } catch (error) {
    io.progress.stopAll();
    io.out(
      `error: ${error instanceof CliFailure ? error.message : 'unexpected failure: ' + describe(error)}`,
    );
    return EXIT_FAILED;
  }
}

async function readToken(token: string): Promise<string> {
  if (!token.startsWith('@')) return token.trim();
  const path = token.slice(1);
  const text = await readFile(path, 'utf8').catch(() => fail(`cannot read the token file ${path}`));
  const trimmed = text.trim();
  if (trimmed === '') fail(`the token file ${path} is empty`);
  return trimmed;
}

function endpoint(base: string, path: string): URL {
  let url: URL;
  try {
    url = new URL(path, base.endsWith('/') ? base : `${base}/`);
  } catch {
    return fail(`--url ${base} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`--url must be http or https`);
  return url;
}

/** Streams the file with its length (so an oversize feed is refused before it is sent) and reads the answer. */
async function upload(
  options: SendFeedOptions,
  token: string,
  size: number,
  onProgress: (sent: number) => void,
): Promise<z.output<typeof acceptedAnswer>> {
  const url = endpoint(options.url, `feeds/${options.kind}`);
  const headers: Record<string, string> = {
    'content-type': contentTypes[options.kind],
    'content-length': String(size),
    authorization: `Bearer ${token}`,
  };
  if (options.sender) headers['x-feed-sender'] = options.sender;
  const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method: 'POST', headers });
    req.on('error', (error) =>
      reject(new CliFailure(`cannot reach the hub at ${url.origin} (${describe(error)})`)),
    );
    req.on('response', (response: IncomingMessage) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString() }),
      );
      response.on('error', reject);
    });
    let sent = 0;
    const file = createReadStream(options.file);
    file.on('data', (chunk) => {
      sent += chunk.length;
      onProgress(sent);
    });
    file.on('error', () => reject(new CliFailure(`cannot read ${options.file}`)));
    file.pipe(req);
  });
  if (status === 202) {
    const parsed = acceptedAnswer.safeParse(parseJson(body));
    if (parsed.success) return parsed.data;
    fail('the hub answered 202 with an unexpected body');
  }
  fail(`the hub refused the feed: ${describeRefusal(status, body)}`);
}

function describeRefusal(status: number, body: string): string {
  const parsed = errorAnswer.safeParse(parseJson(body));
  if (!parsed.success) return `HTTP ${status}`;
  const first = parsed.data.errors[0];
  return `HTTP ${status} ${first?.extensions?.code ?? ''}: ${first?.message ?? ''}`.replace(/ :/, ':');
}

/** Polls the feed's status until it is processed, with a bar of records processed. */
async function follow(
  options: SendFeedOptions,
  token: string,
  feedId: string,
  io: SendFeedIo,
): Promise<FeedStatus> {
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const url = endpoint(options.url, 'graphql');
  const deadline = Date.now() + options.timeoutMs;
  io.progress.stage('processing');
  let started = false;
  for (;;) {
    const status = await queryStatus(url, token, feedId);
    if (status.status === 'ABANDONED') fail(`the hub abandoned feed ${feedId}`);
    if (!started) {
      io.progress.start('process', status.recordCount, 'records');
      started = true;
    }
    io.progress.update('process', status.recordCount - status.pending);
    if (status.status === 'PROCESSED' && status.pending === 0) {
      io.progress.stop('process');
      return status;
    }
    if (Date.now() >= deadline)
      fail(
        `feed ${feedId} was not processed within ${Math.round(options.timeoutMs / 1000)} s (it is still queued)`,
      );
    await sleep(options.pollIntervalMs);
  }
}

async function queryStatus(url: URL, token: string, feedId: string): Promise<FeedStatus> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: FEED_STATUS_QUERY, variables: { id: feedId } }),
    });
  } catch (error) {
    return fail(`cannot reach the hub at ${url.origin} (${describe(error)})`);
  }
  const parsed = statusAnswer.safeParse(parseJson(await response.text()));
  if (!parsed.success)
    fail(`the hub answered the status query with HTTP ${response.status} and an unexpected body`);
  const feed = parsed.data.data?.feed;
  if (!feed) {
    const first = parsed.data.errors?.[0];
    fail(
      `cannot read the status of feed ${feedId}${first ? ` (${first.extensions?.code ?? first.message})` : ''}`,
    );
  }
  return feed;
}

function printSummary(status: FeedStatus, io: SendFeedIo): void {
  io.out(
    `processed ${plural(status.recordCount, 'record')}: ${status.accepted} accepted, ${status.duplicates} duplicates, ${status.rejected} rejected`,
  );
  for (const letter of status.deadLetters.nodes)
    io.out(`  rejected at ${letter.position}: ${letter.reason}${letter.detail ? ` (${letter.detail})` : ''}`);
  if (status.rejected > status.deadLetters.nodes.length)
    io.out(
      `  ... and ${status.rejected - status.deadLetters.nodes.length} more (query feed(id) deadLetters for all)`,
    );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  throw new CliFailure(message);
}

function describe(error: unknown): string {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (error as { cause?: { code?: unknown } })?.cause?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
