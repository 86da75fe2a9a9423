/** Durable intake of data feeds: splitting a body into records, storing them, and handing them to ingest. */
export { ACCEPTED_BUNDLE_TYPES, BundleEntrySplitter, splitBundleEntries } from './bundle-entry-splitter.js';
export { tallyContent, type ContentTally } from './content-tally.js';
export { CsvRecordSplitter, splitCsvRecords } from './csv-record-splitter.js';
export {
  enqueueReceivedFeeds,
  ingestJobsFor,
  INGEST_FEED_QUEUE,
  type EnqueueFeedJobs,
} from './enqueue-received-feeds.js';
export { splitFeedBody, type FeedBody } from './feed-body.js';
export { newFeedId } from './feed-id.js';
export type { FeedKind, FeedLimits, FeedRecord } from './feed-record.js';
export { FeedRefusal, isFeedRefusal, type FeedRefusalReason } from './feed-refusal.js';
export { parseFeedSender } from './feed-sender.js';
export {
  abandonStaleFeeds,
  DEFAULT_INTAKE_BATCH,
  receiveFeed,
  type FeedStatus,
  type ReceiveFeedInput,
  type ReceivedFeed,
} from './receive-feed.js';
