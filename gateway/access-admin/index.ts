/** Access administration: what the gateway stitches in and wires up. See README.md. */
export { createAccessAdminSchema, type AccessAdminDeps } from './access-admin-schema.js';
export { accessAdminConfigSection, type AccessAdminConfig } from './access-admin-config.js';
export { defaultGrantLimits, type GrantLimit, type GrantLimits } from './grant-input.js';
export {
  addChildToPanel,
  addPanelMember,
  createPanel,
  findPanel,
  listPanels,
  panelChildIdsForMember,
  panelChildIdsOfMember,
  removeChildFromPanel,
  removePanelMember,
  type Panel,
} from './panel-lists.js';
export {
  createUnusualVolumeWatcher,
  type UnusualVolumeWatcher,
  type UnusualVolumeWatcherOptions,
} from './unusual-volume-watcher.js';
