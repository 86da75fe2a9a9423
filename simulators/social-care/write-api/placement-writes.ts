import { HttpProblem } from '../../kit/json-errors.js';
import type { SqlClient } from '../sql-client.js';
import { socialCareEvent } from './social-care-event.js';
import type { EndPlacementBody, StartPlacementBody } from './write-bodies.js';
import type { WriteResult } from './write-result.js';
import { newId, requireAbsent, requirePerson } from './write-result.js';

interface Episode {
  clae_cla_episode_id: string;
  clae_cla_id: string;
  clae_cla_placement_id: string | null;
  clae_cla_primary_need_code: string | null;
  clae_entered_care_date: string | null;
  clae_referral_id: string | null;
}

interface Unit {
  resu_urn: string | null;
  resu_postcode: string | null;
  resu_provider: string | null;
}

async function findUnit(client: SqlClient, schema: string, unitId: string): Promise<Unit> {
  const { rows } = await client.query(
    `SELECT resu_urn, resu_postcode, resu_provider FROM ${schema}.ssdx_residential_unit WHERE resu_unit_id = $1`,
    [unitId],
  );
  const unit = rows[0] as Unit | undefined;
  if (unit === undefined) throw new HttpProblem(404, 'UNIT_NOT_FOUND', `No residential unit ${unitId}`);
  return unit;
}

async function openEpisode(client: SqlClient, schema: string, personId: string): Promise<Episode | null> {
  const { rows } = await client.query(
    `SELECT clae_cla_episode_id, clae_cla_id, clae_cla_placement_id, clae_cla_primary_need_code,
            clae_entered_care_date::text AS clae_entered_care_date, clae_referral_id
       FROM ${schema}.ssd_cla_episodes
      WHERE clae_person_id = $1 AND clae_cla_episode_ceased_date IS NULL
      ORDER BY clae_cla_episode_start_date DESC
      LIMIT 1`,
    [personId],
  );
  return (rows[0] as Episode | undefined) ?? null;
}

async function insertEpisode(
  client: SqlClient,
  schema: string,
  values: {
    episodeId: string;
    personId: string;
    placementId: string;
    startDate: string;
    startReason: string;
    needCode: string | null;
    claId: string;
    referralId: string | null;
    enteredCareDate: string;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO ${schema}.ssd_cla_episodes (clae_cla_episode_id, clae_person_id, clae_cla_placement_id,
       clae_cla_episode_start_date, clae_cla_episode_start_reason, clae_cla_primary_need_code, clae_cla_id,
       clae_referral_id, clae_entered_care_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      values.episodeId,
      values.personId,
      values.placementId,
      values.startDate,
      values.startReason,
      values.needCode,
      values.claId,
      values.referralId,
      values.enteredCareDate,
    ],
  );
}

/**
 * Places a child, as SSDA903 records it: a current placement ends the same day with the given change reason; a
 * move within care closes the current episode (X1) and opens one with reason P in the same period of care; a
 * child not yet looked after starts a new period (reason S) with its legal status.
 */
export async function startPlacement(
  client: SqlClient,
  schema: string,
  body: StartPlacementBody,
): Promise<WriteResult> {
  await requirePerson(client, schema, body.personId);
  const placementId = body.placementId ?? newId('PL');
  await requireAbsent(client, schema, 'ssd_cla_placement', 'clap_cla_placement_id', placementId);
  const unit =
    body.residentialUnitId === null ? null : await findUnit(client, schema, body.residentialUnitId);

  const ended = await client.query(
    `UPDATE ${schema}.ssd_cla_placement
        SET clap_cla_placement_end_date = $2, clap_cla_placement_change_reason = $3
      WHERE clap_person_id = $1 AND clap_cla_placement_end_date IS NULL
      RETURNING clap_cla_placement_id`,
    [body.personId, body.startDate, body.previousPlacementChangeReason],
  );
  const endedPlacementIds = ended.rows.map((row) => String(row.clap_cla_placement_id));

  const current = await openEpisode(client, schema, body.personId);
  let claId: string;
  let episodeId: string;
  if (current === null) {
    claId = newId('CLA');
    episodeId = newId('EP');
    await insertEpisode(client, schema, {
      episodeId,
      personId: body.personId,
      placementId,
      startDate: body.startDate,
      startReason: 'S',
      needCode: body.needCode,
      claId,
      referralId: null,
      enteredCareDate: body.startDate,
    });
    await client.query(
      `INSERT INTO ${schema}.ssd_legal_status (lega_legal_status_id, lega_person_id, lega_legal_status,
         lega_legal_status_start_date) VALUES ($1, $2, $3, $4)`,
      [`${episodeId}-LS`, body.personId, body.legalStatus, body.startDate],
    );
  } else if (current.clae_cla_placement_id === null) {
    claId = current.clae_cla_id;
    episodeId = current.clae_cla_episode_id;
    await client.query(
      `UPDATE ${schema}.ssd_cla_episodes SET clae_cla_placement_id = $2 WHERE clae_cla_episode_id = $1`,
      [episodeId, placementId],
    );
  } else {
    claId = current.clae_cla_id;
    episodeId = newId('EP');
    await client.query(
      `UPDATE ${schema}.ssd_cla_episodes
          SET clae_cla_episode_ceased_date = $2, clae_cla_episode_ceased_reason = 'X1'
        WHERE clae_cla_episode_id = $1`,
      [current.clae_cla_episode_id, body.startDate],
    );
    await insertEpisode(client, schema, {
      episodeId,
      personId: body.personId,
      placementId,
      startDate: body.startDate,
      startReason: 'P',
      needCode: current.clae_cla_primary_need_code,
      claId,
      referralId: current.clae_referral_id,
      enteredCareDate: current.clae_entered_care_date ?? body.startDate,
    });
  }

  const placementType = body.placementType ?? 'K2';
  const urn = body.urn ?? unit?.resu_urn ?? null;
  await client.query(
    `INSERT INTO ${schema}.ssd_cla_placement (clap_cla_placement_id, clap_cla_id, clap_person_id,
       clap_cla_placement_start_date, clap_cla_placement_type, clap_cla_placement_urn, clap_cla_placement_distance,
       clap_cla_placement_provider, clap_cla_placement_postcode)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      placementId,
      claId,
      body.personId,
      body.startDate,
      placementType,
      urn,
      body.distanceMiles,
      body.providerCode ?? unit?.resu_provider ?? 'PR4',
      body.postcode ?? unit?.resu_postcode ?? null,
    ],
  );
  await client.query(
    `INSERT INTO ${schema}.ssdx_placement_detail (pldx_placement_id, pldx_person_id, pldx_cla_episode_id,
       pldx_residential_unit_id, pldx_intended_end_date, pldx_long_term, pldx_awaiting_long_term)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      placementId,
      body.personId,
      episodeId,
      body.residentialUnitId,
      body.intendedEndDate,
      body.isLongTerm ? 'Y' : 'N',
      body.awaitingLongTermPlacement ? 'Y' : 'N',
    ],
  );

  const data = {
    placementId,
    claId,
    claEpisodeId: episodeId,
    startDate: body.startDate,
    placementType,
    urn,
    residentialUnitId: body.residentialUnitId,
    endedPlacementIds,
  };
  return { response: data, event: socialCareEvent('placement.started', body.personId, body.startDate, data) };
}

export async function endPlacement(
  client: SqlClient,
  schema: string,
  placementId: string,
  body: EndPlacementBody,
): Promise<WriteResult> {
  const { rows } = await client.query(
    `SELECT clap_person_id, clap_cla_placement_end_date FROM ${schema}.ssd_cla_placement
      WHERE clap_cla_placement_id = $1 FOR UPDATE`,
    [placementId],
  );
  const placement = rows[0] as { clap_person_id: string; clap_cla_placement_end_date: unknown } | undefined;
  if (placement === undefined)
    throw new HttpProblem(404, 'PLACEMENT_NOT_FOUND', `No placement ${placementId}`);
  if (placement.clap_cla_placement_end_date !== null) {
    throw new HttpProblem(409, 'PLACEMENT_ALREADY_ENDED', `Placement ${placementId} has already ended`);
  }
  const personId = placement.clap_person_id;
  await client.query(
    `UPDATE ${schema}.ssd_cla_placement
        SET clap_cla_placement_end_date = $2, clap_cla_placement_change_reason = $3
      WHERE clap_cla_placement_id = $1`,
    [placementId, body.endDate, body.changeReason],
  );
  if (body.ceasedReason !== undefined) {
    await client.query(
      `UPDATE ${schema}.ssd_cla_episodes
          SET clae_cla_episode_ceased_date = $2, clae_cla_episode_ceased_reason = $3
        WHERE clae_person_id = $1 AND clae_cla_episode_ceased_date IS NULL`,
      [personId, body.endDate, body.ceasedReason],
    );
    await client.query(
      `UPDATE ${schema}.ssd_legal_status SET lega_legal_status_end_date = $2
        WHERE lega_person_id = $1 AND lega_legal_status_end_date IS NULL`,
      [personId, body.endDate],
    );
  }
  const data = {
    placementId,
    endDate: body.endDate,
    changeReason: body.changeReason,
    leftCare: body.ceasedReason !== undefined,
    ceasedReason: body.ceasedReason ?? null,
  };
  return { response: data, event: socialCareEvent('placement.ended', personId, body.endDate, data) };
}
