import type { Meta, Reference } from '../fhir/r4-types.js';

/** What every builder needs besides the record: the version stamp the simulated system reports. */
export interface BuildContext {
  /** meta.lastUpdated for resources that have not changed since the population was made. */
  lastUpdated: string;
}

export function versionMeta(lastUpdated: string): Meta {
  return { versionId: '1', lastUpdated };
}

export const reference = (type: string, id: string): Reference => ({ reference: `${type}/${id}` });
