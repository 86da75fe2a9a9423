/**
 * Whether the child's social care case is open on a day, read from the records rather than the section's
 * status (which is as of the read): looked after, an open child protection plan, or an open child in need
 * episode (a referral not closed and not ended with no further action).
 */
import type { SocialCareSectionValue } from '../../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { periodsOfCare } from './periods-of-care.js';
import { optionalSocialCareDay, socialCareDay } from '../../facts/agency-days.js';
import { spanOn } from '../../facts/spans.js';

export interface OpenCase {
  lookedAfter: boolean;
  childProtectionPlanIds: string[];
  childInNeedReferralIds: string[];
}

const openOn = (start: string, end: string | null, day: DayNumber) => {
  const ended = optionalSocialCareDay(end);
  return socialCareDay(start) <= day && (ended === null || day < ended);
};

export function openCaseOn(section: SocialCareSectionValue, day: DayNumber): OpenCase | null {
  const lookedAfter = spanOn(periodsOfCare(section), day) !== null;
  const childProtectionPlanIds = section.childProtectionPlans
    .filter((plan) => openOn(plan.startDate, plan.endDate, day))
    .map((plan) => plan.id);
  const childInNeedReferralIds = section.referrals
    .filter(
      (referral) => referral.noFurtherAction !== true && openOn(referral.date, referral.closedDate, day),
    )
    .map((referral) => referral.id);
  if (!lookedAfter && childProtectionPlanIds.length === 0 && childInNeedReferralIds.length === 0) return null;
  return { lookedAfter, childProtectionPlanIds, childInNeedReferralIds };
}
