import { describe, expect, it } from 'vitest';
import { recordMeetingBody, startMissingBody, startPlacementBody } from './write-bodies.js';

describe('write API bodies', () => {
  it('needs a placement type and postcode unless the child goes to a residential unit', () => {
    expect(startPlacementBody.safeParse({ personId: 'P1', startDate: '2025-01-01' }).success).toBe(false);
    expect(
      startPlacementBody.safeParse({ personId: 'P1', startDate: '2025-01-01', residentialUnitId: 'U1' })
        .success,
    ).toBe(true);
    const foster = startPlacementBody.parse({
      personId: 'P1',
      startDate: '2025-01-01T09:00:00Z',
      placementType: 'U4',
      postcode: 'LS1 1AA',
    });
    expect(foster).toMatchObject({
      residentialUnitId: null,
      previousPlacementChangeReason: 'CARPL',
      legalStatus: 'V2',
    });
  });

  it('rejects unknown fields, bad dates and ids that could not be SSD keys', () => {
    expect(
      startMissingBody.safeParse({ personId: 'P1', startDate: '2025-01-01', colour: 'red' }).success,
    ).toBe(false);
    expect(startMissingBody.safeParse({ personId: 'P1', startDate: '01/02/2025' }).success).toBe(false);
    expect(startMissingBody.safeParse({ personId: "P1'; DROP TABLE", startDate: '2025-01-01' }).success).toBe(
      false,
    );
  });

  it('keeps what a meeting did not record as null', () => {
    expect(recordMeetingBody.parse({ personId: 'P1', date: '2025-01-01' })).toMatchObject({
      type: null,
      statutory: null,
      purpose: null,
      requiredAttendees: null,
      minutesRecipients: null,
      actualAttendees: [],
    });
  });
});
