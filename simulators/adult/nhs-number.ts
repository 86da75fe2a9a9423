/**
 * NHS number modulus 11: weights 10..2 on the first nine digits, check = 11 − (sum mod 11), 11 → 0, 10 → invalid.
 * Written here rather than shared with the hub, so the hub's own check is tested against an independent one.
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += Number(firstNine[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

export function isValidNhsNumber(value: string): boolean {
  return /^\d{10}$/.test(value) && nhsCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/** NHS numbers are often written 999 123 4567: compare without spaces. */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/\s+/g, '');
}
