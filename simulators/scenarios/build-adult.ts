/** A scenario child's adult social care record, with CLD-style events derived from its referrals and assessments. */
import type { AdultRecord } from '../population/model.js';
import { buildIdentity } from './build-identity.js';
import type { ChildContext } from './child-context.js';
import type { ScenarioAdult } from './schema.js';

export function buildAdultRecord(context: ChildContext, spec: ScenarioAdult): AdultRecord {
  const personId = spec.personId ?? `${context.file.name}-${context.child.key}`;
  const record: AdultRecord = {
    truthKey: context.truth.truthKey,
    personId,
    identity: buildIdentity(context, 'adult', personId, spec.identity, false),
    transitionReferrals: spec.transitionReferrals.map((r) => ({
      id: context.id('atr'),
      date: context.date(r.date),
      source: r.source,
      reason: r.reason,
    })),
    s58Assessments: spec.s58Assessments.map((a) => ({
      id: context.id('s58'),
      referralDate: context.date(a.referralDate),
      assessmentDate: a.assessmentDate == null ? null : context.date(a.assessmentDate),
      outcome: a.outcome,
    })),
    pathwayPlans: [],
    transitionWorkerId:
      spec.transitionWorker === null ? null : context.professional(spec.transitionWorker).id,
    events: [],
  };
  for (const referral of record.transitionReferrals) {
    record.events.push({
      id: context.id('aev'),
      date: referral.date,
      kind: 'REQUEST',
      detail: referral.reason,
    });
  }
  for (const assessment of record.s58Assessments) {
    if (assessment.assessmentDate === null) continue;
    record.events.push({
      id: context.id('aev'),
      date: assessment.assessmentDate,
      kind: 'ASSESSMENT',
      detail: `Care Act s58 child's needs assessment: ${assessment.outcome === 'ELIGIBLE' ? 'eligible needs' : 'no eligible needs'}`,
    });
  }
  return record;
}
