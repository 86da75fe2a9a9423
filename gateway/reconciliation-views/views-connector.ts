/**
 * The reconciliation views as a subschema the gateway stitches beside the agencies (the hub and the end-to-end
 * harness both build it this way).
 */
import type { Connector } from '../../connectors/connector.js';
import {
  createReconciliationViewsSchema,
  reconciliationViewsMerge,
  type ReconciliationViewsDeps,
} from './views-schema.js';

export function reconciliationViewsConnector(deps: ReconciliationViewsDeps): Connector {
  return {
    name: 'reconciliation-views',
    schema: createReconciliationViewsSchema(deps),
    merge: reconciliationViewsMerge,
    ping: async () => undefined,
    close: async () => undefined,
  };
}
