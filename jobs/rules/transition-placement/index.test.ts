import { describe, expect, it } from 'vitest';
import { TRANSITION_PLACEMENT_RULES } from './index.js';

describe('transition and placement rules', () => {
  it('lists the group’s rules once each, in statutory-rules.md order', () => {
    expect(TRANSITION_PLACEMENT_RULES.map((rule) => rule.id)).toEqual([
      'LATE_ENTRY_TRANSITION',
      'PATHWAY_ASSESSMENT_LATE',
      'ADULT_TRANSITION_MISSING',
      'TRANSITION_HANDOFF_NOT_REQUESTED',
      'RHI_LATE',
      'REPEAT_MISSING_NO_REVIEW',
      'ADMISSION_NOT_MATCHED',
      'RESIDENT_MIX_RISK',
      'CORESIDENTS_NOT_INFORMED',
      'LONG_WAIT_FOR_PLACEMENT',
      'REFERRAL_OUT_OF_DATE',
    ]);
  });

  it('every rule reads social care and declares a source', () => {
    for (const rule of TRANSITION_PLACEMENT_RULES) {
      expect(rule.needs).toContain('socialCare');
      expect(rule.source.citation.length).toBeGreaterThan(10);
    }
  });
});
