/** What ingesting one chunk decided, record by record, and what it asks to happen next. */
import type { DeadLetterReason } from '../records/dead-letter-reasons.js';

export type RecordState = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED';

export interface RecordOutcome {
  position: number;
  state: RecordState;
  childId: string | null;
  letter?: { reason: DeadLetterReason; detail: string };
}

/** An event people must hear about; the job turns it into a `notify-alert` job. No identifiers of the child. */
export interface FeedAlert {
  kind: 'UNSCHEDULED_CARE' | 'SCHOOL_EXCLUSION';
  childId: string;
  eventKey: string;
  /** ISO 8601 */
  occurredAt: string;
}

export const rejected = (position: number, reason: DeadLetterReason, detail: string): RecordOutcome => ({
  position,
  state: 'REJECTED',
  childId: null,
  letter: { reason, detail },
});
