import { describe, expect, it } from 'vitest';
import { splitFeedBody, type FeedKind, type FeedRecord } from '../../feeds/intake/index.js';
import { bundlePatients } from '../../feeds/records/bundle-patients.js';
import type { Verdict } from '../../feeds/records/dead-letter-reasons.js';
import { decodeRecord } from '../../feeds/records/decode-record.js';
import { gpResourceValidator } from '../../feeds/records/gp-resource.js';
import { recordClock } from '../../feeds/records/record-clock.js';
import { parseSchoolHeader } from '../../feeds/records/school-columns.js';
import { schoolReturnValidator } from '../../feeds/records/school-return.js';
import { benchIdentifiers } from './ingest-children.js';
import { gpBundleFeed, gpSpareIdentifiers, schoolCensusFeed, type PlannedFeed } from './ingest-feeds.js';

const limits = { maxBodyBytes: 64 * 1024 * 1024, maxRecordBytes: 1024 * 1024 };
const clock = recordClock(new Date());

async function split(kind: FeedKind, feed: PlannedFeed, variant: 'first' | 'resend') {
  const body = splitFeedBody(kind, feed.body(variant), limits);
  const records: FeedRecord[] = [];
  for await (const record of body.records) records.push(record);
  const texts = records.map((record) => {
    const text = decodeRecord({ ...record, bytes: record.raw, corrected: false });
    if (!text.ok) throw new Error(text.reason);
    return text.value;
  });
  return { texts, sha256: body.content.sha256() };
}

/**
 * The validators' verdicts by reason. NO_MATCHING_CHILD is decided later, against the identity index, so those
 * records pass validation.
 */
function verdictsByReason<T>(texts: readonly string[], validate: (text: string) => Verdict<T>) {
  const reasons: Record<string, number> = {};
  for (const text of texts) {
    const verdict = validate(text);
    const reason = verdict.ok ? 'VALID' : verdict.reason;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  return reasons;
}

function expectedVerdicts(feed: PlannedFeed) {
  const { NO_MATCHING_CHILD: unmatched = 0, ...invalid } = feed.rejectedByReason;
  return { VALID: feed.accepted + unmatched, ...invalid };
}

describe('the ingest benchmark feeds', () => {
  const ids = benchIdentifiers(300, gpSpareIdentifiers(1000));

  it('plans a census whose rows the real validator judges as planned, re-sent in other bytes', async () => {
    const feed = schoolCensusFeed(1000, ids);
    expect(feed).toMatchObject({ records: 1000, accepted: 980, rejected: 20 });
    const first = await split('SCHOOL_CSV', feed, 'first');
    const resend = await split('SCHOOL_CSV', feed, 'resend');
    expect(first.texts).toHaveLength(1001);
    expect(resend.texts.map((text) => text.trimEnd())).toEqual(first.texts.map((text) => text.trimEnd()));
    expect(resend.sha256).not.toBe(first.sha256);
    const header = parseSchoolHeader(first.texts[0]!);
    if (!header.ok) throw new Error(header.reason);
    const validate = schoolReturnValidator(header.value, clock);
    expect(verdictsByReason(first.texts.slice(1), validate)).toEqual(expectedVerdicts(feed));
  });

  it('plans a Bundle whose entries the real validator judges as planned, re-sent in other bytes', async () => {
    const feed = gpBundleFeed(1000, ids);
    expect(feed).toMatchObject({ records: 1000, accepted: 980, rejected: 20 });
    const first = await split('GP_FHIR', feed, 'first');
    const resend = await split('GP_FHIR', feed, 'resend');
    expect(first.texts).toHaveLength(1000);
    expect(resend.texts).toEqual(first.texts);
    expect(resend.sha256).not.toBe(first.sha256);
    const validate = gpResourceValidator(bundlePatients(first.texts), clock);
    expect(verdictsByReason(first.texts, validate)).toEqual(expectedVerdicts(feed));
  });

  it('gives every child its own NHS number and UPN, and spare ones to nobody', () => {
    const count = ids.children + gpSpareIdentifiers(1000);
    const numbers = new Set(Array.from({ length: count }, (_, index) => ids.nhsNumber(index)));
    const upns = new Set(Array.from({ length: count }, (_, index) => ids.upn(index)));
    expect(numbers.size).toBe(count);
    expect(upns.size).toBe(count);
  });
});
