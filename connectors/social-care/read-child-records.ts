/**
 * Loads the SSD records of a batch of children with ONE statement per table, whatever the batch size: each table
 * keyed by person id is read with `= ANY($1)` over every id at once, in parallel; the reads keyed by something
 * else (assessment factors, reviews by period of care, professionals) start as soon as the rows they hang off
 * arrive. The result is validated rows grouped per child, ready to map.
 */
import { groupBy } from './lists.js';
import type { AssessmentFactorsRow, ClaReviewRow, ProfessionalRow } from './payload-schemas.js';
import type { SocialCareClient } from './social-care-client.js';
import { ssd } from './ssd-tables.js';
import {
  personKeyedReads,
  type ChildRecord,
  type PersonKeyedRead,
  type PersonKeyedReads,
  type PersonKeyedRows,
} from './child-record.js';

type PendingRows = { [K in keyof PersonKeyedReads]: Promise<PersonKeyedRows[K]> };

/** The records of the people found, by person id; an id the SSD does not hold is absent. */
export async function readChildRecords(
  client: SocialCareClient,
  personIds: readonly string[],
): Promise<Map<string, ChildRecord>> {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return new Map();

  const pending = Object.fromEntries(
    Object.entries(personKeyedReads).map(([name, read]: [string, PersonKeyedRead]) => [
      name,
      client.rowsWhereAny(read.table, read.column, ids),
    ]),
  ) as PendingRows;

  const factors = pending.assessments.then((assessments) =>
    client.rowsWhereAny(
      ssd.assessmentFactors,
      'cinf_assessment_id',
      assessments.map((assessment) => assessment.cina_assessment_id),
    ),
  );
  const reviews = pending.claEpisodes.then((episodes) =>
    client.rowsWhereAny(
      ssd.claReviews,
      'clar_cla_id',
      episodes.flatMap((episode) => episode.clae_cla_id ?? []),
    ),
  );
  const professionals = Promise.all([
    pending.involvements,
    pending.careLeavers,
    pending.coresidentNotifications,
  ]).then(([involvements, careLeavers, notifications]) =>
    client.rowsWhereAny(ssd.professionals, 'prof_professional_id', [
      ...involvements.flatMap((row) => row.invo_professional_id ?? []),
      ...careLeavers.flatMap((row) => row.clea_care_leaver_personal_advisor ?? []),
      ...notifications.flatMap((row) => row.corn_notified_professional_id ?? []),
    ]),
  );

  const names = Object.keys(pending) as Array<keyof PersonKeyedReads>;
  const tables = names.map((name) => pending[name]);
  // Every read settles before the batch answers, so none outlives the request; the first failure (in table
  // order, so the same fault always reports the same reason) is the batch's.
  const settled = await Promise.allSettled([...tables, factors, reviews, professionals]);
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const [tableRows, factorRows, reviewRows, professionalRows] = await Promise.all([
    Promise.all(tables),
    factors,
    reviews,
    professionals,
  ]);
  const rowsByTable = Object.fromEntries(names.map((name, i) => [name, tableRows[i]])) as PersonKeyedRows;
  return groupIntoRecords(rowsByTable, factorRows, reviewRows, professionalRows);
}

function groupIntoRecords(
  rows: PersonKeyedRows,
  factorRows: AssessmentFactorsRow[],
  reviewRows: ClaReviewRow[],
  professionalRows: ProfessionalRow[],
): Map<string, ChildRecord> {
  const names = Object.keys(personKeyedReads) as Array<keyof PersonKeyedReads>;
  const grouped = new Map<keyof PersonKeyedReads, Map<string, unknown[]>>();
  for (const name of names) {
    const column = personKeyedReads[name].column;
    grouped.set(
      name,
      groupBy(rows[name] as Array<Record<string, unknown>>, (row) => String(row[column])),
    );
  }
  const factorsByAssessment = groupBy(factorRows, (row) => row.cinf_assessment_id);
  const reviewsByPeriod = groupBy(reviewRows, (row) => row.clar_cla_id);
  const professionals = new Map(professionalRows.map((row) => [row.prof_professional_id, row]));

  const records = new Map<string, ChildRecord>();
  for (const person of rows.person) {
    const personId = person.pers_person_id;
    if (records.has(personId)) continue;
    const own = Object.fromEntries(
      names.map((name) => [name, grouped.get(name)?.get(personId) ?? []]),
    ) as PersonKeyedRows;
    const periods = new Set(own.claEpisodes.flatMap((episode) => episode.clae_cla_id ?? []));
    records.set(personId, {
      ...own,
      personId,
      person,
      assessmentFactors: own.assessments.flatMap(
        (assessment) => factorsByAssessment.get(assessment.cina_assessment_id) ?? [],
      ),
      claReviews: [...periods].flatMap((period) => reviewsByPeriod.get(period) ?? []),
      professionals,
    });
  }
  return records;
}
