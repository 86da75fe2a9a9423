import { describe, expect, it } from 'vitest';
import { emptySocialCare } from '../rules/testing/joined-record-builder.js';
import { homePlacementOf, overlappingStays } from './residential-context.js';
import { placement } from './test-fixtures/fake-connectors.js';

const stay = (personId: string, start: string, end: string | null) => ({
  personId,
  placementId: `PL-${personId}`,
  start,
  end,
});

describe('homePlacementOf', () => {
  const foster = placement('F1', '2026-01-01T10:00:00.000Z', null, null);
  const oldHome = placement('H1', '2025-01-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z', 'U1');
  const laterHome = placement('H2', '2025-07-01T10:00:00.000Z', '2025-12-01T10:00:00.000Z', 'U2');
  const currentHome = placement('H3', '2026-02-01T10:00:00.000Z', null, 'U3');

  it('is the current placement when the child lives in a home now', () => {
    const section = {
      ...emptySocialCare(),
      placements: [oldHome, currentHome],
      currentPlacement: currentHome,
    };
    expect(homePlacementOf(section)?.id).toBe('H3');
  });

  it('is the latest home placement when the child has left homes for foster care', () => {
    const section = {
      ...emptySocialCare(),
      placements: [laterHome, oldHome, foster],
      currentPlacement: foster,
    };
    expect(homePlacementOf(section)?.id).toBe('H2');
  });

  it('is null for a child never placed in a home', () => {
    expect(
      homePlacementOf({ ...emptySocialCare(), placements: [foster], currentPlacement: foster }),
    ).toBeNull();
  });
});

describe('overlappingStays', () => {
  const own = placement('H1', '2026-03-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z', 'U1');

  it('keeps stays overlapping the placement, ends included, oldest first, the child excluded', () => {
    const stays = [
      stay('LATER', '2026-05-01T00:00:00.000Z', null),
      stay('LEFT-BEFORE', '2026-01-01T00:00:00.000Z', '2026-03-01T11:59:59.000Z'),
      stay('LEFT-AS-ARRIVED', '2026-01-01T00:00:00.000Z', '2026-03-01T12:00:00.000Z'),
      stay('ARRIVED-AS-LEFT', '2026-06-01T12:00:00.000Z', null),
      stay('CAME-AFTER', '2026-06-01T12:00:01.000Z', null),
      stay('SELF', '2026-03-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z'),
      stay('ALL-ALONG', '2025-01-01T00:00:00.000Z', null),
    ];
    expect(overlappingStays(stays, own, ['SELF']).map((s) => s.personId)).toEqual([
      'ALL-ALONG',
      'LEFT-AS-ARRIVED',
      'LATER',
      'ARRIVED-AS-LEFT',
    ]);
  });

  it('runs an open placement on: everyone who came after is a co-resident', () => {
    const open = { startDate: '2026-03-01T12:00:00.000Z', endDate: null };
    expect(overlappingStays([stay('NEXT-YEAR', '2027-03-01T00:00:00.000Z', null)], open, []).length).toBe(1);
  });
});
