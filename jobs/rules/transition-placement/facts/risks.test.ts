import { describe, expect, it } from 'vitest';
import { mentions, risksInFactors } from './risks.js';

describe('risks', () => {
  it('reads the child’s own CIN factors, not those about a parent', () => {
    expect(risksInFactors(['24A', '13A', '4B', '3B', ' 10a '])).toEqual([
      'MISSING',
      'GANGS',
      'CRIMINAL_EXPLOITATION',
    ]);
  });

  it('recognises the words referrals and assessments use', () => {
    expect(mentions(['Violent or aggressive behaviour'], 'VIOLENCE')).toBe(true);
    expect(mentions(['Child criminal exploitation'], 'CRIMINAL_EXPLOITATION')).toBe(true);
    expect(mentions(['Child criminal exploitation'], 'SEXUAL_EXPLOITATION')).toBe(false);
    expect(mentions(['Child sexual exploitation'], 'SEXUAL_EXPLOITATION')).toBe(true);
    expect(mentions(['Going missing'], 'MISSING')).toBe(true);
    expect(mentions(['Gang involvement'], 'GANGS')).toBe(true);
    expect(mentions(['Self-harm'], 'SELF_HARM')).toBe(true);
    expect(mentions(['Drug misuse'], 'DRUGS')).toBe(true);
    expect(mentions(['Harmful sexual behaviour'], 'HARMFUL_SEXUAL_BEHAVIOUR')).toBe(true);
    expect(mentions(null, 'MISSING')).toBe(false);
  });
});
