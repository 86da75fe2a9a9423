/**
 * What each notification says. Pure functions over minimal facts: the hub's child id, dates, and the one thing
 * the recipient must act on. No names, dates of birth, NHS numbers, addresses, diagnoses or the other child's
 * identity ever reach a builder, so none can reach an inbox (e-mail leaves the hub's control once sent).
 */
import { z } from 'zod';
import type { notificationKinds } from './outbox.js';

export interface NotificationContent {
  kind: (typeof notificationKinds)[number];
  subject: string;
  body: string;
}

const childId = z.string().regex(/^[\w:.-]{1,100}$/, 'a hub child id');
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

const footer =
  'Open the child in the hub by this id to see the detail you are allowed to see. ' +
  'This message deliberately carries no names or other identifying details.';

const lines = (...parts: string[]) => [...parts, '', footer].join('\n');

export const coresidentAdmissionFacts = z.object({
  /** The existing residents this notice is about (the recipient's children there), not the child admitted. */
  childIds: z.array(childId).min(1).max(50),
  admittedOn: isoDate,
});

/**
 * To the allocated social worker or IRO of existing residents of a unit a new child was admitted to: one notice
 * per recipient, naming the recipient's own children there by hub id.
 */
export function coresidentAdmissionNotice(
  facts: z.input<typeof coresidentAdmissionFacts>,
): NotificationContent {
  const { childIds, admittedOn } = coresidentAdmissionFacts.parse(facts);
  const ids = [...new Set(childIds)];
  const children = ids.length === 1 ? `child ${ids[0]}` : `children ${ids.join(', ')}`;
  return {
    kind: 'CORESIDENT_ADMISSION',
    subject: `New admission to the residential unit of ${children}`.slice(0, 200),
    body: lines(
      `A child was admitted on ${admittedOn} to the residential unit where ${children} ${ids.length === 1 ? 'lives' : 'live'}.`,
      `Action: consider whether the admission affects ${ids.length === 1 ? "this child's" : "each child's"} safety and plan, and record that you have.`,
    ),
  };
}

export const unscheduledCareFacts = z.object({
  childId,
  attendedOn: isoDate,
  setting: z.enum(['EMERGENCY_DEPARTMENT', 'URGENT_CARE']),
  /** Why the social worker is told: the child's status, not the clinical reason for the visit. */
  because: z.enum(['CHILD_PROTECTION_PLAN', 'LOOKED_AFTER']),
});

const settingText = { EMERGENCY_DEPARTMENT: 'an emergency department (A&E)', URGENT_CARE: 'urgent care' };
const becauseText = {
  CHILD_PROTECTION_PLAN: 'is subject to a child protection plan',
  LOOKED_AFTER: 'is looked after',
};

export function unscheduledCareAlert(facts: z.input<typeof unscheduledCareFacts>): NotificationContent {
  const { childId: id, attendedOn, setting, because } = unscheduledCareFacts.parse(facts);
  return {
    kind: 'UNSCHEDULED_CARE',
    subject: `Unscheduled care attendance: child ${id}`,
    body: lines(
      `Child ${id}, who ${becauseText[because]}, attended ${settingText[setting]} on ${attendedOn}.`,
      'Action: check on the child and consider whether the attendance changes the plan.',
    ),
  };
}

export const missingEpisodeFacts = z.object({
  childId,
  /** When the child returned (or was found); the return interview is due within 72 hours of it. */
  returnedAt: isoDateTime,
});

const returnInterviewHours = 72;

export function missingEpisodeAlert(facts: z.input<typeof missingEpisodeFacts>): NotificationContent {
  const { childId: id, returnedAt } = missingEpisodeFacts.parse(facts);
  const due = new Date(Date.parse(returnedAt) + returnInterviewHours * 3600_000).toISOString();
  return {
    kind: 'MISSING_EPISODE',
    subject: `Missing episode: return interview due for child ${id}`,
    body: lines(
      `Child ${id} returned from a missing episode at ${new Date(returnedAt).toISOString()}.`,
      `Action: an independent return interview is due within ${returnInterviewHours} hours, by ${due}.`,
    ),
  };
}

export const schoolExclusionFacts = z.object({
  childId,
  /** Absent when the source says only that an exclusion happened (a school return's count, say). */
  type: z.enum(['SUSPENSION', 'PERMANENT_EXCLUSION']).optional(),
  startsOn: isoDate,
  /** Length of a suspension in school days. */
  days: z.number().int().min(1).max(45).optional(),
  /** The social worker and the virtual school get the same facts with their own action. */
  recipientRole: z.enum(['SOCIAL_WORKER', 'VIRTUAL_SCHOOL']),
});

export function schoolExclusionAlert(facts: z.input<typeof schoolExclusionFacts>): NotificationContent {
  const { childId: id, type, startsOn, days, recipientRole } = schoolExclusionFacts.parse(facts);
  const what =
    type === undefined
      ? 'was suspended or excluded from school'
      : type === 'PERMANENT_EXCLUSION'
        ? 'was permanently excluded from school'
        : `was suspended from school${days === undefined ? '' : ` for ${days} school day${days === 1 ? '' : 's'}`}`;
  const action =
    recipientRole === 'VIRTUAL_SCHOOL'
      ? "Action: the virtual school head should review the child's education and PEP."
      : 'Action: contact the school and the virtual school, and consider whether the plan needs to change.';
  return {
    kind: 'SCHOOL_EXCLUSION',
    subject: `School exclusion: child ${id}`,
    body: lines(`Child ${id} ${what}, from ${startsOn}.`, action),
  };
}
