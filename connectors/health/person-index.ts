/**
 * Pages through every patient the GP system holds, for the identity index. The cursor is the server's own `next`
 * link, encoded so callers treat it as opaque; it is checked again on the way back in, so a cursor can only ever
 * lead to the configured server.
 */
import type { PersonIndexPage } from '../connector.js';
import { HubError } from '../../platform/errors.js';
import type { HealthClient } from './health-client.js';
import { healthAgency } from './health-client.js';
import { isKnownResource } from './payload-schemas.js';
import { toPersonRecord } from './to-person-record.js';

export function encodeCursor(nextUrl: string): string {
  return Buffer.from(nextUrl, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const url = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!URL.canParse(url)) {
    throw new HubError('BAD_REQUEST', {
      safeMessage: 'The person index cursor is not valid.',
      details: { agency: healthAgency },
    });
  }
  return url;
}

export async function personIndexPage(
  client: HealthClient,
  cursor: string | null,
  limit: number,
): Promise<PersonIndexPage> {
  const page = await client.patientPage(cursor === null ? null : decodeCursor(cursor), limit);
  const records = page.resources
    .filter(isKnownResource)
    .flatMap((resource) => (resource.resourceType === 'Patient' ? [toPersonRecord(resource)] : []));
  return { records, next: page.next === null ? null : encodeCursor(page.next) };
}
