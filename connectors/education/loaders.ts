/**
 * Per-request loading of pupil records: every pupil id asked for while one GraphQL request runs is read with one
 * POST /pupils/search (up to `maxBatchSize` ids), and each record is read at most once per request. Loaders live
 * on the request's context object, so nothing is shared between callers or kept after the request.
 */
import DataLoader from 'dataloader';
import type { EducationClient } from './education-client.js';
import type { PupilPayload } from './payload-schemas.js';

/** Ids per upstream search: a page of 100 children with the odd duplicate record fits many times over. */
export const maxBatchSize = 1000;

export interface EducationLoaders {
  /** A pupil's record, or null when the education system does not know the id. */
  pupils: DataLoader<string, PupilPayload | null>;
}

export function createEducationLoaders(client: EducationClient): EducationLoaders {
  return {
    pupils: new DataLoader<string, PupilPayload | null>(
      async (pupilIds) => {
        const answer = await client.searchPupils(pupilIds);
        const byId = new Map(answer.pupils.map((pupil) => [pupil.pupilId, pupil]));
        return pupilIds.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize },
    ),
  };
}

/** Loaders for one request, keyed on its context object; a request without one gets its own set. */
export function requestLoaders(client: EducationClient): (context: unknown) => EducationLoaders {
  const byContext = new WeakMap<object, EducationLoaders>();
  return (context) => {
    if (typeof context !== 'object' || context === null) return createEducationLoaders(client);
    let loaders = byContext.get(context);
    if (!loaders) {
      loaders = createEducationLoaders(client);
      byContext.set(context, loaders);
    }
    return loaders;
  };
}
