/**
 * Unique pupil number: 13 characters. Character 1 is a check letter over characters 2–13 (weights 2..13, sum mod
 * 23, remainders 0–22 mapped to A–Z without I, O and S); characters 2–4 are the local authority code.
 * Characters 2–12 are digits; character 13 is a digit, or a letter in a temporary UPN.
 */
export type UpnProblem = 'BAD_FORMAT' | 'CHECK_LETTER_MISMATCH';

const checkLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';
// Letters allowed in position 13 of a temporary UPN carry the value of their place in the same alphabet.
const letterValue = (char: string) => checkLetters.indexOf(char);

export function upnCheckLetter(lastTwelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const char = lastTwelve[i] ?? '';
    const value = /\d/.test(char) ? Number(char) : letterValue(char);
    sum += value * (i + 2);
  }
  return checkLetters[sum % 23] ?? '';
}

export function upnProblem(raw: string): UpnProblem | null {
  const value = raw.trim().toUpperCase();
  if (!/^[A-HJ-NP-RT-Z]\d{11}[\dA-HJ-NP-RT-Z]$/.test(value)) return 'BAD_FORMAT';
  return upnCheckLetter(value.slice(1)) === value[0] ? null : 'CHECK_LETTER_MISMATCH';
}

export function isValidUpn(raw: string): boolean {
  return upnProblem(raw) === null;
}
