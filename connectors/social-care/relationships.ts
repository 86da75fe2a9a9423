/**
 * Reads the relationships the SSD records for a set of people: their open involvements, in one statement per
 * batch of ids.
 *
 * The SSD's ssd_professionals has no email column, and neither does the local extension, so there is no email to
 * name a professional by yet: `professionalEmails` is the one place that would read one (for example from a
 * `ssdx_professional_contact` table), and until then no relationship is returned rather than one naming a staff
 * id no caller could match.
 */
import type { Relationship } from '../connector.js';
import type { SocialCareClient } from './social-care-client.js';
import { ssd } from './ssd-tables.js';
import { toRelationships } from './to-relationships.js';

const idsPerRead = 1000;

async function professionalEmails(_professionalIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  return new Map();
}

export async function readRelationships(
  client: SocialCareClient,
  personIds: readonly string[],
): Promise<Relationship[]> {
  const wanted = [...new Set(personIds)];
  const relationships: Relationship[] = [];
  for (let start = 0; start < wanted.length; start += idsPerRead) {
    const involvements = await client.rowsWhereAny(
      ssd.involvements,
      'invo_person_id',
      wanted.slice(start, start + idsPerRead),
    );
    const open = involvements.filter((row) => row.invo_involvement_end_date === null);
    const emails = await professionalEmails(open.flatMap((row) => row.invo_professional_id ?? []));
    relationships.push(...toRelationships(open, emails));
  }
  return relationships;
}
