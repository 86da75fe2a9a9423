/**
 * Writes a child's children's social care record (SSD tables plus the local extension), and now and then a second,
 * duplicate person record for the same child: an old referral logged under a variant of their identity.
 */
import { DISABILITY_FOR_CONDITION } from './social-care-codes.js';
import type { GpRecord, SocialCareRecord } from './model.js';
import { conditionsActiveOn } from './plan-health.js';
import type { ChildProfile } from './profile-types.js';
import { renderIdentity } from './recorded-identity.js';
import type { SocialCareDependencies, SocialCareDraft } from './social-care-draft.js';
import { writeCareLeaver, writeInvolvements, writeLateEntryPlanning } from './social-care-leaving-care.js';
import { writeLookedAfter } from './social-care-looked-after.js';
import { writeMissingEpisodes } from './social-care-missing.js';
import { writePlacementExtension } from './social-care-placement-extension.js';
import { writeReferral } from './social-care-referrals.js';
import { CARE_ENDED_REASONS } from './social-care-codes.js';
import { isoDateTime } from './dates.js';

/** Share of children known to social care with a second, duplicate person record. */
const DUPLICATE_RATE = 0.006;

function emptyRecord(profile: ChildProfile, personId: string): SocialCareRecord {
  return {
    truthKey: profile.truth.truthKey,
    personId,
    identity: {
      givenName: '',
      familyName: '',
      sex: profile.sex,
      dateOfBirth: '',
      postcode: null,
      addressLine: null,
      nhsNumber: null,
      upn: null,
    },
    sendFlag: false,
    disabilityCodes: [],
    sealed: null,
    cinEpisodes: [],
    assessments: [],
    s47Enquiries: [],
    cpPlans: [],
    cpReviews: [],
    claEpisodes: [],
    placements: [],
    claReviews: [],
    healthAssessments: [],
    carePlans: [],
    placementPlans: [],
    visits: [],
    missingEpisodes: [],
    careLeaver: null,
    involvements: [],
    placementReferrals: [],
    matchingAssessments: [],
    meetings: [],
    placementNotifications: [],
    coresidentNotifications: [],
  };
}

export interface WrittenSocialCare {
  records: SocialCareRecord[];
  /** Days looked-after reviews were held (EHCP reviews for children in care are aligned with them). */
  reviewDays: number[];
}

export function writeSocialCareRecords(
  deps: SocialCareDependencies,
  profile: ChildProfile,
  gp: GpRecord | null,
  duplicatePersonId: () => string,
): WrittenSocialCare {
  const personId = profile.assignments.socialCarePersonId;
  if (personId === null || profile.referralDay === null) return { records: [], reviewDays: [] };
  const random = deps.context.random.fork(`social-care:${profile.index}`);
  const draft: SocialCareDraft = {
    deps,
    profile,
    gp,
    random,
    record: emptyRecord(profile, personId),
    assessments: [],
    placementIds: new Map(),
    reviewDays: [],
  };
  const record = draft.record;
  record.identity = renderIdentity(random, profile, 'social-care', personId, { withUpn: true });
  record.sendFlag = profile.schooling !== null && profile.schooling.sen !== 'N';
  record.disabilityCodes = [
    ...new Set(
      conditionsActiveOn(profile.health, deps.context.asOfDay)
        .map((c) => DISABILITY_FOR_CONDITION[c.key])
        .filter((code): code is string => code !== undefined),
    ),
  ];
  const adopted = profile.care.some((period) => period.endReason === CARE_ENDED_REASONS.ADOPTED);
  record.sealed = adopted
    ? 'ADOPTION'
    : (profile.status === 'LAC' || profile.status === 'CP') && random.chance(0.015)
      ? 'RESTRICTED_ADDRESS'
      : null;

  writeReferral(draft);
  writeLookedAfter(draft);
  writePlacementExtension(draft);
  writeMissingEpisodes(draft);
  writeCareLeaver(draft, writeLateEntryPlanning(draft));
  writeInvolvements(draft);
  record.meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  record.visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const records = [record];
  if (random.chance(DUPLICATE_RATE)) records.push(writeDuplicate(draft, duplicatePersonId()));
  return { records, reviewDays: draft.reviewDays };
}

/** A second person record: an earlier referral, closed after assessment, under a variant identity. */
function writeDuplicate(draft: SocialCareDraft, personId: string): SocialCareRecord {
  const { random, profile, deps } = draft;
  const { ids } = deps.context;
  const duplicate = emptyRecord(profile, personId);
  duplicate.identity = renderIdentity(random, profile, 'social-care', personId, {
    duplicate: true,
    withUpn: false,
  });
  const referralDay = Math.max(
    profile.dob + 1,
    (profile.referralDay ?? deps.context.asOfDay) - random.int(100, 1000),
  );
  const referralId = ids.next('REF');
  const at = (day: number) => isoDateTime(day, random.int(9 * 60, 17 * 60));
  duplicate.cinEpisodes.push({
    referralId,
    referralDate: at(referralDay),
    primaryNeed: 'N9',
    closeDate: at(referralDay + random.int(20, 40)),
    closeReason: 'RC8',
    workerId: profile.assignments.socialWorkers[0]?.professional.id ?? '',
  });
  duplicate.assessments.push({
    id: ids.next('ASM'),
    referralId,
    startDate: at(referralDay + 1),
    childSeenDate: at(referralDay + random.int(2, 7)),
    authorisedDate: at(referralDay + random.int(10, 19)),
    factors: ['21'],
    workerId: profile.assignments.socialWorkers[0]?.professional.id ?? '',
  });
  return duplicate;
}
