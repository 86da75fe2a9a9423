/**
 * A feed body, as it streams in, turned into records of its kind: counted and hashed on the way (content-tally),
 * held to the kind's limits, and split by the kind's splitter. Adding a feed kind means adding a splitter here.
 */
import { splitBundleEntries } from './bundle-entry-splitter.js';
import { tallyContent, type ContentTally } from './content-tally.js';
import { splitCsvRecords } from './csv-record-splitter.js';
import type { FeedKind, FeedLimits, FeedRecord } from './feed-record.js';

export interface FeedBody {
  records: AsyncIterable<FeedRecord>;
  /** Size and hash of the bytes received; final once `records` is exhausted. */
  content: Pick<ContentTally, 'bytes' | 'sha256'>;
}

export function splitFeedBody(
  kind: FeedKind,
  source: AsyncIterable<Uint8Array | string>,
  limits: FeedLimits,
): FeedBody {
  const content = tallyContent(source, { maxBytes: limits.maxBodyBytes });
  const options = { maxRecordBytes: limits.maxRecordBytes };
  const records =
    kind === 'SCHOOL_CSV'
      ? splitCsvRecords(content.chunks, options)
      : splitBundleEntries(content.chunks, options);
  return { records, content };
}
