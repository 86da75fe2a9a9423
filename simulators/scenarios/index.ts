/** Scenario files: specific children described by hand, loaded on top of (or instead of) a generated population. */
export { applyScenarios, applyOptionsSchema } from './apply.js';
export type { ApplyOptions } from './apply.js';
export { loadScenarioFile, parseScenario, ScenarioFileError } from './load.js';
export { dateSpecSchema, resolveDate, resolveDateTime } from './relative-date.js';
export type { DateSpec } from './relative-date.js';
export { RULE_IDS, SCENARIO_FORMAT, scenarioFileSchema } from './schema.js';
export type { ScenarioChild, ScenarioFile } from './schema.js';
