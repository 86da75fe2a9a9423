/**
 * The `socialCare` section for a child, across every SSD record linked to them (a council can hold duplicates):
 * lists combined oldest first, the status true if any record says so.
 */
import type { ChildRecord } from './child-record.js';
import { compare, oldestFirst, uniqueBy } from './lists.js';
import type { SocialCareSectionValue, StatusValue } from './social-care-section.js';
import { toCareLeaver } from './to-care-leaver.js';
import {
  toChildProtectionPlans,
  toChildProtectionReviews,
  toInitialConferences,
  toS47Enquiries,
} from './to-child-protection.js';
import {
  legalStatusAt,
  toCareEpisodes,
  toCarePlans,
  toHealthAssessments,
  toLegalStatuses,
  toLookedAfterReviews,
} from './to-looked-after.js';
import { toMissingEpisodes } from './to-missing-episodes.js';
import {
  toCoresidentNotifications,
  toMeetings,
  toPlacementAssessments,
  toPlacementNotifications,
  toPlacementReferrals,
} from './to-placement-practice.js';
import { currentPlacementOf, toPlacementPlans, toPlacements } from './to-placements.js';
import { toAssessments, toChildInNeedPlans, toReferrals } from './to-referrals.js';
import { toVisits } from './to-visits.js';

/**
 * What the child is to children's services at `now`: looked after (an open CLA episode), in need (an open referral
 * not closed with no further action), on a child protection plan (an open plan), the legal status in force while
 * looked after, and whether they are a care leaver.
 */
export function toStatus(records: readonly ChildRecord[], now: string): StatusValue {
  const openEpisodes = records.flatMap((record) =>
    record.claEpisodes.filter((episode) => episode.clae_cla_episode_ceased_date === null),
  );
  const lookedAfter = openEpisodes.length > 0;
  return {
    lookedAfter,
    childInNeed: records.some((record) =>
      record.referrals.some(
        (referral) => referral.cine_close_date === null && referral.cine_referral_nfa !== true,
      ),
    ),
    childProtectionPlan: records.some((record) =>
      record.cpPlans.some((plan) => plan.cppl_cp_plan_end_date === null),
    ),
    legalStatus: lookedAfter
      ? (records.map((record) => legalStatusAt(record.legalStatuses, now)).find((code) => code !== null) ??
        null)
      : null,
    careLeaver: records.some((record) => record.careLeavers.length > 0),
  };
}

export function toSocialCareSection(records: readonly ChildRecord[], now: string): SocialCareSectionValue {
  const all = <T>(map: (record: ChildRecord) => T[]): T[] => records.flatMap(map);
  const placements = oldestFirst(all(toPlacements), (p) => p.startDate);
  return {
    personIds: records.map((record) => record.personId),
    sealedReason:
      records.flatMap((record) => record.sealedRecords.map((row) => row.seal_reason ?? 'SEALED'))[0] ?? null,
    status: toStatus(records, now),
    sendFlag: records.some((record) => record.person.pers_send_flag === true)
      ? true
      : records.some((record) => record.person.pers_send_flag === false)
        ? false
        : null,
    disabilities: uniqueBy(
      all((record) => record.disabilities.flatMap((row) => row.disa_disability_code ?? [])),
      (code) => code,
    ).sort(compare),
    referrals: oldestFirst(all(toReferrals), (r) => r.date),
    assessments: oldestFirst(all(toAssessments), (a) => a.startDate),
    childInNeedPlans: oldestFirst(all(toChildInNeedPlans), (p) => p.startDate),
    visits: oldestFirst(all(toVisits), (v) => v.date),
    s47Enquiries: oldestFirst(all(toS47Enquiries), (e) => e.strategyDiscussionDate),
    initialConferences: oldestFirst(all(toInitialConferences), (c) => c.date ?? c.targetDate),
    childProtectionPlans: oldestFirst(all(toChildProtectionPlans), (p) => p.startDate),
    childProtectionReviews: oldestFirst(all(toChildProtectionReviews), (r) => r.date ?? r.dueDate),
    careEpisodes: oldestFirst(all(toCareEpisodes), (e) => e.startDate),
    legalStatuses: oldestFirst(all(toLegalStatuses), (s) => s.startDate),
    placements,
    currentPlacement: currentPlacementOf(placements),
    lookedAfterReviews: oldestFirst(all(toLookedAfterReviews), (r) => r.date ?? r.dueDate),
    healthAssessments: oldestFirst(all(toHealthAssessments), (h) => h.date),
    carePlans: oldestFirst(all(toCarePlans), (p) => p.startDate),
    placementPlans: oldestFirst(all(toPlacementPlans), (p) => p.date),
    missingEpisodes: oldestFirst(all(toMissingEpisodes), (m) => m.startDate),
    careLeaver: records.map(toCareLeaver).find((leaver) => leaver !== null) ?? null,
    placementReferrals: oldestFirst(all(toPlacementReferrals), (r) => r.date),
    placementAssessments: oldestFirst(all(toPlacementAssessments), (a) => a.date),
    meetings: oldestFirst(all(toMeetings), (m) => m.date),
    placementNotifications: oldestFirst(all(toPlacementNotifications), (n) => n.date),
    coresidentNotifications: oldestFirst(all(toCoresidentNotifications), (n) => n.date),
  };
}
