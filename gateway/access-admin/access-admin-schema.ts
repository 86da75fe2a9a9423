/**
 * The gateway's own subschema for access administration: time-boxed grants (self-claimed, break-glass), panel
 * lists, and the privacy officer's audit and alert views. Stitched beside the agency subschemas; every resolver
 * reads the verified caller from the context and checks its activities first. README.md has who may do what.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Db } from '../../store/db.js';
import { accessAdminTypeDefs } from './access-admin-sdl.js';
import { checkGrantLimits, defaultGrantLimits, type GrantLimits } from './grant-input.js';
import { grantResolvers } from './grant-resolvers.js';
import { panelResolvers } from './panel-resolvers.js';
import { privacyOfficerResolvers } from './privacy-officer-resolvers.js';

export interface AccessAdminDeps {
  db: Db;
  now?: () => Date;
  /** Default and longest grant per kind (accessAdminConfigSection); never above startAccessGrant's ceilings. */
  grantLimits?: GrantLimits;
}

export function createAccessAdminSchema(deps: AccessAdminDeps): GraphQLSchema {
  const resolved = {
    db: deps.db,
    now: deps.now ?? (() => new Date()),
    grantLimits: checkGrantLimits(deps.grantLimits ?? defaultGrantLimits),
  };
  return makeExecutableSchema({
    typeDefs: accessAdminTypeDefs,
    // Merged by type: each part contributes its own Query and Mutation fields.
    resolvers: [grantResolvers(resolved), panelResolvers(resolved), privacyOfficerResolvers(resolved)],
  });
}
