/**
 * NHS number: 10 digits, the last a modulus 11 check digit over the first nine (weights 10..2).
 * check = 11 − (sum mod 11); 11 means 0; 10 means the number cannot be valid.
 */
export type NhsNumberProblem = 'NOT_TEN_DIGITS' | 'CHECK_DIGIT_MISMATCH' | 'UNISSUABLE';

/** Strips the spaces and dashes people write NHS numbers with ("999 123 4567"). */
export function normaliseNhsNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function nhsNumberCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function nhsNumberProblem(raw: string): NhsNumberProblem | null {
  const value = normaliseNhsNumber(raw);
  if (!/^\d{10}$/.test(value)) return 'NOT_TEN_DIGITS';
  const expected = nhsNumberCheckDigit(value.slice(0, 9));
  if (expected === null) return 'UNISSUABLE';
  return expected === Number(value[9]) ? null : 'CHECK_DIGIT_MISMATCH';
}

export function isValidNhsNumber(raw: string): boolean {
  return nhsNumberProblem(raw) === null;
}
