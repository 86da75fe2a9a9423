/**
 * Feeds as the end-to-end test handles them: sending one over HTTP (the CLI is exercised separately), reading a
 * feed and every one of its dead letters through GraphQL, and reading records of a generated feed back out of its
 * bytes by the truth's positions.
 */
import { z } from 'zod';
import type { TruthEntry } from '../../simulators/feeds/index.js';
import { eventually, graphql, type GraphQLAnswer } from './feed-e2e-hub.js';

export type FeedKindPath = 'gp' | 'school';

const contentTypes: Record<FeedKindPath, string> = { gp: 'application/fhir+json', school: 'text/csv' };

const receipt = z.object({
  feedId: z.string(),
  status: z.string(),
  duplicate: z.boolean(),
  records: z.number().int(),
});
export type FeedReceipt = z.output<typeof receipt>;

export async function postFeed(
  url: string,
  token: string,
  kind: FeedKindPath,
  content: Buffer | string,
  sender?: string,
): Promise<FeedReceipt> {
  const headers: Record<string, string> = {
    'content-type': contentTypes[kind],
    authorization: `Bearer ${token}`,
  };
  if (sender) headers['x-feed-sender'] = sender;
  const response = await fetch(`${url}/feeds/${kind}`, {
    method: 'POST',
    headers,
    body: typeof content === 'string' ? content : new Uint8Array(content),
  });
  const body: unknown = await response.json();
  if (response.status !== 202)
    throw new Error(`feed refused: HTTP ${response.status} ${JSON.stringify(body)}`);
  return receipt.parse(body);
}

const deadLetter = z.object({
  id: z.string(),
  feedId: z.string(),
  position: z.number().int(),
  reason: z.string(),
  detail: z.string(),
  status: z.enum(['OPEN', 'REPLAYED', 'DISCARDED']),
  replay: z.number().int(),
});
export type DeadLetter = z.output<typeof deadLetter>;

const feedFields = z.object({
  id: z.string(),
  kind: z.enum(['GP_FHIR', 'SCHOOL_CSV']),
  status: z.enum(['RECEIVING', 'RECEIVED', 'PROCESSED', 'ABANDONED']),
  sender: z.string().nullable(),
  recordCount: z.number().int(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  pending: z.number().int(),
});

const feedPage = feedFields.extend({
  deadLetters: z.object({
    nodes: z.array(deadLetter),
    endCursor: z.string().nullable(),
    hasNextPage: z.boolean(),
  }),
});

export type FeedView = z.output<typeof feedFields> & { deadLetters: DeadLetter[] };

export const FEED_QUERY = /* GraphQL */ `
  query Feed($id: ID!, $after: String) {
    feed(id: $id) {
      id
      kind
      status
      sender
      recordCount
      accepted
      duplicates
      rejected
      pending
      deadLetters(first: 200, after: $after) {
        nodes {
          id
          feedId
          position
          reason
          detail
          status
          replay
        }
        endCursor
        hasNextPage
      }
    }
  }
`;

/** The feed with all its dead letters, or the answer when it is not given (null, errors). */
export async function readFeed(
  url: string,
  token: string,
  id: string,
): Promise<{ feed: FeedView | null; answer: GraphQLAnswer }> {
  let after: string | null = null;
  let first: z.output<typeof feedFields> | undefined;
  const letters: DeadLetter[] = [];
  for (;;) {
    const answer = await graphql(url, token, FEED_QUERY, { id, after });
    const raw = answer.data?.['feed'];
    if (raw === null || raw === undefined) return { feed: null, answer };
    const page = feedPage.parse(raw);
    first ??= page;
    letters.push(...page.deadLetters.nodes);
    if (!page.deadLetters.hasNextPage) return { feed: { ...first, deadLetters: letters }, answer };
    after = page.deadLetters.endCursor;
  }
}

/** Waits until every record of the feed is settled (PROCESSED, nothing pending). */
export async function processedFeed(url: string, token: string, id: string): Promise<FeedView> {
  return eventually(
    async () => {
      const { feed } = await readFeed(url, token, id);
      return feed?.status === 'PROCESSED' && feed.pending === 0 ? feed : undefined;
    },
    { timeoutMs: 90_000, intervalMs: 300, what: `feed ${id} to be processed` },
  );
}

export interface TruthTally {
  good: number;
  bad: number;
  /** Position → the reason the record should be dead-lettered with. */
  reasons: Map<number, string>;
  kinds: Set<string>;
}

export function tally(truth: readonly TruthEntry[]): TruthTally {
  const reasons = new Map<number, string>();
  for (const entry of truth) if (entry.expected !== 'ACCEPT') reasons.set(entry.position, entry.expected);
  return {
    good: truth.length - reasons.size,
    bad: reasons.size,
    reasons,
    kinds: new Set(reasons.values()),
  };
}

/** Position → reason of a feed's dead letters as received (replay 0). */
export function letterReasons(feed: FeedView): Map<number, string> {
  return new Map(
    feed.deadLetters
      .filter((letter) => letter.replay === 0)
      .map((letter) => [letter.position, letter.reason]),
  );
}

// ─── records read back out of a generated feed ───

/** A CSV line by its line number (the header is 1); good rows are one line each. */
export function csvLine(content: Buffer, position: number): Buffer {
  let line = 1;
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    if (content[i] !== 0x0a) continue;
    if (line === position) return content.subarray(start, i > start && content[i - 1] === 0x0d ? i - 1 : i);
    line += 1;
    start = i + 1;
  }
  if (line === position) return content.subarray(start);
  throw new RangeError(`the feed has no line ${position}`);
}

/** The cells of a row with no quoted commas or line breaks (good rows are such), unquoted. */
export function simpleCells(row: Buffer | string): string[] {
  return String(row)
    .split(',')
    .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

/** A good census row as named cells, by the header's column names. */
export function schoolRow(content: Buffer, position: number): Record<string, string> {
  const header = simpleCells(csvLine(content, 1));
  const cells = simpleCells(csvLine(content, position));
  return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
}

export interface BundleEntry {
  fullUrl?: string;
  resource: Record<string, unknown> & { resourceType: string; id: string };
}

export function bundleEntries(content: string): BundleEntry[] {
  return (JSON.parse(content) as { entry: BundleEntry[] }).entry;
}
