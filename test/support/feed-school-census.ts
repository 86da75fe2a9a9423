/**
 * A school census feed for the fault tests, with its exact expected outcome worked out while it is built: which
 * rows land, which are DUPLICATE, which are dead-lettered and why, which raise an exclusion alert. The bad rows
 * (one in 25, of ten kinds) and the alerts are spread evenly through the feed, so every chunk has some.
 */
import { schoolColumns, type SchoolColumn } from '../../feeds/records/school-columns.js';
import { badUpn, schoolHeaderLine, upnFor } from '../../feeds/records/testing/record-fixtures.js';

export const censusUrn = '123456';
const censusDate = '2026-11-05';
const asOf = '2026-11-06T08:00:00Z';
/** Within the 30 days before the feeds' clock (2026-12-03) that make a first return's exclusion news. */
const recentExclusion = '2026-11-04';
const recentPermanentExclusion = '2026-11-20';
/** Older than 30 days: history, no alert. */
const oldExclusion = '2026-09-15';

export type ExpectedState =
  | { state: 'ACCEPTED'; childId: string }
  | { state: 'DUPLICATE'; childId: string }
  | { state: 'REJECTED'; reason: string };

export interface CensusFeed {
  /** The CSV as a school sends it. */
  bytes: Buffer;
  /** The children the feed's good rows are about, to seed in the identity index. */
  children: Array<{ childId: string; upn: string }>;
  /** Every data row's expected settlement, by position (line number; the header is line 1). */
  expected: Map<number, ExpectedState>;
  /** The event keys of the SCHOOL_EXCLUSION alerts the feed raises, by the position that raises each. */
  alerts: Map<number, string>;
}

type Row = Partial<Record<SchoolColumn, string>>;

const line = (row: Row) => {
  const full: Record<SchoolColumn, string> = {
    upn: '',
    school_urn: censusUrn,
    census_date: censusDate,
    as_of: asOf,
    year_group: '7',
    sessions_possible: '100',
    sessions_attended: '90',
    suspensions: '0',
    permanent_exclusion: 'N',
    latest_exclusion_date: '',
    sen_provision: 'N',
    ehcp: 'N',
    ...row,
  };
  return schoolColumns.map((column) => full[column]).join(',');
};

/** Children not in the identity index, for rows that must not match one. */
const unseeded = (n: number) => upnFor(900_000 + n);

/**
 * `rows` data rows (the header comes first). Row i is bad when i % 25 === 12, cycling through ten kinds; the rest
 * are returns for distinct children, some with exclusions (recent: an alert; older than 30 days: none).
 */
export function buildCensusFeed(rows: number): CensusFeed {
  const lines: Buffer[] = [Buffer.from(schoolHeaderLine)];
  const children: CensusFeed['children'] = [];
  const expected = new Map<number, ExpectedState>();
  const alerts = new Map<number, string>();
  /** The latest good row with no exclusion: what the duplicate kinds copy. */
  let plain: { text: string; row: Row; childId: string } | null = null;
  let bad = 0;

  for (let i = 0; i < rows; i += 1) {
    const position = i + 2;
    const reject = (reason: string, text: string | Buffer) => {
      expected.set(position, { state: 'REJECTED', reason });
      lines.push(typeof text === 'string' ? Buffer.from(text) : text);
    };
    if (i % 25 === 12 && plain) {
      const kind = bad % 10;
      bad += 1;
      if (kind === 0) reject('UPN_CHECK_LETTER', line({ upn: badUpn(children.length + 1) }));
      else if (kind === 1) reject('UNKNOWN_CODE', line({ upn: unseeded(bad), year_group: 'Q' }));
      else if (kind === 2) reject('MISSING_FIELD', line({ upn: unseeded(bad), school_urn: '' }));
      else if (kind === 3) reject('SCHEMA', line({ upn: unseeded(bad), sessions_attended: '120' }));
      else if (kind === 4) reject('FUTURE_DATE', line({ upn: unseeded(bad), census_date: '2027-01-10' }));
      else if (kind === 5) reject('NO_MATCHING_CHILD', line({ upn: unseeded(bad) }));
      else if (kind === 6)
        reject(
          'BAD_ENCODING',
          Buffer.concat([Buffer.from(line({ upn: unseeded(bad) })), Buffer.from([0xff])]),
        );
      else if (kind === 7)
        // Same key and version as a row already in this feed, other content: the first in the feed wins.
        reject('DUPLICATE_IN_FEED', line({ ...plain.row, year_group: 'X' }));
      else if (kind === 8) reject('MISSING_FIELD', line({ upn: unseeded(bad), suspensions: '2' }));
      else {
        // The same row sent twice in one feed: nothing new, nothing wrong.
        expected.set(position, { state: 'DUPLICATE', childId: plain.childId });
        lines.push(Buffer.from(plain.text));
      }
      continue;
    }
    const n = children.length + 1;
    const childId = `child-${n}`;
    const upn = upnFor(n);
    children.push({ childId, upn });
    let row: Row = { upn, year_group: String((n % 11) + 1) };
    let alertDate: string | null = null;
    if (n % 20 === 3) {
      row = { ...row, suspensions: '1', latest_exclusion_date: recentExclusion };
      alertDate = recentExclusion;
    } else if (n % 20 === 9) {
      row = { ...row, suspensions: '2', latest_exclusion_date: oldExclusion };
    } else if (n % 97 === 50) {
      row = { ...row, permanent_exclusion: 'Y', latest_exclusion_date: recentPermanentExclusion };
      alertDate = recentPermanentExclusion;
    }
    const text = line(row);
    lines.push(Buffer.from(text));
    expected.set(position, { state: 'ACCEPTED', childId });
    if (alertDate) alerts.set(position, `school/${censusUrn}/${censusDate}/${alertDate}/${childId}`);
    else if (row.suspensions === undefined) plain = { text, row, childId };
  }
  const crlf = Buffer.from('\r\n');
  return { bytes: Buffer.concat(lines.flatMap((bytes) => [bytes, crlf])), children, expected, alerts };
}

/** Counts of an expected outcome: data records by state, and letters by reason. */
export function expectedCounts(expected: ReadonlyMap<number, ExpectedState>) {
  const counts = { accepted: 0, duplicates: 0, rejected: 0, letters: {} as Record<string, number> };
  for (const outcome of expected.values()) {
    if (outcome.state === 'ACCEPTED') counts.accepted += 1;
    else if (outcome.state === 'DUPLICATE') counts.duplicates += 1;
    else {
      counts.rejected += 1;
      counts.letters[outcome.reason] = (counts.letters[outcome.reason] ?? 0) + 1;
    }
  }
  return counts;
}
