/** One child as the adult services subschema answers for them (see connectors/agency-child.ts). */
import { AgencyChild, type ReadOutcome } from '../agency-child.js';
import type { AdultServicesSectionValue } from './adult-section.js';
import type { ChronologyEventValue, PractitionerValue } from './graphql-values.js';
import type { PersonPayload } from './payload-schemas.js';
import { toAdultChronology } from './to-adult-chronology.js';
import { toAdultSection } from './to-adult-section.js';
import { toAdultTeam } from './to-adult-team.js';

const adultServicesMappers = {
  agency: 'ADULT_SERVICES' as const,
  section: toAdultSection,
  chronology: toAdultChronology,
  team: toAdultTeam,
};

export class AdultServicesChild extends AgencyChild<
  'ADULT_SERVICES',
  PersonPayload,
  AdultServicesSectionValue,
  ChronologyEventValue,
  PractitionerValue
> {
  constructor(
    readonly adultPersonIds: readonly string[],
    outcome: ReadOutcome<PersonPayload>,
  ) {
    super(adultServicesMappers, outcome);
  }
}
