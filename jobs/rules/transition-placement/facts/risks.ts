/**
 * Risks to and from a child as the records name them. Social care records them as CIN census assessment factors
 * (DfE CIN census guide; the 'A' suffix is about the child, 'B'/'C' about a parent or another person), while
 * placement referrals and matching assessments describe them in words. Each risk says which factor codes record
 * it and which words describe it, so a referral or an assessment can be checked for mentioning it.
 */
import type { SocialCareSectionValue } from '../../../../connectors/social-care/social-care-section.js';
import { dateOf, type DayNumber } from '../../time/calendar-day.js';
import { isMissingEpisode } from './missing-episodes.js';
import { socialCareDayOrNull } from '../../facts/agency-days.js';
import { shownDate } from './recorded-dates.js';

export interface Risk {
  label: string;
  factorCodes: readonly string[];
  words: RegExp;
}

export const RISKS = {
  ALCOHOL: { label: 'alcohol misuse', factorCodes: ['1A'], words: /alcohol/i },
  DRUGS: { label: 'drug misuse', factorCodes: ['2A'], words: /\bdrugs?\b|substance/i },
  MENTAL_HEALTH: { label: 'mental health', factorCodes: ['4A'], words: /mental health/i },
  MISSING: {
    label: 'going missing',
    factorCodes: ['10A'],
    words: /\bmissing\b|running away|\bruns away|abscond/i,
  },
  SEXUAL_EXPLOITATION: {
    label: 'child sexual exploitation',
    factorCodes: ['11A'],
    words: /sexual(ly)? exploit|\bcse\b/i,
  },
  TRAFFICKING: { label: 'trafficking', factorCodes: ['12A'], words: /traffick/i },
  GANGS: { label: 'gang involvement', factorCodes: ['13A'], words: /\bgangs?\b/i },
  VIOLENCE: {
    label: 'violent or socially unacceptable behaviour',
    factorCodes: ['14A'],
    words: /violen|aggress|socially unacceptable/i,
  },
  SELF_HARM: { label: 'self-harm', factorCodes: ['15A'], words: /self[- ]?harm|self[- ]?injur/i },
  CRIMINAL_EXPLOITATION: {
    label: 'child criminal exploitation',
    factorCodes: ['24A'],
    words: /criminal(ly)? exploit|\bcce\b|county lines/i,
  },
  HARMFUL_SEXUAL_BEHAVIOUR: {
    label: 'harmful sexual behaviour',
    factorCodes: [],
    words: /harmful sexual|sexually harmful|\bhsb\b/i,
  },
} as const satisfies Record<string, Risk>;

export type RiskKey = keyof typeof RISKS;

const riskKeys = Object.keys(RISKS) as RiskKey[];

function normalisedCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The risks a list of CIN factor codes records. */
export function risksInFactors(factors: readonly string[]): RiskKey[] {
  const codes = new Set(factors.map(normalisedCode));
  return riskKeys.filter((key) => RISKS[key].factorCodes.some((code) => codes.has(code)));
}

/** Whether any of `texts` (a referral's risks, an assessment's risks considered) mentions the risk. */
export function mentions(texts: readonly string[] | null, key: RiskKey): boolean {
  return (texts ?? []).some((text) => RISKS[key].words.test(text));
}

/** Risks a child can bring to other residents: harmful sexual behaviour, exploitation, violence, going missing. */
export const HARM_TO_OTHERS: readonly RiskKey[] = [
  'HARMFUL_SEXUAL_BEHAVIOUR',
  'SEXUAL_EXPLOITATION',
  'CRIMINAL_EXPLOITATION',
  'GANGS',
  'TRAFFICKING',
  'VIOLENCE',
  'MISSING',
];

/** Factor codes that make a child vulnerable to those risks: their own mental health, learning or physical
 * disability, going missing, sexual exploitation, trafficking, self-harm. */
const vulnerabilityFactorCodes = new Set(['4A', '5A', '6A', '10A', '11A', '12A', '15A']);

/** One fact that shows a risk or a vulnerability, with the social care record it comes from. */
export interface Indicator {
  risk: RiskKey | 'DISABILITY' | 'VULNERABILITY_FACTOR';
  recordId: string | null;
  fact: string;
}

function authorisedBy(section: SocialCareSectionValue, day: DayNumber) {
  return section.assessments.filter((a) => {
    const authorised = socialCareDayOrNull(a.authorisedDate);
    return authorised !== null && authorised <= day;
  });
}

function missingBefore(section: SocialCareSectionValue, day: DayNumber) {
  return section.missingEpisodes.filter((m) => {
    const start = socialCareDayOrNull(m.startDate);
    return isMissingEpisode(m) && start !== null && start < day;
  });
}

/**
 * What the child's social care record shows, by `day`, of risks to other residents: factors recorded in an
 * authorised assessment, missing episodes, and risks a placement referral named.
 */
export function harmIndicators(section: SocialCareSectionValue, day: DayNumber): Indicator[] {
  const found: Indicator[] = [];
  for (const assessment of authorisedBy(section, day)) {
    for (const risk of risksInFactors(assessment.factors).filter((r) => HARM_TO_OTHERS.includes(r)))
      found.push({
        risk,
        recordId: assessment.id,
        fact: `assessment authorised ${shownDate(assessment.authorisedDate)} records ${RISKS[risk].label}`,
      });
  }
  const missing = missingBefore(section, day);
  if (missing.length > 0)
    found.push({
      risk: 'MISSING',
      recordId: missing.at(-1)?.id ?? null,
      fact: `${missing.length} missing episode(s) before ${dateOf(day)}`,
    });
  for (const referral of section.placementReferrals) {
    const made = socialCareDayOrNull(referral.date);
    if (made === null || made > day) continue;
    for (const risk of HARM_TO_OTHERS.filter((r) => r !== 'MISSING' && mentions(referral.risks, r)))
      found.push({
        risk,
        recordId: referral.id,
        fact: `placement referral of ${shownDate(referral.date)} names ${RISKS[risk].label}`,
      });
  }
  return found;
}

/** What the record shows, by `day`, of the child's own vulnerability to harm from other residents. */
export function vulnerabilityIndicators(section: SocialCareSectionValue, day: DayNumber): Indicator[] {
  const found: Indicator[] = [];
  const disabilities = section.disabilities.filter((code) => normalisedCode(code) !== 'NONE');
  if (disabilities.length > 0)
    found.push({ risk: 'DISABILITY', recordId: null, fact: 'a disability is recorded' });
  for (const assessment of authorisedBy(section, day)) {
    const codes = assessment.factors.map(normalisedCode).filter((code) => vulnerabilityFactorCodes.has(code));
    if (codes.length > 0)
      found.push({
        risk: 'VULNERABILITY_FACTOR',
        recordId: assessment.id,
        fact: `assessment authorised ${shownDate(assessment.authorisedDate)} records factors ${codes.join(', ')}`,
      });
  }
  const missing = missingBefore(section, day);
  if (missing.length > 0)
    found.push({
      risk: 'MISSING',
      recordId: missing.at(-1)?.id ?? null,
      fact: `${missing.length} missing episode(s) before ${dateOf(day)}`,
    });
  return found;
}
