/**
 * The identity index a feed-ingest benchmark matches against: N children, each joined to a GP record carrying a
 * valid NHS number and an education record carrying a valid UPN, written straight into `children` and
 * `agency_records` as identity sync leaves them. Identifiers are synthetic (the 999 test ranges) and unique, so
 * no identifier is ambiguous; the ones past N are valid but belong to no child (NO_MATCHING_CHILD).
 */
import { seedChildren } from '../../feeds/ingest/testing/seed-feeds.js';
import { upnFor } from '../../feeds/records/testing/record-fixtures.js';
import { nhsNumberCheckDigit } from '../../schema/identifiers/nhs-number.js';
import type { Db } from '../../store/db.js';

export interface BenchIdentifiers {
  children: number;
  /** Valid NHS numbers: index < children is a seeded child's, the rest are nobody's. */
  nhsNumber(index: number): string;
  upn(index: number): string;
  childId(index: number): string;
}

/**
 * Valid NHS numbers in the 999 range, in order, each used once. (The fixtures' `nhsNumberFor` can give two
 * indexes the same number when check digits are skipped, which would make a benchmark child ambiguous.)
 */
function validNhsNumbers(count: number): string[] {
  const numbers: string[] = [];
  for (let k = 0; numbers.length < count; k += 1) {
    if (k >= 1_000_000) throw new Error(`the 999 range holds fewer than ${count} valid NHS numbers`);
    const firstNine = `999${String(k).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(firstNine);
    if (check !== null) numbers.push(`${firstNine}${check}`);
  }
  return numbers;
}

export function benchIdentifiers(children: number, spare: number): BenchIdentifiers {
  const nhsNumbers = validNhsNumbers(children + spare);
  return {
    children,
    nhsNumber: (index) => {
      const value = nhsNumbers[index];
      if (value === undefined) throw new Error(`no NHS number ${index}: raise the spare count`);
      return value;
    },
    upn: (index) => upnFor(index),
    childId: (index) => `child-${index}`,
  };
}

/** Seeds the children in pages (each page one statement per table). */
export async function seedBenchChildren(db: Db, ids: BenchIdentifiers, pageSize = 5000): Promise<void> {
  for (let from = 0; from < ids.children; from += pageSize) {
    const page = [];
    for (let index = from; index < Math.min(ids.children, from + pageSize); index += 1)
      page.push({ childId: ids.childId(index), nhsNumber: ids.nhsNumber(index), upn: ids.upn(index) });
    await seedChildren(db, page);
  }
  // The identity index of a running hub has statistics; a freshly filled table would otherwise be planned blind.
  await db.exec('ANALYZE children; ANALYZE agency_records');
}
