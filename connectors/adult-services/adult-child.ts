/**
 * One child as this subschema answers for them: the adult person ids the identity index links, and what reading
 * them gave (the records, or the failure). The section, chronology and team are mapped once, when first asked for.
 */
import type { HubError } from '../../platform/errors.js';
import type { AdultServicesSectionValue } from './adult-section.js';
import type { ChronologyEventValue, PractitionerValue, SourceStatusValue } from './graphql-values.js';
import type { PersonPayload } from './payload-schemas.js';
import { toAdultChronology } from './to-adult-chronology.js';
import { toAdultSection } from './to-adult-section.js';
import { toAdultTeam } from './to-adult-team.js';

export type ReadOutcome =
  | { kind: 'NOT_LINKED' }
  | { kind: 'READ'; records: PersonPayload[]; at: string }
  | { kind: 'FAILED'; error: HubError; at: string };

export class AdultServicesChild {
  private sectionValue: AdultServicesSectionValue | undefined;
  private chronologyValue: ChronologyEventValue[] | undefined;
  private teamValue: PractitionerValue[] | undefined;

  constructor(
    readonly adultPersonIds: readonly string[],
    private readonly outcome: ReadOutcome,
  ) {}

  /** Never throws: says whether the adult services part could be read, as of when, and why not. */
  source(): SourceStatusValue {
    const outcome = this.outcome;
    switch (outcome.kind) {
      case 'NOT_LINKED':
        return { agency: 'ADULT_SERVICES', state: 'NOT_LINKED', asOf: null, reason: null };
      case 'FAILED':
        return {
          agency: 'ADULT_SERVICES',
          state: outcome.error.code === 'UPSTREAM_TIMEOUT' ? 'TIMED_OUT' : 'UNAVAILABLE',
          asOf: outcome.at,
          reason: reasonOf(outcome.error),
        };
      case 'READ':
        return outcome.records.length > 0
          ? { agency: 'ADULT_SERVICES', state: 'OK', asOf: outcome.at, reason: null }
          : // The linked ids are no longer in the adult system (merged or removed there).
            { agency: 'ADULT_SERVICES', state: 'NOT_LINKED', asOf: outcome.at, reason: 'RECORD_NOT_FOUND' };
    }
  }

  /** Null when the child has no record here; throws the upstream's HubError when it could not be read. */
  section(): AdultServicesSectionValue | null {
    const records = this.records();
    if (records.length === 0) return null;
    return (this.sectionValue ??= toAdultSection(records));
  }

  chronology(): ChronologyEventValue[] {
    return (this.chronologyValue ??= toAdultChronology(this.records()));
  }

  team(): PractitionerValue[] {
    return (this.teamValue ??= toAdultTeam(this.records()));
  }

  private records(): readonly PersonPayload[] {
    const outcome = this.outcome;
    if (outcome.kind === 'FAILED') throw outcome.error;
    return outcome.kind === 'READ' ? outcome.records : [];
  }
}

function reasonOf(error: HubError): string {
  const reason = error.details?.['reason'];
  return typeof reason === 'string' ? reason : error.code;
}
