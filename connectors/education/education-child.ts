/** One child as the education subschema answers for them (see connectors/agency-child.ts). */
import { AgencyChild, type ReadOutcome } from '../agency-child.js';
import type { EducationSectionValue } from './education-section.js';
import type { ChronologyEventValue, PractitionerValue } from './graphql-values.js';
import type { PupilPayload } from './payload-schemas.js';
import { toEducationChronology } from './to-education-chronology.js';
import { toEducationSection } from './to-education-section.js';
import { toEducationTeam } from './to-education-team.js';

const educationMappers = {
  agency: 'EDUCATION' as const,
  section: toEducationSection,
  chronology: toEducationChronology,
  team: toEducationTeam,
};

export class EducationChild extends AgencyChild<
  'EDUCATION',
  PupilPayload,
  EducationSectionValue,
  ChronologyEventValue,
  PractitionerValue
> {
  constructor(
    readonly educationPupilIds: readonly string[],
    outcome: ReadOutcome<PupilPayload>,
  ) {
    super(educationMappers, outcome);
  }
}
