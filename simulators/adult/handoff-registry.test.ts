import { describe, expect, it } from 'vitest';
import { HandoffRegistry, IntakeFailures, packageFingerprint } from './handoff-registry.js';
import type { HandoffPackage } from './handoff-schema.js';

const pkg: HandoffPackage = {
  handoffId: 'HO-1',
  sentAt: '2025-03-03T10:00:00Z',
  child: { nhsNumber: null, givenName: 'A', familyName: 'B', dateOfBirth: '2008-01-01' },
  sections: [{ type: 'HEALTH', content: { conditions: [] } }],
};

describe('packageFingerprint', () => {
  it('ignores sentAt and key order but not content', () => {
    const reordered = JSON.parse(
      JSON.stringify({ sections: pkg.sections, child: pkg.child, handoffId: 'HO-1' }),
    );
    expect(packageFingerprint({ ...reordered, sentAt: '2025-03-04T00:00:00Z' })).toBe(
      packageFingerprint(pkg),
    );
    expect(
      packageFingerprint({ ...pkg, sections: [{ type: 'HEALTH', content: { conditions: ['x'] } }] }),
    ).not.toBe(packageFingerprint(pkg));
  });
});

describe('HandoffRegistry', () => {
  it('creates once, replays the same package, and flags a different one as a conflict', () => {
    let filed = 0;
    const registry = new HandoffRegistry(() => `ASC-${filed}`);
    const file = () => {
      filed += 1;
      return 'PERSON-1';
    };
    const first = registry.intake(pkg, '2025-03-03T10:00:00.000Z', file);
    expect(first.outcome).toBe('created');
    const again = registry.intake(
      { ...pkg, sentAt: '2025-03-03T10:05:00Z' },
      '2025-03-03T10:05:00.000Z',
      file,
    );
    expect(again).toEqual({ outcome: 'replayed', record: first.record });
    const different = registry.intake({ ...pkg, sections: [{ type: 'RISKS', content: 'x' }] }, 'later', file);
    expect(different.outcome).toBe('conflict');
    expect(filed).toBe(1);
    expect(registry.size).toBe(1);
    expect(registry.byReferenceId(first.record.reference)).toBe(first.record);
    expect(registry.bySenderId('HO-1')).toBe(first.record);
  });

  it('draws a new reference when one is already taken', () => {
    const references = ['ASC-1', 'ASC-1', 'ASC-2'];
    const registry = new HandoffRegistry(() => references.shift() ?? 'ASC-X');
    const a = registry.intake(pkg, 't', () => 'P');
    const b = registry.intake({ ...pkg, handoffId: 'HO-2' }, 't', () => 'P');
    expect([a.record.reference, b.record.reference]).toEqual(['ASC-1', 'ASC-2']);
  });
});

describe('IntakeFailures', () => {
  it('fails exactly the first N attempts and can be re-armed', () => {
    const failures = new IntakeFailures(2);
    expect([failures.take(), failures.take(), failures.take()]).toEqual([true, true, false]);
    expect(failures.set(1)).toBe(1);
    expect([failures.take(), failures.take()]).toEqual([true, false]);
    expect(() => failures.set(-1)).toThrow(RangeError);
  });
});
