import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clinicalCategory, medicineCategory, narrowestCategory } from './clinical-sensitivity.js';

const snomed = 'http://snomed.info/sct';
const icd10 = 'http://hl7.org/fhir/sid/icd-10';
const coded = (system: string, code: string, display?: string) => ({
  coding: [{ system, code, ...(display === undefined ? {} : { display }) }],
});

describe('medicine category', () => {
  it('is MENTAL_HEALTH for SSRIs by dm+d or SNOMED CT code alone, with no name to go on', () => {
    expect(medicineCategory(coded(snomed, '42271711000001106'))).toBe('MENTAL_HEALTH'); // fluoxetine VMP
    expect(medicineCategory(coded(snomed, '39704111000001102'))).toBe('MENTAL_HEALTH'); // sertraline VMP
    expect(medicineCategory(coded(snomed, '372767007'))).toBe('MENTAL_HEALTH'); // fluoxetine substance
  });

  it('is MENTAL_HEALTH for any antidepressant, antipsychotic or substance dependence drug by name', () => {
    for (const name of [
      'Fluoxetine 20mg capsules',
      'Sertraline 50mg tablets',
      'Citalopram 10mg tablets',
      'Mirtazapine 15mg orodispersible tablets',
      'Aripiprazole 5mg tablets',
      'Risperidone 1mg/ml oral solution',
      'Quetiapine 25mg tablets',
      'Lithium carbonate 400mg modified-release tablets',
      'Methadone 1mg/ml oral solution sugar free',
    ]) {
      expect(medicineCategory({ text: name }), name).toBe('MENTAL_HEALTH');
      expect(medicineCategory(undefined, name), name).toBe('MENTAL_HEALTH');
    }
  });

  it('is SEXUAL_HEALTH for contraceptives, and HEALTH for ADHD medicines, melatonin and antiepileptics', () => {
    expect(medicineCategory(coded(snomed, '37745711000001108', 'Desogestrel 75microgram tablets'))).toBe(
      'SEXUAL_HEALTH',
    );
    expect(medicineCategory({ text: 'Levonorgestrel 1.5mg tablets' })).toBe('SEXUAL_HEALTH');
    for (const name of [
      'Methylphenidate 18mg modified-release tablets',
      'Melatonin 2mg modified-release tablets',
      'Levetiracetam 250mg tablets',
      'Salbutamol 100micrograms/dose inhaler CFC free',
      'Doxycycline 100mg capsules',
    ])
      expect(medicineCategory({ text: name }), name).toBe('HEALTH');
    expect(medicineCategory(undefined)).toBe('HEALTH');
  });

  it('matches whole drug names only, and codes only from SNOMED CT / dm+d', () => {
    expect(medicineCategory({ text: 'Lithiumfree test product' })).toBe('HEALTH');
    expect(medicineCategory(coded('http://example.org/local-drug-codes', '372767007'))).toBe('HEALTH');
  });
});

describe('clinical category of reasons and conditions', () => {
  it('is MENTAL_HEALTH for self-harm and overdose, by words, SNOMED CT or ICD-10', () => {
    for (const text of [
      'Paracetamol overdose',
      'Self-inflicted laceration',
      'Deliberate self harm',
      'Suicidal ideation',
    ])
      expect(clinicalCategory([{ text }]), text).toBe('MENTAL_HEALTH');
    expect(clinicalCategory([coded(snomed, '276853009')])).toBe('MENTAL_HEALTH');
    expect(clinicalCategory([coded(snomed, '55680006')])).toBe('MENTAL_HEALTH');
    for (const code of ['X60', 'X78.0', 'X840', 'T39.1', 'T51.0', 'F32.1', 'Z91.5', 'Y87.0'])
      expect(clinicalCategory([coded(icd10, code)]), code).toBe('MENTAL_HEALTH');
  });

  it('leaves autism, ADHD, learning disability and ordinary injuries as HEALTH', () => {
    for (const code of ['F84.0', 'F90.0', 'F70', 'S62.5', 'X59', 'T63.4', 'Z91.0'])
      expect(clinicalCategory([coded(icd10, code)]), code).toBe('HEALTH');
    for (const text of [
      'Head injury',
      'Fracture of wrist',
      'Depressed skull fracture',
      'Bee sting',
      'Asthma review',
    ])
      expect(clinicalCategory([{ text }]), text).toBe('HEALTH');
    expect(clinicalCategory([])).toBe('HEALTH');
  });

  it('is SEXUAL_HEALTH for sexually transmitted infections and contraception, even beside a mental health reason', () => {
    expect(clinicalCategory([coded(icd10, 'A56.0')])).toBe('SEXUAL_HEALTH');
    expect(clinicalCategory([coded(snomed, '105629000')])).toBe('SEXUAL_HEALTH');
    expect(clinicalCategory([{ text: 'Emergency contraception' }])).toBe('SEXUAL_HEALTH');
    expect(clinicalCategory([{ text: 'Overdose' }, { text: 'Chlamydia screen' }])).toBe('SEXUAL_HEALTH');
  });

  it('reads an ICD-10 code the same with or without its dot, in any case, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const category = clinicalCategory([coded(icd10, code)]);
        expect(['HEALTH', 'MENTAL_HEALTH', 'SEXUAL_HEALTH']).toContain(category);
      }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('X', 'F', 'T', 'A', 'S', 'Z'),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9 }),
        (letter, category, sub) => {
          const three = `${letter}${String(category).padStart(2, '0')}`;
          const dotted = clinicalCategory([coded(icd10, `${three}.${sub}`)]);
          expect(clinicalCategory([coded(icd10, `${three}${sub}`.toLowerCase())])).toBe(dotted);
        },
      ),
    );
  });
});

describe('narrowest category', () => {
  it('prefers sexual health, then mental health, then general health', () => {
    expect(narrowestCategory('HEALTH', 'MENTAL_HEALTH')).toBe('MENTAL_HEALTH');
    expect(narrowestCategory('MENTAL_HEALTH', 'SEXUAL_HEALTH', 'HEALTH')).toBe('SEXUAL_HEALTH');
    expect(narrowestCategory('HEALTH')).toBe('HEALTH');
  });
});
