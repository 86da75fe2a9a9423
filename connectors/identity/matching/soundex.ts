/**
 * American Soundex, for blocking only: names that sound alike share a code, so a misspelt family name still
 * meets its correct form in one block. Input is a normalised (lower-case a–z) name.
 */
// Digit for each letter a–z; 0 marks vowels and y (separators), 9 marks h and w (transparent).
const CODES = '01230129022455012623019202';

/** Four characters (letter + three digits), or '' for an empty name. */
export function soundex(name: string): string {
  const first = name.charCodeAt(0) - 97;
  if (!(first >= 0 && first < 26)) return '';
  let code = name.charAt(0).toUpperCase();
  let previous = CODES.charAt(first);
  for (let i = 1; i < name.length && code.length < 4; i++) {
    const index = name.charCodeAt(i) - 97;
    if (index < 0 || index >= 26) continue;
    const digit = CODES.charAt(index);
    if (digit === '9') continue; // h and w do not separate two letters with the same code
    if (digit !== '0' && digit !== previous) code += digit;
    previous = digit;
  }
  return code.padEnd(4, '0');
}

/** The code as a number below 26,000 (letter × 1000 + digits), for numeric blocking keys; -1 for ''. */
export function soundexNumber(name: string): number {
  const code = soundex(name);
  if (code === '') return -1;
  return (code.charCodeAt(0) - 65) * 1000 + Number(code.slice(1));
}
