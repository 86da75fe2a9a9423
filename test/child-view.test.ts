/**
 * The one child view, end to end over HTTP: the four agency simulators with the demo population (a generated
 * area plus the learning-review children), the identity index built from them, and the real gateway
 * (buildGateway over the stitched schema) answering POST /graphql. Checks the full view of learning-review child
 * A, the residential unit A, B and C share, that a page of 100 children costs one upstream request per agency,
 * that each agency failing (down, too slow, malformed) fails only its own part — without identifiers in the
 * errors, and reported once — and that identity problems are surfaced and bad identifiers refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyName } from '../simulators/host.js';
import type { PersonTruth, SocialCareRecord } from '../simulators/population/model.js';
import {
  startChildViewHarness,
  type ChildViewHarness,
  type GraphQLResponse,
} from './support/child-view-harness.js';

type AgencyCode = 'SOCIAL_CARE' | 'HEALTH' | 'EDUCATION' | 'ADULT_SERVICES';

const dayMs = 86_400_000;

/**
 * Settings for every gateway here: no retries and breakers that never open, so each fault case sees one clean
 * failure; a patient timeout, so a loaded machine does not turn a healthy agency into a slow one (the slow case
 * lowers its agency's own).
 */
const connectorEnv: Record<string, string> = Object.fromEntries(
  ['SOCIAL_CARE', 'HEALTH', 'EDUCATION', 'ADULT_SERVICES'].flatMap((prefix) => [
    [`${prefix}_TIMEOUT_MS`, '5000'],
    [`${prefix}_RETRIES`, '0'],
    [`${prefix}_BREAKER_THRESHOLD`, '100'],
  ]),
);

const agencies: ReadonlyArray<{
  code: AgencyCode;
  simulator: AgencyName;
  envPrefix: string;
  keyField: 'socialCarePersonIds' | 'gpPatientIds' | 'educationPupilIds' | 'adultPersonIds';
  section: 'socialCare' | 'health' | 'education' | 'adultServices';
}> = [
  {
    code: 'SOCIAL_CARE',
    simulator: 'social-care',
    envPrefix: 'SOCIAL_CARE',
    keyField: 'socialCarePersonIds',
    section: 'socialCare',
  },
  { code: 'HEALTH', simulator: 'gp', envPrefix: 'HEALTH', keyField: 'gpPatientIds', section: 'health' },
  {
    code: 'EDUCATION',
    simulator: 'education',
    envPrefix: 'EDUCATION',
    keyField: 'educationPupilIds',
    section: 'education',
  },
  {
    code: 'ADULT_SERVICES',
    simulator: 'adult',
    envPrefix: 'ADULT_SERVICES',
    keyField: 'adultPersonIds',
    section: 'adultServices',
  },
];

// ── queries ──────────────────────────────────────────────────────────────────────────────────────────────────

const fullChildFields = /* GraphQL */ `
  fragment FullChild on Child {
    id
    givenName
    familyName
    dateOfBirth
    sex
    nhsNumber
    upn
    socialCarePersonIds
    gpPatientIds
    educationPupilIds
    adultPersonIds
    links {
      agency
      localId
      method
    }
    identityConflicts {
      agency
      localId
      kind
    }
    socialCare {
      personIds
      status {
        lookedAfter
        childInNeed
        childProtectionPlan
        legalStatus
        careLeaver
      }
      disabilities
      careEpisodes {
        id
        legalStatus
        startDate
      }
      placements {
        id
        type
        startDate
        endDate
        interim
        intendedEndDate
        awaitingLongTermPlacement
        residentialUnit {
          id
          name
          urn
        }
      }
      currentPlacement {
        id
      }
      missingEpisodes {
        id
        startDate
        endDate
        returnInterviewDate
        reviewRequested
      }
      placementReferrals {
        id
        date
        assessmentId
        assessmentAuthorisedDate
        risks
        diagnoses
        medications
        missingHistory
        resultingPlacementId
      }
      careLeaver {
        eligibility
        needsAssessmentDate
        pathwayPlanDate
      }
    }
    health {
      registeredPractice {
        odsCode
        name
      }
      registeredGp {
        name
      }
      conditions {
        display
        active
      }
      medications {
        display
        status
      }
      allergies {
        display
      }
      aAndEAttendances {
        reason
      }
      mentalHealth {
        encounters {
          kind
          reason
        }
        conditions {
          display
          active
        }
        medications {
          display
          status
        }
      }
    }
    education {
      pupilIds
      currentEnrolment {
        schoolName
        current
      }
      senProvision
      senNeeds
      ehcNeedsAssessments {
        id
        status
      }
      exclusions {
        kind
      }
    }
    adultServices {
      personIds
      transitionReferrals {
        id
      }
      transitionWorkers {
        name
      }
    }
    sources {
      agency
      state
      asOf
      reason
    }
    chronology {
      at
      agency
      kind
      summary
      recordId
    }
    teamAroundTheChild {
      agency
      name
      role
      organisation
    }
  }
`;

const byNhsNumberQuery = /* GraphQL */ `
  query ByNhsNumber($nhsNumber: String!) {
    childByIdentifier(system: NHS_NUMBER, value: $nhsNumber) {
      ...FullChild
    }
  }
  ${fullChildFields}
`;

const bySocialCareIdQuery = /* GraphQL */ `
  query BySocialCareId($id: String!) {
    childByIdentifier(system: SOCIAL_CARE_PERSON_ID, value: $id) {
      id
    }
  }
`;

const chronologyQuery = /* GraphQL */ `
  query Chronology($id: ID!, $agencies: [Agency!], $from: DateTime, $to: DateTime) {
    child(id: $id) {
      chronology(agencies: $agencies, from: $from, to: $to) {
        at
        agency
        kind
        recordId
      }
    }
  }
`;

const adultLinkedQuery = /* GraphQL */ `
  query AdultLinked {
    children(first: 5, filter: { linkedTo: [ADULT_SERVICES] }) {
      edges {
        node {
          ...FullChild
        }
      }
    }
  }
  ${fullChildFields}
`;

const residentialUnitQuery = /* GraphQL */ `
  query Unit($id: ID!, $at: DateTime) {
    residentialUnit(id: $id) {
      id
      name
      urn
      capacity
      residents(at: $at) {
        id
        givenName
        familyName
        socialCarePersonIds
      }
    }
  }
`;

/** A page with every section (and the cross-agency fields): what a caseload screen asks for. */
const fullPageQuery = /* GraphQL */ `
  query Page($first: Int!) {
    children(first: $first) {
      totalCount
      edges {
        node {
          id
          givenName
          familyName
          socialCarePersonIds
          gpPatientIds
          educationPupilIds
          adultPersonIds
          socialCare {
            status {
              lookedAfter
              childInNeed
              childProtectionPlan
            }
            referrals {
              id
              date
            }
            assessments {
              id
              factors
            }
            visits {
              id
              date
            }
            childProtectionPlans {
              id
            }
            placements {
              id
              type
              residentialUnit {
                id
                name
              }
            }
            lookedAfterReviews {
              id
            }
            carePlans {
              id
              health {
                conditions
              }
            }
            missingEpisodes {
              id
            }
            careLeaver {
              eligibility
              personalAdviser {
                name
              }
            }
            placementReferrals {
              id
            }
            meetings {
              id
            }
          }
          health {
            registeredPractice {
              odsCode
            }
            conditions {
              display
            }
            medications {
              display
            }
            allergies {
              display
            }
            immunisations {
              display
            }
            encounters {
              kind
            }
            mentalHealth {
              conditions {
                display
              }
            }
          }
          education {
            currentEnrolment {
              schoolName
            }
            attendance {
              percentage
            }
            exclusions {
              kind
            }
            senProvision
            ehcNeedsAssessments {
              status
            }
            personalEducationPlans {
              date
            }
          }
          adultServices {
            personIds
            transitionReferrals {
              id
            }
            s58Assessments {
              id
            }
            pathwayPlans {
              id
            }
            cldEvents {
              id
            }
          }
          sources {
            agency
            state
            reason
          }
          chronology {
            at
            agency
            kind
          }
          teamAroundTheChild {
            agency
            name
            role
          }
        }
      }
    }
  }
`;

/** For the fault cases: a plain page, and a page of children the failing agency certainly holds. */
const faultQuery = /* GraphQL */ `
  query Faulted($linkedTo: [Agency!]) {
    page: children(first: 100) {
      edges {
        node {
          ...FaultChild
        }
      }
    }
    linked: children(first: 20, filter: { linkedTo: $linkedTo }) {
      edges {
        node {
          ...FaultChild
        }
      }
    }
  }
  fragment FaultChild on Child {
    id
    givenName
    familyName
    nhsNumber
    upn
    socialCarePersonIds
    gpPatientIds
    educationPupilIds
    adultPersonIds
    socialCare {
      personIds
      status {
        lookedAfter
      }
      placements {
        id
      }
      missingEpisodes {
        id
      }
    }
    health {
      conditions {
        display
      }
      medications {
        display
      }
    }
    education {
      pupilIds
      senProvision
      enrolments {
        schoolUrn
      }
    }
    adultServices {
      personIds
      transitionReferrals {
        id
      }
    }
    sources {
      agency
      state
      reason
    }
    chronology {
      at
      agency
      kind
      recordId
    }
    teamAroundTheChild {
      agency
      name
      role
    }
  }
`;

const conflictQuery = /* GraphQL */ `
  query Conflicts($nhsNumber: String!) {
    childByIdentifier(system: NHS_NUMBER, value: $nhsNumber) {
      id
      upn
      educationPupilIds
      identityConflicts {
        agency
        localId
        kind
        detectedAt
      }
    }
  }
`;

const lookupQuery = /* GraphQL */ `
  query Lookup($system: IdentifierSystem!, $value: String!) {
    childByIdentifier(system: $system, value: $value) {
      id
    }
  }
`;

// ── response shapes ──────────────────────────────────────────────────────────────────────────────────────────

interface Source {
  agency: AgencyCode;
  state: string;
  asOf?: string | null;
  reason: string | null;
}
interface ChronologyEvent {
  at: string;
  agency: AgencyCode;
  kind: string;
  summary?: string;
  recordId: string | null;
}
interface TeamMember {
  agency: AgencyCode;
  name: string;
  role: string;
  organisation?: string | null;
}
interface ChildNode {
  id: string;
  givenName: string | null;
  familyName: string | null;
  nhsNumber?: string | null;
  upn?: string | null;
  socialCarePersonIds: string[];
  gpPatientIds: string[];
  educationPupilIds: string[];
  adultPersonIds: string[];
  socialCare: Record<string, unknown> | null;
  health: Record<string, unknown> | null;
  education: Record<string, unknown> | null;
  adultServices: Record<string, unknown> | null;
  sources: Source[];
  chronology: ChronologyEvent[];
  teamAroundTheChild: TeamMember[];
}
interface FullChild extends ChildNode {
  dateOfBirth: string;
  sex: string;
  links: Array<{ agency: AgencyCode; localId: string; method: string }>;
  identityConflicts: Array<{ agency: AgencyCode; localId: string; kind: string }>;
  socialCare: {
    personIds: string[];
    status: { lookedAfter: boolean; childInNeed: boolean; legalStatus: string | null; careLeaver: boolean };
    disabilities: string[];
    careEpisodes: Array<{ id: string; legalStatus: string | null }>;
    placements: Array<{
      id: string;
      type: string;
      startDate: string;
      endDate: string | null;
      interim: boolean;
      intendedEndDate: string | null;
      awaitingLongTermPlacement: boolean | null;
      residentialUnit: { id: string; name: string; urn: string } | null;
    }>;
    currentPlacement: { id: string } | null;
    missingEpisodes: Array<{
      id: string;
      startDate: string;
      endDate: string | null;
      returnInterviewDate: string | null;
      reviewRequested: boolean | null;
    }>;
    placementReferrals: Array<{
      id: string;
      date: string;
      assessmentId: string | null;
      assessmentAuthorisedDate: string | null;
      risks: string[] | null;
      diagnoses: string[] | null;
      medications: string[] | null;
      missingHistory: boolean | null;
      resultingPlacementId: string | null;
    }>;
    careLeaver: { eligibility: string | null; needsAssessmentDate: string | null } | null;
  } | null;
  health: {
    registeredPractice: { odsCode: string; name: string } | null;
    registeredGp: { name: string } | null;
    conditions: Array<{ display: string; active: boolean }>;
    medications: Array<{ display: string; status: string }>;
    allergies: Array<{ display: string }>;
    aAndEAttendances: Array<{ reason: string | null }>;
    mentalHealth: {
      encounters: Array<{ kind: string; reason: string | null }>;
      conditions: Array<{ display: string; active: boolean }>;
      medications: Array<{ display: string; status: string }>;
    };
  } | null;
  education: {
    pupilIds: string[];
    currentEnrolment: { schoolName: string; current: boolean } | null;
    senProvision: string;
    senNeeds: string[];
    ehcNeedsAssessments: unknown[];
    exclusions: Array<{ kind: string }>;
  } | null;
  adultServices: { personIds: string[]; transitionReferrals: unknown[]; transitionWorkers: unknown[] } | null;
}
interface Edges<T> {
  edges: Array<{ node: T }>;
}

// ── the running hub ──────────────────────────────────────────────────────────────────────────────────────────

let hub: ChildViewHarness;
let people: { a: PersonTruth; b: PersonTruth; c: PersonTruth };
let records: { a: SocialCareRecord; b: SocialCareRecord; c: SocialCareRecord };

function scenarioChild(key: string): { person: PersonTruth; socialCare: SocialCareRecord } {
  const truthKey = `learning-review/${key}`;
  const person = hub.population.people.find((p) => p.truthKey === truthKey);
  const socialCare = hub.population.socialCare.find((r) => r.truthKey === truthKey);
  if (!person || !socialCare) throw new Error(`the demo population has no ${truthKey}`);
  return { person, socialCare };
}

function professionalName(id: string): string {
  const found = hub.population.professionals.find((p) => p.id === id);
  if (!found) throw new Error(`no professional ${id}`);
  return found.name;
}

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeTruthy();
  return response.data as T;
}

const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * dayMs).toISOString();
const daysBetween = (earlier: string, later: string) => (Date.parse(later) - Date.parse(earlier)) / dayMs;

beforeAll(async () => {
  hub = await startChildViewHarness({ seed: 20261125, size: 400, env: connectorEnv });
  expect(hub.sync.unavailable).toEqual([]);
  const a = scenarioChild('child-a');
  const b = scenarioChild('child-b');
  const c = scenarioChild('child-c');
  people = { a: a.person, b: b.person, c: c.person };
  records = { a: a.socialCare, b: b.socialCare, c: c.socialCare };
}, 180_000);

afterAll(async () => {
  await hub?.close();
}, 60_000);

// ── 1. the full view of child A ──────────────────────────────────────────────────────────────────────────────

describe('the full view of learning-review child A', () => {
  let child: FullChild;

  beforeAll(async () => {
    const data = ok(
      await hub.gateway.graphql<{ childByIdentifier: FullChild | null }>(byNhsNumberQuery, {
        nhsNumber: people.a.nhsNumber,
      }),
    );
    expect(data.childByIdentifier).not.toBeNull();
    child = data.childByIdentifier as FullChild;
  });

  it('is the same child by NHS number and by social care id, with her identity', async () => {
    const bySocialCareId = ok(
      await hub.gateway.graphql<{ childByIdentifier: { id: string } | null }>(bySocialCareIdQuery, {
        id: records.a.personId,
      }),
    );
    expect(bySocialCareId.childByIdentifier?.id).toBe(child.id);
    expect(child).toMatchObject({
      givenName: 'Jade',
      familyName: 'Whitmore',
      dateOfBirth: people.a.dateOfBirth,
      sex: 'F',
      nhsNumber: people.a.nhsNumber,
      upn: people.a.upn,
      socialCarePersonIds: [records.a.personId],
      gpPatientIds: [expect.any(String)],
      educationPupilIds: [expect.any(String)],
      adultPersonIds: [],
      identityConflicts: [],
    });
    expect(new Set(child.links.map((link) => link.agency))).toEqual(
      new Set(['SOCIAL_CARE', 'HEALTH', 'EDUCATION']),
    );
  });

  it('shows social care: looked after, her placements ending at Oak House, missing episodes and referrals', () => {
    const socialCare = child.socialCare!;
    expect(socialCare).not.toBeNull();
    expect(socialCare.status).toMatchObject({ lookedAfter: true, legalStatus: 'V2', careLeaver: true });
    expect(socialCare.disabilities).toContain('BEH');

    // Two foster placements that broke down, then the emergency interim admission to Oak House, still open.
    expect(socialCare.placements.map((p) => p.id)).toEqual(records.a.placements.map((p) => p.id));
    expect(socialCare.placements.map((p) => p.type)).toEqual(['U6', 'U6', 'K2']);
    const oak = socialCare.placements.at(-1)!;
    expect(oak).toMatchObject({
      endDate: null,
      interim: true,
      awaitingLongTermPlacement: true,
      residentialUnit: { name: 'Oak House', urn: 'SC990001' },
    });
    expect(daysBetween(oak.startDate, hub.asOf)).toBeCloseTo(300, -1);
    expect(Date.parse(oak.intendedEndDate!)).toBeLessThan(Date.parse(hub.asOf));
    expect(socialCare.currentPlacement?.id).toBe(oak.id);
    expect(socialCare.placements.slice(0, 2).every((p) => p.residentialUnit === null)).toBe(true);

    // Five missing episodes (two before Oak House, three there; the last with a review requested).
    expect(socialCare.missingEpisodes).toHaveLength(5);
    expect(
      socialCare.missingEpisodes.every((m) => m.endDate !== null && m.returnInterviewDate !== null),
    ).toBe(true);
    expect(socialCare.missingEpisodes.at(-1)?.reviewRequested).toBe(true);

    // The Oak House referral relied on the D-700 assessment and left out her ADHD, its medicine and missing history.
    expect(socialCare.placementReferrals).toHaveLength(2);
    const oakReferral = socialCare.placementReferrals.find((r) => r.resultingPlacementId === oak.id);
    expect(oakReferral).toMatchObject({ diagnoses: [], medications: [], missingHistory: false });
    expect(oakReferral?.assessmentId).toBe(
      records.a.placementReferrals.find((r) => r.resultingPlacementId === oak.id)?.assessmentId,
    );
    expect(daysBetween(oakReferral!.assessmentAuthorisedDate!, hub.asOf)).toBeCloseTo(700, -1);
    expect(socialCare.careLeaver).toMatchObject({ eligibility: 'Eligible', needsAssessmentDate: null });
  });

  it('shows health: the conditions and medicines her GP records', () => {
    const health = child.health!;
    expect(health).not.toBeNull();
    expect(health.registeredPractice).toEqual({ odsCode: 'Y90001', name: 'Riverside Surgery' });
    expect(health.registeredGp?.name).toBe(professionalName('learning-review-gp-riverside'));
    const conditions = [...health.conditions, ...health.mentalHealth.conditions].map((c) => c.display);
    const medications = [...health.medications, ...health.mentalHealth.medications].map((m) => m.display);
    expect(conditions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/attention deficit/i),
        expect.stringMatching(/depress/i),
        expect.stringMatching(/self.?(harm|injur)/i),
      ]),
    );
    // ADHD is general health; depression and self-harm are mental health, kept under their own category.
    expect(health.conditions.map((c) => c.display)).toEqual([expect.stringMatching(/attention deficit/i)]);
    expect(health.mentalHealth.conditions.map((c) => c.display)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/depress/i),
        expect.stringMatching(/self.?(harm|injur)/i),
      ]),
    );
    expect(medications).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/methylphenidate/i),
        expect.stringMatching(/fluoxetine/i),
      ]),
    );
    expect(health.allergies.map((a) => a.display)).toEqual([expect.stringMatching(/penicillin/i)]);
    // Her A&E attendances were for self-harm and an overdose: mental health, not the general A&E list.
    const mentalHealthAttendances = health.mentalHealth.encounters.filter(
      (e) => e.kind === 'A_AND_E_ATTENDANCE',
    );
    expect(mentalHealthAttendances.length).toBeGreaterThanOrEqual(2);
    expect(health.aAndEAttendances.map((e) => e.reason)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/self.?harm|overdose/i)]),
    );
  });

  it('shows education: SEN support for SEMH, no EHC needs assessment', () => {
    expect(child.education).toMatchObject({
      senProvision: 'K',
      senNeeds: ['SEMH'],
      ehcNeedsAssessments: [],
      currentEnrolment: { schoolName: 'Wexham Riverside College', current: true },
      exclusions: [{ kind: 'SUSPENSION' }],
    });
  });

  it('reports every source: three agencies read, and no adult services record (the missing transition)', () => {
    const sources = Object.fromEntries(child.sources.map((s) => [s.agency, s]));
    expect(Object.keys(sources).sort()).toEqual(['ADULT_SERVICES', 'EDUCATION', 'HEALTH', 'SOCIAL_CARE']);
    for (const agency of ['SOCIAL_CARE', 'HEALTH', 'EDUCATION'] as const) {
      expect(sources[agency]).toMatchObject({ state: 'OK', reason: null, asOf: expect.any(String) });
    }
    // The scenario gives A no adult services record (ADULT_TRANSITION_MISSING): not linked, not "no concerns".
    expect(sources.ADULT_SERVICES).toMatchObject({ state: 'NOT_LINKED' });
    expect(child.adultServices).toBeNull();
  });

  it('answers adult services for a child it holds, with every agency that knows them OK', async () => {
    const data = ok(await hub.gateway.graphql<{ children: Edges<FullChild> }>(adultLinkedQuery));
    const linked = data.children.edges.map((edge) => edge.node);
    expect(linked.length).toBeGreaterThan(0);
    for (const node of linked) {
      expect(node.adultServices).not.toBeNull();
      expect(node.adultServices?.personIds).toEqual(node.adultPersonIds);
      for (const source of node.sources) {
        const keyField = agencies.find((a) => a.code === source.agency)!.keyField;
        expect(source.state).toBe(node[keyField].length > 0 ? 'OK' : 'NOT_LINKED');
      }
    }
  });

  it('has one chronology across agencies, oldest first, that filters by agency and by date', async () => {
    const events = child.chronology;
    expect(events.length).toBeGreaterThan(20);
    expect(new Set(events.map((e) => e.agency))).toEqual(new Set(['SOCIAL_CARE', 'HEALTH', 'EDUCATION']));
    for (let i = 1; i < events.length; i += 1) {
      expect(Date.parse(events[i]!.at)).toBeGreaterThanOrEqual(Date.parse(events[i - 1]!.at));
    }
    // Her admission to Oak House is on it.
    const oak = child.socialCare!.placements.at(-1)!;
    expect(events.some((e) => e.agency === 'SOCIAL_CARE' && e.recordId === oak.id)).toBe(true);

    const chronology = async (variables: Record<string, unknown>) =>
      ok(
        await hub.gateway.graphql<{ child: { chronology: ChronologyEvent[] } }>(chronologyQuery, {
          id: child.id,
          ...variables,
        }),
      ).child.chronology;
    const strip = (list: ChronologyEvent[]) =>
      list.map(({ at, agency, kind, recordId }) => ({ at, agency, kind, recordId }));

    const healthOnly = await chronology({ agencies: ['HEALTH'] });
    expect(healthOnly.length).toBeGreaterThan(0);
    expect(healthOnly).toEqual(strip(events.filter((e) => e.agency === 'HEALTH')));

    const from = daysBefore(hub.asOf, 365);
    const to = daysBefore(hub.asOf, 30);
    const lastYear = await chronology({ from, to });
    expect(lastYear.length).toBeGreaterThan(0);
    expect(lastYear).toEqual(
      strip(events.filter((e) => Date.parse(e.at) >= Date.parse(from) && Date.parse(e.at) <= Date.parse(to))),
    );
    const careAndSchool = await chronology({ agencies: ['SOCIAL_CARE', 'EDUCATION'], from });
    expect(careAndSchool).toEqual(
      strip(
        events.filter(
          (e) =>
            (e.agency === 'SOCIAL_CARE' || e.agency === 'EDUCATION') && Date.parse(e.at) >= Date.parse(from),
        ),
      ),
    );
  });

  it('has a team around her with her social worker, IRO and GP', () => {
    const team = child.teamAroundTheChild;
    expect(team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          agency: 'SOCIAL_CARE',
          role: 'SOCIAL_WORKER',
          name: professionalName('learning-review-sw-a'),
        }),
        expect.objectContaining({
          agency: 'SOCIAL_CARE',
          role: 'IRO',
          name: professionalName('learning-review-iro-1'),
        }),
        expect.objectContaining({
          agency: 'HEALTH',
          role: 'GP',
          name: professionalName('learning-review-gp-riverside'),
        }),
      ]),
    );
  });
});

// ── 2. the residential unit ──────────────────────────────────────────────────────────────────────────────────

describe('the residential unit A, B and C share', () => {
  it('lists its residents, C admitted after A and B, each resolved to their hub child', async () => {
    const unit = hub.population.residentialUnits.find((u) => u.urn === 'SC990001');
    expect(unit).toBeDefined();
    const hubIds: string[] = [];
    for (const person of [people.a, people.b, people.c]) {
      const found = ok(
        await hub.gateway.graphql<{ childByIdentifier: { id: string } | null }>(lookupQuery, {
          system: 'NHS_NUMBER',
          value: person.nhsNumber,
        }),
      );
      hubIds.push(found.childByIdentifier!.id);
    }
    type Unit = {
      residentialUnit: {
        id: string;
        name: string;
        urn: string;
        capacity: number;
        residents: Array<{
          id: string;
          givenName: string;
          familyName: string;
          socialCarePersonIds: string[];
        }>;
      } | null;
    };
    const now = ok(await hub.gateway.graphql<Unit>(residentialUnitQuery, { id: unit!.id }));
    expect(now.residentialUnit).toMatchObject({
      id: unit!.id,
      name: 'Oak House',
      urn: 'SC990001',
      capacity: 4,
    });
    expect(now.residentialUnit!.residents).toEqual([
      { id: hubIds[0], givenName: 'Jade', familyName: 'Whitmore', socialCarePersonIds: [records.a.personId] },
      { id: hubIds[1], givenName: 'Kyle', familyName: 'Brennan', socialCarePersonIds: [records.b.personId] },
      { id: hubIds[2], givenName: 'Tyler', familyName: 'Marsh', socialCarePersonIds: [records.c.personId] },
    ]);

    // Before C's admission (D-45) only A and B lived there.
    const before = ok(
      await hub.gateway.graphql<Unit>(residentialUnitQuery, { id: unit!.id, at: daysBefore(hub.asOf, 100) }),
    );
    expect(before.residentialUnit!.residents.map((r) => r.id)).toEqual([hubIds[0], hubIds[1]]);
  });
});

// ── 3. a page of 100 children ────────────────────────────────────────────────────────────────────────────────

describe('a page of 100 children with every section', () => {
  it('costs exactly one upstream request per agency (one statement per SSD table)', async () => {
    await hub.resetCounters();
    const data = ok(
      await hub.gateway.graphql<{ children: { totalCount: number } & Edges<ChildNode> }>(fullPageQuery, {
        first: 100,
      }),
    );
    const nodes = data.children.edges.map((edge) => edge.node);
    expect(data.children.totalCount).toBeGreaterThan(400);
    expect(nodes).toHaveLength(100);

    const [socialCare, gp, education, adult] = await Promise.all(
      (['social-care', 'gp', 'education', 'adult'] as const).map((agency) => hub.counters(agency)),
    );
    const linked = (field: (typeof agencies)[number]['keyField']) =>
      nodes.some((node) => node[field].length > 0);
    expect(linked('socialCarePersonIds') && linked('gpPatientIds') && linked('educationPupilIds')).toBe(true);
    expect({ gp: gp!.total, education: education!.total, adult: adult!.total }).toEqual({
      gp: 1,
      education: 1,
      // Adult services holds one person in this population; it is read only when that child is on the page.
      adult: linked('adultPersonIds') ? 1 : 0,
    });
    expect(socialCare!.total).toBeGreaterThan(0);
    for (const [table, count] of Object.entries(socialCare!.counts)) {
      expect({ table, count }).toEqual({ table, count: 1 });
    }

    // Every section the page asked for is there for each child an agency holds.
    for (const node of nodes) {
      for (const agency of agencies) {
        const source = node.sources.find((s) => s.agency === agency.code);
        const held = node[agency.keyField].length > 0;
        expect(source?.state).toBe(held ? 'OK' : 'NOT_LINKED');
        expect(node[agency.section] !== null).toBe(held && source?.state === 'OK');
      }
    }
  });
});

// ── 4. one agency failing ────────────────────────────────────────────────────────────────────────────────────

const faults = [
  { name: 'down', settings: { down: true }, timeoutMs: null, state: 'UNAVAILABLE' },
  // Well past the timeout the agency is given for this case, so the case takes half a second, not five.
  { name: 'too slow', settings: { latencyMs: 2500 }, timeoutMs: 500, state: 'TIMED_OUT' },
  { name: 'malformed', settings: { malformedRate: 1 }, timeoutMs: null, state: 'UNAVAILABLE' },
] as const;

const failureCodes: Record<string, string> = {
  UNAVAILABLE: 'UPSTREAM_UNAVAILABLE|UPSTREAM_BAD_PAYLOAD',
  TIMED_OUT: 'UPSTREAM_TIMEOUT',
};

interface FaultData {
  page: Edges<ChildNode>;
  linked: Edges<ChildNode>;
}

describe('one agency failing fails only its own part', () => {
  let healthy: Map<string, ChildNode>;

  beforeAll(async () => {
    healthy = new Map();
    for (const agency of agencies) {
      const data = ok(await hub.gateway.graphql<FaultData>(faultQuery, { linkedTo: [agency.code] }));
      for (const node of [...data.page.edges, ...data.linked.edges].map((edge) => edge.node)) {
        healthy.set(node.id, node);
      }
    }
  });

  const cases = agencies.flatMap((agency) => faults.map((fault) => ({ agency, fault })));

  it.each(cases)('$agency.code $fault.name', async ({ agency, fault }) => {
    // A fresh gateway per case: new connectors, so no breaker or pool state carries over.
    const gateway = await hub.startGateway(
      fault.timeoutMs === null ? {} : { [`${agency.envPrefix}_TIMEOUT_MS`]: String(fault.timeoutMs) },
    );
    let response: GraphQLResponse<FaultData>;
    try {
      await hub.setFaults(agency.simulator, fault.settings);
      response = await gateway.graphql<FaultData>(faultQuery, { linkedTo: [agency.code] });
    } finally {
      await hub.resetFaults(agency.simulator);
      await gateway.close();
    }
    expect(response.status).toBe(200);
    const data = response.data!;
    expect(data).toBeTruthy();
    const nodes = [...data.page.edges, ...data.linked.edges].map((edge) => edge.node);
    expect(data.page.edges).toHaveLength(100);
    expect(data.linked.edges.length).toBeGreaterThan(0);
    const failing = nodes.filter((node) => node[agency.keyField].length > 0);
    expect(failing.length).toBeGreaterThan(0);

    for (const node of nodes) {
      const before = healthy.get(node.id);
      expect(before, 'the same children as the healthy run').toBeDefined();
      // The failing agency: no section, a state and a reason, nothing on the chronology or the team.
      expect(node[agency.section]).toBeNull();
      const source = node.sources.find((s) => s.agency === agency.code);
      if (node[agency.keyField].length > 0) {
        expect(source).toMatchObject({ state: fault.state, reason: expect.any(String) });
      } else {
        expect(source).toMatchObject({ state: 'NOT_LINKED' });
      }
      expect(node.chronology.filter((e) => e.agency === agency.code)).toEqual([]);
      expect(node.teamAroundTheChild.filter((m) => m.agency === agency.code)).toEqual([]);
      // Every other agency: exactly what the healthy run answered.
      for (const other of agencies.filter((a) => a.code !== agency.code)) {
        expect(node[other.section]).toEqual(before![other.section]);
        expect(node.sources.find((s) => s.agency === other.code)).toEqual(
          before!.sources.find((s) => s.agency === other.code),
        );
      }
      expect(node.chronology).toEqual(before!.chronology.filter((e) => e.agency !== agency.code));
      expect(node.teamAroundTheChild).toEqual(
        before!.teamAroundTheChild.filter((m) => m.agency !== agency.code),
      );
    }

    // The errors name the agency and a code — nothing else.
    const errors = response.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ agency: agency.code });
      expect(String(error.extensions?.code)).toMatch(new RegExp(`^(${failureCodes[fault.state]})$`));
    }
    const errorJson = JSON.stringify(errors);
    expect(errorJson).not.toMatch(/https?:|127\.0\.0\.1|localhost|:\d{4,5}\b/i);
    expect(errorJson).not.toMatch(/\b(select|from|where|any)\b\s|ssdx?_|\$1|postgres/i);
    expect(errorJson).not.toMatch(/\b\d{10}\b|\bch_[\w-]{6,}/);
    const identifiers = new Set<string>();
    for (const node of nodes) {
      for (const value of [
        node.id,
        node.givenName,
        node.familyName,
        node.nhsNumber,
        node.upn,
        ...node.socialCarePersonIds,
        ...node.gpPatientIds,
        ...node.educationPupilIds,
        ...node.adultPersonIds,
      ]) {
        if (value && value.length >= 3) identifiers.add(value);
      }
    }
    const leaked = [...identifiers].filter((value) => errorJson.includes(value));
    expect(leaked).toEqual([]);

    // One failure of one agency is one error, however many children it touched (gateway deduplication).
    const causes = new Set(errors.map((error) => `${error.extensions?.code}/${error.extensions?.reason}`));
    expect(causes.size).toBe(1);
    expect(errors).toHaveLength(1);
    // ...which says how many places it stood for: every section of a child the agency holds.
    expect(errors[0]!.extensions?.occurrences ?? 1).toBe(failing.length);
  });
});

// ── 5. identity ──────────────────────────────────────────────────────────────────────────────────────────────

describe('identity problems', () => {
  it("shows C's UPN with a wrong check letter as an INVALID_UPN conflict, and keeps his valid UPN", async () => {
    const data = ok(
      await hub.gateway.graphql<{
        childByIdentifier: {
          id: string;
          upn: string | null;
          educationPupilIds: string[];
          identityConflicts: Array<{ agency: string; localId: string; kind: string; detectedAt: string }>;
        } | null;
      }>(conflictQuery, { nhsNumber: people.c.nhsNumber }),
    );
    const child = data.childByIdentifier!;
    expect(child).not.toBeNull();
    expect(child.identityConflicts).toEqual(
      expect.arrayContaining([
        {
          agency: 'EDUCATION',
          localId: child.educationPupilIds[0],
          kind: 'INVALID_UPN',
          detectedAt: expect.any(String),
        },
      ]),
    );
    // Social care holds the valid one, so that is the UPN the view shows.
    expect(child.upn).toBe(people.c.upn);
  });

  it('refuses an invalid NHS number (and UPN) with VALIDATION_FAILED, without echoing it', async () => {
    for (const [system, value] of [
      ['NHS_NUMBER', '1234567890'],
      ['UPN', 'A87390022100Z'],
    ] as const) {
      const response = await hub.gateway.graphql<{ childByIdentifier: unknown }>(lookupQuery, {
        system,
        value,
      });
      expect(response.status).toBe(200);
      expect(response.data?.childByIdentifier ?? null).toBeNull();
      expect(response.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'VALIDATION_FAILED' }, path: ['childByIdentifier'] }),
      ]);
      expect(JSON.stringify(response.errors)).not.toContain(value);
    }
  });
});
