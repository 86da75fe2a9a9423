/**
 * Every background job the workers run. Adding a job is one folder under jobs/ plus one line here
 * (see jobs/README.md). Jobs that need configuration (the notification transports) are built from it by
 * `createJobDefinitions`; `jobDefinitions` holds the ones that need none.
 */
import type { JobDefinition } from './define-job.js';
import { deliverHandoffJob } from './deliver-handoff/index.js';
import { identitySyncJob } from './identity-sync/index.js';
import { ingestFeedJob } from './ingest-feed/index.js';
import { createDeliverNotificationsJob } from './notifications/index.js';
import type { NotifyConfig } from './notifications/notify-config.js';
import { createNotificationTransports } from './notifications/transports-from-config.js';
import { notifyAlertJob } from './notify-alert/index.js';
import { notifyCoresidentsJob } from './notify-coresidents/index.js';
import { reconcileAllJob } from './reconcile-all/index.js';
import { reconcileChildJob } from './reconcile-child/index.js';

export const jobDefinitions: readonly JobDefinition[] = [
  identitySyncJob as JobDefinition,
  reconcileChildJob as JobDefinition,
  reconcileAllJob as JobDefinition,
  deliverHandoffJob as JobDefinition,
  notifyAlertJob as JobDefinition,
  notifyCoresidentsJob as JobDefinition,
  ingestFeedJob as JobDefinition,
];

/** Every job, the configured ones included: what the hub's workers run and its producers add to. */
export function createJobDefinitions(config: { notify: NotifyConfig }): readonly JobDefinition[] {
  return [
    ...jobDefinitions,
    createDeliverNotificationsJob(
      config.notify,
      createNotificationTransports(config.notify),
    ) as JobDefinition,
  ];
}
