/**
 * One child as this subschema answers for them: the SSD person ids the identity index links, and what reading
 * them gave (the records, or the failure). The section, chronology and team are mapped once, when first asked for.
 */
import type { HubError } from '../../platform/errors.js';
import type { ChildRecord } from './child-record.js';
import type { ChronologyEventValue, PractitionerValue, SourceStatusValue } from './graphql-values.js';
import type { SocialCareSectionValue } from './social-care-section.js';
import { toSocialCareChronology } from './to-social-care-chronology.js';
import { toSocialCareSection } from './to-social-care-section.js';
import { toSocialCareTeam } from './to-social-care-team.js';

export type ReadOutcome =
  | { kind: 'NOT_LINKED' }
  | { kind: 'READ'; records: ChildRecord[]; at: string }
  | { kind: 'FAILED'; error: HubError; at: string };

export class SocialCareChild {
  private sectionValue: SocialCareSectionValue | undefined;
  private chronologyValue: ChronologyEventValue[] | undefined;
  private teamValue: PractitionerValue[] | undefined;

  constructor(
    readonly socialCarePersonIds: readonly string[],
    private readonly outcome: ReadOutcome,
  ) {}

  /** Never throws: says whether the social care part could be read, as of when, and why not. */
  source(): SourceStatusValue {
    const outcome = this.outcome;
    switch (outcome.kind) {
      case 'NOT_LINKED':
        return { agency: 'SOCIAL_CARE', state: 'NOT_LINKED', asOf: null, reason: null };
      case 'FAILED':
        return {
          agency: 'SOCIAL_CARE',
          state: outcome.error.code === 'UPSTREAM_TIMEOUT' ? 'TIMED_OUT' : 'UNAVAILABLE',
          asOf: outcome.at,
          reason: reasonOf(outcome.error),
        };
      case 'READ':
        return outcome.records.length > 0
          ? { agency: 'SOCIAL_CARE', state: 'OK', asOf: outcome.at, reason: null }
          : // The linked ids are no longer in the SSD (merged or removed there).
            { agency: 'SOCIAL_CARE', state: 'NOT_LINKED', asOf: outcome.at, reason: 'RECORD_NOT_FOUND' };
    }
  }

  /** Null when the child has no record here; throws the upstream's HubError when it could not be read. */
  section(): SocialCareSectionValue | null {
    const records = this.records();
    if (records.length === 0) return null;
    return (this.sectionValue ??= toSocialCareSection(records, this.readAt()));
  }

  chronology(): ChronologyEventValue[] {
    return (this.chronologyValue ??= toSocialCareChronology(this.records()));
  }

  team(): PractitionerValue[] {
    return (this.teamValue ??= toSocialCareTeam(this.records()));
  }

  private records(): readonly ChildRecord[] {
    const outcome = this.outcome;
    if (outcome.kind === 'FAILED') throw outcome.error;
    return outcome.kind === 'READ' ? outcome.records : [];
  }

  private readAt(): string {
    return this.outcome.kind === 'NOT_LINKED' ? new Date(0).toISOString() : this.outcome.at;
  }
}

function reasonOf(error: HubError): string {
  const reason = error.details?.['reason'];
  return typeof reason === 'string' ? reason : error.code;
}
