/**
 * In-memory agency connectors for the reader's unit tests: each answers `readChildren` from a table of sections by
 * agency-local id (the section is the list of ids read, or what `sectionOf` builds), records every call, and can
 * be told to fail. Only tests import this.
 */
import type {
  AgencyChildRead,
  AgencyCode,
  Connector,
  ResidentialUnitRead,
  ResidentialUnitsRead,
} from '../../../connectors/connector.js';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import { emptySocialCare } from '../../rules/testing/joined-record-builder.js';

export const readAt = '2026-11-25T09:00:00.000Z';

const keyFields: Record<AgencyCode, string> = {
  SOCIAL_CARE: 'socialCarePersonIds',
  HEALTH: 'gpPatientIds',
  EDUCATION: 'educationPupilIds',
  ADULT_SERVICES: 'adultPersonIds',
};

export interface FakeConnector extends Connector {
  /** The keys of every readChildren call, one array per call. */
  calls: unknown[][];
  unitCalls: string[][];
  /** Agency-local ids the agency holds, with the section each gives (merged per key by `sectionOf`). */
  held: Set<string>;
  failure: { code: 'UNAVAILABLE' | 'TIMED_OUT'; reason: string } | null;
  units: Map<string, ResidentialUnitRead>;
  unitsFailure: { state: 'UNAVAILABLE' | 'TIMED_OUT'; reason: string } | null;
}

export function fakeConnector(
  agency: AgencyCode,
  held: readonly string[],
  sectionOf: (ids: string[]) => unknown = (ids) => ({ ids }),
): FakeConnector {
  const keyField = keyFields[agency];
  const connector: FakeConnector = {
    name: agency.toLowerCase(),
    schema: undefined as never,
    merge: {
      Child: {
        selectionSet: `{ ${keyField} }`,
        fieldName: '_children',
        key: (child: Record<string, string[]>) => ({ ids: child[keyField] ?? [] }),
      },
    },
    agency: { agency, keyField, sourceField: 's', chronologyField: 'c', teamField: 't' },
    calls: [],
    unitCalls: [],
    held: new Set(held),
    failure: null,
    units: new Map(),
    unitsFailure: null,
    async readChildren(keys) {
      connector.calls.push([...keys]);
      return keys.map((key): AgencyChildRead => {
        const ids = (key as { ids: string[] }).ids;
        if (ids.length === 0)
          return { source: { agency, state: 'NOT_LINKED', asOf: null, reason: null }, section: null };
        if (connector.failure)
          return {
            source: { agency, state: connector.failure.code, asOf: readAt, reason: connector.failure.reason },
            section: null,
          };
        const found = ids.filter((id) => connector.held.has(id));
        if (found.length === 0)
          return {
            source: { agency, state: 'NOT_LINKED', asOf: readAt, reason: 'RECORD_NOT_FOUND' },
            section: null,
          };
        return { source: { agency, state: 'OK', asOf: readAt, reason: null }, section: sectionOf(found) };
      });
    },
    async readResidentialUnits(unitIds): Promise<ResidentialUnitsRead> {
      connector.unitCalls.push([...unitIds]);
      if (connector.unitsFailure) return { ...connector.unitsFailure, asOf: readAt };
      return {
        state: 'OK',
        asOf: readAt,
        units: unitIds.map((unitId) => connector.units.get(unitId) ?? { unitId, name: null, stays: [] }),
      };
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
  return connector;
}

/** A social care section for person ids, with the placements given (the first listed for each person). */
export function socialCareSectionWith(
  placementsByPerson: Record<string, SocialCareSectionValue['placements']>,
): (ids: string[]) => SocialCareSectionValue {
  return (ids) => {
    const placements = ids.flatMap((id) => placementsByPerson[id] ?? []);
    const open = placements.filter((placement) => placement.endDate === null);
    return { ...emptySocialCare(), personIds: ids, placements, currentPlacement: open.at(-1) ?? null };
  };
}

export function placement(
  id: string,
  startDate: string,
  endDate: string | null,
  residentialUnitId: string | null,
): SocialCareSectionValue['placements'][number] {
  return {
    id,
    periodOfCareId: null,
    type: residentialUnitId ? 'K2' : 'U1',
    urn: null,
    provider: null,
    postcode: null,
    distanceMiles: null,
    startDate,
    endDate,
    changeReason: null,
    longTerm: null,
    interim: false,
    intendedEndDate: null,
    awaitingLongTermPlacement: null,
    lastPanelReviewDate: null,
    residentialUnitId,
  };
}
