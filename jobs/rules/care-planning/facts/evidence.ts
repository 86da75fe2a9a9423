/** Evidence from the child's social care record: which record said what, as of when social care was read. */
import { evidenceFrom } from '../../facts/agency-parts.js';
import type { JoinedChildRecord } from '../../joined-record.js';
import type { Evidence } from '../../rule.js';

export function socialCareSaid(record: JoinedChildRecord, recordId: string | null, fact: string): Evidence {
  return evidenceFrom(record.socialCare, recordId, fact);
}
