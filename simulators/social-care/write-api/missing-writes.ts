import { HttpProblem } from '../../kit/json-errors.js';
import type { SqlClient } from '../sql-client.js';
import { socialCareEvent } from './social-care-event.js';
import type { EndMissingBody, StartMissingBody } from './write-bodies.js';
import type { WriteResult } from './write-result.js';
import { newId, requireAbsent, requirePerson } from './write-result.js';

const flag = (value: boolean | null): string | null => (value === null ? null : value ? 'Y' : 'N');

export async function startMissing(
  client: SqlClient,
  schema: string,
  body: StartMissingBody,
): Promise<WriteResult> {
  await requirePerson(client, schema, body.personId);
  const missingEpisodeId = body.missingEpisodeId ?? newId('MISS');
  await requireAbsent(client, schema, 'ssd_missing', 'miss_table_id', missingEpisodeId);
  await client.query(
    `INSERT INTO ${schema}.ssd_missing (miss_table_id, miss_person_id, miss_missing_episode_start_date,
       miss_missing_episode_type) VALUES ($1, $2, $3, $4)`,
    [missingEpisodeId, body.personId, body.startDate, body.type],
  );
  await client.query(
    `INSERT INTO ${schema}.ssdx_missing_detail (msdx_miss_table_id, msdx_person_id, msdx_review_requested)
     VALUES ($1, $2, 'N')`,
    [missingEpisodeId, body.personId],
  );
  const data = { missingEpisodeId, startDate: body.startDate, type: body.type };
  return { response: data, event: socialCareEvent('missing.started', body.personId, body.startDate, data) };
}

export async function endMissing(
  client: SqlClient,
  schema: string,
  missingEpisodeId: string,
  body: EndMissingBody,
): Promise<WriteResult> {
  const { rows } = await client.query(
    `SELECT miss_person_id, miss_missing_episode_end_date FROM ${schema}.ssd_missing
      WHERE miss_table_id = $1 FOR UPDATE`,
    [missingEpisodeId],
  );
  const found = rows[0] as { miss_person_id: string; miss_missing_episode_end_date: unknown } | undefined;
  if (found === undefined)
    throw new HttpProblem(404, 'MISSING_EPISODE_NOT_FOUND', `No missing episode ${missingEpisodeId}`);
  if (found.miss_missing_episode_end_date !== null) {
    throw new HttpProblem(
      409,
      'MISSING_EPISODE_ALREADY_ENDED',
      `Missing episode ${missingEpisodeId} has already ended`,
    );
  }
  await client.query(
    `UPDATE ${schema}.ssd_missing
        SET miss_missing_episode_end_date = $2, miss_missing_rhi_offered = $3, miss_missing_rhi_accepted = $4
      WHERE miss_table_id = $1`,
    [missingEpisodeId, body.endDate, flag(body.rhiOffered), flag(body.rhiAccepted)],
  );
  await client.query(
    `INSERT INTO ${schema}.ssdx_missing_detail (msdx_miss_table_id, msdx_person_id, msdx_rhi_date, msdx_review_requested)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (msdx_miss_table_id)
     DO UPDATE SET msdx_rhi_date = EXCLUDED.msdx_rhi_date, msdx_review_requested = EXCLUDED.msdx_review_requested`,
    [missingEpisodeId, found.miss_person_id, body.rhiDate, flag(body.reviewRequested)],
  );
  const data = {
    missingEpisodeId,
    endDate: body.endDate,
    rhiOffered: body.rhiOffered,
    rhiAccepted: body.rhiAccepted,
    rhiDate: body.rhiDate,
    reviewRequested: body.reviewRequested,
  };
  return {
    response: data,
    event: socialCareEvent('missing.ended', found.miss_person_id, body.endDate, data),
  };
}
