/**
 * Landing school census returns in feed_school_returns: one row per (UPN, school URN, census date), the latest
 * as_of. A return that shows a new exclusion raises a SCHOOL_EXCLUSION alert: more suspensions or a permanent
 * exclusion newly Y against the version landed before it, or — for a first return — an exclusion dated within the
 * last 30 days (an old exclusion seen for the first time is history, not news). The event key ends with the
 * child's hub id: two pupils of one school can share a census and an exclusion date, and notices are deduplicated
 * by event key.
 */
import type { SchoolReturn } from '../records/school-return.js';
import { daysBetween, type RecordClock } from '../records/record-clock.js';
import { canonicalJson } from './canonical-json.js';
import type { HeldVersion } from './decide-versions.js';
import type { Landing } from './land-versioned.js';

interface SchoolFacts {
  suspensions: number;
  permanentExclusion: boolean;
}

export const recentExclusionDays = 30;

const keyOf = (upn: string, urn: string, censusDate: string) => `${upn}/${urn}/${censusDate}`;

/** What makes two returns of the same version the same: every value but provenance. */
const contentOf = (record: Omit<SchoolReturn, 'asOf'>) =>
  canonicalJson({
    upn: record.upn,
    schoolUrn: record.schoolUrn,
    censusDate: record.censusDate,
    yearGroup: record.yearGroup,
    sessionsPossible: record.sessionsPossible,
    sessionsAttended: record.sessionsAttended,
    suspensions: record.suspensions,
    permanentExclusion: record.permanentExclusion,
    latestExclusionDate: record.latestExclusionDate,
    senProvision: record.senProvision,
    ehcp: record.ehcp,
  });

interface LandedRow {
  upn: string;
  school_urn: string;
  census_date: string;
  as_of: Date;
  year_group: string;
  sessions_possible: number;
  sessions_attended: number;
  suspensions: number;
  permanent_exclusion: boolean;
  latest_exclusion_date: string | null;
  sen_provision: SchoolReturn['senProvision'];
  ehcp: boolean;
  feed_id: string;
}

export function schoolLanding(options: {
  feedId: string;
  now: Date;
  clock: RecordClock;
}): Landing<SchoolReturn, SchoolFacts> {
  const { feedId, now, clock } = options;
  return {
    identifierColumn: 'upn',
    keyFields: 'upn, school_urn, census_date, as_of',
    identifierOf: (record) => record.upn,
    keyOf: (record) => keyOf(record.upn, record.schoolUrn, record.censusDate),
    heldOf: (record, heldFeedId) => ({
      version: Date.parse(record.asOf),
      content: contentOf(record),
      feedId: heldFeedId,
      facts: { suspensions: record.suspensions, permanentExclusion: record.permanentExclusion },
    }),
    async loadLanded(tx, records) {
      const { rows } = await tx.query<LandedRow>(
        `SELECT upn, school_urn, to_char(census_date, 'YYYY-MM-DD') AS census_date, as_of, year_group,
                sessions_possible, sessions_attended, suspensions, permanent_exclusion,
                to_char(latest_exclusion_date, 'YYYY-MM-DD') AS latest_exclusion_date, sen_provision, ehcp, feed_id
           FROM feed_school_returns
          WHERE (upn, school_urn, census_date) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::date[]))
          ORDER BY upn, school_urn, census_date
          FOR UPDATE`,
        [
          records.map((record) => record.upn),
          records.map((record) => record.schoolUrn),
          records.map((record) => record.censusDate),
        ],
      );
      return new Map(
        rows.map((row): [string, HeldVersion<SchoolFacts>] => [
          keyOf(row.upn, row.school_urn, row.census_date),
          {
            version: new Date(row.as_of).getTime(),
            content: contentOf({
              upn: row.upn,
              schoolUrn: row.school_urn,
              censusDate: row.census_date,
              yearGroup: row.year_group,
              sessionsPossible: row.sessions_possible,
              sessionsAttended: row.sessions_attended,
              suspensions: row.suspensions,
              permanentExclusion: row.permanent_exclusion,
              latestExclusionDate: row.latest_exclusion_date,
              senProvision: row.sen_provision,
              ehcp: row.ehcp,
            }),
            feedId: row.feed_id,
            facts: { suspensions: row.suspensions, permanentExclusion: row.permanent_exclusion },
          },
        ]),
      );
    },
    async write(tx, rows) {
      if (rows.length === 0) return new Set();
      const { rows: written } = await tx.query<{ upn: string; school_urn: string; census_date: string }>(
        `INSERT INTO feed_school_returns AS held
           (upn, school_urn, census_date, child_id, as_of, year_group, sessions_possible, sessions_attended,
            suspensions, permanent_exclusion, latest_exclusion_date, sen_provision, ehcp, feed_id, position,
            landed_at)
         SELECT r.upn, r.school_urn, r.census_date, r.child_id, r.as_of, r.year_group, r.sessions_possible,
                r.sessions_attended, r.suspensions, r.permanent_exclusion, r.latest_exclusion_date,
                r.sen_provision, r.ehcp, $1, r.position, $2
           FROM jsonb_to_recordset($3::jsonb) AS r(upn text, school_urn text, census_date date, child_id text,
                as_of timestamptz, year_group text, sessions_possible integer, sessions_attended integer,
                suspensions integer, permanent_exclusion boolean, latest_exclusion_date date, sen_provision text,
                ehcp boolean, position integer)
         ON CONFLICT (upn, school_urn, census_date) DO UPDATE
            SET child_id = excluded.child_id, as_of = excluded.as_of, year_group = excluded.year_group,
                sessions_possible = excluded.sessions_possible, sessions_attended = excluded.sessions_attended,
                suspensions = excluded.suspensions, permanent_exclusion = excluded.permanent_exclusion,
                latest_exclusion_date = excluded.latest_exclusion_date, sen_provision = excluded.sen_provision,
                ehcp = excluded.ehcp, feed_id = excluded.feed_id, position = excluded.position,
                landed_at = excluded.landed_at
          WHERE held.as_of < excluded.as_of
         RETURNING upn, school_urn, to_char(census_date, 'YYYY-MM-DD') AS census_date`,
        [
          feedId,
          now.toISOString(),
          JSON.stringify(
            // In key order, like the locks above: two feeds landing the same keys never deadlock.
            [...rows].sort(byKey).map(({ position, record, childId }) => ({
              upn: record.upn,
              school_urn: record.schoolUrn,
              census_date: record.censusDate,
              child_id: childId,
              as_of: record.asOf,
              year_group: record.yearGroup,
              sessions_possible: record.sessionsPossible,
              sessions_attended: record.sessionsAttended,
              suspensions: record.suspensions,
              permanent_exclusion: record.permanentExclusion,
              latest_exclusion_date: record.latestExclusionDate,
              sen_provision: record.senProvision,
              ehcp: record.ehcp,
              position,
            })),
          ),
        ],
      );
      return new Set(written.map((row) => keyOf(row.upn, row.school_urn, row.census_date)));
    },
    alertsOf(record, childId, previous) {
      const excluded = record.suspensions > 0 || record.permanentExclusion;
      const exclusionDate = record.latestExclusionDate;
      if (!excluded || exclusionDate === null) return [];
      const isNew = previous
        ? record.suspensions > previous.facts.suspensions ||
          (record.permanentExclusion && !previous.facts.permanentExclusion)
        : daysBetween(exclusionDate, clock.today) <= recentExclusionDays;
      if (!isNew) return [];
      return [
        {
          kind: 'SCHOOL_EXCLUSION',
          childId,
          eventKey: `school/${record.schoolUrn}/${record.censusDate}/${exclusionDate}/${childId}`,
          occurredAt: `${exclusionDate}T00:00:00.000Z`,
        },
      ];
    },
  };
}

const byKey = (a: { record: SchoolReturn }, b: { record: SchoolReturn }) => {
  const left = keyOf(a.record.upn, a.record.schoolUrn, a.record.censusDate);
  const right = keyOf(b.record.upn, b.record.schoolUrn, b.record.censusDate);
  return left < right ? -1 : left > right ? 1 : 0;
};
