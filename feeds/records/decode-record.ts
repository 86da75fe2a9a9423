/**
 * The first checks on a stored record, before any parsing: a record cut at the size limit (OVERSIZE) and bytes
 * that are not UTF-8 (BAD_ENCODING) are dead-lettered whole. A corrected record replaces the raw one entirely,
 * so the size the raw record had no longer applies to it.
 */
import { reject, type Verdict } from './dead-letter-reasons.js';

export interface StoredRecord {
  position: number;
  /** corrected_raw when a replay supplied one, else raw. */
  bytes: Uint8Array;
  /** feed_records.raw_size: the record's size as received. */
  rawSize: number;
  corrected: boolean;
}

export function decodeRecord(record: StoredRecord): Verdict<string> {
  if (!record.corrected && record.rawSize > record.bytes.byteLength)
    return reject('OVERSIZE', `(record): ${record.rawSize} bytes`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(record.bytes);
    return { ok: true, value: text };
  } catch {
    return reject('BAD_ENCODING', '(record)');
  }
}
