/**
 * Places every children's home (K2) placement in a residential unit of three to six beds, never above capacity,
 * so that homes have several residents at once and admissions have existing residents to be matched against.
 * Homes are created only as demand needs them and filled first-fit in start order, as a tight market does.
 */
import type { DayNumber } from './dates.js';
import type { GenerationContext } from './generation-context.js';
import type { ResidentialUnit } from './model.js';
import type { AreaOrganisations } from './organisations.js';
import { homePostcode, outOfAreaPostcode } from './postcodes.js';
import type { ProfessionalRegistry } from './professionals.js';
import type { ChildProfile, PlannedPlacement } from './profile-types.js';
import { CHILDRENS_HOME } from './social-care-codes.js';

export interface UnitStay {
  profile: ChildProfile;
  placement: PlannedPlacement;
}

/** The children's homes and who stayed in each, for co-resident checks while writing records. */
export class ResidentialDirectory {
  readonly units: ResidentialUnit[] = [];
  private readonly stays = new Map<string, UnitStay[]>();

  addUnit(unit: ResidentialUnit): void {
    this.units.push(unit);
    this.stays.set(unit.id, []);
  }

  addStay(unitId: string, stay: UnitStay): void {
    this.stays.get(unitId)?.push(stay);
  }

  /**
   * Children in the unit at any time on `day` (excluding `exceptIndex`): someone arriving or leaving that day counts,
   * because who was there at the hour of an admission depends on times of day.
   */
  residentsOn(unitId: string, day: DayNumber, exceptIndex: number): UnitStay[] {
    const stays = this.stays.get(unitId) ?? [];
    return stays.filter(
      (stay) =>
        stay.profile.index !== exceptIndex &&
        stay.placement.start <= day &&
        (stay.placement.end === null || stay.placement.end >= day),
    );
  }

  staysIn(unitId: string): readonly UnitStay[] {
    return this.stays.get(unitId) ?? [];
  }
}

const UNIT_SUFFIXES = ['House', 'Lodge', 'View', 'Cottage', 'Court', 'Grange'];
// prettier-ignore
const UNIT_WORDS = [
  'Oak', 'Ash', 'Birch', 'Rowan', 'Hazel', 'Maple', 'Cedar', 'Alder', 'Holly', 'Linden', 'Elder', 'Juniper',
  'Larch', 'Poplar', 'Willow', 'Aspen', 'Hawthorn', 'Laurel', 'Yew', 'Beech',
];

export function allocateResidentialUnits(
  context: GenerationContext,
  profiles: readonly ChildProfile[],
  area: AreaOrganisations,
  registry: ProfessionalRegistry,
): ResidentialDirectory {
  const random = context.random.fork('residential-units');
  const directory = new ResidentialDirectory();
  const stays: UnitStay[] = [];
  for (const profile of profiles) {
    for (const period of profile.care) {
      for (const placement of period.placements) {
        if (placement.type === CHILDRENS_HOME) stays.push({ profile, placement });
      }
    }
  }
  stays.sort((a, b) => a.placement.start - b.placement.start || a.profile.index - b.profile.index);

  const occupancy: Array<{ unit: ResidentialUnit; endings: number[]; distanceMiles: number }> = [];
  for (const stay of stays) {
    const start = stay.placement.start;
    let chosen = occupancy.find((entry) => {
      // A child leaving on the day another arrives still holds the bed that day (times of day differ).
      entry.endings = entry.endings.filter((end) => end >= start);
      return entry.endings.length < entry.unit.capacity;
    });
    if (!chosen) {
      const index = occupancy.length;
      const provider = random.weighted([
        [area.homeProviders[0], 20],
        [area.homeProviders[1], 40],
        [area.homeProviders[2], 30],
        [area.homeProviders[3], 10],
      ] as const);
      if (!provider) throw new Error('no children\u2019s home providers');
      const inArea = random.chance(0.35);
      const word = UNIT_WORDS[index % UNIT_WORDS.length] as string;
      const suffix = UNIT_SUFFIXES[Math.floor(index / UNIT_WORDS.length) % UNIT_SUFFIXES.length] as string;
      const round = Math.floor(index / (UNIT_WORDS.length * UNIT_SUFFIXES.length));
      const name = `${word} ${suffix}${round > 0 ? ` ${round + 1}` : ''}`;
      const manager = registry.create('HOME_MANAGER', 'social-care', provider.organisation.id, name);
      const unit: ResidentialUnit = {
        id: `RU${String(index + 1).padStart(5, '0')}`,
        urn: `SC${String(400001 + index)}`,
        name,
        providerCode: provider.providerCode,
        postcode: inArea ? homePostcode(random) : outOfAreaPostcode(random),
        capacity: random.int(3, 6),
        managerProfessionalId: manager.id,
      };
      const distanceMiles = inArea ? random.int(10, 100) / 10 : random.int(150, 1200) / 10;
      chosen = { unit, endings: [], distanceMiles };
      occupancy.push(chosen);
      directory.addUnit(unit);
    }
    chosen.endings.push(stay.placement.end ?? Number.POSITIVE_INFINITY);
    stay.placement.unit = chosen.unit;
    stay.placement.providerCode = chosen.unit.providerCode;
    stay.placement.postcode = chosen.unit.postcode;
    stay.placement.distanceMiles = chosen.distanceMiles;
    directory.addStay(chosen.unit.id, stay);
  }
  return directory;
}
