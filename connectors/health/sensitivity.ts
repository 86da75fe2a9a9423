/**
 * Which data category a GP resource belongs to, from the HL7 v3 sensitivity labels the GP system puts in
 * `meta.security` (and, for conditions, codes in `category`). Sensitive detail gets the narrower category so the
 * gateway can withhold it from roles that may see general health but not sexual or mental health.
 */
import type { DataCategory } from './health-types.js';
import { systems } from './fhir-values.js';
import type { CodeableConcept, Coding } from './payload-schemas.js';

/** v3-ActCode information sensitivity codes for sexual and reproductive health, STIs, HIV and sexual abuse. */
const sexualHealthCodes = new Set(['SEX', 'STD', 'HIV', 'SDV']);
/**
 * Psychiatry, mental health and psychotherapy notes; substance use goes here too, because among the hub's
 * categories mental health is the narrowest that fits it.
 */
const mentalHealthCodes = new Set(['PSY', 'MH', 'PSYTHPN', 'ETH', 'ETHUD', 'SUD', 'OPIOIDUD']);

function isActCode(coding: Coding): boolean {
  // Some systems send the bare code without its system; a sensitivity label is never a SNOMED or LOINC code.
  return coding.system === undefined || coding.system === systems.actCode;
}

/**
 * The category of a resource with these labels and category codings. When a resource is labelled both sexual and
 * mental health it is treated as sexual health: one field can carry only one category, and sexual health is the
 * more tightly held of the two.
 */
export function sensitivityCategory(
  security: readonly Coding[] | undefined,
  categories: readonly CodeableConcept[] = [],
): DataCategory {
  const codes = [...(security ?? []), ...categories.flatMap((category) => category.coding ?? [])]
    .filter(isActCode)
    .map((coding) => (coding.code ?? '').toUpperCase());
  if (codes.some((code) => sexualHealthCodes.has(code))) return 'SEXUAL_HEALTH';
  if (codes.some((code) => mentalHealthCodes.has(code))) return 'MENTAL_HEALTH';
  return 'HEALTH';
}
