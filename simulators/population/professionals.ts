/**
 * The practitioners around the children, created in numbers that give realistic caseloads: about 16 open cases per
 * social worker in teams of seven with a manager, 65 children per IRO, 20 care leavers per personal adviser, 25
 * transition cases per transition worker, four to six GPs per practice, a SENCO and a designated teacher per school.
 */
import type { AgencyCode, Professional } from './model.js';
import { ADULT_GIVEN_NAMES, DRAMA_PHONE_PREFIXES, FAMILY_NAMES } from './name-data.js';
import type { SeededRandom } from './random.js';

export const CASELOADS = {
  socialWorker: 16,
  teamSize: 7,
  iro: 65,
  personalAdviser: 20,
  transitionWorker: 25,
  lacNurse: 150,
} as const;

export const EMAIL_DOMAINS: Readonly<Record<AgencyCode, string>> = {
  'social-care': 'wexham.gov.uk',
  gp: 'nhs.net',
  education: 'wexham-schools.sch.uk',
  adult: 'wexham.gov.uk',
};

/** Creates professionals with unique e-mail addresses, drama-range phone numbers and SWE registrations. */
export class ProfessionalRegistry {
  readonly all: Professional[] = [];
  private readonly emails = new Set<string>();
  private registrationSerial: number;

  constructor(private readonly random: SeededRandom) {
    this.registrationSerial = random.int(100_000, 700_000);
  }

  create(
    role: Professional['role'],
    agency: AgencyCode,
    organisationId: string,
    team?: string,
  ): Professional {
    const given = this.random.pick(ADULT_GIVEN_NAMES);
    const family = this.random.pick(FAMILY_NAMES);
    const index = this.all.length;
    const professional: Professional = {
      id: `PRO${String(index + 1).padStart(6, '0')}`,
      agency,
      name: role === 'GP' ? `Dr ${given} ${family}` : `${given} ${family}`,
      role,
      organisationId,
      email: this.uniqueEmail(given, family, EMAIL_DOMAINS[agency]),
      phone: phoneNumber(index),
    };
    if (role === 'SOCIAL_WORKER' || role === 'IRO' || role === 'TEAM_MANAGER') {
      professional.registrationNumber = `SW${this.registrationSerial++}`;
    }
    if (team !== undefined) professional.team = team;
    this.all.push(professional);
    return professional;
  }

  private uniqueEmail(given: string, family: string, domain: string): string {
    const local = `${given}.${family}`.toLowerCase().replace(/[^a-z.]/g, '');
    let candidate = `${local}@${domain}`;
    for (let n = 2; this.emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    this.emails.add(candidate);
    return candidate;
  }
}

function phoneNumber(index: number): string {
  const prefix = DRAMA_PHONE_PREFIXES[Math.floor(index / 1000) % DRAMA_PHONE_PREFIXES.length] as string;
  return `${prefix}${String(index % 1000).padStart(3, '0')}`;
}

/** A social work team: a manager and the workers children are allocated to. */
export interface Team {
  name: string;
  manager: Professional;
  workers: Professional[];
}

/** Builds enough teams of `CASELOADS.teamSize` workers for `caseCount` open cases. */
export function buildTeams(
  registry: ProfessionalRegistry,
  baseName: string,
  caseCount: number,
  organisationId: string,
): Team[] {
  const workerCount = Math.max(1, Math.ceil(caseCount / CASELOADS.socialWorker));
  const teamCount = Math.max(1, Math.ceil(workerCount / CASELOADS.teamSize));
  const teams: Team[] = [];
  let remaining = workerCount;
  for (let t = 0; t < teamCount; t++) {
    const name = teamCount === 1 ? baseName : `${baseName} ${t + 1}`;
    const manager = registry.create('TEAM_MANAGER', 'social-care', organisationId, name);
    const size = Math.max(1, Math.ceil(remaining / (teamCount - t)));
    remaining -= size;
    const workers = Array.from({ length: size }, () =>
      registry.create('SOCIAL_WORKER', 'social-care', organisationId, name),
    );
    teams.push({ name, manager, workers });
  }
  return teams;
}

/** `count` professionals of one role, at least one. */
export function buildPool(
  registry: ProfessionalRegistry,
  role: Professional['role'],
  agency: AgencyCode,
  organisationId: string,
  count: number,
  team?: string,
): Professional[] {
  return Array.from({ length: Math.max(1, count) }, () =>
    registry.create(role, agency, organisationId, team),
  );
}
