/**
 * The findings connector: the hub's own subschema over the reconciliation findings in its store (jobs/findings
 * writes them), so each child's view shows the gaps found in it beside the agencies' data.
 */
import { defineConnector } from '../connector.js';
import { findingsConfigSection } from './config.js';
import { createFindingsSchema, findingsMerge } from './schema.js';

export default defineConnector({
  name: 'findings',
  configSection: findingsConfigSection,
  async create(_config, deps) {
    return {
      name: 'findings',
      schema: createFindingsSchema({
        db: deps.db,
        now: deps.now,
        actorOf: (context) => (context as { caller?: { userId?: string } }).caller?.userId ?? 'unknown',
      }),
      merge: findingsMerge,
      ping: () => deps.db.ping(),
      close: async () => undefined,
    };
  },
});
