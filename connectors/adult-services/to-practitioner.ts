import type { PractitionerValue } from './graphql-values.js';
import type { ContactPayload } from './payload-schemas.js';

export type AdultRole = 'TRANSITION_WORKER' | 'PERSONAL_ADVISER';

/**
 * A contact as a Practitioner. The role is the one the record names them in (the pathway plan's adviser is the
 * child's personal adviser), not their job title elsewhere.
 */
export function toPractitioner(
  contact: ContactPayload,
  role: AdultRole,
  since: string | null,
): PractitionerValue {
  return {
    agency: 'ADULT_SERVICES',
    name: contact.name,
    role,
    organisation: contact.organisation?.name ?? null,
    email: contact.email,
    phone: contact.phone === '' ? null : contact.phone,
    since,
  };
}
