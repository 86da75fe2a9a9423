/**
 * Large school census files written straight to disk (a 100 MB feed never exists in memory): the known pupils
 * once, then padding rows until `rows` is reached, with `bad` rows spread evenly through the file. The truth, if
 * asked for, is streamed the same way as a JSON array.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { z } from 'zod';
import { upnCheckLetter } from '../population/identifiers.js';
import { SeededRandom } from '../population/random.js';
import { badSchoolRow } from './bad-school-rows.js';
import { csvRowBytes, csvRowText, lineBreaksIn } from './csv-text.js';
import { schoolBadKinds, type BadKind, type TruthEntry } from './feed-types.js';
import { schoolFeedOptionsSchema } from './feed-options.js';
import { heldIdentifiers, knownPupils } from './known-children.js';
import { schoolColumns, schoolReturnKey, schoolReturnOf, type SchoolReturn } from './school-return.js';
import { gratuitousQuotes, pupilSequence, schoolHeader } from './school-feed.js';

const fileOptionsSchema = z.object({
  rows: z.number().int().min(0).max(50_000_000),
  /**
   * UNKNOWN_PUPILS: padding rows name pupils from a neighbouring authority the hub has never heard of (they land
   * as NO_MATCHING_CHILD). EARLIER_CENSUSES: the known pupils again in earlier years' censuses (they all match).
   */
  padding: z.enum(['UNKNOWN_PUPILS', 'EARLIER_CENSUSES']).default('UNKNOWN_PUPILS'),
  truthPath: z.string().min(1).optional(),
});

export type SchoolFeedFileOptions = Omit<z.input<typeof schoolFeedOptionsSchema>, 'good' | 'revision'> &
  z.input<typeof fileOptionsSchema>;

export interface SchoolFeedFileReport {
  rows: number;
  bytes: number;
  byExpected: Record<string, number>;
}

const FLUSH_BYTES = 1 << 20;

const CRLF = Buffer.from('\r\n');

/** Gathers small writes into large ones, and waits for the disk only when a large one is due. */
class ChunkedWriter {
  private parts: Buffer[] = [];
  private pending = 0;
  bytes = 0;

  constructor(private readonly stream: WriteStream) {}

  push(part: Buffer): void {
    this.parts.push(part);
    this.pending += part.length;
    this.bytes += part.length;
  }

  async drained(): Promise<void> {
    if (this.pending >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const chunk = Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Pupil n of a neighbouring authority (LA 874): valid check letters, sequential, never the population's. */
function paddingUpn(serial: number): string {
  const body = `874${String(serial).padStart(9, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
}

export async function writeSchoolFeedFile(
  path: string,
  input: SchoolFeedFileOptions,
): Promise<SchoolFeedFileReport> {
  const file = fileOptionsSchema.parse(input);
  const options = schoolFeedOptionsSchema.parse({ ...input, good: 0 });
  if (options.bad > file.rows) throw new RangeError('more bad rows than rows');
  const kinds = options.badKinds ?? schoolBadKinds;
  const root = new SeededRandom(options.seed);
  const pupils = knownPupils(options.population);
  const pupilAt = pupilSequence(pupils, root.fork('pupils'));
  const held = heldIdentifiers(options.population);
  const issuedUpns = new Set<string>();
  const kindOffset = root.fork('kinds').int(0, kinds.length - 1);

  const out = new ChunkedWriter(createWriteStream(path));
  const truthOut = file.truthPath ? new ChunkedWriter(createWriteStream(file.truthPath)) : null;
  const byExpected: Record<string, number> = {};
  let badSoFar = 0;
  let paddingSerial = 0;
  let line = 2;
  out.push(schoolHeader);
  out.push(CRLF);
  truthOut?.push(Buffer.from('['));

  // A padding row is its pupil's first return under another UPN: made once per pupil, not once per row.
  const firstReturns = new Map<number, SchoolReturn>();
  for (let i = 0; i < file.rows; i++) {
    // Evenly spaced: row i is bad when the running share of bad rows passes the next whole number.
    const isBad = Math.floor(((i + 1) * options.bad) / file.rows) > badSoFar;
    const { pupil, round } = pupilAt(i);
    const padded = file.padding === 'UNKNOWN_PUPILS' && i >= pupils.length;
    let bytes: Buffer;
    let truth: Omit<TruthEntry, 'position'>;
    if (padded && !isBad) {
      const good = firstReturns.get(i % pupils.length) as SchoolReturn;
      let upn = paddingUpn(paddingSerial++);
      while (held.upns.has(upn)) upn = paddingUpn(paddingSerial++);
      const row = { ...good, upn };
      bytes = Buffer.from(csvRowText(schoolColumns.map((column) => row[column])));
      truth = { expected: 'NO_MATCHING_CHILD', key: schoolReturnKey(row), truthKey: null, field: 'upn' };
    } else {
      const random = root.fork(`row:${i}`);
      // A bad row past the known pupils keeps its pupil's UPN, so it moves to an earlier census, or its key
      // would repeat a good row's.
      const good = schoolReturnOf(pupil, { ...options, round, revision: 0, random });
      if (round === 0 && !firstReturns.has(i)) firstReturns.set(i, good);
      if (isBad) {
        const kind = kinds[(kindOffset + badSoFar) % kinds.length] as BadKind;
        badSoFar++;
        const made = badSchoolRow(kind, good, { random, now: options.now, held, issuedUpns });
        bytes = csvRowBytes(made.fields);
        truth = { expected: kind, key: schoolReturnKey(made.claimed), truthKey: null, field: made.field };
      } else {
        bytes = Buffer.from(
          csvRowText(
            schoolColumns.map((column) => good[column]),
            gratuitousQuotes(random),
          ),
        );
        truth = { expected: 'ACCEPT', key: schoolReturnKey(good), truthKey: pupil.truthKey };
      }
    }
    out.push(bytes);
    out.push(CRLF);
    byExpected[truth.expected] = (byExpected[truth.expected] ?? 0) + 1;
    truthOut?.push(Buffer.from(`${i === 0 ? '\n' : ',\n'}${JSON.stringify({ position: line, ...truth })}`));
    line += lineBreaksIn(bytes) + 1;
    await out.drained();
    await truthOut?.drained();
  }
  truthOut?.push(Buffer.from('\n]\n'));
  await truthOut?.close();
  await out.close();
  return { rows: file.rows, bytes: out.bytes, byExpected };
}
