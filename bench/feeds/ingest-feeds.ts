/**
 * Feeds for the ingest benchmark, built so that what ingest must decide is known in advance: a school census CSV
 * and a GP collection Bundle about the benchmark's children, about 2% of records bad in ways that reach different
 * stages (identifier check, code lists, field rules, references, matching). Bodies are generated in chunks of
 * about 64 KiB as they are stored, and each can be generated a second time with different bytes (line endings,
 * whitespace) but the same records: intake takes that as a new feed (its hash differs), and ingest should find
 * every good record a DUPLICATE of what the first landed.
 */
import {
  badNhsNumber,
  badUpn,
  conditionEntry,
  encounterEntry,
  patientEntry,
  schoolHeaderLine,
  schoolRow,
} from '../../feeds/records/testing/record-fixtures.js';
import type { BenchIdentifiers } from './ingest-children.js';

const CHUNK_BYTES = 64 * 1024;

/** The first send, or the same records re-sent in different bytes. */
export type FeedVariant = 'first' | 'resend';

export interface PlannedFeed {
  /** Data records (a CSV header is not one). */
  records: number;
  accepted: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  body(variant: FeedVariant): AsyncGenerator<Buffer>;
}

/** What one record is meant to be: its text and, when it is bad, the reason ingest must give. */
interface PlannedRecord {
  text: string;
  reason: string | null;
}

function plan(
  count: number,
  recordAt: (i: number) => PlannedRecord,
  bodyOf: PlannedFeed['body'],
): PlannedFeed {
  const rejectedByReason: Record<string, number> = {};
  let rejected = 0;
  for (let i = 0; i < count; i += 1) {
    const { reason } = recordAt(i);
    if (reason === null) continue;
    rejected += 1;
    rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + 1;
  }
  return { records: count, accepted: count - rejected, rejected, rejectedByReason, body: bodyOf };
}

async function* chunked(
  prefix: string,
  count: number,
  textAt: (i: number) => string,
  separator: string,
  suffix: string,
): AsyncGenerator<Buffer> {
  let text = prefix;
  for (let i = 0; i < count; i += 1) {
    text += (i === 0 ? '' : separator) + textAt(i);
    if (text.length >= CHUNK_BYTES) {
      yield Buffer.from(text);
      text = '';
    }
  }
  yield Buffer.from(text + suffix);
}

/**
 * A census of `rows` returns. Row i is about child i mod N, at school URN 100000 + ⌊i / N⌋, so every
 * (UPN, URN, census date) key is distinct. Bad, by i mod 200: 7 a wrong UPN check letter, 57 a valid UPN no child
 * has, 107 more sessions attended than possible, 157 an unknown year group. One row in 37 carries a suspension ten days ago.
 */
export function schoolCensusFeed(rows: number, ids: BenchIdentifiers): PlannedFeed {
  // Recent, so a first return with a suspension raises its alert as a real census would.
  const exclusionDate = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const recordAt = (i: number): PlannedRecord => {
    const child = i % ids.children;
    const values = {
      upn: ids.upn(child),
      school_urn: String(100_000 + Math.floor(i / ids.children)),
      year_group: String((i % 11) + 1),
      sessions_possible: String(300 + (i % 40)),
      sessions_attended: String(280 + (i % 20)),
      sen_provision: ['N', 'K', 'E'][i % 3] ?? 'N',
      ehcp: i % 3 === 2 ? 'Y' : 'N',
      ...(i % 37 === 3 ? { suspensions: '1', latest_exclusion_date: exclusionDate } : {}),
    };
    switch (i % 200) {
      case 7:
        return { text: schoolRow({ ...values, upn: badUpn(child) }), reason: 'UPN_CHECK_LETTER' };
      case 57:
        return {
          text: schoolRow({ ...values, upn: ids.upn(ids.children + i) }),
          reason: 'NO_MATCHING_CHILD',
        };
      case 107:
        return { text: schoolRow({ ...values, sessions_attended: '400' }), reason: 'SCHEMA' };
      case 157:
        return { text: schoolRow({ ...values, year_group: 'Q' }), reason: 'UNKNOWN_CODE' };
      default:
        return { text: schoolRow(values), reason: null };
    }
  };
  return plan(rows, recordAt, (variant) => {
    const eol = variant === 'first' ? '\r\n' : '\n';
    return chunked(schoolHeaderLine + eol, rows, (i) => recordAt(i).text, eol, eol);
  });
}

/** Spare identifiers a GP feed of `resources` entries needs past the children's (unmatched patients). */
export const gpSpareIdentifiers = (resources: number) => Math.ceil(resources / 200) + 1;

/**
 * A GP collection Bundle of `resources` entries in groups of five: a Patient (group g, about child g mod N), then
 * four clinical resources about it, Encounters and Conditions alternating, one Encounter in ten of class EMER.
 * Encounters name their patient by the Patient entry's fullUrl, Conditions as Patient/<id>. Bad, by i mod 200:
 * 5 a Patient whose NHS number fails its check, 55 a Patient with a valid NHS number no child has (that group's
 * resources name the previous group's patient instead), 42 an Encounter of an unknown class, 117 a Condition
 * naming a patient the Bundle does not hold.
 */
export function gpBundleFeed(resources: number, ids: BenchIdentifiers): PlannedFeed {
  const badPatient = (group: number) => [5, 55].includes((group * 5) % 200);
  const recordAt = (i: number): PlannedRecord => {
    const group = Math.floor(i / 5);
    if (i % 5 === 0) {
      const child = group % ids.children;
      if (i % 200 === 5)
        return {
          text: JSON.stringify(patientEntry(`p${group}`, badNhsNumber(child))),
          reason: 'NHS_NUMBER_CHECKSUM',
        };
      if (i % 200 === 55) {
        const nobody = ids.nhsNumber(ids.children + Math.floor(i / 200));
        return { text: JSON.stringify(patientEntry(`p${group}`, nobody)), reason: 'NO_MATCHING_CHILD' };
      }
      return { text: JSON.stringify(patientEntry(`p${group}`, ids.nhsNumber(child))), reason: null };
    }
    const patient = `p${badPatient(group) ? group - 1 : group}`;
    if (i % 2 === 0) {
      const unknownClass = i % 200 === 42;
      const entry = encounterEntry(
        `e${i}`,
        { reference: `urn:uuid:${patient}` },
        { classCode: unknownClass ? 'XX' : i % 20 === 2 ? 'EMER' : 'AMB' },
      );
      return { text: JSON.stringify(entry), reason: unknownClass ? 'UNKNOWN_CODE' : null };
    }
    if (i % 200 === 117)
      return {
        text: JSON.stringify(conditionEntry(`c${i}`, { reference: `urn:uuid:missing-${i}` })),
        reason: 'UNRESOLVED_REFERENCE',
      };
    return {
      text: JSON.stringify(conditionEntry(`c${i}`, { reference: `Patient/${patient}` })),
      reason: null,
    };
  };
  return plan(resources, recordAt, (variant) =>
    chunked(
      '{"resourceType":"Bundle","type":"collection","entry":[',
      resources,
      (i) => recordAt(i).text,
      variant === 'first' ? ',' : ',\n  ',
      ']}',
    ),
  );
}
