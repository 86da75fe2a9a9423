/**
 * Long-term conditions that indicate complex needs when the rules look for reasons a child on SEN support may need
 * an EHC needs assessment (SEND Code of Practice 9.14: evidence of the child's health needs and of the child's
 * special educational needs; the learning review: the children's health needs and EHCPs should have been joined up
 * sooner). The list is neurodevelopmental and learning conditions, long-term physical conditions that need
 * provision in school, serious mental health conditions and substance misuse. Common conditions that rarely call
 * for an EHC plan (asthma, eczema, hay fever, enuresis, anxiety on its own) are left out on purpose.
 *
 * GP systems code problems with SNOMED CT; a system that sends only text is matched on the words, generously, since
 * a false match only prompts a SENCO to consider an assessment.
 */
import type { GpItem } from './gp-items.js';

const complexConditionCodes: ReadonlySet<string> = new Set([
  '408856003', // Autistic disorder
  '406506008', // Attention deficit hyperactivity disorder
  '110359009', // Intellectual disability
  '248290002', // Developmental delay
  '84757009', // Epilepsy
  '46635009', // Type 1 diabetes mellitus
  '128188000', // Cerebral palsy
  '41040004', // Complete trisomy 21 syndrome (Down syndrome)
  '205788004', // Fetal alcohol syndrome
  '190905008', // Cystic fibrosis
  '417357006', // Sickling disorder due to haemoglobin S
  '35489007', // Depressive disorder
  '248062006', // Self-injurious behaviour
  '47505003', // Post-traumatic stress disorder
  '72366004', // Eating disorder
  '430909002', // Conduct disorder
  '58214004', // Schizophrenia
  '13746004', // Bipolar disorder
  '69322001', // Psychotic disorder
  '26416006', // Drug abuse
  '15167005', // Alcohol abuse
]);

const complexConditionWords = new RegExp(
  [
    'autis',
    'asperger',
    'attention deficit',
    '\\badhd\\b',
    'learning disab',
    'intellectual disab',
    'developmental delay',
    'epilep',
    'cerebral palsy',
    "down'?s? syndrome",
    'trisomy 21',
    'f(?:o)?etal alcohol',
    'type 1 diabetes',
    'diabetes mellitus type 1',
    'cystic fibrosis',
    'sickle cell',
    'depressi',
    'self[- ]?harm',
    'self[- ]injur',
    'post[- ]traumatic stress',
    '\\bptsd\\b',
    'eating disorder',
    'anorexia nervosa',
    'bulimi',
    'conduct disorder',
    'psychos',
    'psychotic',
    'schizo',
    'bipolar',
    'drug (?:mis)?use',
    'drug abuse',
    'substance (?:mis)?use',
    'alcohol (?:misuse|abuse|dependence)',
    'visual impairment',
    'sight impairment',
    'hearing (?:loss|impairment)',
    '\\bdeaf',
    'muscular dystrophy',
    'spina bifida',
  ].join('|'),
  'i',
);

/** Whether a current GP condition indicates complex needs (medicines and allergies never do on their own). */
export function indicatesComplexNeeds(item: GpItem): boolean {
  if (item.kind !== 'condition') return false;
  if (item.code !== null && complexConditionCodes.has(item.code)) return true;
  return complexConditionWords.test(item.display);
}
