/**
 * The bytes of a feed body as they stream past: counted, hashed (sha256, for "the same feed sent again") and held
 * to the body limit, so a body over the limit is refused as soon as it crosses it rather than after it is read.
 */
import { createHash } from 'node:crypto';
import { FeedRefusal } from './feed-refusal.js';

export interface ContentTally {
  /** The body's chunks, passed through unchanged. Iterate once. */
  readonly chunks: AsyncIterable<Buffer>;
  /** Bytes seen so far. */
  bytes(): number;
  /** Hex sha256 of every byte seen; call once the chunks are exhausted. */
  sha256(): string;
}

export function tallyContent(
  source: AsyncIterable<Uint8Array | string>,
  { maxBytes }: { maxBytes: number },
): ContentTally {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | undefined;
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const buffer =
        typeof chunk === 'string'
          ? Buffer.from(chunk)
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytes += buffer.byteLength;
      if (bytes > maxBytes) throw new FeedRefusal('FEED_TOO_LARGE');
      hash.update(buffer);
      yield buffer;
    }
  }
  return {
    chunks: chunks(),
    bytes: () => bytes,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}
