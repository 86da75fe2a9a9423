/**
 * The same feed with its records in another order (the header stays first, the Bundle wrapper stays as it was):
 * what out-of-order delivery and re-sent feeds look like. A generated feed's truth moves with its records.
 */
import { SeededRandom } from '../population/random.js';
import { lineBreaksIn, splitCsvRows } from './csv-text.js';
import type { GeneratedFeed, TruthEntry } from './feed-types.js';

interface Shuffled {
  content: Buffer | string;
  /** Old position → new position. */
  moved: Map<number, number>;
}

function isBundle(content: Buffer | string): boolean {
  const text =
    typeof content === 'string' ? content.slice(0, 64) : content.subarray(0, 64).toString('latin1');
  return text.trimStart().startsWith('{');
}

function shuffleCsv(content: Buffer, seed: number): Shuffled {
  const [header, ...rows] = splitCsvRows(content);
  if (!header) return { content, moved: new Map() };
  new SeededRandom(seed).fork('shuffle').shuffle(rows);
  const crlf = Buffer.from('\r\n');
  const parts: Buffer[] = [header.bytes, crlf];
  const moved = new Map<number, number>();
  let line = 2;
  for (const row of rows) {
    parts.push(row.bytes, crlf);
    moved.set(row.line, line);
    line += lineBreaksIn(row.bytes) + 1;
  }
  return { content: Buffer.concat(parts), moved };
}

function shuffleBundle(content: string, seed: number): Shuffled {
  const bundle = JSON.parse(content) as { entry?: unknown[] };
  const indexed = (bundle.entry ?? []).map((entry, index) => ({ entry, index }));
  new SeededRandom(seed).fork('shuffle').shuffle(indexed);
  const moved = new Map(indexed.map((item, position) => [item.index, position]));
  return { content: JSON.stringify({ ...bundle, entry: indexed.map((item) => item.entry) }), moved };
}

function shuffled(content: Buffer | string, seed: number): Shuffled {
  if (isBundle(content))
    return shuffleBundle(typeof content === 'string' ? content : content.toString('utf8'), seed);
  return shuffleCsv(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, seed);
}

/** A CSV (Buffer, kept as bytes) or Bundle (string) with its records re-ordered by `seed`. */
export function shuffleFeed<T extends Buffer | string>(content: T, seed: number): T {
  const result = shuffled(content, seed).content;
  return (typeof content === 'string' ? String(result) : result) as T;
}

/** A generated feed shuffled, with its truth's positions following the records. */
export function shuffleGeneratedFeed(feed: GeneratedFeed, seed: number): GeneratedFeed {
  const { content, moved } = shuffled(feed.content, seed);
  const truth: TruthEntry[] = feed.truth
    .map((entry) => ({ ...entry, position: moved.get(entry.position) ?? entry.position }))
    .sort((a, b) => a.position - b.position);
  return { content: typeof feed.content === 'string' ? String(content) : content, truth };
}
