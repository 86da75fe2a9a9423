/**
 * Pages through every person in the SSD for the identity index, in person id order with a keyset cursor (so a
 * page costs the same wherever it is, and people added meanwhile are not skipped). One statement per table a page:
 * ssd_person, then the page's linked identifiers, addresses and sealed records (ssdx_sealed_record).
 */
import type { PersonIndexPage } from '../connector.js';
import { HubError } from '../../platform/errors.js';
import { groupBy } from './lists.js';
import type { SocialCareClient } from './social-care-client.js';
import { socialCareAgency } from './social-care-client.js';
import { columnsOf, ssd } from './ssd-tables.js';
import { toPersonRecord } from './to-person-record.js';

export const maxIndexPageSize = 1000;

// One more row than the page, to know whether another page follows without asking for an empty one.
const pageSql = `SELECT ${columnsOf(ssd.personIndex)} FROM ${ssd.personIndex.name}
  WHERE ($1::text IS NULL OR pers_person_id > $1) ORDER BY pers_person_id LIMIT $2`;

/** The cursor is the last person id of the page, opaque to callers. */
export function encodeCursor(lastPersonId: string): string {
  return Buffer.from(JSON.stringify({ after: lastPersonId })).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof decoded.after === 'string' && decoded.after !== '') return decoded.after;
  } catch {
    // Falls through to the error below.
  }
  throw new HubError('BAD_REQUEST', { details: { agency: socialCareAgency, reason: 'INVALID_CURSOR' } });
}

export async function readPersonIndexPage(
  client: SocialCareClient,
  cursor: string | null,
  limit: number,
): Promise<PersonIndexPage> {
  const pageSize = Number.isFinite(limit)
    ? Math.max(1, Math.min(maxIndexPageSize, Math.floor(limit)))
    : maxIndexPageSize;
  const after = cursor === null ? null : decodeCursor(cursor);
  const rows = await client.rows(ssd.personIndex, pageSql, [after, pageSize + 1]);
  const people = rows.slice(0, pageSize);
  const ids = people.map((person) => person.pers_person_id);
  const [identifiers, addresses, sealedRecords] = await Promise.all([
    client.rowsWhereAny(ssd.linkedIdentifiers, 'link_person_id', ids),
    client.rowsWhereAny(ssd.address, 'addr_person_id', ids),
    client.rowsWhereAny(ssd.sealedRecords, 'seal_person_id', ids),
  ]);
  const identifiersByPerson = groupBy(identifiers, (row) => row.link_person_id);
  const addressesByPerson = groupBy(addresses, (row) => row.addr_person_id);
  const sealedByPerson = groupBy(sealedRecords, (row) => row.seal_person_id);
  const records = people.map((person) =>
    toPersonRecord(
      person,
      identifiersByPerson.get(person.pers_person_id) ?? [],
      addressesByPerson.get(person.pers_person_id) ?? [],
      sealedByPerson.get(person.pers_person_id) ?? [],
    ),
  );
  const last = people[people.length - 1];
  return { records, next: rows.length > pageSize && last ? encodeCursor(last.pers_person_id) : null };
}
