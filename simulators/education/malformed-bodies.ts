/**
 * Bodies for the `malformed` fault: valid JSON that breaks the API's contract the way a half-deployed upstream
 * does (wrong types, renamed fields), so the hub's zod validation has something real to catch.
 */
export function educationMalformedBody(requestUrl: string): unknown {
  const path = requestUrl.split('?')[0] ?? '';
  if (path.includes('/schools')) return { schools: 'temporarily unavailable', notFound: 0 };
  if (path.includes('/pupils')) {
    return {
      pupils: [{ pupilId: 12345, upn: true, enrolments: 'see legacy system', sen: null }],
      notFound: {},
    };
  }
  return { result: null, status: 'UNKNOWN' };
}

export function educationErrorBody(): unknown {
  return { error: { code: 'UPSTREAM_ERROR', message: 'The education system could not answer' } };
}
