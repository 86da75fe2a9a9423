/** Record references: one canonical order, used for every sort, so output never depends on input order. */
import type { Agency, RecordRef } from './types.js';

export const AGENCIES: readonly Agency[] = ['adult', 'education', 'gp', 'social-care'];

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRefs(a: RecordRef, b: RecordRef): number {
  return compareStrings(a.agency, b.agency) || compareStrings(a.localId, b.localId);
}

/** A string key for maps; the separator cannot occur in an agency code. */
export function refKey(ref: RecordRef): string {
  return `${ref.agency}|${ref.localId}`;
}
