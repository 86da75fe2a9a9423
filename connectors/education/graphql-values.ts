/**
 * The values this connector's resolvers hand to GraphQL for the shared types (schema/shared-sdl.ts). The shared
 * SDL has no TypeScript twin, so each connector states the shapes it produces.
 */
export type DataCategory = 'EDUCATION' | 'SEND';

export interface SourceStatusValue {
  agency: 'EDUCATION';
  state: 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';
  asOf: string | null;
  reason: string | null;
}

export interface ChronologyEventValue {
  at: string;
  agency: 'EDUCATION';
  kind: EducationEventKind;
  summary: string;
  recordId: string | null;
  category: DataCategory;
}

export type EducationEventKind =
  | 'ENROLMENT_STARTED'
  | 'EXCLUSION'
  | 'EHC_REQUESTED'
  | 'EHC_DECISION'
  | 'EHCP_ISSUED'
  | 'EHCP_ANNUAL_REVIEW'
  | 'PEP_HELD';

export interface PractitionerValue {
  agency: 'EDUCATION';
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
