/** Who the GP system records as responsible for its patients: the registered practice, by ODS code. */
import type { Relationship } from '../connector.js';
import { referenceTarget } from './fhir-values.js';
import type { HealthClient } from './health-client.js';
import type { FhirOrganization, FhirPatient, FhirResource } from './payload-schemas.js';
import { isKnownResource } from './payload-schemas.js';
import { searchableIds } from './search-requests.js';
import { toGpPractice } from './to-gp-patient.js';

/** One GP_PRACTICE relationship per practice (with an ODS code) each patient is registered with. */
export function toRelationships(
  resources: readonly FhirResource[],
  localIds: readonly string[],
): Relationship[] {
  const wanted = new Set(localIds);
  const patients: FhirPatient[] = [];
  const organizations = new Map<string, FhirOrganization>();
  for (const resource of resources) {
    if (!isKnownResource(resource)) continue;
    if (resource.resourceType === 'Patient' && wanted.has(resource.id)) patients.push(resource);
    if (resource.resourceType === 'Organization') organizations.set(resource.id, resource);
  }
  return patients.flatMap((patient) => {
    const odsCodes = new Set<string>();
    for (const reference of patient.generalPractitioner ?? []) {
      const target = referenceTarget(reference);
      const organization = target?.type === 'Organization' ? organizations.get(target.id) : undefined;
      const odsCode = organization ? toGpPractice(organization).odsCode : null;
      if (odsCode) odsCodes.add(odsCode);
    }
    return [...odsCodes].map((odsCode): Relationship => ({
      localId: patient.id,
      kind: 'GP_PRACTICE',
      subject: { organisation: odsCode },
      // FHIR R4 Patient does not say since when a patient is registered.
      since: null,
    }));
  });
}

export async function gpRelationships(
  client: HealthClient,
  localIds: readonly string[],
  maxIdsPerSearch: number,
): Promise<Relationship[]> {
  const ids = searchableIds(localIds);
  const relationships: Relationship[] = [];
  for (let start = 0; start < ids.length; start += maxIdsPerSearch) {
    const chunk = ids.slice(start, start + maxIdsPerSearch);
    relationships.push(...toRelationships(await client.patientPractices(chunk), chunk));
  }
  return relationships;
}
