/** Feed files as the agencies send them, with their truth: what the hub's feed tests and benchmarks import. */
export type * from './feed-types.js';
export { badKinds, gpBadKinds, schoolBadKinds, maxRevision } from './feed-types.js';
export type { GpFeedOptions, SchoolFeedOptions } from './feed-options.js';
export { generateSchoolFeed, schoolHeader } from './school-feed.js';
export { generateGpFeed, gpFeedBase } from './gp-feed.js';
export { writeSchoolFeedFile } from './school-feed-file.js';
export type { SchoolFeedFileOptions, SchoolFeedFileReport } from './school-feed-file.js';
export { shuffleFeed, shuffleGeneratedFeed } from './shuffle-feed.js';
export { checkSchoolRow } from './check-school-row.js';
export { checkGpEntry, indexBundle } from './check-gp-entry.js';
export { schoolColumns } from './school-return.js';
export { knownPatients, knownPupils } from './known-children.js';
