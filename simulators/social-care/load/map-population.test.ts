import { describe, expect, it } from 'vitest';
import type { Population, SocialCareRecord } from '../../population/model.js';
import { buildSyntheticPopulation } from '../fixtures/synthetic-population.js';
import { allTables } from '../ssd-schema/all-tables.js';
import { assertUniqueKeys } from './insert-rows.js';
import { mapPopulationToRows } from './map-population.js';

const population = buildSyntheticPopulation({ socialCareRecords: 400, seed: 3 });
const sink = mapPopulationToRows(population);

function withRecord(change: (record: SocialCareRecord) => void): Population {
  const copy = structuredClone(population);
  const first = copy.socialCare[0];
  if (first === undefined) throw new Error('empty fixture');
  change(first);
  return { ...copy, socialCare: [first] };
}

describe('mapPopulationToRows', () => {
  it('gives every row exactly the columns of its table, with unique keys', () => {
    for (const def of allTables) {
      const columns = def.columns.map((c) => c.name).sort();
      for (const row of sink.rows(def.name)) expect(Object.keys(row).sort()).toEqual(columns);
      expect(() => assertUniqueKeys(def, sink.rows(def.name))).not.toThrow();
    }
  });

  it('fills every table the fixture has data for', () => {
    const empty = allTables.filter((def) => sink.rows(def.name).length === 0).map((def) => def.name);
    expect(empty).toEqual([]);
  });

  it('maps identity: NHS number into pers_common_child_id and the linked identifiers, UPN-unknown code when none', () => {
    const rows = mapPopulationToRows(
      withRecord((r) => {
        r.identity.nhsNumber = '9990000018';
        r.identity.upn = null;
        r.identity.dateOfBirth = '2012-05-01';
        r.sendFlag = true;
      }),
    );
    const person = rows.rows('ssd_person')[0];
    expect(person?.pers_common_child_id).toBe('9990000018');
    expect(person?.pers_single_unique_id).toBe('9990000018');
    expect(person?.pers_upn_unknown).toBe('UN4');
    expect(person?.pers_send_flag).toBe('Y');
    expect(rows.rows('ssd_linked_identifiers').map((l) => l.link_identifier_type)).toEqual(['NHS Number']);
  });

  it('ties placements, reviews and visits to their period of care, and merges legal status runs', () => {
    const rows = mapPopulationToRows(
      withRecord((r) => {
        const base = {
          needCode: 'N1',
          enteredCareDate: '2024-01-01',
          lastIroContactDate: null,
          ceasedReason: null,
        };
        r.claEpisodes = [
          {
            ...base,
            id: 'E1',
            periodId: 'C1',
            startDate: '2024-01-01',
            startReason: 'S',
            legalStatus: 'C2',
            ceasedDate: '2024-03-01',
            ceasedReason: 'X1',
          },
          {
            ...base,
            id: 'E2',
            periodId: 'C1',
            startDate: '2024-03-01',
            startReason: 'P',
            legalStatus: 'C2',
            ceasedDate: null,
          },
        ];
        r.placements = [
          {
            id: 'PL2',
            claEpisodeId: 'E2',
            startDate: '2024-03-01',
            endDate: null,
            type: 'K2',
            urn: 'SC1',
            residentialUnitId: 'U1',
            providerCode: 'PR4',
            postcode: 'LS1 1AA',
            distanceMiles: 3,
            changeReason: null,
            intendedEndDate: null,
            isLongTerm: false,
            awaitingLongTermPlacement: true,
            lastPanelReviewDate: null,
          },
        ];
        r.claReviews = [{ id: 'R1', dueDate: '2024-02-01', date: null, participation: 'PN7' }];
        r.visits = [{ id: 'V1', date: '2024-04-01', kind: 'CLA', childSeen: false, workerId: 'W' }];
      }),
    );
    expect(rows.rows('ssd_cla_placement')[0]?.clap_cla_id).toBe('C1');
    expect(
      rows.rows('ssd_cla_episodes').find((e) => e.clae_cla_episode_id === 'E2')?.clae_cla_placement_id,
    ).toBe('PL2');
    expect(rows.rows('ssd_cla_reviews')[0]).toMatchObject({
      clar_cla_id: 'C1',
      clar_cla_review_participation: 'PN7',
    });
    expect(rows.rows('ssd_cla_visits')[0]).toMatchObject({ clav_cla_id: 'C1', clav_cla_visit_seen: 'N' });
    expect(rows.rows('ssd_legal_status')).toEqual([
      expect.objectContaining({
        lega_legal_status: 'C2',
        lega_legal_status_start_date: '2024-01-01',
        lega_legal_status_end_date: null,
      }),
    ]);
    expect(rows.rows('ssdx_placement_detail')[0]).toMatchObject({
      pldx_residential_unit_id: 'U1',
      pldx_awaiting_long_term: 'Y',
    });
  });

  it('keeps unrecorded meeting facts as NULL rather than inventing them', () => {
    const rows = mapPopulationToRows(
      withRecord((r) => {
        r.meetings = [
          {
            id: 'M1',
            date: '2024-01-02',
            type: null,
            statutory: null,
            purpose: null,
            placementId: null,
            requiredAttendees: null,
            actualAttendees: ['SOCIAL_WORKER'],
            minutesRecipients: null,
            updatedRiskAssessment: false,
          },
        ];
      }),
    );
    expect(rows.rows('ssdx_meeting')[0]).toMatchObject({
      meet_meeting_type: null,
      meet_statutory: null,
      meet_required_attendees_json: null,
      meet_actual_attendees_json: '["SOCIAL_WORKER"]',
      meet_updated_risk_assessment: 'N',
    });
  });

  it('gives every professional social care lists a contact row with their work e-mail and phone', () => {
    const professionals = sink.rows('ssd_professionals');
    const contacts = new Map(
      sink.rows('ssdx_professional_contact').map((row) => [row.prco_professional_id, row]),
    );
    expect(professionals.length).toBeGreaterThan(0);
    expect(contacts.size).toBe(professionals.length);
    for (const row of professionals) {
      const professional = population.professionals.find((p) => p.id === row.prof_professional_id);
      expect(contacts.get(row.prof_professional_id)).toEqual({
        prco_professional_id: row.prof_professional_id,
        prco_email: professional?.email,
        prco_phone: professional?.phone,
      });
    }
  });
});
