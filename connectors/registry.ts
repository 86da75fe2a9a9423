/**
 * Every connector the gateway stitches. Adding a connector is one folder under connectors/ plus one line here
 * (see connectors/README.md).
 */
import adultServices from './adult-services/index.js';
import type { ConnectorModule } from './connector.js';
import education from './education/index.js';
import findings from './findings/index.js';
import health from './health/index.js';
import identity from './identity/index.js';
import socialCare from './social-care/index.js';

export const connectorModules: ReadonlyArray<ConnectorModule<unknown>> = [
  identity as ConnectorModule<unknown>,
  socialCare as ConnectorModule<unknown>,
  health as ConnectorModule<unknown>,
  education as ConnectorModule<unknown>,
  adultServices as ConnectorModule<unknown>,
  findings as ConnectorModule<unknown>,
];
