/**
 * One error family for the whole hub. Every error a client or an operator can meet has a stable `code`;
 * its `safeMessage` is written for a client and never carries personal data, SQL, upstream bodies or stack
 * traces. Translation to HTTP and GraphQL happens once, at the edge (see `toHttpError`, and the gateway's
 * error formatter).
 */
export type HubErrorCode =
  | 'CONFIG_INVALID'
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_BAD_PAYLOAD'
  | 'DEPENDENCY_UNAVAILABLE'
  | 'AUDIT_UNAVAILABLE'
  | 'INTERNAL';

const httpStatusByCode: Record<HubErrorCode, number> = {
  CONFIG_INVALID: 500,
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 502,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_BAD_PAYLOAD: 502,
  DEPENDENCY_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const defaultMessages: Record<HubErrorCode, string> = {
  CONFIG_INVALID: 'The configuration is invalid.',
  BAD_REQUEST: 'The request is malformed.',
  VALIDATION_FAILED: 'The input failed validation.',
  UNAUTHENTICATED: 'Authentication is required.',
  FORBIDDEN: 'You are not allowed to do this.',
  NOT_FOUND: 'Not found.',
  CONFLICT: 'The request conflicts with the current state.',
  RATE_LIMITED: 'Too many requests.',
  UPSTREAM_UNAVAILABLE: 'An agency system is unavailable.',
  UPSTREAM_TIMEOUT: 'An agency system did not answer in time.',
  UPSTREAM_BAD_PAYLOAD: 'An agency system sent data the hub could not read.',
  DEPENDENCY_UNAVAILABLE: 'A service the hub depends on is unavailable.',
  AUDIT_UNAVAILABLE: 'The access audit could not be written, so no data was returned.',
  INTERNAL: 'Something went wrong.',
};

export interface HubErrorOptions {
  /** Client-safe message; defaults to a generic one for the code. Must never contain personal data. */
  safeMessage?: string;
  /** Client-safe structured details (e.g. the agency name, a list of invalid config keys). */
  details?: Record<string, unknown>;
  /** The underlying error, for logs only (it is serialised through the redacting logger). */
  cause?: unknown;
}

export class HubError extends Error {
  readonly code: HubErrorCode;
  readonly httpStatus: number;
  readonly safeMessage: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: HubErrorCode, options: HubErrorOptions = {}) {
    const safeMessage = options.safeMessage ?? defaultMessages[code];
    super(safeMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HubError';
    this.code = code;
    this.httpStatus = httpStatusByCode[code];
    this.safeMessage = safeMessage;
    this.details = options.details;
  }
}

export class ConfigError extends HubError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('CONFIG_INVALID', {
      safeMessage: `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      details: { problems },
    });
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function isHubError(error: unknown): error is HubError {
  return error instanceof HubError;
}

/** Any thrown value, as a HubError: unknown errors become INTERNAL and keep the original only as `cause`. */
export function asHubError(error: unknown): HubError {
  return isHubError(error) ? error : new HubError('INTERNAL', { cause: error });
}

export interface HttpErrorBody {
  error: { code: HubErrorCode; message: string; details?: Record<string, unknown> };
}

/** The one translation of an error into an HTTP status and body. */
export function toHttpError(error: unknown): { status: number; body: HttpErrorBody } {
  const hubError = asHubError(error);
  const body: HttpErrorBody = { error: { code: hubError.code, message: hubError.safeMessage } };
  if (hubError.details !== undefined && hubError.code !== 'CONFIG_INVALID')
    body.error.details = hubError.details;
  return { status: hubError.httpStatus, body };
}
