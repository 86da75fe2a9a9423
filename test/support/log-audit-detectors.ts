/**
 * What the log audit counts as personal data in a captured log line. Written apart from platform/redaction.ts on
 * purpose: an audit that reused the redaction's own patterns could only ever agree with it. The redaction is
 * over-eager (any 10 digits, any date); these detectors are precise (valid check digits, real postcode shapes, a date
 * next to a birth key, the demo children's own names), so a finding is personal data, not a lookalike.
 */

export type FindingKind = 'nhs-number' | 'upn' | 'email' | 'postcode' | 'date-of-birth' | 'child-name';

/** NHS number: nine digits and a modulus 11 check digit (weights 10 down to 2; a remainder giving 10 is unissued). */
export function isNhsNumber(candidate: string): boolean {
  const digits = candidate.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const weighted = [...digits.slice(0, 9)].reduce(
    (sum, digit, index) => sum + Number(digit) * (10 - index),
    0,
  );
  // 11 − remainder, where 11 stands for 0; a 10 matches no digit, which is what makes such numbers unissued.
  return (11 - (weighted % 11)) % 11 === Number(digits[9]);
}

// The 23 letters a UPN's check letter is drawn from (no I, O or S); a temporary UPN's last character is one too.
const upnLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Unique pupil number: check letter, 11 digits, a digit or letter; the check is over characters 2–13, weights 2–13. */
export function isUpn(candidate: string): boolean {
  const upn = candidate.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  let sum = 0;
  for (let position = 2; position <= 13; position += 1) {
    const char = upn.charAt(position - 1);
    const value = /\d/.test(char) ? Number(char) : upnLetters.indexOf(char);
    if (value < 0) return false;
    sum += value * position;
  }
  return upnLetters.charAt(sum % 23) === upn.charAt(0);
}

/** A key that names a date of birth: dob, dateOfBirth, birth_date, childDob, ... */
export function isBirthKey(key: string): boolean {
  return /dob|birth/i.test(key);
}

export function startsWithIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(?!\d)/.test(value);
}

// Numbers are bounded by anything but word characters and dots, so parts of longer numbers, decimals and ids
// do not count; the separators must be the same both times ("999 000 1234", "999-000-1234", "9990001234").
const nhsShape = /(?<![\w.])\d{3}([ -]?)\d{3}\1\d{4}(?![\w.])/g;
const upnShape = /(?<![A-Za-z0-9])[A-Za-z]\d{11}[A-Za-z0-9](?![A-Za-z0-9])/g;
const emailShape = /[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?![A-Za-z0-9-])/g;
// A user in a connection string (postgres://reader@db.example.org) is an account, not an e-mail address.
const urlUserBefore = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/@"]*$/;
// UK postcode: area (not Q, V or X first; not I, J or Z second), district, sector digit, and two unit letters
// (never C, I, K, M, O or V). One space or none between the halves.
const postcodeShape =
  /(?<![A-Za-z0-9])[A-PR-UWYZ][A-HK-Y]?\d[0-9A-HJKMNPR-Y]? ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/i;
// A date of birth in running text or embedded JSON: "dob 2010-04-05", "born 2010-04-05", "dateOfBirth":"2010-04-05".
const birthDateInText = /(?:dob|birth|born)[A-Za-z_]*\W{0,4}(?:on\W{1,2})?\d{4}-\d{2}-\d{2}(?!\d)/i;

/**
 * Full names to look for, as word sequences: "Tayla Hughes-Morgan" is found in "matched tayla hughes-morgan" and
 * in "tayla_hughes_morgan", but not inside other words.
 */
export class NameIndex {
  private readonly names = new Set<string>();
  private readonly lengths = new Set<number>();

  add(givenName: string, familyName: string): void {
    const words = nameWords(`${givenName} ${familyName}`);
    if (words.length < 2) return;
    this.names.add(words.join(' '));
    this.lengths.add(words.length);
  }

  get size(): number {
    return this.names.size;
  }

  occursIn(text: string): boolean {
    const words = nameWords(text);
    for (const length of this.lengths) {
      for (let start = 0; start + length <= words.length; start += 1) {
        if (this.names.has(words.slice(start, start + length).join(' '))) return true;
      }
    }
    return false;
  }
}

function nameWords(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .replaceAll('’', "'")
      .match(/[\p{L}\p{M}']+/gu) ?? []
  );
}

export interface Detectors {
  names: NameIndex;
  /** Addresses that are configuration, not a person's (kept explicit and small; see log-audit.ts). */
  allowedEmails: ReadonlySet<string>;
}

/** The kinds of personal data in one piece of text (a message, a string value, a key), each kind once. */
export function findInText(text: string, detectors: Detectors): FindingKind[] {
  const kinds = new Set<FindingKind>();
  for (const match of text.matchAll(nhsShape)) if (isNhsNumber(match[0])) kinds.add('nhs-number');
  for (const match of text.matchAll(upnShape)) if (isUpn(match[0])) kinds.add('upn');
  for (const match of text.matchAll(emailShape)) {
    const address = match[0].toLowerCase();
    if (detectors.allowedEmails.has(address)) continue;
    if (urlUserBefore.test(text.slice(0, match.index))) continue;
    kinds.add('email');
  }
  if (postcodeShape.test(text)) kinds.add('postcode');
  if (birthDateInText.test(text)) kinds.add('date-of-birth');
  if (detectors.names.occursIn(text)) kinds.add('child-name');
  return [...kinds];
}
