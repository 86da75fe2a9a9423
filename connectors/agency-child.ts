/**
 * One child as an agency subschema answers for them: the agency's record ids the identity index links, and what
 * reading them gave (the records, or the failure). The section, chronology and team are mapped once, when first
 * asked for; the source status never throws. Connectors extend it with their own key field and mappers.
 */
import type { HubError } from '../platform/errors.js';
import type { AgencyCode } from './connector.js';

export type ReadOutcome<Payload> =
  | { kind: 'NOT_LINKED' }
  | { kind: 'READ'; records: Payload[]; at: string }
  | { kind: 'FAILED'; error: HubError; at: string };

export interface AgencySourceStatus<Agency extends AgencyCode> {
  agency: Agency;
  state: 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';
  asOf: string | null;
  reason: string | null;
}

export interface AgencyChildMappers<Agency extends AgencyCode, Payload, Section, Event, Member> {
  agency: Agency;
  section(records: readonly Payload[]): Section;
  chronology(records: readonly Payload[]): Event[];
  team(records: readonly Payload[]): Member[];
}

export class AgencyChild<Agency extends AgencyCode, Payload, Section, Event, Member> {
  private sectionValue: Section | undefined;
  private chronologyValue: Event[] | undefined;
  private teamValue: Member[] | undefined;

  constructor(
    private readonly mappers: AgencyChildMappers<Agency, Payload, Section, Event, Member>,
    private readonly outcome: ReadOutcome<Payload>,
  ) {}

  /** Never throws: says whether this agency's part could be read, as of when, and why not. */
  source(): AgencySourceStatus<Agency> {
    const { agency } = this.mappers;
    const outcome = this.outcome;
    switch (outcome.kind) {
      case 'NOT_LINKED':
        return { agency, state: 'NOT_LINKED', asOf: null, reason: null };
      case 'FAILED':
        return {
          agency,
          state: outcome.error.code === 'UPSTREAM_TIMEOUT' ? 'TIMED_OUT' : 'UNAVAILABLE',
          asOf: outcome.at,
          reason: reasonOf(outcome.error),
        };
      case 'READ':
        return outcome.records.length > 0
          ? { agency, state: 'OK', asOf: outcome.at, reason: null }
          : // The linked ids are no longer in the agency's system (merged or removed there).
            { agency, state: 'NOT_LINKED', asOf: outcome.at, reason: 'RECORD_NOT_FOUND' };
    }
  }

  /** Null when the child has no record here; throws the upstream's HubError when it could not be read. */
  section(): Section | null {
    const records = this.records();
    if (records.length === 0) return null;
    return (this.sectionValue ??= this.mappers.section(records));
  }

  chronology(): Event[] {
    return (this.chronologyValue ??= this.mappers.chronology(this.records()));
  }

  team(): Member[] {
    return (this.teamValue ??= this.mappers.team(this.records()));
  }

  private records(): readonly Payload[] {
    const outcome = this.outcome;
    if (outcome.kind === 'FAILED') throw outcome.error;
    return outcome.kind === 'READ' ? outcome.records : [];
  }
}

function reasonOf(error: HubError): string {
  const reason = error.details?.['reason'];
  return typeof reason === 'string' ? reason : error.code;
}
