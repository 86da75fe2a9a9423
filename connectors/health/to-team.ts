/** A child's GP records → the practitioners around the child the GP system names: the registered GP. */
import type { GpPatientRecord, PractitionerValue } from './health-types.js';

/**
 * The registered GP (role GP) with the practice as organisation; a practice with no named GP appears as itself
 * (role GP_PRACTICE), so the team still says where the child is registered. Duplicate records at the same
 * practice with the same GP give one entry.
 */
export function toTeam(records: readonly GpPatientRecord[]): PractitionerValue[] {
  const team = new Map<string, PractitionerValue>();
  for (const { registration } of records) {
    const { gp, practice } = registration;
    if (gp !== null && gp.name !== null) {
      team.set(`Practitioner/${gp.id}|${practice?.id ?? ''}`, {
        agency: 'HEALTH',
        name: gp.name,
        role: 'GP',
        organisation: practice?.name ?? null,
        email: gp.email,
        phone: gp.phone ?? practice?.phone ?? null,
        since: null,
      });
    } else if (practice !== null && practice.name !== null) {
      team.set(`Organization/${practice.id}`, {
        agency: 'HEALTH',
        name: practice.name,
        role: 'GP_PRACTICE',
        organisation: practice.name,
        email: null,
        phone: practice.phone,
        since: null,
      });
    }
  }
  return [...team.values()];
}
