import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchJobId } from './index.js';

const childId = fc.stringMatching(/^[\w-]{1,64}$/);
const batch = fc.uniqueArray(childId, { minLength: 1, maxLength: 100 });
const runId = fc.stringMatching(/^[\w-]{1,100}$/);

describe('batchJobId', () => {
  it('names the same batch of a run the same way every time (property)', () => {
    fc.assert(
      fc.property(runId, fc.nat(10_000), batch, (run, n, ids) => {
        expect(batchJobId(run, n, ids)).toBe(batchJobId(run, n, [...ids]));
      }),
    );
  });

  it('names a batch whose children changed differently, even at the same position (property)', () => {
    fc.assert(
      fc.property(runId, fc.nat(10_000), batch, childId, (run, n, ids, other) => {
        fc.pre(!ids.includes(other));
        const changed = [...ids.slice(0, -1), other];
        expect(batchJobId(run, n, changed)).not.toBe(batchJobId(run, n, ids));
        expect(batchJobId(run, n, [...ids, other])).not.toBe(batchJobId(run, n, ids));
      }),
    );
  });

  it('is an id BullMQ accepts: never an integer, never a colon', () => {
    fc.assert(
      fc.property(runId, fc.nat(10_000), batch, (run, n, ids) => {
        const id = batchJobId(run, n, ids);
        expect(id).not.toContain(':');
        expect(String(Number.parseInt(id, 10))).not.toBe(id);
      }),
    );
    expect(batchJobId('night-1', 3, ['c-1', 'c-2'])).toMatch(/^night-1-3-[0-9a-f]{16}$/);
  });
});
