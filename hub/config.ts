/**
 * The hub's whole configuration: every module's section, parsed once from the environment at start-up.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { defineConfigSection, envInt, parseConfig, type Env } from '../platform/config.js';
import { platformConfigSection } from '../platform/platform-config.js';
import { redisConfigSection } from '../platform/redis-config.js';
import { storeConfigSection } from '../store/store-config.js';
import { accessAdminConfigSection } from '../gateway/access-admin/access-admin-config.js';
import { authConfigSection } from '../gateway/auth/auth-config.js';
import { feedIntakeConfigSection } from '../gateway/feed-intake/feed-intake-config.js';
import { gatewayConfigSection } from '../gateway/gateway-config.js';
import { hardeningConfigSection } from '../gateway/hardening/hardening-config.js';
import { notifyConfigSection } from '../jobs/notifications/notify-config.js';
import { reconcileScheduleConfigSection } from '../jobs/reconcile-all/schedule-config.js';
import { workerLockConfigSection } from '../jobs/worker-lock-config.js';
import { rulesConfigSection } from '../jobs/rules/rules-config.js';
import { handoffSweepConfigSection } from '../jobs/deliver-handoff/handoff-sweep-config.js';
import { remoteConnectorsConfigSection } from '../gateway/remote/remote-config.js';
import { webhookConfigSection } from '../gateway/webhooks/webhook-config.js';
import { connectorModules } from '../connectors/registry.js';
import type { ConfigSection } from '../platform/config.js';

export interface DemoConfig {
  /** `embedded`: npm start runs the agency simulators in-process with a demo population; `off`: use real agencies. */
  simulators: 'embedded' | 'off';
  populationSize: number;
  seed: number;
  /** Where the hub keeps local state (PGlite, a private Redis's AOF) when nothing external is configured. */
  dataDir: string;
}

export const demoConfigSection = defineConfigSection(
  'demo',
  {
    SIMULATORS: z.enum(['embedded', 'off']).default('embedded'),
    DEMO_POPULATION_SIZE: envInt(2000, { min: 1, max: 200_000 }),
    DEMO_SEED: envInt(20261125, { min: 0, max: 2 ** 31 - 1 }),
    HUB_DATA_DIR: z.string().default('.data'),
  },
  (env): DemoConfig => ({
    simulators: env.SIMULATORS,
    populationSize: env.DEMO_POPULATION_SIZE,
    seed: env.DEMO_SEED,
    dataDir: env.HUB_DATA_DIR,
  }),
);

export const hubConfigSections = {
  platform: platformConfigSection,
  gateway: gatewayConfigSection,
  auth: authConfigSection,
  hardening: hardeningConfigSection,
  accessAdmin: accessAdminConfigSection,
  rules: rulesConfigSection,
  reconcileSchedule: reconcileScheduleConfigSection,
  workerLock: workerLockConfigSection,
  handoffSweep: handoffSweepConfigSection,
  feedIntake: feedIntakeConfigSection,
  notify: notifyConfigSection,
  remoteConnectors: remoteConnectorsConfigSection,
  webhooks: webhookConfigSection,
  store: storeConfigSection,
  redis: redisConfigSection,
  demo: demoConfigSection,
};

/** Each registered connector's own section, keyed by connector name. */
export const connectorConfigSections: Record<string, ConfigSection<unknown>> = Object.fromEntries(
  connectorModules.map((module) => [`connector:${module.name}`, module.configSection]),
);

export type HubConfig = ReturnType<typeof parseConfig<typeof hubConfigSections>> & {
  connectors: Record<string, unknown>;
};

/** Parses the hub's and every connector's configuration at once, so all problems are listed together. */
export function parseHubConfig(env: Env): HubConfig {
  const parsed = parseConfig({ ...hubConfigSections, ...connectorConfigSections }, env) as Record<
    string,
    unknown
  >;
  const connectors: Record<string, unknown> = {};
  for (const module of connectorModules) connectors[module.name] = parsed[`connector:${module.name}`];
  const hub = parsed as ReturnType<typeof parseConfig<typeof hubConfigSections>>;
  // Local keys live with the rest of the hub's local state unless placed elsewhere on purpose.
  const keyDirSet = env['AUTH_LOCAL_KEY_DIR'] !== undefined && env['AUTH_LOCAL_KEY_DIR'] !== '';
  const auth = keyDirSet ? hub.auth : { ...hub.auth, localKeyDir: join(hub.demo.dataDir, 'auth') };
  return { ...hub, auth, connectors };
}
