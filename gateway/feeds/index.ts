export { feedsConnector } from './feeds-connector.js';
export { createFeedsSchema, feedsMerge, type FeedsDeps } from './feeds-schema.js';
export { feedsTypeDefs } from './feeds-sdl.js';
export { feedOperations } from './feed-store.js';
export { feedActionsOf, recordFeedAction, type RecordedFeedAction } from './feed-actions.js';
export type { FeedOperations } from './feed-operations.js';
