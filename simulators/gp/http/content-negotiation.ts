import { notSupported } from '../fhir/operation-outcome.js';
import type { Handling } from '../search/search-request.js';

const jsonMediaTypes = new Set([
  '*/*',
  'application/*',
  'application/fhir+json',
  'application/json',
  'application/json+fhir',
]);
const jsonFormats = new Set(['json', 'application/json', 'application/fhir+json', 'application/json+fhir']);

export const fhirJsonContentType = 'application/fhir+json; charset=utf-8';

/** Throws 406 unless the client accepts JSON (by Accept header or `_format`); this server speaks nothing else. */
export function requireJsonAcceptable(accept: string | undefined, format: string | null): void {
  if (format !== null && !jsonFormats.has(format))
    throw notSupported(406, `Only JSON is supported (_format=${format}).`);
  if (accept === undefined || accept.trim() === '') return;
  const acceptable = accept.split(',').some((range) => {
    const [mediaType = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return jsonMediaTypes.has(mediaType) && (quality === undefined || Number(quality.slice(2)) > 0);
  });
  if (!acceptable) throw notSupported(406, 'This server only returns application/fhir+json.');
}

/** The `handling` preference from a Prefer header (RFC 7240), or the server default. */
export function handlingPreference(prefer: string | undefined, fallback: Handling): Handling {
  for (const preference of (prefer ?? '').split(/[,;]/)) {
    const [name, value] = preference
      .split('=')
      .map((part) => part.trim().toLowerCase().replace(/^"|"$/g, ''));
    if (name === 'handling' && (value === 'strict' || value === 'lenient')) return value;
  }
  return fallback;
}
