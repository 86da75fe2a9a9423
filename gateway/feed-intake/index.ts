export { feedIntakeConfigSection, type FeedIntakeConfig } from './feed-intake-config.js';
export { registerFeedIntakeRoutes, type FeedIntakeDeps } from './feed-intake-routes.js';
