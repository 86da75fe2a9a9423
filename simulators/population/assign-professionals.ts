/**
 * Builds the workforce in numbers that fit the caseloads, then allocates each child's social worker (with the
 * occasional change of worker), team manager, IRO, personal adviser, GP and transition worker.
 */
import { ageInYears, type DayNumber } from './dates.js';
import type { GenerationContext } from './generation-context.js';
import type { Professional } from './model.js';
import type { AreaOrganisations } from './organisations.js';
import { hasComplexHealthNeeds } from './plan-health.js';
import { buildPool, buildTeams, CASELOADS, type ProfessionalRegistry, type Team } from './professionals.js';
import type { ChildProfile, SocialWorkerSpell } from './profile-types.js';
import type { SeededRandom } from './random.js';
import { SOCIAL_CARE_TEAMS } from './social-care-codes.js';

export interface Workforce {
  assessmentTeams: Team[];
  protectionTeams: Team[];
  careTeams: Team[];
  disabledTeams: Team[];
  iros: Professional[];
  personalAdvisers: Professional[];
  gpsByPractice: Map<string, Professional[]>;
  lacNurses: Professional[];
  sencoBySchool: Map<string, Professional>;
  designatedTeacherBySchool: Map<string, Professional>;
  virtualSchoolHead: Professional;
  transitionWorkers: Professional[];
}

function isDisabledChildrenCase(profile: ChildProfile, asOfDay: DayNumber): boolean {
  return profile.status === 'CIN' && hasComplexHealthNeeds(profile.health, asOfDay);
}

export function buildWorkforce(
  context: GenerationContext,
  registry: ProfessionalRegistry,
  area: AreaOrganisations,
  profiles: readonly ChildProfile[],
): Workforce {
  const random = context.random.fork('workforce');
  const count = (predicate: (p: ChildProfile) => boolean) =>
    profiles.reduce((n, p) => n + (predicate(p) ? 1 : 0), 0);
  const lac = count((p) => p.status === 'LAC');
  const cp = count((p) => p.status === 'CP');
  const disabled = count((p) => isDisabledChildrenCase(p, context.asOfDay));
  const cin = count((p) => p.status === 'CIN') - disabled;
  const leavers = count((p) => p.status === 'LAC' && p.ageYears >= 16);
  const transition = count((p) => p.adultReferred);
  const la = area.localAuthority.id;

  const workforce: Workforce = {
    assessmentTeams: buildTeams(registry, SOCIAL_CARE_TEAMS.ASSESSMENT, Math.max(cin, 1), la),
    protectionTeams: buildTeams(registry, SOCIAL_CARE_TEAMS.CHILD_PROTECTION, Math.max(cp, 1), la),
    careTeams: buildTeams(registry, SOCIAL_CARE_TEAMS.CHILDREN_IN_CARE, Math.max(lac, 1), la),
    disabledTeams: buildTeams(registry, SOCIAL_CARE_TEAMS.DISABLED_CHILDREN, Math.max(disabled, 1), la),
    iros: buildPool(
      registry,
      'IRO',
      'social-care',
      la,
      Math.ceil((lac + cp) / CASELOADS.iro),
      SOCIAL_CARE_TEAMS.IRO,
    ),
    personalAdvisers: buildPool(
      registry,
      'PERSONAL_ADVISER',
      'social-care',
      la,
      Math.ceil(leavers / CASELOADS.personalAdviser),
      SOCIAL_CARE_TEAMS.LEAVING_CARE,
    ),
    gpsByPractice: new Map(),
    lacNurses: buildPool(registry, 'LAC_NURSE', 'gp', area.icb.id, Math.ceil(lac / CASELOADS.lacNurse)),
    sencoBySchool: new Map(),
    designatedTeacherBySchool: new Map(),
    virtualSchoolHead: registry.create('VIRTUAL_SCHOOL_HEAD', 'education', la, 'Virtual School'),
    transitionWorkers: buildPool(
      registry,
      'TRANSITION_WORKER',
      'adult',
      area.adultServices.id,
      Math.ceil(transition / CASELOADS.transitionWorker),
      'Preparing for Adulthood',
    ),
  };
  for (const practice of area.practices) {
    const gps = buildPool(registry, 'GP', 'gp', practice.id, random.int(4, 6));
    registry.create('PRACTICE_NURSE', 'gp', practice.id);
    workforce.gpsByPractice.set(practice.id, gps);
  }
  for (const school of [...area.primaries, ...area.secondaries, ...area.special, area.pru, area.college]) {
    const id = school.organisation.id;
    workforce.sencoBySchool.set(id, registry.create('SENCO', 'education', id));
    workforce.designatedTeacherBySchool.set(id, registry.create('DESIGNATED_TEACHER', 'education', id));
  }
  return workforce;
}

export function assignProfessionals(
  context: GenerationContext,
  workforce: Workforce,
  area: AreaOrganisations,
  profiles: readonly ChildProfile[],
): void {
  for (const profile of profiles) {
    const random = context.random.fork(`assign:${profile.index}`);
    const assignments = profile.assignments;
    if (profile.gpRegistered) {
      const practice = random.pick(area.practices);
      assignments.gpPractice = practice;
      assignments.gp = random.pick(workforce.gpsByPractice.get(practice.id) ?? []);
    }
    if (profile.adultReferred) assignments.transitionWorker = random.pick(workforce.transitionWorkers);
    if (profile.status === 'NONE' || profile.referralDay === null) continue;
    assignments.socialWorkers = socialWorkerSpells(random, context, workforce, profile, profile.referralDay);
    const currentPeriod = profile.care[profile.care.length - 1];
    if (profile.status === 'LAC' && currentPeriod) {
      assignments.iro = { professional: random.pick(workforce.iros), from: currentPeriod.start };
    } else if (profile.status === 'CP') {
      assignments.iro = { professional: random.pick(workforce.iros), from: profile.referralDay };
    }
    if (profile.status === 'LAC' && ageInYears(profile.dob, context.asOfDay) >= 16) {
      assignments.personalAdviser = random.pick(workforce.personalAdvisers);
    }
  }
}

function socialWorkerSpells(
  random: SeededRandom,
  context: GenerationContext,
  workforce: Workforce,
  profile: ChildProfile,
  referralDay: DayNumber,
): SocialWorkerSpell[] {
  const spell = (teams: Team[], from: DayNumber, to: DayNumber | null): SocialWorkerSpell => {
    const team = random.pick(teams);
    return { professional: random.pick(team.workers), team, from, to };
  };
  const asOf = context.asOfDay;
  switch (profile.status) {
    case 'CLOSED':
      return [
        spell(workforce.assessmentTeams, referralDay, Math.min(asOf - 1, referralDay + random.int(30, 90))),
      ];
    case 'CARE_LEFT': {
      const end = profile.care[profile.care.length - 1]?.end ?? asOf - 30;
      return [spell(workforce.careTeams, referralDay, Math.min(asOf - 1, end + random.int(20, 90)))];
    }
    case 'CIN':
      return splitForChange(random, asOf, [
        spell(
          isDisabledChildrenCase(profile, asOf) ? workforce.disabledTeams : workforce.assessmentTeams,
          referralDay,
          null,
        ),
      ]);
    case 'CP':
      return splitForChange(random, asOf, [spell(workforce.protectionTeams, referralDay, null)]);
    case 'LAC': {
      const careStart = profile.care[profile.care.length - 1]?.start ?? referralDay;
      // Children often start with the assessment team and transfer to a children-in-care team.
      if (careStart - referralDay > 20 && random.chance(0.5)) {
        const handover = Math.min(asOf - 1, careStart + random.int(20, 90));
        return splitForChange(random, asOf, [
          spell(workforce.assessmentTeams, referralDay, handover),
          spell(workforce.careTeams, handover, null),
        ]);
      }
      return splitForChange(random, asOf, [spell(workforce.careTeams, referralDay, null)]);
    }
    default:
      return [];
  }
}

/** Long-open cases often change worker once. */
function splitForChange(
  random: SeededRandom,
  asOf: DayNumber,
  spells: SocialWorkerSpell[],
): SocialWorkerSpell[] {
  const last = spells[spells.length - 1];
  if (!last || last.to !== null || asOf - last.from < 400 || !random.chance(0.4)) return spells;
  const others = last.team.workers.filter((w) => w !== last.professional);
  if (others.length === 0) return spells;
  const change = random.int(last.from + 120, asOf - 60);
  const replacement = random.pick(others);
  last.to = change;
  return [...spells, { professional: replacement, team: last.team, from: change, to: null }];
}

/** The social worker allocated on a given day (or the nearest spell, for days outside all spells). */
export function socialWorkerOn(profile: ChildProfile, day: DayNumber): Professional | null {
  const spells = profile.assignments.socialWorkers;
  for (const spell of spells)
    if (spell.from <= day && (spell.to === null || spell.to > day)) return spell.professional;
  return spells[spells.length - 1]?.professional ?? null;
}
