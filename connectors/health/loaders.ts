/**
 * Per-request dataloaders. All the patient ids of one GraphQL request (every key of every `_healthChildren`
 * call in the same tick) become one upstream search; nothing is shared between requests, because the loaders
 * hang off the request's context object.
 */
import DataLoader from 'dataloader';
import type { HealthClient } from './health-client.js';
import type { GpPatientRecord } from './health-types.js';
import { searchableIds } from './search-requests.js';
import { toPatientRecords } from './to-patient-records.js';

/** One patient id's answer: its mapped record (null when the GP system does not know the id) and when it was read. */
export interface LoadedPatient {
  readAt: string;
  record: GpPatientRecord | null;
}

export interface HealthLoaders {
  patients: DataLoader<string, LoadedPatient>;
}

export interface LoaderOptions {
  client: HealthClient;
  now: () => Date;
  /** The most patient ids in one upstream search. */
  maxBatchSize: number;
}

export function createHealthLoaders(options: LoaderOptions): HealthLoaders {
  const { client, now, maxBatchSize } = options;
  return {
    patients: new DataLoader<string, LoadedPatient>(
      async (ids) => {
        const resources = await client.patientRecords(searchableIds(ids));
        const readAt = now().toISOString();
        const records = toPatientRecords(resources);
        return ids.map((id) => ({ readAt, record: records.get(id) ?? null }));
      },
      { maxBatchSize },
    ),
  };
}

/**
 * The loaders for one request, keyed on its GraphQL context object. A request without a context object (a
 * direct `graphql.execute` with none) gets fresh loaders per call, which is correct, just not shared.
 */
export function loadersPerRequest(options: LoaderOptions): (context: unknown) => HealthLoaders {
  const byContext = new WeakMap<object, HealthLoaders>();
  return (context) => {
    if (typeof context !== 'object' || context === null) return createHealthLoaders(options);
    let loaders = byContext.get(context);
    if (!loaders) byContext.set(context, (loaders = createHealthLoaders(options)));
    return loaders;
  };
}
