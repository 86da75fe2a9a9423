/**
 * One child as this subschema answers for them: the pupil ids the identity index links, and what reading them
 * gave (the records, or the failure). The section, chronology and team are mapped once, when first asked for.
 */
import type { HubError } from '../../platform/errors.js';
import type { EducationSectionValue } from './education-section.js';
import type { ChronologyEventValue, PractitionerValue, SourceStatusValue } from './graphql-values.js';
import type { PupilPayload } from './payload-schemas.js';
import { toEducationChronology } from './to-education-chronology.js';
import { toEducationSection } from './to-education-section.js';
import { toEducationTeam } from './to-education-team.js';

export type ReadOutcome =
  | { kind: 'NOT_LINKED' }
  | { kind: 'READ'; records: PupilPayload[]; at: string }
  | { kind: 'FAILED'; error: HubError; at: string };

export class EducationChild {
  private sectionValue: EducationSectionValue | undefined;
  private chronologyValue: ChronologyEventValue[] | undefined;
  private teamValue: PractitionerValue[] | undefined;

  constructor(
    readonly educationPupilIds: readonly string[],
    private readonly outcome: ReadOutcome,
  ) {}

  /** Never throws: says whether the education part could be read, as of when, and why not. */
  source(): SourceStatusValue {
    const outcome = this.outcome;
    switch (outcome.kind) {
      case 'NOT_LINKED':
        return { agency: 'EDUCATION', state: 'NOT_LINKED', asOf: null, reason: null };
      case 'FAILED':
        return {
          agency: 'EDUCATION',
          state: outcome.error.code === 'UPSTREAM_TIMEOUT' ? 'TIMED_OUT' : 'UNAVAILABLE',
          asOf: outcome.at,
          reason: reasonOf(outcome.error),
        };
      case 'READ':
        return outcome.records.length > 0
          ? { agency: 'EDUCATION', state: 'OK', asOf: outcome.at, reason: null }
          : // The linked ids are no longer in the education system (merged or removed there).
            { agency: 'EDUCATION', state: 'NOT_LINKED', asOf: outcome.at, reason: 'RECORD_NOT_FOUND' };
    }
  }

  /** Null when the child has no record here; throws the upstream's HubError when it could not be read. */
  section(): EducationSectionValue | null {
    const records = this.records();
    if (records.length === 0) return null;
    return (this.sectionValue ??= toEducationSection(records));
  }

  chronology(): ChronologyEventValue[] {
    return (this.chronologyValue ??= toEducationChronology(this.records()));
  }

  team(): PractitionerValue[] {
    return (this.teamValue ??= toEducationTeam(this.records()));
  }

  private records(): readonly PupilPayload[] {
    const outcome = this.outcome;
    if (outcome.kind === 'FAILED') throw outcome.error;
    return outcome.kind === 'READ' ? outcome.records : [];
  }
}

function reasonOf(error: HubError): string {
  const reason = error.details?.['reason'];
  return typeof reason === 'string' ? reason : error.code;
}
