/**
 * The identity connector: the hub's own subschema over its identity index (PostgreSQL). It owns `Child.id`.
 */
import { defineConnector } from '../connector.js';
import { identityConfigSection } from './config.js';
import { createIdentitySchema, identityMergeConfig } from './schema.js';

export default defineConnector({
  name: 'identity',
  configSection: identityConfigSection,
  async create(config, deps) {
    return {
      name: 'identity',
      schema: createIdentitySchema({
        db: deps.db,
        maxBatchSize: config.maxBatchSize,
        actorOf: (context) => (context as { caller?: { userId?: string } }).caller?.userId ?? 'system',
      }),
      merge: identityMergeConfig,
      ping: () => deps.db.ping(),
      close: async () => undefined,
    };
  },
});
