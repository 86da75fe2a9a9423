/**
 * The transition package for one child, from their joined record (jobs/rules/joined-record.ts) and the identity
 * index's display demographics. Only what the package type holds, section by section: identity, needs, EHCP,
 * health summary (the general health category only: sexual and mental health records are not sent), pathway plan,
 * risks and the team around the child. An agency that could not be read is said so in its section, never
 * sent as "nothing recorded".
 */
import type { TransitionHandoffPackage } from '../../connectors/adult-services/transition-handoff.js';
import type { AgencyPart, JoinedChildRecord } from '../rules/joined-record.js';

export interface HandoffIdentity {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'U';
  nhsNumber: string | null;
  /** Adult services' own records of the child, so the intake files onto the known one. */
  adultPersonIds: readonly string[];
}

type Section = TransitionHandoffPackage['sections'][number];

/** A part's state when it is not OK: the section says the agency could not be read (or holds no record). */
function unread(part: AgencyPart<unknown>): { recorded: false; state: string; reason: string | null } {
  return { recorded: false, state: part.state, reason: part.reason };
}

function fromPart<S>(part: AgencyPart<S>, content: (section: S) => unknown): unknown {
  return part.state === 'OK' && part.section !== null ? content(part.section) : unread(part);
}

export function assembleHandoffPackage(
  handoffId: string,
  identity: HandoffIdentity,
  record: JoinedChildRecord,
): TransitionHandoffPackage {
  const { socialCare, health, education, adultServices } = record;
  const sections: Section[] = [
    {
      type: 'NEEDS_SUMMARY',
      title: 'Needs',
      content: {
        socialCare: fromPart(socialCare, (s) => ({
          status: s.status,
          disabilities: s.disabilities,
          primaryNeeds: [...new Set(s.referrals.flatMap((r) => r.primaryNeed ?? []))],
        })),
        education: fromPart(education, (s) => ({ senProvision: s.senProvision, senNeeds: s.senNeeds })),
      },
    },
    {
      type: 'EHCP',
      title: 'Education, health and care plan',
      content: fromPart(education, (s) => ({
        needsAssessments: s.ehcNeedsAssessments.map((a) => ({
          status: a.status,
          requestDate: a.requestDate,
          finalPlanDate: a.finalPlanDate,
          annualReviews: a.annualReviews.map((r) => ({
            date: r.date,
            preparingForAdulthoodOutcomes: r.preparingForAdulthoodOutcomes,
          })),
        })),
      })),
    },
    {
      type: 'HEALTH',
      title: 'Health summary',
      content: fromPart(health, (s) => ({
        registeredPractice: s.registeredPractice
          ? { odsCode: s.registeredPractice.odsCode, name: s.registeredPractice.name }
          : null,
        activeConditions: s.conditions
          .filter((c) => c.active)
          .map((c) => ({ display: c.display, code: c.code })),
        medications: s.medications
          .filter((m) => m.status === 'active')
          .map((m) => ({ display: m.display, code: m.code })),
        allergies: s.allergies.map((a) => ({ display: a.display, criticality: a.criticality })),
      })),
    },
    {
      type: 'PATHWAY_PLAN',
      title: 'Pathway plan',
      content: {
        socialCare: fromPart(socialCare, (s) => ({
          careLeaver: s.status.careLeaver,
          needsAssessmentDate: s.careLeaver?.needsAssessmentDate ?? null,
          pathwayPlanDate: s.careLeaver?.pathwayPlanDate ?? null,
          pathwayPlanReviewDate: s.careLeaver?.pathwayPlanReviewDate ?? null,
        })),
        adultServices: fromPart(adultServices, (s) =>
          s.pathwayPlans.map((p) => ({ needsAssessmentDate: p.needsAssessmentDate, planDate: p.planDate })),
        ),
      },
    },
    {
      type: 'RISKS',
      title: 'Risks',
      content: fromPart(socialCare, (s) => ({
        childProtectionPlan: s.status.childProtectionPlan,
        childProtectionCategories: [
          ...new Set(s.childProtectionPlans.flatMap((p) => p.latestCategory ?? p.initialCategory ?? [])),
        ],
        missingEpisodes: s.missingEpisodes.length,
        assessmentFactors: [...new Set(s.assessments.flatMap((a) => a.factors))],
      })),
    },
    {
      type: 'TEAM_AROUND_THE_CHILD',
      title: 'Team around the child',
      content: [
        ...(socialCare.state === 'OK' && socialCare.section?.careLeaver?.personalAdviser
          ? [practitioner('PERSONAL_ADVISER', socialCare.section.careLeaver.personalAdviser)]
          : []),
        ...(health.state === 'OK' && health.section?.registeredGp
          ? [{ role: 'GP', name: health.section.registeredGp.name, email: health.section.registeredGp.email }]
          : []),
        ...(adultServices.state === 'OK' && adultServices.section
          ? adultServices.section.transitionWorkers.map((w) => practitioner('TRANSITION_WORKER', w))
          : []),
      ],
    },
  ];
  return {
    handoffId,
    child: {
      nhsNumber: identity.nhsNumber,
      identifiers: identity.adultPersonIds.map((value) => ({ system: 'adult-person-id', value })),
      givenName: identity.givenName,
      familyName: identity.familyName,
      dateOfBirth: identity.dateOfBirth,
      sex: identity.sex,
    },
    sections,
  };
}

function practitioner(role: string, value: { name: string; email: string | null }) {
  return { role, name: value.name, email: value.email };
}
