/**
 * Builds joined records for rule tests: every agency read and empty unless the test says otherwise, so a test
 * states only the facts its rule reads. Only tests import this.
 */
import type { AdultServicesSectionValue } from '../../../connectors/adult-services/adult-section.js';
import type { EducationSectionValue } from '../../../connectors/education/education-section.js';
import type { HealthRecordsValue, HealthSectionValue } from '../../../connectors/health/to-health-section.js';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import type {
  AgencyPart,
  AgencyReadState,
  ChildIdentityValue,
  HubPartValue,
  JoinedChildRecord,
  ResidentialContextValue,
} from '../joined-record.js';
import { rulesDefaults, type RulesConfig } from '../rules-config.js';
import type { RuleContext } from '../rule.js';
import { englandDayOf } from '../time/calendar-day.js';
import { createWorkingDayCalendar } from '../time/working-days.js';

export const asOf = '2026-11-25T09:00:00.000Z';

export function emptySocialCare(): SocialCareSectionValue {
  return {
    personIds: ['P1'],
    sealedReason: null,
    status: {
      lookedAfter: false,
      childInNeed: false,
      childProtectionPlan: false,
      legalStatus: null,
      careLeaver: false,
    },
    sendFlag: null,
    disabilities: [],
    referrals: [],
    assessments: [],
    childInNeedPlans: [],
    visits: [],
    s47Enquiries: [],
    initialConferences: [],
    childProtectionPlans: [],
    childProtectionReviews: [],
    careEpisodes: [],
    legalStatuses: [],
    placements: [],
    currentPlacement: null,
    lookedAfterReviews: [],
    healthAssessments: [],
    carePlans: [],
    placementPlans: [],
    missingEpisodes: [],
    careLeaver: null,
    placementReferrals: [],
    placementAssessments: [],
    meetings: [],
    placementNotifications: [],
    coresidentNotifications: [],
  };
}

export function emptyHealthRecords(): HealthRecordsValue {
  return {
    conditions: [],
    medications: [],
    allergies: [],
    immunisations: [],
    encounters: [],
    observations: [],
  };
}

export function emptyHealth(): HealthSectionValue {
  return {
    ...emptyHealthRecords(),
    registeredPractice: null,
    registeredGp: null,
    registrations: [],
    patients: [],
    aAndEAttendances: [],
    hospitalAdmissions: [],
    sexualHealth: emptyHealthRecords(),
    mentalHealth: emptyHealthRecords(),
    asOf,
  } as HealthSectionValue;
}

export function emptyEducation(): EducationSectionValue {
  return {
    pupilIds: ['E1'],
    currentEnrolment: null,
    enrolments: [],
    attendance: [],
    exclusions: [],
    senProvision: 'N',
    senNeeds: [],
    ehcNeedsAssessments: [],
    personalEducationPlans: [],
  };
}

export function emptyAdultServices(): AdultServicesSectionValue {
  return {
    personIds: ['A1'],
    transitionReferrals: [],
    s58Assessments: [],
    pathwayPlans: [],
    transitionWorkers: [],
    cldEvents: [],
  };
}

export function part<S>(
  agency: AgencyPart<S>['agency'],
  section: S | null,
  state: AgencyReadState = 'OK',
): AgencyPart<S> {
  return {
    agency,
    state,
    asOf: state === 'NOT_LINKED' ? null : asOf,
    reason: state === 'OK' || state === 'NOT_LINKED' ? null : 'UPSTREAM_UNAVAILABLE',
    section: state === 'OK' ? section : null,
  };
}

export interface RecordOverrides {
  child?: Partial<ChildIdentityValue>;
  socialCare?: Partial<SocialCareSectionValue> | AgencyReadState;
  health?: Partial<HealthSectionValue> | AgencyReadState;
  education?: Partial<EducationSectionValue> | AgencyReadState;
  adultServices?: Partial<AdultServicesSectionValue> | AgencyReadState;
  residential?: ResidentialContextValue | null;
  hub?: Partial<HubPartValue>;
}

function build<S>(
  agency: AgencyPart<S>['agency'],
  empty: () => S,
  override: Partial<S> | AgencyReadState | undefined,
) {
  if (typeof override === 'string') return part(agency, override === 'OK' ? empty() : null, override);
  return part(agency, { ...empty(), ...override });
}

/** A child read from every agency; each section empty unless overridden, or a state (e.g. 'UNAVAILABLE'). */
export function joinedRecord(overrides: RecordOverrides = {}): JoinedChildRecord {
  return {
    child: {
      id: 'child-1',
      dateOfBirth: '2012-05-10',
      nhsNumber: '9434765919',
      upn: null,
      links: [],
      identityConflicts: [],
      ...overrides.child,
    },
    socialCare: build('SOCIAL_CARE', emptySocialCare, overrides.socialCare),
    health: build('HEALTH', emptyHealth, overrides.health),
    education: build('EDUCATION', emptyEducation, overrides.education),
    adultServices: build('ADULT_SERVICES', emptyAdultServices, overrides.adultServices),
    residential: overrides.residential ?? null,
    hub: { coResidentNotices: [], handoffs: [], ...overrides.hub },
    readAt: asOf,
  };
}

/** A rule context at `now` (default: the record's read time), with the shipped calendar and default windows. */
export function ruleContext(now: string = asOf, config: Partial<RulesConfig> = {}): RuleContext {
  const at = new Date(now);
  return {
    now: at,
    today: englandDayOf(at),
    calendar: createWorkingDayCalendar(),
    config: { ...rulesDefaults, ...config },
  };
}
