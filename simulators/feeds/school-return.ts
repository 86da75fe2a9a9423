/**
 * One pupil's census return, as the school's system would extract it from the education record: the current
 * school, the year group on the census date, the year's attendance so far, suspensions and exclusions in the
 * twelve months before the census, and SEN provision.
 */
import { addYears, dayFromIso, isoDate, schoolYearStartYear, yearGroupOn } from '../population/dates.js';
import type { SeededRandom } from '../population/random.js';
import type { KnownPupil } from './known-children.js';
import { maxRevision } from './feed-types.js';

export const schoolColumns = [
  'upn',
  'school_urn',
  'census_date',
  'as_of',
  'year_group',
  'sessions_possible',
  'sessions_attended',
  'suspensions',
  'permanent_exclusion',
  'latest_exclusion_date',
  'sen_provision',
  'ehcp',
] as const;
export type SchoolColumn = (typeof schoolColumns)[number];
export type SchoolReturn = Record<SchoolColumn, string>;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function yearGroupLabel(yearGroup: number): string {
  if (yearGroup <= -2) return 'N1';
  if (yearGroup === -1) return 'N2';
  if (yearGroup === 0) return 'R';
  if (yearGroup > 14) return 'X';
  return String(yearGroup);
}

/**
 * The extract time: two days before `now`, less up to six hours, plus `revision` hours, so versions of one
 * return order by revision and every one of them is in the past.
 */
export function extractTime(now: string, random: SeededRandom, revision: number): string {
  const ms = Date.parse(now) - 2 * DAY_MS - random.int(0, 360) * 60_000 + revision * HOUR_MS;
  return new Date(ms).toISOString();
}

function academicYearLabel(day: number): string {
  const year = schoolYearStartYear(day);
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Sessions so far in the census's school year; enough of them that a revision can always change the count. */
function sessions(pupil: KnownPupil, censusDay: number, random: SeededRandom): [number, number] {
  const label = academicYearLabel(censusDay);
  const rows = pupil.record.attendance.filter((row) => row.academicYear === label);
  const possible = rows.reduce((sum, row) => sum + row.possibleSessions, 0);
  const attended = rows.reduce((sum, row) => sum + row.attendedSessions, 0);
  if (possible > 2 * maxRevision + 1) return [possible, attended];
  const synthetic = random.int(60, 142);
  return [synthetic, Math.round(synthetic * Math.min(1, Math.max(0.5, random.normal(0.93, 0.04))))];
}

/** A changed attendance count for a revision, kept within 0..possible. */
export function revisedAttended(attended: number, possible: number, revision: number): number {
  const up = attended + revision;
  return up >= 0 && up <= possible ? up : attended - revision;
}

export function schoolReturnOf(
  pupil: KnownPupil,
  options: { censusDate: string; round: number; now: string; revision: number; random: SeededRandom },
): SchoolReturn {
  // A pupil named again (more rows wanted than pupils known) is named in an earlier year's census.
  const censusDay = addYears(dayFromIso(options.censusDate), -options.round);
  const [possible, attended] = sessions(pupil, censusDay, options.random);
  const asOf = extractTime(options.now, options.random, options.revision);
  const windowStart = addYears(censusDay, -1);
  const atSchool = pupil.record.exclusions.filter(
    (e) =>
      e.schoolUrn === pupil.schoolUrn && dayFromIso(e.date) <= censusDay && dayFromIso(e.date) > windowStart,
  );
  const suspensions = atSchool.filter((e) => e.kind === 'SUSPENSION').length;
  const permanent = atSchool.some((e) => e.kind === 'PERMANENT');
  const latest =
    atSchool
      .map((e) => e.date)
      .sort()
      .at(-1) ?? '';
  const sen = pupil.record.senProvision;
  return {
    upn: pupil.upn,
    school_urn: pupil.schoolUrn,
    census_date: isoDate(censusDay),
    as_of: asOf,
    year_group: yearGroupLabel(yearGroupOn(dayFromIso(pupil.dateOfBirth), censusDay)),
    sessions_possible: String(possible),
    sessions_attended: String(revisedAttended(attended, possible, options.revision)),
    suspensions: String(suspensions),
    permanent_exclusion: permanent ? 'Y' : 'N',
    latest_exclusion_date: latest,
    sen_provision: sen,
    ehcp: sen === 'E' ? 'Y' : 'N',
  };
}

export function schoolReturnKey(row: Pick<SchoolReturn, 'upn' | 'school_urn' | 'census_date'>): string {
  return `${row.upn}|${row.school_urn}|${row.census_date}`;
}
