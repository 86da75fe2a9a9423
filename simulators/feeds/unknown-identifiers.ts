/**
 * Identifiers that pass every check but belong to nobody, for NO_MATCHING_CHILD records, and identifiers that
 * fail their check, for NHS_NUMBER_CHECKSUM and UPN_CHECK_LETTER records.
 */
import {
  mistypeNhsNumber,
  nhsCheckDigit,
  upnCheckLetter,
  wrongCheckLetterUpn,
} from '../population/identifiers.js';
import type { SeededRandom } from '../population/random.js';
import type { HeldIdentifiers } from './known-children.js';

/** A valid NHS number (test range) that no record or person holds and `avoid` does not list. */
export function unknownNhsNumber(random: SeededRandom, held: HeldIdentifiers, avoid: Set<string>): string {
  for (;;) {
    const body = `999${String(random.int(0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(body);
    if (check === null) continue;
    const candidate = `${body}${check}`;
    if (held.nhsNumbers.has(candidate) || avoid.has(candidate)) continue;
    avoid.add(candidate);
    return candidate;
  }
}

/**
 * A valid UPN nobody holds: the population's LA code with an establishment number from the special schools'
 * range (7000–7999), checked against every UPN anyone holds.
 */
export function unknownUpn(random: SeededRandom, held: HeldIdentifiers, avoid: Set<string>): string {
  for (;;) {
    const body = `873${random.int(7000, 7999)}${String(random.int(0, 99)).padStart(2, '0')}${String(random.int(0, 999)).padStart(3, '0')}`;
    const candidate = `${upnCheckLetter(body)}${body}`;
    if (held.upns.has(candidate) || avoid.has(candidate)) continue;
    avoid.add(candidate);
    return candidate;
  }
}

export function mistypedNhsNumber(valid: string, random: SeededRandom): string {
  return mistypeNhsNumber(valid, random);
}

export function wrongCheckLetter(valid: string, random: SeededRandom): string {
  return wrongCheckLetterUpn(valid, random);
}
