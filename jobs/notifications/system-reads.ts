/**
 * The notice jobs read child data (a child's social care status, a home's residents) as the hub itself; each read
 * is audited like reconciliation's, under the hub's notifications identity with purpose SAFEGUARDING.
 */
import { UnrecoverableError } from 'bullmq';
import type { AuditSink } from '../../store/audit/audit-writer.js';

export const notificationsActor = {
  userId: 'system:notifications',
  role: 'SYSTEM',
  organisation: 'child-view-hub',
};

export function requireAudit(audit: AuditSink | undefined, job: string): AuditSink {
  if (!audit) throw new UnrecoverableError(`${job} needs the access audit (hub wiring)`);
  return audit;
}

/** Records that the notice jobs read these children's parts (field names like `notifications.socialCare`). */
export async function auditNoticeReads(
  audit: AuditSink,
  requestId: string,
  reads: ReadonlyArray<{ childId: string; fields: readonly string[] }>,
): Promise<void> {
  if (reads.length === 0) return;
  await audit.record(
    reads.map((read) => ({
      requestId,
      ...notificationsActor,
      purpose: 'SAFEGUARDING',
      childId: read.childId,
      categories: [],
      fields: read.fields,
      outcome: 'ALLOWED' as const,
      reason: null,
      grant: 'SYSTEM' as const,
    })),
  );
}
