/**
 * UPN check letter (DfE): characters 2–13 weighted 2..13, sum mod 23, remainder mapped to A–Z without I, O, S.
 * Written here rather than shared with the hub, so the hub's own check is tested against an independent one.
 */
const checkLetters = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Value of one UPN body character: a digit, or (position 13 of a temporary UPN) a check-alphabet letter. */
function characterValue(character: string): number | null {
  if (/^\d$/.test(character)) return Number(character);
  const index = checkLetters.indexOf(character);
  return index >= 0 ? index : null;
}

/** The check letter for the 12 characters after it, or null if they cannot form a UPN body. */
export function upnCheckLetter(body: string): string | null {
  if (!/^\d{11}[0-9A-Z]$/.test(body)) return null;
  let sum = 0;
  for (let position = 0; position < 12; position += 1) {
    const value = characterValue(body[position] ?? '');
    if (value === null) return null;
    sum += value * (position + 2);
  }
  return checkLetters[sum % 23] ?? null;
}

export function isValidUpn(upn: string): boolean {
  return upn.length === 13 && upnCheckLetter(upn.slice(1)) === upn[0];
}

/** UPNs compare case-insensitively and without surrounding spaces. */
export function normaliseUpn(upn: string): string {
  return upn.trim().toUpperCase();
}
