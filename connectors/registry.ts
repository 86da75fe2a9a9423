/**
 * Every connector the gateway stitches, in the order their sections appear. Adding a connector is one folder
 * under connectors/ plus one line here (see connectors/README.md).
 */
import type { ConnectorModule } from './connector.js';
import identity from './identity/index.js';

export const connectorModules: ReadonlyArray<ConnectorModule<unknown>> = [
  identity as ConnectorModule<unknown>,
];
