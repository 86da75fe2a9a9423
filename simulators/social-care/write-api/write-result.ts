import type { SimEvent } from '../../kit/webhooks.js';
import { HttpProblem } from '../../kit/json-errors.js';
import type { SqlClient } from '../sql-client.js';
import { randomHex } from '../database/random-secret.js';

/** What a write returns: the body to answer with and the event to send once the transaction has committed. */
export interface WriteResult {
  response: Record<string, unknown>;
  event: SimEvent | null;
}

export function newId(prefix: string): string {
  return `${prefix}-${randomHex(6).toUpperCase()}`;
}

export async function requirePerson(client: SqlClient, schema: string, personId: string): Promise<void> {
  const { rows } = await client.query(`SELECT 1 FROM ${schema}.ssd_person WHERE pers_person_id = $1`, [
    personId,
  ]);
  if (rows.length === 0) throw new HttpProblem(404, 'PERSON_NOT_FOUND', `No person ${personId}`);
}

export async function requireAbsent(
  client: SqlClient,
  schema: string,
  table: string,
  keyColumn: string,
  key: string,
): Promise<void> {
  const { rows } = await client.query(`SELECT 1 FROM ${schema}.${table} WHERE ${keyColumn} = $1`, [key]);
  if (rows.length > 0) throw new HttpProblem(409, 'ALREADY_EXISTS', `${key} already exists`);
}
