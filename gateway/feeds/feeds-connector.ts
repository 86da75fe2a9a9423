/** The feeds subschema as a connector the gateway stitches beside the agencies (the hub and tests alike). */
import type { Connector } from '../../connectors/connector.js';
import { createFeedsSchema, feedsMerge, type FeedsDeps } from './feeds-schema.js';

export function feedsConnector(deps: FeedsDeps): Connector {
  return {
    name: 'feeds',
    schema: createFeedsSchema(deps),
    merge: feedsMerge,
    ping: async () => undefined,
    close: async () => undefined,
  };
}
