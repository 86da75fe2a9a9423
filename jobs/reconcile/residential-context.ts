/**
 * The children's home part of a joined record, worked out from the child's social care section and the home's
 * stays: which home (the placement there the child is in now, or else the latest one), and everyone placed there
 * at any time overlapping the child's placement. Pure; the reader does the reading.
 */
import type { ResidentialStayRead } from '../../connectors/connector.js';
import type {
  PlacementValue,
  SocialCareSectionValue,
} from '../../connectors/social-care/social-care-section.js';

/** The child's placement in a children's home: the current placement if it is in one, else the latest started. */
export function homePlacementOf(section: SocialCareSectionValue): PlacementValue | null {
  const current = section.currentPlacement;
  if (current?.residentialUnitId) return current;
  const inHomes = section.placements.filter((placement) => placement.residentialUnitId !== null);
  return inHomes.reduce<PlacementValue | null>(
    (latest, placement) =>
      latest === null || instant(placement.startDate) >= instant(latest.startDate) ? placement : latest,
    null,
  );
}

/**
 * The stays overlapping `placement` (both ends inclusive, an open end running on), the child's own excluded
 * (any of its social care person ids), oldest first.
 */
export function overlappingStays(
  stays: readonly ResidentialStayRead[],
  placement: Pick<PlacementValue, 'startDate' | 'endDate'>,
  ownPersonIds: readonly string[],
): ResidentialStayRead[] {
  const own = new Set(ownPersonIds);
  const from = instant(placement.startDate);
  const to = placement.endDate === null ? Infinity : instant(placement.endDate);
  return stays
    .filter(
      (stay) =>
        !own.has(stay.personId) &&
        instant(stay.start) <= to &&
        (stay.end === null ? Infinity : instant(stay.end)) >= from,
    )
    .sort((a, b) => instant(a.start) - instant(b.start) || compare(a.personId, b.personId));
}

/** Agencies send instants and dates; both compare as the instant they name (a date is its UTC midnight). */
function instant(value: string): number {
  return Date.parse(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
