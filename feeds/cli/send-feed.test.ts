import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';
import { EXIT_FAILED, EXIT_OK, EXIT_REJECTED, sendFeed, type SendFeedOptions } from './send-feed.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A stand-in hub: the intake answer and then the feed's status, as the real routes and GraphQL field give them. */
interface FakeHub {
  received: Array<{ path: string; headers: Record<string, unknown>; body: Buffer }>;
  graphql: Array<{ authorization: unknown; query: string; variables: unknown }>;
  intake: { status: number; body: unknown };
  statuses: unknown[];
}

describe('feed send', () => {
  let app: FastifyInstance;
  let url: string;
  let dir: string;
  let csvFile: string;
  let tokenFile: string;
  const hub: FakeHub = { received: [], graphql: [], intake: { status: 202, body: {} }, statuses: [] };
  const csv = 'upn,school_urn\r\nA123,123456\r\nB456,"654321"\r\n';

  const feedStatus = (overrides: Record<string, unknown>) => ({
    status: 'PROCESSED',
    recordCount: 2,
    accepted: 2,
    duplicates: 0,
    rejected: 0,
    pending: 0,
    deadLetters: { nodes: [] },
    ...overrides,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feed-cli-'));
    csvFile = join(dir, 'census.csv');
    tokenFile = join(dir, 'token');
    await writeFile(csvFile, csv);
    await writeFile(tokenFile, 'file-token\n');
    app = Fastify();
    app.addContentTypeParser(
      ['text/csv', 'application/fhir+json'],
      { parseAs: 'buffer' },
      (_request, body, done) => done(null, body),
    );
    app.post<{ Params: { kind: string } }>('/feeds/:kind', async (request, reply) => {
      hub.received.push({ path: request.url, headers: request.headers, body: request.body as Buffer });
      return reply.status(hub.intake.status).send(hub.intake.body);
    });
    app.post('/graphql', async (request) => {
      const body = request.body as { query: string; variables: unknown };
      hub.graphql.push({
        authorization: request.headers.authorization,
        query: body.query,
        variables: body.variables,
      });
      const next = hub.statuses.length > 1 ? hub.statuses.shift() : hub.statuses[0];
      return { data: { feed: next } };
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    hub.received = [];
    hub.graphql = [];
    hub.intake = {
      status: 202,
      body: { feedId: 'feed_abc123', status: 'RECEIVED', duplicate: false, records: 2 },
    };
    hub.statuses = [feedStatus({ status: 'RECEIVED', accepted: 0, pending: 2 }), feedStatus({})];
  });

  async function send(overrides: Partial<SendFeedOptions> = {}) {
    const lines: string[] = [];
    const progressLines: string[] = [];
    const code = await sendFeed(
      {
        kind: 'school',
        file: csvFile,
        url,
        token: `@${tokenFile}`,
        sender: '123456',
        wait: true,
        pollIntervalMs: 1,
        timeoutMs: 5000,
        ...overrides,
      },
      {
        out: (line) => lines.push(line),
        progress: createProgress({
          interactive: false,
          stream: { write: (text: string) => progressLines.push(text) } as unknown as NodeJS.WritableStream,
        }),
        sleep: async () => undefined,
      },
    );
    return { code, lines, progressLines };
  }

  it('streams the file with its kind, sender and token, follows processing and exits 0', async () => {
    const { code, lines, progressLines } = await send();
    expect(code).toBe(EXIT_OK);
    expect(hub.received).toHaveLength(1);
    const [upload] = hub.received;
    expect(upload?.path).toBe('/feeds/school');
    expect(upload?.body.toString()).toBe(csv);
    expect(upload?.headers).toMatchObject({
      'content-type': 'text/csv',
      'content-length': String(Buffer.byteLength(csv)),
      authorization: 'Bearer file-token',
      'x-feed-sender': '123456',
    });
    expect(hub.graphql[0]).toMatchObject({
      authorization: 'Bearer file-token',
      variables: { id: 'feed_abc123' },
    });
    expect(hub.graphql[0]?.query).toContain('feed(id: $id)');
    expect(hub.graphql).toHaveLength(2);
    expect(lines[0]).toBe('feed feed_abc123: 2 records stored');
    expect(lines[1]).toBe('processed 2 records: 2 accepted, 0 duplicates, 0 rejected');
    expect(progressLines.join('')).toMatch(/^uploading .*census\.csv \(\d+ B\)\nprocessing\n$/);
  });

  it('exits 2 and lists the dead letters when records were rejected', async () => {
    hub.statuses = [
      feedStatus({
        accepted: 1,
        rejected: 1,
        deadLetters: { nodes: [{ position: 3, reason: 'UPN_CHECK_LETTER', detail: 'upn' }] },
      }),
    ];
    const { code, lines } = await send();
    expect(code).toBe(EXIT_REJECTED);
    expect(lines).toContain('  rejected at 3: UPN_CHECK_LETTER (upn)');
  });

  it('does not wait with --no-wait, and says when the same file was sent before', async () => {
    hub.intake.body = { feedId: 'feed_first', status: 'PROCESSED', duplicate: true, records: 2 };
    const { code, lines } = await send({ wait: false, token: 'inline-token', kind: 'gp', file: csvFile });
    expect(code).toBe(EXIT_OK);
    expect(hub.graphql).toEqual([]);
    expect(hub.received[0]?.headers).toMatchObject({
      'content-type': 'application/fhir+json',
      authorization: 'Bearer inline-token',
    });
    expect(lines).toEqual(['feed feed_first: 2 records already received (the same file was sent before)']);
  });

  it('exits 1 with one line when the hub refuses the feed, or cannot be reached, or the file is missing', async () => {
    hub.intake = {
      status: 413,
      body: {
        errors: [
          { message: 'The feed is larger than this hub accepts.', extensions: { code: 'FEED_TOO_LARGE' } },
        ],
      },
    };
    const refused = await send();
    expect(refused.code).toBe(EXIT_FAILED);
    expect(refused.lines).toEqual([
      'error: the hub refused the feed: HTTP 413 FEED_TOO_LARGE: The feed is larger than this hub accepts.',
    ]);
    const unreachable = await send({ url: 'http://127.0.0.1:1' });
    expect(unreachable.code).toBe(EXIT_FAILED);
    expect(unreachable.lines).toEqual(['error: cannot reach the hub at http://127.0.0.1:1 (ECONNREFUSED)']);
    const missing = await send({ file: join(dir, 'nope.csv') });
    expect(missing.lines).toEqual([`error: cannot read ${join(dir, 'nope.csv')}`]);
  });

  it('exits 1 when the feed cannot be read back or is abandoned', async () => {
    hub.statuses = [null];
    expect((await send()).lines.at(-1)).toBe('error: cannot read the status of feed feed_abc123');
    hub.statuses = [feedStatus({ status: 'ABANDONED' })];
    expect((await send()).code).toBe(EXIT_FAILED);
  });

  it('runs as a command: exit codes, and plain lines without redraws when not on a terminal', async () => {
    hub.statuses = [
      feedStatus({
        rejected: 1,
        accepted: 1,
        deadLetters: { nodes: [{ position: 2, reason: 'SCHEMA', detail: 'ehcp' }] },
      }),
    ];
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'feeds/cli/main.ts', ...args],
          { cwd: repoRoot, env: { ...process.env, CI: 'true' } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const sent = await run([
      'send',
      'school',
      csvFile,
      '--url',
      url,
      '--token',
      'cli-token',
      '--poll-interval',
      '1',
    ]);
    expect(sent.code).toBe(EXIT_REJECTED);
    expect(sent.stdout).toContain('feed feed_abc123: 2 records stored');
    expect(sent.stdout).toContain('  rejected at 2: SCHEMA (ehcp)');
    expect(sent.stderr).not.toContain('\r');
    expect(sent.stderr).not.toContain(String.fromCharCode(27));
    expect(sent.stderr.trim().split('\n')).toHaveLength(2);
    const badKind = await run(['send', 'hospital', csvFile, '--token', 'x']);
    expect(badKind.code).toBe(EXIT_FAILED);
    expect(badKind.stderr).toContain('gp or school');
  }, 60_000);
});
