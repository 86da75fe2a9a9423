/**
 * NHS number and UPN checks written again from docs/data-standards.md, apart from the generator's own, so a
 * mistake in one shows up against the other in the feed tests.
 */

export function nhsNumberChecksumHolds(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const weighted = digits.slice(0, 9).reduce((sum, digit, i) => sum + digit * (10 - i), 0);
  const remainder = 11 - (weighted % 11);
  const check = remainder === 11 ? 0 : remainder;
  return check !== 10 && check === digits[9];
}

const checkLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function upnCheckLetterHolds(value: string): boolean {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(value)) return false;
  let sum = 0;
  for (let position = 2; position <= 13; position++) {
    const char = value.charAt(position - 1);
    const worth = /\d/.test(char) ? Number(char) : checkLetters.indexOf(char);
    if (worth < 0) return false;
    sum += worth * position;
  }
  return checkLetters.charAt(sum % 23) === value.charAt(0);
}
