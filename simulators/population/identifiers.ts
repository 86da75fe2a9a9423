/**
 * NHS numbers and unique pupil numbers (UPNs): check digits, validation, allocation and deliberate corruption.
 *
 * Written independently of the hub's own checks (docs/data-standards.md), so a bug in one is caught by
 * the other. Both check schemes use a prime modulus with weights below it, so every single-character substitution
 * is detected; the corruption helpers rely on that to make numbers that are guaranteed to fail.
 */
import type { SeededRandom } from './random.js';

// ───────────────────────── NHS number ─────────────────────────

/** Check digit for nine digits, or null where the remainder gives 10 (no valid number has those nine digits). */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('nhsCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (firstNine.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const check = nhsCheckDigit(value.slice(0, 9));
  return check !== null && check === value.charCodeAt(9) - 48;
}

/**
 * Hands out unique valid NHS numbers from the test range 999 000000 x – 999 899999 x. Numbers beginning 9999 are
 * left for scenario children (`ScenarioNhsNumbers`), so scenarios added to a generated population never collide.
 */
export class NhsNumberAllocator {
  private readonly issued = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  next(): string {
    for (;;) {
      const body = `999${String(this.random.int(0, 899_999)).padStart(6, '0')}`;
      const check = nhsCheckDigit(body);
      if (check === null) continue;
      const candidate = `${body}${check}`;
      if (this.issued.has(candidate)) continue;
      this.issued.add(candidate);
      return candidate;
    }
  }
}

/** Sequential valid NHS numbers from 9999 00000 x upwards: the range the generator never uses. */
export class ScenarioNhsNumbers {
  private serial = 0;

  next(): string {
    while (this.serial < 100_000) {
      const body = `9999${String(this.serial).padStart(5, '0')}`;
      this.serial++;
      const check = nhsCheckDigit(body);
      if (check !== null) return `${body}${check}`;
    }
    throw new RangeError('scenario NHS number range exhausted');
  }
}

/** The valid number with one digit mistyped: always fails modulus 11 (weights 1–10 against a prime modulus). */
export function mistypeNhsNumber(valid: string, random: SeededRandom): string {
  // Leave the leading 999 alone: a typo there would leave the test range, which real data never shows.
  const position = random.int(3, 9);
  const original = valid.charCodeAt(position) - 48;
  const replacement = (original + random.int(1, 9)) % 10;
  return `${valid.slice(0, position)}${replacement}${valid.slice(position + 1)}`;
}

// ───────────────────────── UPN ─────────────────────────

/** The 23 check letters: A–Z without I, O and S, indexed by the weighted sum modulo 23. */
export const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function upnCharacterValue(char: string): number {
  if (char >= '0' && char <= '9') return char.charCodeAt(0) - 48;
  // A letter in the last position marks a temporary UPN; it counts as its check-letter index.
  const index = UPN_CHECK_LETTERS.indexOf(char);
  if (index < 0) throw new RangeError(`not a UPN character: ${JSON.stringify(char)}`);
  return index;
}

/** Check letter for characters 2–13 (weights 2..13, sum modulo 23). */
export function upnCheckLetter(lastTwelve: string): string {
  if (!/^\d{11}[0-9A-Z]$/.test(lastTwelve))
    throw new RangeError('upnCheckLetter needs 11 digits and a final digit or letter');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += upnCharacterValue(lastTwelve.charAt(i)) * (i + 2);
  return UPN_CHECK_LETTERS.charAt(sum % 23);
}

export function isValidUpn(value: string): boolean {
  if (!/^[A-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(value)) return false;
  return upnCheckLetter(value.slice(1)) === value.charAt(0);
}

/**
 * Allocates UPNs: check letter, LA code (3), school DfE establishment number (4), two-digit year of allocation and
 * a three-digit serial counted per school and year, which keeps them unique without a global search.
 */
export class UpnAllocator {
  private readonly serials = new Map<string, number>();

  constructor(private readonly localAuthorityCode: string) {
    if (!/^\d{3}$/.test(localAuthorityCode))
      throw new RangeError('local authority code must be three digits');
  }

  next(establishmentNumber: string, allocationYear: number): string {
    if (!/^\d{4}$/.test(establishmentNumber))
      throw new RangeError('establishment number must be four digits');
    const year = String(allocationYear % 100).padStart(2, '0');
    const key = `${establishmentNumber}${year}`;
    const serial = this.serials.get(key) ?? 0;
    if (serial > 999)
      throw new RangeError(`UPN serials exhausted for school ${establishmentNumber} in ${year}`);
    this.serials.set(key, serial + 1);
    const body = `${this.localAuthorityCode}${key}${String(serial).padStart(3, '0')}`;
    return `${upnCheckLetter(body)}${body}`;
  }
}

/** The UPN with a wrong check letter: what a mistyped first character looks like. */
export function wrongCheckLetterUpn(valid: string, random: SeededRandom): string {
  const correct = valid.charAt(0);
  const others = UPN_CHECK_LETTERS.replace(correct, '');
  return `${random.pick([...others])}${valid.slice(1)}`;
}
