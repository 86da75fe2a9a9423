/**
 * Every background job the workers run. Adding a job is one folder under jobs/ plus one line here
 * (see jobs/README.md).
 */
import type { JobDefinition } from './define-job.js';
import { deliverHandoffJob } from './deliver-handoff/index.js';
import { identitySyncJob } from './identity-sync/index.js';
import { reconcileAllJob } from './reconcile-all/index.js';
import { reconcileChildJob } from './reconcile-child/index.js';

export const jobDefinitions: readonly JobDefinition[] = [
  identitySyncJob as JobDefinition,
  reconcileChildJob as JobDefinition,
  reconcileAllJob as JobDefinition,
  deliverHandoffJob as JobDefinition,
];
