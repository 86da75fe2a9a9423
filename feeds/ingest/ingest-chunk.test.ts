import { describe, expect, it } from 'vitest';
import { reject } from '../records/dead-letter-reasons.js';
import { validateEach } from './ingest-chunk.js';
import type { RecordOutcome } from './record-outcome.js';

const stored = (position: number, text: string) => ({
  position,
  bytes: Buffer.from(text),
  rawSize: Buffer.byteLength(text),
  corrected: false,
  replays: 0,
});

describe('validateEach', () => {
  it('dead-letters a record whose validation throws as INTERNAL_ERROR, and goes on with the others', () => {
    const outcomes: RecordOutcome[] = [];
    const valid = validateEach(
      [stored(2, 'ok'), stored(3, 'poison'), stored(4, 'bad'), stored(5, 'ok')],
      (text) => {
        if (text === 'poison') throw new TypeError('unexpected');
        return text === 'ok' ? { ok: true, value: text } : reject('SCHEMA', 'x');
      },
      outcomes,
    );
    expect(valid.map((item) => item.position)).toEqual([2, 5]);
    expect(outcomes).toEqual([
      {
        position: 3,
        state: 'REJECTED',
        childId: null,
        letter: { reason: 'INTERNAL_ERROR', detail: '(record)' },
      },
      { position: 4, state: 'REJECTED', childId: null, letter: { reason: 'SCHEMA', detail: 'x' } },
    ]);
  });

  it('decodes before validating: bytes that are not UTF-8 never reach the validator', () => {
    const outcomes: RecordOutcome[] = [];
    const seen: string[] = [];
    validateEach(
      [{ ...stored(2, ''), bytes: Buffer.from([0xff, 0xfe]), rawSize: 2 }],
      (text) => {
        seen.push(text);
        return { ok: true, value: text };
      },
      outcomes,
    );
    expect(seen).toEqual([]);
    expect(outcomes[0]?.letter?.reason).toBe('BAD_ENCODING');
  });
});
