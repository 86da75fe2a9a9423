/**
 * The health connector: a GP system's FHIR R4 API (any conformant server, by base URL) as the `health` section
 * of the child, merged on `gpPatientIds`. See connectors/README.md for the shape every agency connector follows.
 */
import { defineConnector } from '../connector.js';
import { createHttpJsonClient } from '../../platform/upstream/http-json-client.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { healthConfigSection } from './config.js';
import { createHealthClient, healthAgency } from './health-client.js';
import { loadersPerRequest } from './loaders.js';
import { personIndexPage } from './person-index.js';
import { createHealthReadChildren } from './reconciliation-reads.js';
import { gpRelationships } from './relationships.js';
import { createHealthSchema, healthMerge } from './schema.js';

/**
 * The most patient ids in one upstream search: a page of 100 children with their duplicate records fits many
 * times over, and the form body of a POST `_search` stays small.
 */
export const maxIdsPerSearch = 500;

export default defineConnector({
  name: 'health',
  configSection: healthConfigSection,
  async create(config, deps) {
    const http = createHttpJsonClient({ agency: healthAgency, policy: createUpstreamPolicy(config.policy) });
    const client = createHealthClient({ baseUrl: config.fhirBaseUrl, pageSize: config.pageSize, http });
    const loaderOptions = { client, now: deps.now, maxBatchSize: maxIdsPerSearch };
    const loadersFor = loadersPerRequest(loaderOptions);
    return {
      name: 'health',
      schema: createHealthSchema({ loadersFor, now: deps.now }),
      merge: healthMerge,
      agency: {
        agency: 'HEALTH',
        keyField: 'gpPatientIds',
        sourceField: 'healthSource',
        chronologyField: 'healthChronology',
        teamField: 'healthTeam',
      },
      personIndex: (cursor, limit) => personIndexPage(client, cursor, limit),
      // One page per search: a server's `next` link repeats every id in its URL, which outgrows request-line
      // limits (HTTP 431) for a few hundred ids.
      relationships: (localIds) =>
        gpRelationships(client, localIds, Math.min(maxIdsPerSearch, config.pageSize)),
      readChildren: createHealthReadChildren({
        ...loaderOptions,
        onMappingError: (error) =>
          deps.logger.error({ err: error, agency: healthAgency }, 'health section mapping failed'),
      }),
      ping: () => client.capabilities(),
      // Nothing to release: requests go through the global fetch, and nothing child-level is cached.
      close: async () => undefined,
    };
  },
});
