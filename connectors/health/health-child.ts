/**
 * What `_healthChildren` answers for one key: the child's GP records, or why there are none. The section,
 * chronology and team resolvers read it; only `healthSource` reports a failure without throwing.
 */
import { asHubError, type HubError } from '../../platform/errors.js';
import type { GpPatientRecord, SourceStatusValue } from './health-types.js';
import type { LoadedPatient } from './loaders.js';

export type HealthOutcome =
  | { state: 'OK'; asOf: string; records: GpPatientRecord[] }
  /** No key, or keys the GP system no longer knows (a stale link): nothing to show, and no failure. */
  | { state: 'NOT_LINKED'; asOf: string | null; reason: string | null }
  | { state: 'FAILED'; asOf: string; error: HubError };

export interface HealthChild {
  gpPatientIds: string[];
  outcome: HealthOutcome;
}

/** Builds a child from what the loader gave for each of its patient ids (in the same order). */
export function toHealthChild(
  gpPatientIds: string[],
  loaded: ReadonlyArray<LoadedPatient | Error | undefined>,
  now: () => Date,
): HealthChild {
  if (gpPatientIds.length === 0)
    return { gpPatientIds, outcome: { state: 'NOT_LINKED', asOf: null, reason: null } };
  const failure = loaded.find((value) => value instanceof Error);
  if (failure !== undefined) {
    return {
      gpPatientIds,
      outcome: { state: 'FAILED', asOf: now().toISOString(), error: asHubError(failure) },
    };
  }
  const found = loaded.filter(
    (value): value is LoadedPatient => value !== undefined && !(value instanceof Error),
  );
  const records = found.flatMap((value) => (value.record === null ? [] : [value.record]));
  const asOf = found.map((value) => value.readAt).sort()[0] ?? now().toISOString();
  if (records.length === 0)
    return { gpPatientIds, outcome: { state: 'NOT_LINKED', asOf, reason: 'PATIENT_NOT_FOUND' } };
  return { gpPatientIds, outcome: { state: 'OK', asOf, records } };
}

/** The child's `healthSource`: never throws; a failure's reason is the HubError's reason code (or its code). */
export function toSourceStatus(outcome: HealthOutcome): SourceStatusValue {
  switch (outcome.state) {
    case 'OK':
      return { agency: 'HEALTH', state: 'OK', asOf: outcome.asOf, reason: null };
    case 'NOT_LINKED':
      return { agency: 'HEALTH', state: 'NOT_LINKED', asOf: outcome.asOf, reason: outcome.reason };
    case 'FAILED': {
      const { error } = outcome;
      const reason = error.details?.reason;
      return {
        agency: 'HEALTH',
        state: error.code === 'UPSTREAM_TIMEOUT' ? 'TIMED_OUT' : 'UNAVAILABLE',
        asOf: outcome.asOf,
        reason: typeof reason === 'string' ? reason : error.code,
      };
    }
  }
}

/** The records behind the section, chronology and team: null when there are none, thrown when the read failed. */
export function recordsOrThrow(child: HealthChild): GpPatientRecord[] | null {
  const { outcome } = child;
  if (outcome.state === 'FAILED') throw outcome.error;
  return outcome.state === 'OK' ? outcome.records : null;
}
