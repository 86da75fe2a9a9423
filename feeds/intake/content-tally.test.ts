import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyContent } from './content-tally.js';
import { isFeedRefusal } from './feed-refusal.js';

async function drain(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

async function* from(parts: Uint8Array[]) {
  yield* parts;
}

describe('content tally', () => {
  it('passes the bytes through unchanged, counting and hashing them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 50 }), { maxLength: 10 }), async (parts) => {
        const tally = tallyContent(from(parts), { maxBytes: 10_000 });
        const whole = Buffer.concat(parts);
        expect((await drain(tally.chunks)).equals(whole)).toBe(true);
        expect(tally.bytes()).toBe(whole.length);
        expect(tally.sha256()).toBe(createHash('sha256').update(whole).digest('hex'));
      }),
    );
  });

  it('accepts a body of exactly the limit and refuses one byte more', async () => {
    const exact = tallyContent(from([new Uint8Array(60), new Uint8Array(40)]), { maxBytes: 100 });
    expect((await drain(exact.chunks)).length).toBe(100);
    const over = tallyContent(from([new Uint8Array(60), new Uint8Array(41)]), { maxBytes: 100 });
    await expect(drain(over.chunks)).rejects.toSatisfy(
      (error: unknown) => isFeedRefusal(error) && error.reason === 'FEED_TOO_LARGE' && error.status === 413,
    );
  });
});
