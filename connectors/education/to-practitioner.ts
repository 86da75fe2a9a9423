import type { PractitionerValue } from './graphql-values.js';
import type { ContactPayload } from './payload-schemas.js';

export type EducationRole = 'SENCO' | 'DESIGNATED_TEACHER' | 'VIRTUAL_SCHOOL_HEAD';

/**
 * A contact as a Practitioner. The role is the one the record names them in (the SENCO slot makes them the
 * child's SENCO), not their job title elsewhere.
 */
export function toPractitioner(contact: ContactPayload, role: EducationRole): PractitionerValue {
  return {
    agency: 'EDUCATION',
    name: contact.name,
    role,
    organisation: contact.organisation?.name ?? null,
    email: contact.email,
    phone: contact.phone === '' ? null : contact.phone,
    since: null,
  };
}
