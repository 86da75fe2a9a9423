import type { EhcTimeline, IsoDate } from '../population/model.js';

/** A step in the EHC needs assessment process, as a council's SEND team records it. */
export type EhcMilestone =
  | { milestone: 'REQUEST'; date: IsoDate }
  /** SEN2 request outcome: Y assess, N not assess, W withdrawn or ceased before decision, H historical. */
  | { milestone: 'DECISION'; date: IsoDate; outcome: 'Y' | 'N' | 'W' | 'H' }
  | { milestone: 'FINAL_PLAN'; date: IsoDate }
  | { milestone: 'ANNUAL_REVIEW'; date: IsoDate; pfaOutcomes: boolean };

export type MilestoneResult =
  { ok: true; timeline: EhcTimeline } | { ok: false; status: 409 | 422; code: string; message: string };

const statusAfterDecision: Record<'Y' | 'N' | 'W' | 'H', EhcTimeline['status']> = {
  Y: 'ASSESSING',
  H: 'ASSESSING',
  N: 'REFUSED',
  W: 'CEASED',
};

function outOfOrder(message: string): MilestoneResult {
  return { ok: false, status: 409, code: 'MILESTONE_OUT_OF_ORDER', message };
}

function dateBefore(date: IsoDate, earlier: IsoDate, what: string): MilestoneResult | null {
  return date < earlier
    ? {
        ok: false,
        status: 422,
        code: 'DATE_BEFORE_PREVIOUS_MILESTONE',
        message: `Date is before the ${what}`,
      }
    : null;
}

/**
 * Applies one milestone to the pupil's current timeline without mutating it. A new request is allowed only when
 * there is no open one (none yet, or the last was refused or ceased); every later step must follow its
 * predecessor in state and date, as the SEN2 return expects.
 */
export function applyEhcMilestone(
  current: EhcTimeline | null,
  step: EhcMilestone,
  newId: () => string,
): MilestoneResult {
  switch (step.milestone) {
    case 'REQUEST': {
      if (current && current.status !== 'REFUSED' && current.status !== 'CEASED') {
        return outOfOrder(`An EHC needs assessment is already open (status ${current.status})`);
      }
      return {
        ok: true,
        timeline: {
          id: newId(),
          requestDate: step.date,
          decisionDate: null,
          decisionOutcome: null,
          finalPlanDate: null,
          annualReviews: [],
          status: 'REQUESTED',
        },
      };
    }
    case 'DECISION': {
      if (!current || current.status !== 'REQUESTED') return outOfOrder('No request is awaiting a decision');
      const problem = dateBefore(step.date, current.requestDate, 'request');
      if (problem) return problem;
      return {
        ok: true,
        timeline: {
          ...current,
          decisionDate: step.date,
          decisionOutcome: step.outcome,
          status: statusAfterDecision[step.outcome],
        },
      };
    }
    case 'FINAL_PLAN': {
      if (!current || current.status !== 'ASSESSING') return outOfOrder('No assessment is in progress');
      const problem = dateBefore(step.date, current.decisionDate ?? current.requestDate, 'decision');
      if (problem) return problem;
      return { ok: true, timeline: { ...current, finalPlanDate: step.date, status: 'ISSUED' } };
    }
    case 'ANNUAL_REVIEW': {
      if (!current || current.status !== 'ISSUED') return outOfOrder('No issued plan to review');
      const previous = current.annualReviews.at(-1)?.date ?? current.finalPlanDate ?? current.requestDate;
      const problem = dateBefore(step.date, previous, 'plan or its last review');
      if (problem) return problem;
      return {
        ok: true,
        timeline: {
          ...current,
          annualReviews: [
            ...current.annualReviews,
            { id: newId(), date: step.date, pfaOutcomes: step.pfaOutcomes },
          ],
        },
      };
    }
  }
}
