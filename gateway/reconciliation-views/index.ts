/** The reconciliation views subschema: what the hub stitches in. See README.md. */
export {
  buildViewsSchema,
  createReconciliationViewsSchema,
  reconciliationViewsMerge,
  type ReconciliationViewsDeps,
} from './views-schema.js';
export { MAX_CHILDREN_PER_VIEW } from './root-resolvers.js';
export { reconciliationViewsConnector } from './views-connector.js';
export type { ViewSources } from './view-sources.js';
