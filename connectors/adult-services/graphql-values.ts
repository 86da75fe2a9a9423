/**
 * The values this connector's resolvers hand to GraphQL for the shared types (schema/shared-sdl.ts). The shared
 * SDL has no TypeScript twin, so each connector states the shapes it produces.
 */
export interface SourceStatusValue {
  agency: 'ADULT_SERVICES';
  state: 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';
  asOf: string | null;
  reason: string | null;
}

export type AdultEventKind =
  | 'TRANSITION_REFERRAL'
  | 'S58_ASSESSMENT'
  | 'PATHWAY_PLAN'
  | 'CLD_REQUEST'
  | 'CLD_ASSESSMENT'
  | 'CLD_REVIEW'
  | 'CLD_SERVICE';

export interface ChronologyEventValue {
  at: string;
  agency: 'ADULT_SERVICES';
  kind: AdultEventKind;
  summary: string;
  recordId: string | null;
  category: 'ADULT_SERVICES';
}

export interface PractitionerValue {
  agency: 'ADULT_SERVICES';
  name: string;
  role: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  since: string | null;
}

/** A calendar date as the start of that day in UTC, for ChronologyEvent.at (a DateTime). */
export function startOfDay(date: string): string {
  return `${date}T00:00:00.000Z`;
}
