/**
 * A feed refused whole, before anything of it is kept: too big, not a Bundle, a Bundle of the wrong type, not
 * JSON at all. `reason` is the code a client sees; nothing in the message names data from the feed.
 */
import { HubError } from '../../platform/errors.js';

export type FeedRefusalReason =
  | 'FEED_TOO_LARGE'
  | 'NOT_JSON'
  | 'NOT_A_BUNDLE'
  | 'BUNDLE_TYPE'
  | 'EMPTY_FEED'
  | 'BAD_SENDER'
  | 'UNSUPPORTED_MEDIA_TYPE';

const messages: Record<FeedRefusalReason, string> = {
  FEED_TOO_LARGE: 'The feed is larger than this hub accepts.',
  NOT_JSON: 'The feed is not valid JSON.',
  NOT_A_BUNDLE: 'The feed is not a FHIR Bundle.',
  BUNDLE_TYPE: 'The Bundle type must be collection, batch or transaction.',
  EMPTY_FEED: 'The feed has no header row.',
  BAD_SENDER: 'The sender is not an ODS code or a school URN.',
  UNSUPPORTED_MEDIA_TYPE: 'The content type does not match the feed kind.',
};

const statusByReason: Record<FeedRefusalReason, number> = {
  FEED_TOO_LARGE: 413,
  NOT_JSON: 400,
  NOT_A_BUNDLE: 400,
  BUNDLE_TYPE: 400,
  EMPTY_FEED: 400,
  BAD_SENDER: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

export class FeedRefusal extends HubError {
  readonly reason: FeedRefusalReason;
  readonly status: number;

  constructor(reason: FeedRefusalReason, options: { cause?: unknown } = {}) {
    super('BAD_REQUEST', { safeMessage: messages[reason], details: { reason }, ...options });
    this.name = 'FeedRefusal';
    this.reason = reason;
    this.status = statusByReason[reason];
  }
}

export function isFeedRefusal(error: unknown): error is FeedRefusal {
  return error instanceof FeedRefusal;
}
