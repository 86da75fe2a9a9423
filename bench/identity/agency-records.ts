/**
 * The simulated population's agency records as the matching engine sees them, each paired with its truthKey.
 * The truth key stays on this side: the engine is given the records only.
 */
import type { AgencyPersonRecord } from '../../connectors/identity/matching/index.js';
import type { Population, RecordedIdentity } from '../../simulators/population/model.js';

export interface LabelledRecords {
  records: AgencyPersonRecord[];
  /** "agency|localId" → truthKey */
  truth: Map<string, string>;
  /**
   * Local ids the generator issued twice within one agency, renamed here ("id#2") so every record stays
   * addressable. The generator forks a 32-bit-seeded stream per child, so at ~100,000 children two children's GP
   * streams can coincide, and with them their FHIR ids.
   */
  renamedIds: number;
}

export function truthLookupKey(agency: string, localId: string): string {
  return `${agency}|${localId}`;
}

export function agencyRecords(population: Population): LabelledRecords {
  const records: AgencyPersonRecord[] = [];
  const truth = new Map<string, string>();
  let renamedIds = 0;
  const add = (
    agency: AgencyPersonRecord['agency'],
    issuedId: string,
    identity: RecordedIdentity,
    truthKey: string,
  ) => {
    let localId = issuedId;
    for (let copy = 2; truth.has(truthLookupKey(agency, localId)); copy++) localId = `${issuedId}#${copy}`;
    if (localId !== issuedId) renamedIds++;
    records.push({
      agency,
      localId,
      nhsNumber: identity.nhsNumber,
      upn: identity.upn,
      givenName: identity.givenName,
      familyName: identity.familyName,
      dateOfBirth: identity.dateOfBirth,
      sex: identity.sex,
      postcode: identity.postcode,
    });
    truth.set(truthLookupKey(agency, localId), truthKey);
  };
  for (const r of population.socialCare) add('social-care', r.personId, r.identity, r.truthKey);
  for (const r of population.gp) add('gp', r.patientId, r.identity, r.truthKey);
  for (const r of population.education) add('education', r.pupilId, r.identity, r.truthKey);
  for (const r of population.adult) add('adult', r.personId, r.identity, r.truthKey);
  return { records, truth, renamedIds };
}
