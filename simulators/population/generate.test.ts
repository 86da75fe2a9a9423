import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromIso } from './dates.js';
import { DEFAULT_AS_OF, generatePopulation } from './generate.js';
import { groundTruthOf } from './ground-truth.js';
import { isValidNhsNumber, isValidUpn } from './identifiers.js';
import type { Population, RecordedDifference } from './model.js';

const hash = (population: Population) =>
  createHash('sha256').update(JSON.stringify(population)).digest('hex');

describe('generatePopulation determinism', () => {
  it('gives byte-identical JSON for the same seed, size and as-of, and different JSON for another seed', () => {
    const first = hash(generatePopulation({ seed: 11, size: 400 }));
    expect(hash(generatePopulation({ seed: 11, size: 400, asOf: DEFAULT_AS_OF }))).toBe(first);
    expect(hash(generatePopulation({ seed: 12, size: 400 }))).not.toBe(first);
    expect(hash(generatePopulation({ seed: 11, size: 400, asOf: '2026-06-01T09:00:00.000Z' }))).not.toBe(
      first,
    );
  });

  it('validates its options', () => {
    expect(() => generatePopulation({ seed: -1, size: 10 })).toThrow();
    expect(() => generatePopulation({ seed: 1, size: 0 })).toThrow();
    expect(() => generatePopulation({ seed: 1, size: 10, asOf: 'yesterday' })).toThrow();
  });
});

describe('a generated population of 5,000', () => {
  let population: Population;
  const share = (count: number) => count / population.people.length;
  const currentlyLookedAfter = () =>
    population.socialCare.filter((r) => r.claEpisodes.some((e) => e.ceasedDate === null));

  beforeAll(() => {
    population = generatePopulation({ seed: 2026, size: 5000 });
  });

  it('has children aged 0 to 17 on the as-of day', () => {
    const asOf = dayFromIso(population.asOf);
    const ages = population.people.map((p) => (asOf - dayFromIso(p.dateOfBirth)) / 365.25);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThan(18);
    expect(ages.filter((age) => age < 1).length).toBeGreaterThan(150);
    expect(ages.filter((age) => age >= 17).length).toBeGreaterThan(150);
  });

  it('keeps the shape of an English authority (with the enriched looked-after share)', () => {
    const known = new Set(population.socialCare.map((r) => r.truthKey)).size;
    expect(share(currentlyLookedAfter().length)).toBeGreaterThan(0.055);
    expect(share(currentlyLookedAfter().length)).toBeLessThan(0.085);
    expect(share(known)).toBeGreaterThan(0.12);
    expect(share(known)).toBeLessThan(0.18);
    expect(share(new Set(population.gp.map((r) => r.truthKey)).size)).toBeGreaterThan(0.95);
    expect(share(new Set(population.gp.map((r) => r.truthKey)).size)).toBeLessThan(0.99);
    expect(share(new Set(population.education.map((r) => r.truthKey)).size)).toBeGreaterThan(0.65);
    expect(share(new Set(population.education.map((r) => r.truthKey)).size)).toBeLessThan(0.8);
    expect(population.adult.length).toBeGreaterThan(5);
    expect(share(population.adult.length)).toBeLessThan(0.02);
  });

  it('records no NHS number in social care for 3–5% of its records', () => {
    const missing =
      population.socialCare.filter((r) => r.identity.nhsNumber === null).length /
      population.socialCare.length;
    expect(missing).toBeGreaterThan(0.025);
    expect(missing).toBeLessThan(0.055);
  });

  it('links every agency record to a real person through its truthKey', () => {
    const keys = new Set(population.people.map((p) => p.truthKey));
    for (const record of [
      ...population.socialCare,
      ...population.gp,
      ...population.education,
      ...population.adult,
    ]) {
      expect(keys.has(record.truthKey)).toBe(true);
    }
    const truth = groundTruthOf(population);
    const linked = truth.people.reduce(
      (n, p) => n + p.socialCare.length + p.gp.length + p.education.length + p.adult.length,
      0,
    );
    expect(linked).toBe(
      population.socialCare.length +
        population.gp.length +
        population.education.length +
        population.adult.length,
    );
  });

  it('keeps local ids, NHS numbers and UPNs unique where they should be', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(population.socialCare.map((r) => r.personId))).toBe(true);
    expect(unique(population.gp.map((r) => r.patientId))).toBe(true);
    expect(unique(population.education.map((r) => r.pupilId))).toBe(true);
    expect(unique(population.adult.map((r) => r.personId))).toBe(true);
    expect(unique(population.professionals.map((p) => p.id))).toBe(true);
    expect(unique(population.people.flatMap((p) => (p.nhsNumber ? [p.nhsNumber] : [])))).toBe(true);
    expect(unique(population.people.flatMap((p) => (p.upn ? [p.upn] : [])))).toBe(true);
  });

  it('gives every person valid identifiers in the truth, a few with none anywhere', () => {
    for (const person of population.people) {
      if (person.nhsNumber !== null) expect(isValidNhsNumber(person.nhsNumber)).toBe(true);
      if (person.upn !== null) expect(isValidUpn(person.upn)).toBe(true);
    }
    const none = population.people.filter((p) => p.nhsNumber === null).length;
    expect(none).toBeGreaterThan(0);
    expect(none).toBeLessThan(population.people.length * 0.01);
  });

  it('has invalid identifiers exactly where the truth records a deliberate typo', () => {
    const flagged = (kind: RecordedDifference['kind']) =>
      new Set(
        population.people.flatMap((p) =>
          (p.recordedDifferences ?? []).filter((d) => d.kind === kind).map((d) => `${d.agency}:${d.localId}`),
        ),
      );
    const records = [
      ...population.socialCare.map((r) => ({ key: `social-care:${r.personId}`, identity: r.identity })),
      ...population.gp.map((r) => ({ key: `gp:${r.patientId}`, identity: r.identity })),
      ...population.education.map((r) => ({ key: `education:${r.pupilId}`, identity: r.identity })),
      ...population.adult.map((r) => ({ key: `adult:${r.personId}`, identity: r.identity })),
    ];
    const badNhs = new Set(
      records
        .filter((r) => r.identity.nhsNumber !== null && !isValidNhsNumber(r.identity.nhsNumber))
        .map((r) => r.key),
    );
    const badUpn = new Set(
      records.filter((r) => r.identity.upn !== null && !isValidUpn(r.identity.upn)).map((r) => r.key),
    );
    expect(badNhs.size).toBeGreaterThan(0);
    expect(badUpn.size).toBeGreaterThan(0);
    expect(badNhs).toEqual(flagged('NHS_NUMBER_INVALID'));
    expect(badUpn).toEqual(flagged('UPN_INVALID'));
  });

  it('records the other disagreements real systems have', () => {
    const kinds = new Set(population.people.flatMap((p) => (p.recordedDifferences ?? []).map((d) => d.kind)));
    for (const kind of [
      'NAME_MISSPELT',
      'NICKNAME',
      'SURNAME_FORM',
      'DATE_OF_BIRTH_TRANSPOSED',
      'POSTCODE_OUT_OF_DATE',
      'DUPLICATE_RECORD',
    ] as const) {
      expect(kinds.has(kind)).toBe(true);
    }
    const duplicated = groundTruthOf(population).people.filter((p) => p.socialCare.length > 1);
    expect(duplicated.length).toBeGreaterThan(0);
    const transposed = population.people.filter((p) =>
      p.recordedDifferences?.some((d) => d.kind === 'DATE_OF_BIRTH_TRANSPOSED'),
    );
    expect(transposed.length / population.people.length).toBeLessThan(0.03);
  });

  it('never puts more children in a home than it has beds, and homes have several residents', () => {
    const units = new Map(population.residentialUnits.map((u) => [u.id, u]));
    const stays = population.socialCare.flatMap((r) => r.placements.filter((p) => p.type === 'K2'));
    expect(stays.length).toBeGreaterThan(20);
    expect(stays.every((p) => p.residentialUnitId !== null && units.has(p.residentialUnitId))).toBe(true);
    const asOf = Date.parse(population.asOf);
    let sharedToday = 0;
    for (const unit of population.residentialUnits) {
      const here = stays.filter((p) => p.residentialUnitId === unit.id);
      for (const stay of here) {
        const at = Date.parse(stay.startDate);
        const occupying = here.filter(
          (o) => Date.parse(o.startDate) <= at && (o.endDate === null || Date.parse(o.endDate) > at),
        );
        expect(occupying.length).toBeLessThanOrEqual(unit.capacity);
      }
      if (here.filter((p) => p.endDate === null || Date.parse(p.endDate) > asOf).length >= 2) sharedToday++;
    }
    expect(sharedToday).toBeGreaterThan(population.residentialUnits.length / 2);
    expect(population.residentialUnits.every((u) => u.capacity >= 3 && u.capacity <= 6)).toBe(true);
  });

  it('staffs social care for realistic caseloads', () => {
    const open = population.socialCare.filter((r) =>
      r.involvements.some((i) => i.role === 'SOCIAL_WORKER' && i.endDate === null),
    );
    const workers = population.professionals.filter((p) => p.role === 'SOCIAL_WORKER');
    expect(open.length / workers.length).toBeGreaterThan(10);
    expect(open.length / workers.length).toBeLessThan(22);
    for (const role of [
      'TEAM_MANAGER',
      'IRO',
      'PERSONAL_ADVISER',
      'GP',
      'SENCO',
      'DESIGNATED_TEACHER',
      'VIRTUAL_SCHOOL_HEAD',
      'TRANSITION_WORKER',
      'HOME_MANAGER',
    ] as const) {
      expect(population.professionals.some((p) => p.role === role)).toBe(true);
    }
    const odsCodes = population.organisations.filter((o) => o.kind === 'GP_PRACTICE').map((o) => o.code);
    expect(odsCodes.every((code) => /^[A-Z]\d{5}$|^Y\d{5}$/.test(code))).toBe(true);
    const urns = population.organisations.filter((o) => o.kind === 'SCHOOL').map((o) => o.code);
    expect(urns.every((code) => /^\d{6}$/.test(code))).toBe(true);
  });

  it('writes nothing dated after the as-of instant where the event has happened', () => {
    const asOf = population.asOf;
    for (const r of population.socialCare) {
      for (const value of [
        ...r.visits.map((v) => v.date),
        ...r.assessments.flatMap((a) => [a.startDate, a.authorisedDate]),
        ...r.claReviews.map((v) => v.date),
        ...r.placements.map((p) => p.startDate),
        ...r.missingEpisodes.flatMap((m) => [m.startDate, m.endDate, m.rhiDate]),
        ...r.meetings.map((m) => m.date),
      ]) {
        if (value !== null) expect(value <= asOf).toBe(true);
      }
    }
    for (const r of population.gp) for (const e of r.encounters) expect(e.start <= asOf).toBe(true);
  });

  it('flags sexual-health entries as sensitive and gives looked-after teenagers more mental health needs', () => {
    const sexualHealth = population.gp.flatMap((r) =>
      r.conditions.filter((c) => ['105629000', '15628003'].includes(c.snomed)),
    );
    expect(sexualHealth.length).toBeGreaterThan(0);
    expect(sexualHealth.every((c) => c.sensitive === 'SEXUAL_HEALTH')).toBe(true);
    const lookedAfter = new Set(currentlyLookedAfter().map((r) => r.truthKey));
    const teenagers = population.people.filter(
      (p) => dayFromIso(population.asOf) - dayFromIso(p.dateOfBirth) > 13 * 365,
    );
    const mentalHealthShare = (inCare: boolean) => {
      const group = teenagers.filter((p) => lookedAfter.has(p.truthKey) === inCare);
      const withNeeds = group.filter((p) =>
        population.gp
          .find((g) => g.truthKey === p.truthKey)
          ?.conditions.some((c) => c.sensitive === 'MENTAL_HEALTH'),
      );
      return withNeeds.length / group.length;
    };
    expect(mentalHealthShare(true)).toBeGreaterThan(2 * mentalHealthShare(false));
  });
});
