/**
 * Bodies for the `malformed` fault: valid JSON that breaks the API's contract the way a half-deployed upstream
 * does (wrong types, renamed fields), so the hub's zod validation has something real to catch.
 */
export function adultMalformedBody(requestUrl: string): unknown {
  const path = requestUrl.split('?')[0] ?? '';
  if (path.includes('/transition-handoffs')) return { ref: 12345, state: ['RECEIVED'] };
  if (path.includes('/people'))
    return { people: [{ personId: null, nhsNumber: 9990000000, cldEvents: 'n/a' }] };
  return { result: null, status: 'UNKNOWN' };
}

export function adultErrorBody(): unknown {
  return { error: { code: 'UPSTREAM_ERROR', message: 'The adult social care system could not answer' } };
}
