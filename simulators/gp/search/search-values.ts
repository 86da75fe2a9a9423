import { invalidRequest } from '../fhir/operation-outcome.js';

/**
 * FHIR search value syntax: `,` separates OR-ed values and `|` splits a token's system from its code; either may
 * be escaped with a backslash (`\,` `\|` `\$` `\\`) to be taken literally.
 */
function splitUnescaped(raw: string, separator: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index] as string;
    if (char === '\\' && index + 1 < raw.length) {
      current += char + (raw[index + 1] as string);
      index += 1;
    } else if (char === separator && parts.length < limit - 1) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

export function unescapeSearchValue(escaped: string): string {
  return escaped.replace(/\\([\\,|$])/g, '$1');
}

/** The OR-ed values of one parameter occurrence, still escaped (tokens split them further). */
export function splitOrValues(raw: string): string[] {
  return splitUnescaped(raw, ',');
}

/**
 * A parsed token. `system` undefined = any system (`code`); null = no system (`|code`).
 * `code` undefined = any code in the system (`system|`).
 */
export interface TokenValue {
  system: string | null | undefined;
  code: string | undefined;
}

export function parseToken(escaped: string): TokenValue {
  const parts = splitUnescaped(escaped, '|', 2);
  if (parts.length === 1) return { system: undefined, code: unescapeSearchValue(escaped) };
  const [system = '', code = ''] = parts;
  if (system === '' && code === '') throw invalidRequest('A token search value cannot be a bare "|".');
  return {
    system: system === '' ? null : unescapeSearchValue(system),
    code: code === '' ? undefined : unescapeSearchValue(code),
  };
}

export function tokenMatches(
  token: TokenValue,
  candidate: { system?: string | undefined; code?: string | undefined },
): boolean {
  if (token.code !== undefined && candidate.code !== token.code) return false;
  if (token.system === null) return candidate.system === undefined;
  if (token.system !== undefined) return candidate.system === token.system;
  return true;
}

/**
 * The id a reference search value points at when it names `targetType`: `Patient/123`, a bare `123`, or an
 * absolute URL ending in `/Patient/123`. Null when it names another type (so it matches nothing).
 */
export function referencedId(escaped: string, targetType: string): string | null {
  const value = unescapeSearchValue(escaped);
  const segments = value.split('/');
  if (segments.length === 1) return value;
  const id = segments[segments.length - 1];
  const type = segments[segments.length - 2];
  if (type !== targetType || id === undefined || id === '') return null;
  return id;
}
