import type { Organisation } from '../../population/model.js';
import { systems } from '../fhir/code-systems.js';
import type { Coding, Organization } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { versionMeta } from './build-context.js';

const organisationTypes: Record<Organisation['kind'], Coding> = {
  GP_PRACTICE: { system: systems.organizationType, code: 'prov', display: 'Healthcare Provider' },
  ICB: { system: systems.organizationType, code: 'pay', display: 'Payer' },
  LOCAL_AUTHORITY: { system: systems.organizationType, code: 'govt', display: 'Government' },
  ADULT_SERVICES: { system: systems.organizationType, code: 'govt', display: 'Government' },
  SCHOOL: { system: systems.organizationType, code: 'edu', display: 'Educational Institute' },
  CHILDRENS_HOME_PROVIDER: { system: systems.organizationType, code: 'other', display: 'Other' },
};

/** Only health organisations carry an ODS code; a school's code is an Ofsted/DfE URN, not ODS. */
const odsKinds = new Set<Organisation['kind']>(['GP_PRACTICE', 'ICB']);

export function buildOrganization(organisation: Organisation, context: BuildContext): Organization {
  return {
    resourceType: 'Organization',
    id: organisation.id,
    meta: versionMeta(context.lastUpdated),
    ...(odsKinds.has(organisation.kind)
      ? { identifier: [{ system: systems.odsOrganisationCode, value: organisation.code }] }
      : {}),
    active: true,
    type: [{ coding: [organisationTypes[organisation.kind]] }],
    name: organisation.name,
    address: [{ use: 'work', postalCode: organisation.postcode }],
  };
}
