import { HttpProblem } from '../../kit/json-errors.js';
import type { SqlClient } from '../sql-client.js';
import { socialCareEvent } from './social-care-event.js';
import type { CompleteAssessmentBody, CreateAssessmentBody } from './write-bodies.js';
import type { WriteResult } from './write-result.js';
import { newId, requireAbsent, requirePerson } from './write-result.js';

const authorisedOutcome = JSON.stringify({ NFA_FLAG: 'N', OTHER_OUTCOMES_EXIST_FLAG: 'Y' });

async function writeFactors(
  client: SqlClient,
  schema: string,
  assessmentId: string,
  factors: string[],
): Promise<void> {
  await client.query(
    `INSERT INTO ${schema}.ssd_assessment_factors (cinf_table_id, cinf_assessment_id, cinf_assessment_factors_json)
     VALUES ($1, $2, $3)
     ON CONFLICT (cinf_table_id) DO UPDATE SET cinf_assessment_factors_json = EXCLUDED.cinf_assessment_factors_json`,
    [`${assessmentId}-F`, assessmentId, JSON.stringify(factors)],
  );
}

function completedEvent(
  personId: string,
  assessmentId: string,
  referralId: string | null,
  authorisedDate: string,
  factors: string[],
) {
  const data = { assessmentId, referralId, authorisedDate, factors };
  return { data, event: socialCareEvent('assessment.completed', personId, authorisedDate, data) };
}

/** Starts a Child and Family Assessment; authorised at once when `authorisedDate` is given. */
export async function createAssessment(
  client: SqlClient,
  schema: string,
  body: CreateAssessmentBody,
): Promise<WriteResult> {
  await requirePerson(client, schema, body.personId);
  const assessmentId = body.assessmentId ?? newId('ASM');
  await requireAbsent(client, schema, 'ssd_cin_assessments', 'cina_assessment_id', assessmentId);
  let referralId = body.referralId ?? null;
  if (referralId === null) {
    const { rows } = await client.query(
      `SELECT cine_referral_id FROM ${schema}.ssd_cin_episodes WHERE cine_person_id = $1
        ORDER BY cine_referral_date DESC LIMIT 1`,
      [body.personId],
    );
    referralId = rows[0] === undefined ? null : String(rows[0].cine_referral_id);
  }
  const authorised = body.authorisedDate !== null;
  await client.query(
    `INSERT INTO ${schema}.ssd_cin_assessments (cina_assessment_id, cina_person_id, cina_referral_id,
       cina_assessment_start_date, cina_assessment_child_seen, cina_assessment_auth_date, cina_assessment_outcome_json,
       cina_assessment_outcome_nfa, cina_assessment_worker_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      assessmentId,
      body.personId,
      referralId,
      body.startDate,
      body.childSeen ? 'Y' : 'N',
      body.authorisedDate,
      authorised ? authorisedOutcome : null,
      authorised ? 'N' : null,
      body.workerId,
    ],
  );
  await writeFactors(client, schema, assessmentId, body.factors);
  const response = {
    assessmentId,
    referralId,
    startDate: body.startDate,
    authorisedDate: body.authorisedDate,
  };
  if (body.authorisedDate === null) return { response, event: null };
  const { event } = completedEvent(
    body.personId,
    assessmentId,
    referralId,
    body.authorisedDate,
    body.factors,
  );
  return { response, event };
}

/** Authorises (completes) an assessment in progress. */
export async function completeAssessment(
  client: SqlClient,
  schema: string,
  assessmentId: string,
  body: CompleteAssessmentBody,
): Promise<WriteResult> {
  const { rows } = await client.query(
    `SELECT a.cina_person_id, a.cina_referral_id, a.cina_assessment_auth_date, f.cinf_assessment_factors_json
       FROM ${schema}.ssd_cin_assessments a
       LEFT JOIN ${schema}.ssd_assessment_factors f ON f.cinf_assessment_id = a.cina_assessment_id
      WHERE a.cina_assessment_id = $1
      FOR UPDATE OF a`,
    [assessmentId],
  );
  const found = rows[0] as
    | {
        cina_person_id: string;
        cina_referral_id: string | null;
        cina_assessment_auth_date: unknown;
        cinf_assessment_factors_json: string | null;
      }
    | undefined;
  if (found === undefined)
    throw new HttpProblem(404, 'ASSESSMENT_NOT_FOUND', `No assessment ${assessmentId}`);
  if (found.cina_assessment_auth_date !== null) {
    throw new HttpProblem(
      409,
      'ASSESSMENT_ALREADY_AUTHORISED',
      `Assessment ${assessmentId} is already authorised`,
    );
  }
  await client.query(
    `UPDATE ${schema}.ssd_cin_assessments
        SET cina_assessment_auth_date = $2, cina_assessment_outcome_json = $3, cina_assessment_outcome_nfa = 'N'
      WHERE cina_assessment_id = $1`,
    [assessmentId, body.authorisedDate, authorisedOutcome],
  );
  const factors =
    body.factors ??
    (found.cinf_assessment_factors_json ? (JSON.parse(found.cinf_assessment_factors_json) as string[]) : []);
  if (body.factors !== undefined) await writeFactors(client, schema, assessmentId, body.factors);
  const { data, event } = completedEvent(
    found.cina_person_id,
    assessmentId,
    found.cina_referral_id,
    body.authorisedDate,
    factors,
  );
  return { response: data, event };
}
