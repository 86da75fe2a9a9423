/**
 * Where each due date in the plans overview comes from: the timescale, the reconciliation rule that checks it
 * (docs/statutory-rules.md) and its source. The views compute the same deadlines the rules do, so a
 * practitioner sees a date fall due before the finding opens, and the finding opens the day after (`overdue`).
 */
import type { RuleSource } from '../rules/rule.js';
import { dateOf, type DayNumber } from '../rules/time/calendar-day.js';
import type { StatutoryDue, UndecidedDue } from './plan-item.js';

export interface DueBasis {
  what: string;
  rule: string | null;
  source: RuleSource;
}

export const DUE_BASES = {
  ASSESSMENT_AUTHORISED: {
    what: 'assessment authorised (45 working days from its start)',
    rule: 'ASSESSMENT_OVERDUE',
    source: {
      kind: 'STATUTORY_GUIDANCE',
      citation: 'Working Together to Safeguard Children 2023 (45 working days); CIN census validation 8670Q',
    },
  },
  REASSESSMENT: {
    what: 'reassessment (local threshold after authorisation, or the latest placement move if sooner)',
    rule: 'ASSESSMENT_STALE',
    source: {
      kind: 'LEARNING_REVIEW',
      citation: 'Learning review: assessments kept up to date (RULE_STALE_ASSESSMENT_MONTHS, default 12)',
    },
  },
  LOOKED_AFTER_REVIEW_CARE_PLAN: {
    what: 'next looked-after review, where the care plan is reviewed (20 working days, 3 months, then 6-monthly)',
    rule: 'LAC_REVIEW_LATE',
    source: {
      kind: 'LAW',
      citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 33',
    },
  },
  LOOKED_AFTER_REVIEW_PLACEMENT_PLAN: {
    what: 'next looked-after review, where the placement plan is reviewed with the care plan',
    rule: 'LAC_REVIEW_LATE',
    source: {
      kind: 'LAW',
      citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 33',
    },
  },
  INITIAL_HEALTH_ASSESSMENT: {
    what: 'initial health assessment, before the first looked-after review (20 working days)',
    rule: 'IHA_MISSING',
    source: {
      kind: 'LAW',
      citation:
        'CPPCR 2010 reg 7; Promoting the health and wellbeing of looked-after children (statutory guidance, 2015)',
    },
  },
  REVIEW_HEALTH_ASSESSMENT: {
    what: 'next review health assessment (6-monthly before the fifth birthday, then 12-monthly)',
    rule: 'RHA_OVERDUE',
    source: {
      kind: 'STATUTORY_GUIDANCE',
      citation: 'Promoting the health and wellbeing of looked-after children (statutory guidance, 2015)',
    },
  },
  EHC_DECISION: {
    what: 'decision whether to assess (6 weeks from the request)',
    rule: 'EHCP_DECISION_LATE',
    source: { kind: 'LAW', citation: 'SEND Regulations 2014 reg 5(1)' },
  },
  EHC_FINAL_PLAN: {
    what: 'final EHC plan (20 weeks from the request)',
    rule: 'EHCP_ISSUE_LATE',
    source: { kind: 'LAW', citation: 'SEND Regulations 2014 reg 13(2)' },
  },
  EHC_ANNUAL_REVIEW: {
    what: 'annual review (12 months from the plan or the last review)',
    rule: 'EHCP_REVIEW_OVERDUE',
    source: {
      kind: 'LAW',
      citation: 'Children and Families Act 2014 s44; SEND Regulations 2014 regs 18–21',
    },
  },
  PEP_REVIEW: {
    what: 'PEP review, by the end of the term after the last one written or reviewed (termly)',
    rule: 'PEP_OVERDUE',
    source: {
      kind: 'STATUTORY_GUIDANCE',
      citation:
        'Promoting the education of looked-after children (statutory guidance, 2018); CPPCR 2010 reg 5',
    },
  },
  PATHWAY_PLAN_PREPARED: {
    what: 'pathway plan after the needs assessment (as soon as possible; read locally as 6 weeks)',
    rule: 'PATHWAY_ASSESSMENT_LATE',
    source: { kind: 'LAW', citation: 'Children Act 1989 Sch 2 para 19B; CPPCR 2010 regs 42–43' },
  },
  PATHWAY_PLAN_REVIEW: {
    what: 'pathway plan review (at least every 6 months)',
    rule: null,
    source: {
      kind: 'LAW',
      citation: 'Care Leavers (England) Regulations 2010 reg 7; CPPCR 2010 reg 43 (an eligible child)',
    },
  },
} as const satisfies Record<string, DueBasis>;

export type DueBasisKey = keyof typeof DUE_BASES;

/** A due date under `basis`: overdue from the day after it. */
export function dueOn(basis: DueBasisKey, due: DayNumber, today: DayNumber): StatutoryDue {
  const { what, rule, source } = DUE_BASES[basis];
  return { what, date: dateOf(due), overdue: today > due, rule, source, undecided: null };
}

/** A due date that applies but could not be worked out. */
export function undecidedDue(basis: DueBasisKey, why: UndecidedDue): StatutoryDue {
  const { what, rule, source } = DUE_BASES[basis];
  return { what, date: null, overdue: false, rule, source, undecided: why };
}
