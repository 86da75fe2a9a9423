/**
 * Per-request loading of adult records: every person id asked for while one GraphQL request runs is read with one
 * POST /people/search (up to `maxBatchSize` ids), and each record is read at most once per request. Loaders live
 * on the request's context object, so nothing is shared between callers or kept after the request.
 */
import DataLoader from 'dataloader';
import type { AdultServicesClient } from './adult-client.js';
import type { PersonPayload } from './payload-schemas.js';

/** Ids per upstream search: a page of 100 children with the odd duplicate record fits many times over. */
export const maxBatchSize = 1000;

export interface AdultServicesLoaders {
  /** A person's record, or null when adult services do not know the id. */
  people: DataLoader<string, PersonPayload | null>;
}

export function createAdultServicesLoaders(client: AdultServicesClient): AdultServicesLoaders {
  return {
    people: new DataLoader<string, PersonPayload | null>(
      async (personIds) => {
        const answer = await client.searchPeople(personIds);
        const byId = new Map(answer.people.map((person) => [person.personId, person]));
        return personIds.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize },
    ),
  };
}

/** Loaders for one request, keyed on its context object; a request without one gets its own set. */
export function requestLoaders(client: AdultServicesClient): (context: unknown) => AdultServicesLoaders {
  const byContext = new WeakMap<object, AdultServicesLoaders>();
  return (context) => {
    if (typeof context !== 'object' || context === null) return createAdultServicesLoaders(client);
    let loaders = byContext.get(context);
    if (!loaders) {
      loaders = createAdultServicesLoaders(client);
      byContext.set(context, loaders);
    }
    return loaders;
  };
}
