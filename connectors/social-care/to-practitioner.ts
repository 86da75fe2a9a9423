/** An SSD professional as a Practitioner. The SSD records no work email or phone, so both stay null. */
import type { PractitionerValue } from './graphql-values.js';
import { dayOf } from './lists.js';
import type { ProfessionalRow } from './payload-schemas.js';

export function toPractitioner(
  professional: ProfessionalRow,
  role: string,
  since: string | null,
): PractitionerValue {
  return {
    agency: 'SOCIAL_CARE',
    name: professional.prof_professional_name ?? 'Name not recorded',
    role,
    organisation: professional.prof_professional_department,
    email: null,
    phone: null,
    since: dayOf(since),
  };
}

// The job titles the SSD's professionals table carries, to the hub's role codes.
const rolesByJobTitle: Record<string, string> = {
  'social worker': 'SOCIAL_WORKER',
  'senior social worker': 'SOCIAL_WORKER',
  'team manager': 'TEAM_MANAGER',
  'independent reviewing officer': 'IRO',
  'personal adviser': 'PERSONAL_ADVISER',
  'personal advisor': 'PERSONAL_ADVISER',
};

/** A role code from a job title, for professionals named outside an involvement (e.g. a notified worker). */
export function roleFromJobTitle(jobTitle: string | null): string {
  const title = jobTitle?.trim() ?? '';
  const known = rolesByJobTitle[title.toLowerCase()];
  if (known) return known;
  const code = title
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return code === '' ? 'SOCIAL_CARE_PROFESSIONAL' : code;
}
