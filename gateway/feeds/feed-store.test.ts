import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../platform/errors.js';
import { decodeFeedCursor, encodeFeedCursor } from './feed-store.js';

const feedIds = fc.stringMatching(/^feed_[A-Za-z0-9_-]{1,64}$/);
const instants = fc.date({
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('feed listing cursors', () => {
  it('give back the received instant and id they were made from', () => {
    fc.assert(
      fc.property(feedIds, instants, (id, receivedAt) => {
        expect(decodeFeedCursor(encodeFeedCursor({ id, receivedAt: receivedAt.toISOString() }))).toEqual([
          receivedAt.toISOString(),
          id,
        ]);
      }),
    );
  });

  it('refuse anything else with VALIDATION_FAILED, never another error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (cursor) => {
        try {
          const [at, id] = decodeFeedCursor(cursor);
          expect(Number.isNaN(Date.parse(at))).toBe(false);
          expect(id.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(HubError);
          expect((error as HubError).code).toBe('VALIDATION_FAILED');
        }
      }),
    );
    expect(() => decodeFeedCursor(Buffer.from('["yesterday","feed_1"]').toString('base64url'))).toThrow(
      HubError,
    );
  });
});
