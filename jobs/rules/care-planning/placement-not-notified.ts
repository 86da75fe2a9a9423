/**
 * PLACEMENT_NOT_NOTIFIED: a placement is notified within 5 working days of its start to the child's GP, the
 * school the child attends, the health body (ICB) and the IRO (CPPCR 2010 reg 13). The ICB and the IRO are
 * always owed a notice; the GP when the GP record shows a registered practice (no GP record: none owed — a
 * looked-after child without one is GP_NOT_LINKED's finding); the school when the child was on roll on the day
 * of placement (joined on or before it and not left by it). One finding per placement naming each recipient
 * not notified (high while the child is still there) or notified late (medium). A placement that ended before
 * the notices fell due is not judged. A notice that names no placement counts for the placement whose window
 * it falls in.
 */
import type {
  PlacementNotificationValue,
  PlacementValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { EducationSectionValue } from '../../../connectors/education/education-section.js';
import type { HealthSectionValue } from '../../../connectors/health/to-health-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type Evidence, type RuleContext } from '../rule.js';
import { dateOf, type DayNumber } from '../time/calendar-day.js';
import { describeDue, dueDateOf, earliestDay, judgeDeadline, workingDaysAfter } from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { aboutPlacement, placementDays } from './facts/placements.js';
import { sectionOf } from '../facts/agency-parts.js';
import { withSocialCare } from './facts/readable.js';
import { educationDay, optionalSocialCareDay } from '../facts/agency-days.js';
import { CannotDecide, cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const workingDaysAllowed = 5;
const needs = ['socialCare', 'health', 'education'] as const;

type Recipient = 'GP' | 'SCHOOL' | 'ICB' | 'IRO';
const recipientName: Record<Recipient, string> = {
  GP: 'the GP',
  SCHOOL: 'the school',
  ICB: 'the health body (ICB)',
  IRO: 'the IRO',
};

export const placementNotNotified = defineRule({
  id: 'PLACEMENT_NOT_NOTIFIED',
  title: 'Placement not notified to the GP, school, health body and IRO within 5 working days',
  source: {
    kind: 'LAW',
    citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 13',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) => {
      const health = sectionOf(record.health);
      const education = sectionOf(record.education);
      return judgeEach(
        section.placements,
        (placement) => judgePlacement(record, context, section, placement, health, education),
        (placement) => `placement ${placement.id}`,
      );
    });
  },
});

function hasRegisteredGp(health: HealthSectionValue | null): boolean {
  return (
    health !== null &&
    (health.registeredPractice !== null || health.registrations.some((r) => r.practice !== null))
  );
}

function onRoll(education: EducationSectionValue | null, day: DayNumber): boolean {
  return (education?.enrolments ?? []).some((enrolment) => {
    const left = enrolment.to === null ? null : educationDay(enrolment.to);
    return educationDay(enrolment.from) <= day && (left === null || left > day);
  });
}

function judgePlacement(
  record: JoinedChildRecord,
  context: RuleContext,
  section: SocialCareSectionValue,
  placement: PlacementValue,
  health: HealthSectionValue | null,
  education: EducationSectionValue | null,
): SubjectVerdict {
  const { start, end, asOf } = placementDays(placement, context.today);
  if (start > context.today) return null;
  const deadline = workingDaysAfter(context.calendar, start, workingDaysAllowed);
  const window = { from: start, to: deadline.latest };
  const owed: Recipient[] = [
    ...(hasRegisteredGp(health) ? (['GP'] as const) : []),
    ...(onRoll(education, start) ? (['SCHOOL'] as const) : []),
    'ICB',
    'IRO',
  ];
  const subject = `placement ${placement.id}`;
  const missing: Recipient[] = [];
  const late: Array<{ recipient: Recipient; notice: PlacementNotificationValue; day: DayNumber }> = [];
  for (const recipient of owed) {
    const notices = section.placementNotifications
      .filter((notice) => notice.recipient?.trim().toUpperCase() === recipient)
      .map((notice) => ({ notice, day: optionalSocialCareDay(notice.date) }))
      .filter(({ notice, day }) => aboutPlacement(placement, notice, day, window));
    const sent = earliestDay(notices.map((item) => item.day));
    const state = judgeDeadline(deadline, sent, asOf, subject);
    if (state instanceof CannotDecide) return state;
    if (state === 'MET' || state === 'PENDING') continue;
    if (notices.some((item) => item.day === null))
      return cannotDecide('MISSING_DATA', `${subject}: a notice to ${recipient} has no date`);
    const first = notices.find((item) => item.day === sent);
    if (state === 'LATE' && first && sent !== null) late.push({ recipient, notice: first.notice, day: sent });
    else missing.push(recipient);
  }
  if (missing.length === 0 && late.length === 0) return null;

  const evidence: Evidence[] = [socialCareSaid(record, placement.id, `placement started ${dateOf(start)}`)];
  if (owed.includes('GP'))
    evidence.push({
      agency: 'HEALTH',
      recordId: null,
      fact: 'registered with a GP practice',
      asOf: record.health.asOf,
    });
  if (owed.includes('SCHOOL'))
    evidence.push({
      agency: 'EDUCATION',
      recordId: null,
      fact: `on a school roll on ${dateOf(start)}`,
      asOf: record.education.asOf,
    });
  for (const recipient of missing)
    evidence.push(socialCareSaid(record, placement.id, `no notice to ${recipient} by ${dateOf(asOf)}`));
  for (const { recipient, notice, day } of late)
    evidence.push(socialCareSaid(record, notice.id, `${recipient} notified ${dateOf(day)}`));

  const names = (list: readonly Recipient[]) => list.map((r) => recipientName[r]).join(', ');
  const parts = [
    ...(missing.length > 0 ? [`not notified to ${names(missing)}`] : []),
    ...(late.length > 0 ? [`notified late to ${names(late.map((l) => l.recipient))}`] : []),
  ];
  const current = end === null || end > context.today;
  return {
    subject: { kind: 'PLACEMENT', id: placement.id },
    summary: `The placement that started ${dateOf(start)} was ${parts.join(' and ')}; notices were due by ${describeDue(deadline)}.`,
    evidence,
    dueDate: dueDateOf(deadline),
    ...(missing.length > 0 && current ? {} : { severity: 'medium' as const }),
  };
}
