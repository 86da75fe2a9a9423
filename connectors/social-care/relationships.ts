/**
 * Reads the relationships the SSD records for a set of people, three statements per batch of ids: their
 * involvements, their care leaver records (which name the personal adviser), and the work e-mail of every
 * professional those name, from the local extension's `ssdx_professional_contact` (the standard's
 * ssd_professionals has no e-mail column).
 */
import type { Relationship } from '../connector.js';
import { isHubError } from '../../platform/errors.js';
import type { SocialCareClient } from './social-care-client.js';
import { ssd } from './ssd-tables.js';
import { toRelationships } from './to-relationships.js';

const idsPerRead = 1000;

/**
 * An extract without the contact table (or its e-mail column) names no one by e-mail: every relationship is then
 * left out, as for an unknown professional, instead of failing the read (and with it the identity sync).
 */
const absentContactTable = new Set(['UPSTREAM_SQLSTATE_42P01', 'UPSTREAM_SQLSTATE_42703']);

async function professionalEmails(
  client: SocialCareClient,
  professionalIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  try {
    const rows = await client.rowsWhereAny(ssd.professionalContacts, 'prco_professional_id', professionalIds);
    return new Map(
      rows.flatMap((row) => (row.prco_email === null ? [] : [[row.prco_professional_id, row.prco_email]])),
    );
  } catch (error) {
    const reason = isHubError(error) ? error.details?.['reason'] : undefined;
    if (typeof reason === 'string' && absentContactTable.has(reason)) return new Map();
    throw error;
  }
}

export async function readRelationships(
  client: SocialCareClient,
  personIds: readonly string[],
): Promise<Relationship[]> {
  const wanted = [...new Set(personIds)];
  const relationships: Relationship[] = [];
  for (let start = 0; start < wanted.length; start += idsPerRead) {
    const batch = wanted.slice(start, start + idsPerRead);
    const [involvements, careLeavers] = await Promise.all([
      client.rowsWhereAny(ssd.involvements, 'invo_person_id', batch),
      client.rowsWhereAny(ssd.careLeavers, 'clea_person_id', batch),
    ]);
    const open = involvements.filter((row) => row.invo_involvement_end_date === null);
    const emails = await professionalEmails(client, [
      ...open.flatMap((row) => row.invo_professional_id ?? []),
      ...careLeavers.flatMap((row) => row.clea_care_leaver_personal_advisor ?? []),
    ]);
    relationships.push(...toRelationships(open, emails, careLeavers));
  }
  return relationships;
}
