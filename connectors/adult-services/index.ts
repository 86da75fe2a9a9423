/**
 * The adult services connector: transition referrals, Care Act s58 assessments, pathway plans, the transition
 * worker and Client Level Data events from the adult social care system's JSON API, as the `adultServices` part of
 * the child view; and the transition handoff intake, for the handoff job.
 */
import { defineConnector, type Connector } from '../connector.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { adultServicesAgency, createAdultServicesClient } from './adult-client.js';
import { adultServicesConfigSection, type AdultServicesConfig } from './config.js';
import { readPersonIndexPage } from './person-index.js';
import { createAdultServicesReadChildren } from './reconciliation-reads.js';
import { readRelationships } from './relationships.js';
import { adultServicesMerge, createAdultServicesSchema } from './schema.js';
import type { HandoffReceipt, TransitionHandoffPackage } from './transition-handoff.js';

export type { HandoffReceipt, TransitionHandoffPackage } from './transition-handoff.js';

export interface AdultServicesConnector extends Connector {
  /** Hands a transition package to adult services' intake, once (see AdultServicesClient.submitHandoff). */
  submitHandoff(pkg: TransitionHandoffPackage): Promise<HandoffReceipt>;
}

export default defineConnector<AdultServicesConfig>({
  name: 'adult-services',
  configSection: adultServicesConfigSection,
  async create(config, deps): Promise<AdultServicesConnector> {
    const client = createAdultServicesClient({
      baseUrl: config.baseUrl,
      policy: createUpstreamPolicy(config.policy),
    });
    return {
      name: 'adult-services',
      schema: createAdultServicesSchema({ client, now: deps.now }),
      merge: adultServicesMerge,
      agency: {
        agency: 'ADULT_SERVICES',
        keyField: 'adultPersonIds',
        sourceField: 'adultServicesSource',
        chronologyField: 'adultServicesChronology',
        teamField: 'adultServicesTeam',
      },
      personIndex: (cursor, limit) => readPersonIndexPage(client, cursor, limit),
      relationships: (personIds) => readRelationships(client, personIds),
      readChildren: createAdultServicesReadChildren({
        client,
        now: deps.now,
        onMappingError: (error) =>
          deps.logger.error(
            { err: error, agency: adultServicesAgency },
            'adult services section mapping failed',
          ),
      }),
      submitHandoff: (pkg) => client.submitHandoff(pkg),
      ping: () => client.ping(),
      // Nothing is cached (child-level data is read fresh per request) and nothing is held open.
      close: async () => undefined,
    };
  },
});

/** For the handoff job: the created connector, seen through the generic contract, can hand packages over. */
export function isAdultServicesConnector(connector: Connector): connector is AdultServicesConnector {
  return typeof (connector as Partial<AdultServicesConnector>).submitHandoff === 'function';
}
