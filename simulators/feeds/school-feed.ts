/**
 * A school census feed for the population: good returns for pupils the hub knows, and bad rows of the asked-for
 * kinds spread evenly among them, in a seeded order, with the truth for every row.
 */
import { SeededRandom } from '../population/random.js';
import { csvRowBytes, lineBreaksIn, type CsvField } from './csv-text.js';
import { badSchoolRow } from './bad-school-rows.js';
import { schoolBadKinds, type BadKind, type GeneratedFeed, type TruthEntry } from './feed-types.js';
import { schoolFeedOptionsSchema, type SchoolFeedOptions } from './feed-options.js';
import { heldIdentifiers, knownPupils, type KnownPupil } from './known-children.js';
import { schoolColumns, schoolReturnKey, schoolReturnOf } from './school-return.js';
import { spreadKinds } from './spread-kinds.js';

const CRLF = Buffer.from('\r\n');

export const schoolHeader = csvRowBytes([...schoolColumns]);

interface PlannedRow {
  fields: CsvField[];
  quoted: Set<number>;
  truth: Omit<TruthEntry, 'position'>;
}

/** Pupils in a seeded order, then again (an earlier census) when more rows are wanted than pupils known. */
export function pupilSequence(pupils: readonly KnownPupil[], random: SeededRandom) {
  const order = random.sample(pupils, pupils.length);
  if (order.length === 0) throw new RangeError('the population has no pupil the hub would know');
  return (index: number) => ({
    pupil: order[index % order.length] as KnownPupil,
    round: Math.floor(index / order.length),
  });
}

/** Good fields quoted although they need not be (about one in twenty). */
export function gratuitousQuotes(random: SeededRandom): Set<number> {
  const quoted = new Set<number>();
  schoolColumns.forEach((_, index) => {
    if (random.chance(0.05)) quoted.add(index);
  });
  return quoted;
}

export function generateSchoolFeed(input: SchoolFeedOptions): GeneratedFeed & { content: Buffer } {
  const options = schoolFeedOptionsSchema.parse(input);
  const kinds = options.badKinds ?? schoolBadKinds;
  for (const kind of kinds)
    if (!schoolBadKinds.includes(kind)) throw new RangeError(`a school feed has no ${kind} records`);
  const root = new SeededRandom(options.seed);
  const pupilAt = pupilSequence(knownPupils(options.population), root.fork('pupils'));
  const held = heldIdentifiers(options.population);
  const issuedUpns = new Set<string>();
  const plannedKinds: BadKind[] = spreadKinds(kinds, options.bad, root.fork('kinds'));

  const rows: PlannedRow[] = [];
  for (let i = 0; i < options.good + options.bad; i++) {
    const random = root.fork(`row:${i}`);
    const { pupil, round } = pupilAt(i);
    const bad = i >= options.good ? (plannedKinds[i - options.good] as BadKind) : null;
    // Bad rows are never revised: a re-sent feed carries them as they were.
    const revision = bad === null ? options.revision : 0;
    const good = schoolReturnOf(pupil, { ...options, round, revision, random });
    if (bad === null) {
      rows.push({
        fields: schoolColumns.map((column) => good[column]),
        quoted: gratuitousQuotes(random),
        truth: { expected: 'ACCEPT', key: schoolReturnKey(good), truthKey: pupil.truthKey },
      });
    } else {
      const made = badSchoolRow(bad, good, { random, now: options.now, held, issuedUpns });
      rows.push({
        fields: made.fields,
        quoted: new Set(),
        truth: { expected: bad, key: schoolReturnKey(made.claimed), truthKey: null, field: made.field },
      });
    }
  }
  root.fork('order').shuffle(rows);

  const parts: Buffer[] = [schoolHeader, CRLF];
  const truth: TruthEntry[] = [];
  let line = 2;
  for (const row of rows) {
    const bytes = csvRowBytes(row.fields, row.quoted);
    parts.push(bytes, CRLF);
    truth.push({ position: line, ...row.truth });
    line += lineBreaksIn(bytes) + 1;
  }
  return { content: Buffer.concat(parts), truth };
}
