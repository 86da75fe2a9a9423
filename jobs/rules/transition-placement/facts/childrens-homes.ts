/**
 * Stays in children's homes, for the rules about admissions (Children's Homes (England) Regulations 2015). A
 * children's home placement is SSDA903 type K1 (secure children's home) or K2 (children's home), or any placement
 * the local extension links to a residential unit. A stay starts with an admission; a placement record that
 * continues in the same home without a break (a new CLA episode after a legal status change) is not a new
 * admission.
 */
import type { PlacementValue } from '../../../../connectors/social-care/social-care-section.js';
import type { DayNumber } from '../../time/calendar-day.js';
import { datedPlacement, type DatedPlacement } from '../../facts/placements.js';

const childrensHomeTypes = new Set(['K1', 'K2']);

export function isChildrensHome(placement: PlacementValue): boolean {
  const type = placement.type?.trim().toUpperCase() ?? null;
  return placement.residentialUnitId !== null || (type !== null && childrensHomeTypes.has(type));
}

function sameHome(a: PlacementValue, b: PlacementValue): boolean {
  if (a.residentialUnitId !== null && b.residentialUnitId !== null)
    return a.residentialUnitId === b.residentialUnitId;
  return a.urn !== null && a.urn === b.urn;
}

export interface HomeStay {
  /** The placement that brought the child into the home. */
  admission: PlacementValue;
  /** The admission and the placement records that continued it, oldest first. */
  placements: PlacementValue[];
  admittedOn: DayNumber;
  /** The day the child left; null while they live there. */
  endedOn: DayNumber | null;
}

export interface StaysUnknown {
  missing: string;
}

export function childrensHomeStays(placements: readonly PlacementValue[]): HomeStay[] | StaysUnknown {
  const dated: DatedPlacement[] = [];
  for (const placement of placements) {
    if (!isChildrensHome(placement)) continue;
    const days = datedPlacement(placement);
    if (days === null) return { missing: `placement ${placement.id} has no valid start or end date` };
    dated.push(days);
  }
  dated.sort((a, b) => a.start - b.start);
  const stays: HomeStay[] = [];
  for (const { placement, start, end } of dated) {
    const last = stays.at(-1);
    const previous = last?.placements.at(-1);
    if (last && previous && last.endedOn !== null && start <= last.endedOn && sameHome(previous, placement)) {
      last.placements.push(placement);
      last.endedOn = end;
    } else {
      stays.push({ admission: placement, placements: [placement], admittedOn: start, endedOn: end });
    }
  }
  return stays;
}

export function staysUnknown(stays: HomeStay[] | StaysUnknown): stays is StaysUnknown {
  return !Array.isArray(stays);
}

/** The stay the child is in on `day`. */
export function stayOn(stays: readonly HomeStay[], day: DayNumber): HomeStay | null {
  return stays.find((s) => s.admittedOn <= day && (s.endedOn === null || day < s.endedOn)) ?? null;
}

/** The latest stay in the residential unit `unitId`. */
export function latestStayIn(stays: readonly HomeStay[], unitId: string): HomeStay | null {
  return stays.filter((s) => s.placements.some((p) => p.residentialUnitId === unitId)).at(-1) ?? null;
}

export function placementIdsOf(stay: HomeStay): Set<string> {
  return new Set(stay.placements.map((p) => p.id));
}
