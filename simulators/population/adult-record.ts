/**
 * Adult social care's record of a young person referred for transition (modelled on Client Level Data events):
 * the transition referral, the Care Act s58 child's needs assessment, pathway plans for care leavers, and dated
 * request / assessment / service events.
 */
import { CONDITIONS } from './clinical-codes.js';
import { birthday, isoDate, type DayNumber } from './dates.js';
import type { GenerationContext } from './generation-context.js';
import type { AdultRecord, SocialCareRecord } from './model.js';
import { conditionsActiveOn } from './plan-health.js';
import type { ChildProfile } from './profile-types.js';
import { renderIdentity } from './recorded-identity.js';

export function writeAdultRecord(
  context: GenerationContext,
  profile: ChildProfile,
  socialCare: SocialCareRecord | null,
  personId: () => string,
): AdultRecord | null {
  if (!profile.adultReferred) return null;
  const random = context.random.fork(`adult:${profile.index}`);
  const asOf = context.asOfDay;
  const id = personId();
  const earliest = Math.min(asOf - 20, birthday(profile.dob, 16));
  const referral: DayNumber = random.int(earliest, asOf - 20);
  const complex = conditionsActiveOn(profile.health, asOf).filter((c) => CONDITIONS[c.key].complex);
  const reason =
    profile.schooling?.sen === 'E'
      ? 'Education, health and care plan: likely to need support as an adult'
      : complex.length > 0
        ? `Complex health needs: ${CONDITIONS[(complex[0] as (typeof complex)[number]).key].display}`
        : 'Care leaver with emotional wellbeing needs';
  const source =
    profile.status === 'LAC'
      ? "Children's social care"
      : profile.schooling?.sen === 'E'
        ? 'SEND team'
        : 'CAMHS';
  const s58Referral = Math.min(asOf - 1, referral + random.int(0, 20));
  const assessed = s58Referral + random.int(40, 150);
  const assessmentDay = assessed <= asOf - 1 ? assessed : null;
  const outcome = assessmentDay === null ? 'PENDING' : random.chance(0.75) ? 'ELIGIBLE' : 'NOT_ELIGIBLE';

  const record: AdultRecord = {
    truthKey: profile.truth.truthKey,
    personId: id,
    identity: renderIdentity(random, profile, 'adult', id),
    transitionReferrals: [{ id: context.ids.next('ATR'), date: isoDate(referral), source, reason }],
    s58Assessments: [
      {
        id: context.ids.next('S58'),
        referralDate: isoDate(s58Referral),
        assessmentDate: assessmentDay === null ? null : isoDate(assessmentDay),
        outcome,
      },
    ],
    pathwayPlans: [],
    transitionWorkerId: profile.assignments.transitionWorker?.id ?? null,
    events: [{ id: context.ids.next('AEV'), date: isoDate(referral), kind: 'REQUEST', detail: reason }],
  };
  if (assessmentDay !== null) {
    record.events.push({
      id: context.ids.next('AEV'),
      date: isoDate(assessmentDay),
      kind: 'ASSESSMENT',
      detail: `Care Act s58 child's needs assessment: ${outcome === 'ELIGIBLE' ? 'eligible needs' : 'no eligible needs'}`,
    });
    if (outcome === 'ELIGIBLE' && assessmentDay + 30 <= asOf - 1) {
      record.events.push({
        id: context.ids.next('AEV'),
        date: isoDate(assessmentDay + random.int(14, 30)),
        kind: 'SERVICE',
        detail: 'Transition support plan agreed for age 18',
      });
    }
  }
  const leaver = socialCare?.careLeaver;
  if (leaver) {
    record.pathwayPlans.push({
      id: context.ids.next('APP'),
      needsAssessmentDate: leaver.needsAssessmentDate?.slice(0, 10) ?? null,
      planDate: leaver.pathwayPlanDate?.slice(0, 10) ?? null,
      personalAdviserId: leaver.personalAdviserId,
    });
  }
  return record;
}
