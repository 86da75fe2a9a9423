import type { PersonIndexPage } from '../connector.js';
import type { EducationClient } from './education-client.js';
import { toPersonRecord } from './to-person-record.js';

/** The system's largest index page; a larger ask is served a page at a time through `next`. */
export const maxIndexPageSize = 1000;

/** One page of every pupil record the education system holds, for the identity index. */
export async function readPersonIndexPage(
  client: EducationClient,
  cursor: string | null,
  limit: number,
): Promise<PersonIndexPage> {
  const pageSize = Number.isFinite(limit)
    ? Math.max(1, Math.min(maxIndexPageSize, Math.floor(limit)))
    : maxIndexPageSize;
  const page = await client.indexPage(cursor, pageSize);
  return { records: page.people.map(toPersonRecord), next: page.next };
}
