/**
 * The education / SEND connector: school census, SEN2 / EHC hub data and Personal Education Plans from the
 * education system's JSON API, as the `education` part of the child view.
 */
import { defineConnector, type Connector } from '../connector.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { educationConfigSection, type EducationConfig } from './config.js';
import { createEducationClient, educationAgency } from './education-client.js';
import { readPersonIndexPage } from './person-index.js';
import { createEducationReadChildren } from './reconciliation-reads.js';
import { readRelationships } from './relationships.js';
import { createEducationSchema, educationMerge } from './schema.js';

export default defineConnector<EducationConfig>({
  name: 'education',
  configSection: educationConfigSection,
  async create(config, deps): Promise<Connector> {
    const client = createEducationClient({
      baseUrl: config.baseUrl,
      policy: createUpstreamPolicy(config.policy),
    });
    return {
      name: 'education',
      schema: createEducationSchema({ client, now: deps.now }),
      merge: educationMerge,
      agency: {
        agency: 'EDUCATION',
        keyField: 'educationPupilIds',
        sourceField: 'educationSource',
        chronologyField: 'educationChronology',
        teamField: 'educationTeam',
      },
      personIndex: (cursor, limit) => readPersonIndexPage(client, cursor, limit),
      relationships: (pupilIds) => readRelationships(client, pupilIds),
      readChildren: createEducationReadChildren({
        client,
        now: deps.now,
        onMappingError: (error) =>
          deps.logger.error({ err: error, agency: educationAgency }, 'education section mapping failed'),
      }),
      ping: () => client.ping(),
      // Nothing is cached (child-level data is read fresh per request) and nothing is held open.
      close: async () => undefined,
    };
  },
});
