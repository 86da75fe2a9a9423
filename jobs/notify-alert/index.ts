/**
 * `notify-alert`: tells the people who must act of an A&E attendance (child protection plan or looked after), a
 * return from a missing episode, or a school exclusion. Reads what it must decide on (for A&E, the child's social
 * care status, audited), finds the recipients in the identity index's relationships, and writes the notices to
 * the outbox in one transaction, idempotent by dedupe key; then asks for a delivery run. An agency that cannot be
 * read fails the job, which BullMQ retries: an alert is never dropped because social care was down for a minute.
 */
import { HubError } from '../../platform/errors.js';
import { markAlertFollowUpsDone } from '../../feeds/ingest/follow-ups-store.js';
import { defineJob, type JobContext } from '../define-job.js';
import { readSocialCareParts } from '../reconcile/read-social-care.js';
import { ownerPeopleOf } from '../reconcile-child/owner-people.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { virtualSchoolHeadsOf } from '../notifications/recipients.js';
import { requestDelivery } from '../notifications/request-delivery.js';
import { auditNoticeReads, requireAudit } from '../notifications/system-reads.js';
import { notifyAlertData, notifyAlertQueue, type NotifyAlertData } from './alert-data.js';
import { planAlert, type AlertFacts } from './plan-alert.js';

export const notifyAlertJob = defineJob({
  name: notifyAlertQueue,
  domain: 'notify',
  data: notifyAlertData,
  concurrency: 4,
  // Every effect is idempotent (dedupe keys): a job picked up again after a worker died only re-checks.
  maxStalledCount: 5,
  jobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 5000 } },
  async run(alert, context) {
    const outcome = await notify(alert, context);
    // Settled (notices written, or none due): a feed's alert need not be raised again (feeds/ingest).
    await markAlertFollowUpsDone(context.deps.db, alert, context.deps.now());
    return outcome;
  },
});

async function notify(alert: NotifyAlertData, context: JobContext) {
  const { db, connectors, now, logger, enqueue } = context.deps;
  const facts: AlertFacts = { alert, socialWorker: undefined, virtualSchoolHead: undefined };
  if (alert.kind === 'UNSCHEDULED_CARE') {
    const audit = requireAudit(context.deps.audit, notifyAlertQueue);
    const [part] = await readSocialCareParts({ db, connectors, now }, [alert.childId]);
    if (part === null || part === undefined) return { kind: alert.kind, notices: 0, skipped: 'NO_CHILD' };
    if (part.state === 'UNAVAILABLE' || part.state === 'TIMED_OUT')
      throw new HubError(part.state === 'TIMED_OUT' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', {
        details: { agency: 'SOCIAL_CARE', reason: part.reason },
      });
    if (part.state === 'OK') {
      await auditNoticeReads(audit, `job-${context.jobId}`, [
        { childId: alert.childId, fields: ['notifications.socialCare.status'] },
      ]);
    }
    const status = part.section?.status;
    facts.status = {
      childProtectionPlan: status?.childProtectionPlan === true,
      lookedAfter: status?.lookedAfter === true,
    };
  }
  const owners = await ownerPeopleOf(db, [alert.childId]);
  facts.socialWorker = owners.get(alert.childId)?.SOCIAL_WORKER;
  if (alert.kind === 'SCHOOL_EXCLUSION')
    facts.virtualSchoolHead = (await virtualSchoolHeadsOf(db, [alert.childId])).get(alert.childId);

  const { notices, skipped } = planAlert(facts);
  if (skipped === 'NO_RECIPIENT') logger.warn({ kind: alert.kind }, 'alert has no recipient on record');
  if (notices.length === 0) return { kind: alert.kind, notices: 0, skipped };
  const at = now();
  const created = await db.transaction(async (tx) => {
    let count = 0;
    for (const notice of notices) if ((await enqueueNotification(tx, notice, at)).created) count += 1;
    return count;
  });
  if (created > 0) await requestDelivery(enqueue);
  return { kind: alert.kind, notices: notices.length, created, skipped };
}
