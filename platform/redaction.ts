/**
 * Personal-data redaction for logs. This is children's safeguarding data: a log line must never carry a name,
 * date of birth, NHS number, UPN, address, contact detail or free text about a child. Two layers:
 *  - structured fields whose key names personal data are replaced wholesale, at any depth;
 *  - strings anywhere (messages, error messages, stacks) are scrubbed of identifier-, date- and postcode-shaped text.
 * Redaction is deliberately over-eager: a log that loses a harmless date is cheaper than one that leaks a child.
 */
export const REDACTED = '[redacted]';

const sensitiveKeys = new Set(
  [
    'name',
    'names',
    'givenName',
    'given',
    'familyName',
    'family',
    'firstName',
    'lastName',
    'surname',
    'fullName',
    'preferredName',
    'dob',
    'dateOfBirth',
    'birthDate',
    'nhsNumber',
    'nhs',
    'upn',
    'pupilNumber',
    'address',
    'addressLine',
    'addressLines',
    'line',
    'postcode',
    'postalCode',
    'email',
    'phone',
    'telephone',
    'mobile',
    'telecom',
    'notes',
    'note',
    'text',
    'summary',
    'description',
    'freeText',
    'comment',
    'comments',
    'reason',
    'content',
    'narrative',
    'body',
    'payload',
    'variables',
    'identifier',
    'identifiers',
    'value',
    'values',
    'authorization',
    'cookie',
    'token',
    'password',
    'secret',
    'detail',
    'where',
    'query',
    'sql',
    'params',
  ].map(normaliseKey),
);

function normaliseKey(key: string): string {
  return key.replace(/[_\-\s]/g, '').toLowerCase();
}

export function isSensitiveKey(key: string): boolean {
  return sensitiveKeys.has(normaliseKey(key));
}

const stringPatterns: RegExp[] = [
  // NHS numbers: 10 digits, optionally spaced 3-3-4
  /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g,
  // UPNs: a letter and 12 more characters (11 digits then a digit or letter)
  /\b[A-Za-z]\d{11}[A-Za-z\d]\b/g,
  // Dates: 2010-04-05, 05/04/2010, 5.4.2010 (a date of birth looks like any other date)
  /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g,
  /\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g,
  // UK postcodes
  /\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b/g,
  // Email addresses
  /[\w.+-]+@[\w-]+\.[\w.-]+/g,
];

/** Removes identifier-, date-, postcode- and email-shaped text from a string. */
export function scrubString(input: string): string {
  let output = input;
  for (const pattern of stringPatterns) output = output.replace(pattern, REDACTED);
  return output;
}

const maxDepth = 8;

/** A deep copy of a log object with personal data removed. Keys that are safe by construction pass through. */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= maxDepth) return '[truncated]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redactValue(child, depth + 1, seen);
  }
  return out;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.name,
    message: scrubString(error.message),
    stack: error.stack === undefined ? undefined : scrubString(error.stack),
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = code;
  if (error.cause !== undefined) out.cause = redactValue(error.cause, depth + 1, seen);
  return out;
}
