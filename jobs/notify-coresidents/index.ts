/**
 * `notify-coresidents`: on a `placement.started` webhook for a children's home, tells the allocated social worker
 * and IRO of every child already living there (the learning review's recommendation). Reads the admitted child's
 * social care part and home (jobs/reconcile, social care only; audited), takes the residents there at the
 * admission as CORESIDENTS_NOT_INFORMED counts them, finds their workers in the identity index's relationships,
 * and writes one notice per recipient to the outbox in one transaction, idempotent by dedupe key, so a replayed
 * webhook or a redelivered job adds nothing. Social care unreadable: the job fails and BullMQ retries it.
 */
import { HubError } from '../../platform/errors.js';
import { defineJob } from '../define-job.js';
import { connectorFor } from '../reconcile/agency-parts.js';
import { readJoinedRecords } from '../reconcile/read-joined-records.js';
import { ownerPeopleOf } from '../reconcile-child/owner-people.js';
import { residentsAtAdmission } from '../rules/transition-placement/facts/existing-residents.js';
import { dateOf, englandDayOf } from '../rules/time/calendar-day.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { requestDelivery } from '../notifications/request-delivery.js';
import { auditNoticeReads, requireAudit } from '../notifications/system-reads.js';
import { notifyCoresidentsData, notifyCoresidentsQueue } from './coresident-data.js';
import { planCoresidentNotices } from './plan-notices.js';

export const notifyCoresidentsJob = defineJob({
  name: notifyCoresidentsQueue,
  domain: 'notify',
  data: notifyCoresidentsData,
  concurrency: 2,
  maxStalledCount: 5,
  jobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 5000 } },
  async run(data, context) {
    const { db, connectors, now, logger, enqueue } = context.deps;
    const audit = requireAudit(context.deps.audit, notifyCoresidentsQueue);
    const socialCare = connectorFor(connectors, 'SOCIAL_CARE');
    // Social care alone: the home and its residents are all this needs (other agencies' parts stay unread).
    const [record] = await readJoinedRecords({ db, connectors: socialCare ? [socialCare] : [], now }, [
      data.childId,
    ]);
    if (!record) return { notices: 0, skipped: 'NO_CHILD' };
    const part = record.socialCare;
    if (part.state === 'UNAVAILABLE' || part.state === 'TIMED_OUT')
      throw new HubError(part.state === 'TIMED_OUT' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', {
        details: { agency: 'SOCIAL_CARE', reason: part.reason },
      });
    if (part.state !== 'OK' || !part.section) return { notices: 0, skipped: 'NOT_IN_SOCIAL_CARE' };
    await auditNoticeReads(audit, `job-${context.jobId}`, [
      { childId: data.childId, fields: ['notifications.socialCare.placements', 'notifications.residential'] },
    ]);

    const placement = part.section.placements.find((p) => p.id === data.placementId);
    const home = record.residential;
    if (!placement?.residentialUnitId || home?.unitId !== placement.residentialUnitId)
      return { notices: 0, skipped: 'NOT_A_CHILDRENS_HOME_ADMISSION' };

    const admittedAt = Date.parse(placement.startDate);
    const at = Number.isNaN(admittedAt) ? Date.parse(data.admittedAt) : admittedAt;
    const residents = residentsAtAdmission(home, at, englandDayOf(now()));
    const residentIds = residents.flatMap(({ resident }) => resident.childId ?? []);
    const owners = await ownerPeopleOf(db, residentIds);
    const plan = planCoresidentNotices({
      admittedChildId: data.childId,
      placementId: data.placementId,
      admittedOn: dateOf(englandDayOf(new Date(at))),
      residents: residents.map(({ resident }) => {
        const roles = resident.childId === null ? {} : (owners.get(resident.childId) ?? {});
        return { childId: resident.childId, socialWorker: roles.SOCIAL_WORKER, iro: roles.IRO };
      }),
    });
    // Counts only: who lives where, and who their workers are, stay out of the logs.
    if (plan.uncovered > 0)
      logger.warn(
        { residents: residents.length, uncovered: plan.uncovered },
        'co-residents without a known social worker or IRO',
      );
    const written = now();
    const created = await db.transaction(async (tx) => {
      // Recorded even when nobody could be told: the finding must not resolve on the notices that did go.
      await tx.query(
        `INSERT INTO coresident_notice_plans (admitted_child_id, placement_key, residents, uncovered, planned_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (admitted_child_id, placement_key)
         DO UPDATE SET residents = EXCLUDED.residents, uncovered = EXCLUDED.uncovered, planned_at = EXCLUDED.planned_at`,
        [data.childId, data.placementId, residents.length, plan.uncovered, written],
      );
      let count = 0;
      for (const notice of plan.notices)
        if ((await enqueueNotification(tx, notice, written)).created) count += 1;
      return count;
    });
    if (created > 0) await requestDelivery(enqueue);
    return { notices: plan.notices.length, created, residents: residents.length, uncovered: plan.uncovered };
  },
});
