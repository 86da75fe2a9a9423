/**
 * Name normalisation before comparison. Agencies write the same name with different case, accents, apostrophes
 * and separators ("O'Brien", "OBRIEN", "Hughes-Morgan", "Hughes Morgan", "HughesMorgan"); this folds them to
 * lower-case ASCII tokens so that only real differences are left for the comparators to judge.
 */

// Letters that Unicode decomposition does not reduce to an ASCII base letter.
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

// Characters that separate name parts; anything else that is not a letter (apostrophes, digits, stray symbols)
// is dropped, so "O'Brien" and "OBrien" agree.
const SEPARATOR = /[\s\-\u2010-\u2015_.,/]/u;

/** Lower-case ASCII name parts, in order ("Hughes-Morgan" → ["hughes", "morgan"]). */
export function nameTokens(raw: string): string[] {
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  let text = '';
  for (const char of folded) {
    if (char >= 'a' && char <= 'z') text += char;
    else if (FOLDS[char] !== undefined) text += FOLDS[char];
    else if (SEPARATOR.test(char)) text += ' ';
  }
  return text.split(' ').filter((token) => token.length > 0);
}

export interface NormalisedName {
  /** All parts run together: the form compared for exact agreement, so separators never matter. */
  joined: string;
  parts: readonly string[];
}

export function normaliseName(raw: string): NormalisedName {
  const parts = nameTokens(raw);
  return { joined: parts.join(''), parts };
}
