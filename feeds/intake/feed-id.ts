import { randomBytes } from 'node:crypto';

/** A new feed id: `feed_` and 128 random bits, url-safe (the shape feeds.id checks). */
export function newFeedId(): string {
  return `feed_${randomBytes(16).toString('base64url')}`;
}
