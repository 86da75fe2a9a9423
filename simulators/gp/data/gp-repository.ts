import type { GpRecord, Organisation, Population, Professional } from '../../population/model.js';
import { systems } from '../fhir/code-systems.js';
import type { Encounter, GpResource } from '../fhir/r4-types.js';
import type { ClinicalResourceType, GpResourceType } from '../fhir/resource-types.js';
import { isClinicalResourceType } from '../fhir/resource-types.js';
import { foldForStringSearch } from '../fhir/string-folding.js';
import type { BuildContext } from '../resources/build-context.js';
import { buildEncounter } from '../resources/encounter.js';
import { buildOrganization } from '../resources/organization.js';
import { buildPatient } from '../resources/patient.js';
import { buildPractitioner } from '../resources/practitioner.js';
import { clinicalAccessors } from './clinical-accessors.js';
import type { GpEncounter } from './gp-items.js';
import { IdentifierIndex } from './identifier-index.js';

export type DirectoryResourceType = Exclude<GpResourceType, ClinicalResourceType>;

interface AddedEncounter {
  item: GpEncounter;
  lastUpdated: string;
}

const healthOrganisationKinds = new Set<Organisation['kind']>(['GP_PRACTICE', 'ICB']);

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What the simulated GP system holds, indexed when it starts: patients by id and NHS number, practitioners and
 * organisations by id (and ODS code), clinical items through their patient. FHIR JSON is built per request from
 * the records, so a population of 100,000 children does not become millions of prebuilt objects; the only
 * index that grows with clinical items (clinical resource id → owner) is built on first use per type.
 */
export class GpRepository {
  readonly context: BuildContext;
  private readonly patients = new Map<string, GpRecord>();
  private readonly patientIdentifiers = new IdentifierIndex();
  /** Patient ids by folded family name: demographic traces scan distinct names, not every patient. */
  private readonly patientsByFamily = new Map<string, string[]>();
  private readonly practitioners = new Map<string, Professional>();
  private readonly organisations = new Map<string, Organisation>();
  private readonly organisationIdentifiers = new IdentifierIndex();
  private readonly addedEncounters = new Map<string, AddedEncounter[]>();
  private readonly clinicalOwners = new Map<ClinicalResourceType, Map<string, GpRecord>>();
  private readonly sortedIds = new Map<DirectoryResourceType, string[]>();

  constructor(population: Population) {
    this.context = { lastUpdated: population.asOf };
    for (const record of population.gp) {
      this.patients.set(record.patientId, record);
      if (record.identity.nhsNumber !== null) {
        this.patientIdentifiers.add(systems.nhsNumber, record.identity.nhsNumber, record.patientId);
      }
      const family = foldForStringSearch(record.identity.familyName);
      const sameFamily = this.patientsByFamily.get(family);
      if (sameFamily) sameFamily.push(record.patientId);
      else this.patientsByFamily.set(family, [record.patientId]);
    }
    const referencedProfessionals = new Set(population.gp.map((record) => record.gpProfessionalId));
    for (const professional of population.professionals) {
      if (professional.agency === 'gp' || referencedProfessionals.has(professional.id)) {
        this.practitioners.set(professional.id, professional);
      }
    }
    const referencedOrganisations = new Set(population.gp.map((record) => record.practiceId));
    for (const professional of this.practitioners.values())
      referencedOrganisations.add(professional.organisationId);
    for (const organisation of population.organisations) {
      if (healthOrganisationKinds.has(organisation.kind) || referencedOrganisations.has(organisation.id)) {
        this.organisations.set(organisation.id, organisation);
        if (healthOrganisationKinds.has(organisation.kind)) {
          this.organisationIdentifiers.add(systems.odsOrganisationCode, organisation.code, organisation.id);
        }
      }
    }
  }

  patientRecord(id: string): GpRecord | undefined {
    return this.patients.get(id);
  }

  read(type: GpResourceType, id: string): GpResource | undefined {
    switch (type) {
      case 'Patient': {
        const record = this.patients.get(id);
        return record ? buildPatient(record, this.context) : undefined;
      }
      case 'Practitioner': {
        const professional = this.practitioners.get(id);
        return professional ? buildPractitioner(professional, this.context) : undefined;
      }
      case 'Organization': {
        const organisation = this.organisations.get(id);
        return organisation ? buildOrganization(organisation, this.context) : undefined;
      }
      default:
        return this.readClinical(type, id);
    }
  }

  readMany(type: GpResourceType, ids: Iterable<string>): GpResource[] {
    const found: GpResource[] = [];
    for (const id of ids) {
      const resource = this.read(type, id);
      if (resource) found.push(resource);
    }
    return found;
  }

  /** Ids of directory resources (Patient by NHS number, Organization by ODS code) holding the identifier. */
  idsByIdentifier(type: DirectoryResourceType, system: string | undefined, value: string): readonly string[] {
    if (type === 'Patient') return this.patientIdentifiers.find(system, value);
    if (type === 'Organization') return this.organisationIdentifiers.find(system, value);
    return [];
  }

  /** Patients whose folded family name contains any of the folded terms. */
  patientIdsWithFamilyContaining(foldedTerms: readonly string[]): Set<string> {
    const ids = new Set<string>();
    for (const [family, patientIds] of this.patientsByFamily) {
      if (foldedTerms.some((term) => family.includes(term))) for (const id of patientIds) ids.add(id);
    }
    return ids;
  }

  /** Every id of a directory type in the stable search order (code-unit order of the id). */
  allIds(type: DirectoryResourceType): readonly string[] {
    let ids = this.sortedIds.get(type);
    if (ids === undefined) {
      const source =
        type === 'Patient'
          ? this.patients
          : type === 'Practitioner'
            ? this.practitioners
            : this.organisations;
      ids = [...source.keys()].sort(byCodeUnits);
      this.sortedIds.set(type, ids);
    }
    return ids;
  }

  /** Every resource of a clinical type whose subject is one of the patients: O(their records), not O(population). */
  clinicalForPatients(type: ClinicalResourceType, patientIds: Iterable<string>): GpResource[] {
    const found: GpResource[] = [];
    for (const patientId of new Set(patientIds)) {
      const record = this.patients.get(patientId);
      if (record) found.push(...this.clinicalResourcesOf(type, record));
    }
    return found;
  }

  /** Records an encounter the GP system has just been told about (e.g. an A&E attendance). */
  addEncounter(patientId: string, item: GpEncounter, lastUpdated: string): Encounter | undefined {
    const record = this.patients.get(patientId);
    if (!record) return undefined;
    const added = this.addedEncounters.get(patientId) ?? [];
    added.push({ item, lastUpdated });
    this.addedEncounters.set(patientId, added);
    this.clinicalOwners.get('Encounter')?.set(item.id, record);
    return buildEncounter(record, item, this.context, lastUpdated);
  }

  private clinicalResourcesOf(type: ClinicalResourceType, record: GpRecord): GpResource[] {
    const resources = clinicalAccessors[type].resources(record, this.context);
    if (type === 'Encounter') {
      for (const added of this.addedEncounters.get(record.patientId) ?? []) {
        resources.push(buildEncounter(record, added.item, this.context, added.lastUpdated));
      }
    }
    return resources;
  }

  private readClinical(type: GpResourceType, id: string): GpResource | undefined {
    if (!isClinicalResourceType(type)) return undefined;
    const record = this.ownersOf(type).get(id);
    if (!record) return undefined;
    const added =
      type === 'Encounter'
        ? this.addedEncounters.get(record.patientId)?.find((a) => a.item.id === id)
        : undefined;
    if (added) return buildEncounter(record, added.item, this.context, added.lastUpdated);
    return clinicalAccessors[type].resource(record, id, this.context);
  }

  private ownersOf(type: ClinicalResourceType): Map<string, GpRecord> {
    let owners = this.clinicalOwners.get(type);
    if (owners === undefined) {
      owners = new Map();
      for (const record of this.patients.values()) {
        for (const id of clinicalAccessors[type].ids(record)) owners.set(id, record);
        if (type === 'Encounter') {
          for (const added of this.addedEncounters.get(record.patientId) ?? [])
            owners.set(added.item.id, record);
        }
      }
      this.clinicalOwners.set(type, owners);
    }
    return owners;
  }
}
