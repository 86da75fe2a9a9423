import type { PersonIndexPage } from '../connector.js';
import type { AdultServicesClient } from './adult-client.js';
import { toPersonRecord } from './to-person-record.js';

/** The system's largest index page; a larger ask is served a page at a time through `next`. */
export const maxIndexPageSize = 1000;

/** One page of every person record adult services hold, for the identity index. */
export async function readPersonIndexPage(
  client: AdultServicesClient,
  cursor: string | null,
  limit: number,
): Promise<PersonIndexPage> {
  const pageSize = Number.isFinite(limit)
    ? Math.max(1, Math.min(maxIndexPageSize, Math.floor(limit)))
    : maxIndexPageSize;
  const page = await client.indexPage(cursor, pageSize);
  return { records: page.people.map(toPersonRecord), next: page.next };
}
