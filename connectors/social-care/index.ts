/**
 * The children's social care connector: the council's Standard Safeguarding Dataset (and its local `ssdx_`
 * extension) read over SQL as a read-only login, as the `socialCare` part of the child view.
 */
import { defineConnector, type Connector } from '../connector.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { socialCareConfigSection, type SocialCareConfig } from './config.js';
import { readPersonIndexPage } from './person-index.js';
import { createSocialCareReconciliationReads } from './reconciliation-reads.js';
import { createPgSsdDriver } from './pg-ssd-driver.js';
import { readRelationships } from './relationships.js';
import { createSocialCareSchema, socialCareMerge } from './schema.js';
import { createSocialCareClient, socialCareAgency } from './social-care-client.js';

export default defineConnector<SocialCareConfig>({
  name: 'social-care',
  configSection: socialCareConfigSection,
  async create(config, deps): Promise<Connector> {
    const driver = createPgSsdDriver({
      agency: socialCareAgency,
      connectionString: config.databaseUrl,
      schema: config.schema,
      poolMax: config.poolMax,
      timeoutMs: config.policy.timeoutMs,
      logger: deps.logger,
    });
    const client = createSocialCareClient({
      driver,
      policy: createUpstreamPolicy(config.policy),
      maxConcurrentReads: config.poolMax,
    });
    const reconciliation = createSocialCareReconciliationReads({
      client,
      now: deps.now,
      onMappingError: (error) =>
        deps.logger.error({ err: error, agency: socialCareAgency }, 'social care section mapping failed'),
    });
    return {
      name: 'social-care',
      schema: createSocialCareSchema({ client, now: deps.now }),
      merge: socialCareMerge,
      agency: {
        agency: 'SOCIAL_CARE',
        keyField: 'socialCarePersonIds',
        sourceField: 'socialCareSource',
        chronologyField: 'socialCareChronology',
        teamField: 'socialCareTeam',
      },
      personIndex: (cursor, limit) => readPersonIndexPage(client, cursor, limit),
      relationships: (personIds) => readRelationships(client, personIds),
      readChildren: (keys) => reconciliation.readChildren(keys),
      readResidentialUnits: (unitIds) => reconciliation.readResidentialUnits(unitIds),
      ping: () => client.ping(),
      // Nothing is cached (child-level data is read fresh per request); the pool is closed.
      close: () => client.close(),
    };
  },
});
