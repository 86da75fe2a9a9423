import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Population } from '../population/model.js';
import { createFhirValidator, type FhirValidator } from '../gp/test-support/fhir-validator.js';
import { checkGpEntry, indexBundle } from './check-gp-entry.js';
import { gpBadKinds, type TruthEntry } from './feed-types.js';
import { feedTestPopulation, indexedIdentifiers, testNow } from './feed-test-population.js';
import { generateGpFeed } from './gp-feed.js';
import { knownPatients } from './known-children.js';
import { shuffleFeed, shuffleGeneratedFeed } from './shuffle-feed.js';

type Json = Record<string, unknown>;
type Entry = { fullUrl: string; resource: Json; request?: { method: string; url: string } };
type Bundle = { resourceType: string; type: string; entry: Entry[] };

let population: Population;
let indexed: ReturnType<typeof indexedIdentifiers>;
let validator: FhirValidator;

beforeAll(() => {
  population = feedTestPopulation();
  indexed = indexedIdentifiers(population);
  // Compiling the R4 JSON schema takes a few seconds on a busy machine.
  validator = createFhirValidator();
}, 60_000);

const feed = (
  seed: number,
  good: number,
  bad: number,
  options: {
    bundleType?: 'collection' | 'batch' | 'transaction';
    revision?: number;
    badKinds?: Array<(typeof gpBadKinds)[number]>;
  } = {},
) => generateGpFeed({ population, seed, good, bad, now: testNow, ...options });

const bundleOf = (content: string) => JSON.parse(content) as Bundle;

function expectEachEntryAsStated(bundle: Bundle, truth: TruthEntry[]) {
  expect(truth.map((entry) => entry.position)).toEqual(bundle.entry.map((_, i) => i));
  const index = indexBundle(bundle.entry as unknown as Json[]);
  bundle.entry.forEach((entry, i) => {
    const stated = truth[i] as TruthEntry;
    const found = checkGpEntry(entry as unknown as Json, {
      now: testNow,
      bundle: index,
      isKnownNhsNumber: (n) => indexed.nhsNumbers.has(n),
    });
    expect({ position: i, found }).toEqual({
      position: i,
      found: stated.expected === 'ACCEPT' ? [] : [stated.expected],
    });
  });
}

describe('generateGpFeed', () => {
  it('is the same for the same seed and different for another', () => {
    const a = feed(7, 60, 16);
    expect(feed(7, 60, 16)).toEqual(a);
    expect(feed(8, 60, 16).content).not.toBe(a.content);
  });

  it('gives good entries that are valid FHIR R4, in a valid R4 Bundle of each type', () => {
    for (const bundleType of ['collection', 'batch', 'transaction'] as const) {
      const { content, truth } = feed(1, 150, 0, { bundleType });
      const bundle = bundleOf(content);
      expect(bundle.type).toBe(bundleType);
      for (const entry of bundle.entry) {
        const errors = validator.errors(entry.resource);
        if (errors.length > 0) expect(validator.explain(entry.resource)).toEqual([]);
        expect(entry.request !== undefined).toBe(bundleType !== 'collection');
      }
      expect(validator.errors(bundle)).toEqual([]);
      expect(truth.every((entry) => entry.expected === 'ACCEPT')).toBe(true);
    }
  });

  it('gives SCHEMA entries of a wrong primitive type that the validator refuses too, inside a Bundle as well', () => {
    const { content, truth } = feed(13, 20, 24, { badKinds: ['SCHEMA'] });
    const bundle = bundleOf(content);
    // The R4 JSON schema does not insist a Reference is an object, so only wrong primitives are its to catch.
    const primitives = bundle.entry.filter(
      (_, i) => truth[i]?.expected === 'SCHEMA' && ['id', 'meta.lastUpdated'].includes(truth[i]?.field ?? ''),
    );
    expect(primitives.length).toBeGreaterThan(8);
    for (const entry of primitives) expect(validator.errors(entry.resource)).not.toEqual([]);
    expect(validator.errors(bundle)).not.toEqual([]);
  });

  it('covers every resource type, reference style and encounter class the contract names', () => {
    const bundle = bundleOf(feed(2, 400, 0).content);
    const types = new Set(bundle.entry.map((entry) => entry.resource.resourceType));
    expect([...types].sort()).toEqual(
      [
        'AllergyIntolerance',
        'Condition',
        'Encounter',
        'Immunization',
        'MedicationRequest',
        'Observation',
        'Patient',
      ].sort(),
    );
    const subjects = bundle.entry.map(
      (entry) => (entry.resource.subject ?? entry.resource.patient) as Json | undefined,
    );
    const styles = new Set(
      subjects.flatMap((s) =>
        s === undefined
          ? []
          : [typeof s.reference === 'string' ? String(s.reference).split(/[/:]/)[0] : 'identifier'],
      ),
    );
    expect([...styles].sort()).toEqual(['Patient', 'identifier', 'urn']);
    const classes = new Set(
      bundle.entry.flatMap((entry) =>
        entry.resource.resourceType === 'Encounter' ? [(entry.resource.class as Json).code] : [],
      ),
    );
    expect(classes).toContain('AMB');
    expect(classes).toContain('EMER');
    expect(classes).toContain('VR');
  });

  it('makes every entry good or bad exactly as its truth says', () => {
    const { content, truth } = feed(3, 200, 80, { bundleType: 'batch' });
    expect(truth).toHaveLength(280);
    expectEachEntryAsStated(bundleOf(content), truth);
  });

  it('spreads the bad kinds evenly, with keys for every entry', () => {
    const { content, truth } = feed(4, 0, 41);
    const counts = new Map<string, number>();
    for (const entry of truth) counts.set(entry.expected, (counts.get(entry.expected) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...gpBadKinds].sort());
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    const oversize = bundleOf(content).entry.filter((_, i) => truth[i]?.expected === 'OVERSIZE');
    for (const entry of oversize)
      expect(Buffer.byteLength(JSON.stringify(entry))).toBeGreaterThan(1024 * 1024);
  });

  it('names patients the hub knows in good entries, matching the ground truth', () => {
    const { content, truth } = feed(5, 300, 0);
    const byNumber = new Map(knownPatients(population).map((p) => [p.nhsNumber, p.truthKey]));
    const bundle = bundleOf(content);
    const index = indexBundle(bundle.entry as unknown as Json[]);
    bundle.entry.forEach((entry, i) => {
      const resource = entry.resource;
      const subject = (resource.subject ?? resource.patient) as Json | undefined;
      const number =
        resource.resourceType === 'Patient'
          ? ((resource.identifier as Json[])[0]?.value as string)
          : typeof subject?.reference === 'string'
            ? index.patients.get(subject.reference)
            : ((subject?.identifier as Json).value as string);
      expect(byNumber.get(number as string)).toBe(truth[i]?.truthKey);
      expect(truth[i]?.key).toBe(`${String(resource.resourceType)}/${String(resource.id)}`);
    });
    expect(new Set(truth.map((entry) => entry.key)).size).toBe(truth.length);
  });

  it('keeps clinical dates and versions in the past', () => {
    const bundle = bundleOf(feed(6, 300, 0, { revision: 5 }).content);
    for (const entry of bundle.entry)
      expect(Date.parse((entry.resource.meta as Json).lastUpdated as string)).toBeLessThan(
        Date.parse(testNow),
      );
  });

  it('holds for any seed and mix (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('collection' as const, 'batch' as const, 'transaction' as const),
        (seed, good, bad, bundleType) => {
          const { content, truth } = feed(seed, good, bad, { bundleType });
          expect(truth.filter((entry) => entry.expected === 'ACCEPT')).toHaveLength(good);
          expectEachEntryAsStated(bundleOf(content), truth);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('keeps to one practice when asked', () => {
    const practice = population.organisations.find((o) => o.kind === 'GP_PRACTICE');
    const { truth } = generateGpFeed({
      population,
      seed: 1,
      good: 40,
      bad: 0,
      now: testNow,
      practiceCode: practice?.code,
    });
    const practiceOf = new Map(population.gp.map((record) => [record.truthKey, record.practiceId]));
    for (const entry of truth) expect(practiceOf.get(entry.truthKey as string)).toBe(practice?.id);
  });
});

describe('newer and older versions', () => {
  it('move lastUpdated and change a value in every good resource, keeping ids and positions', () => {
    const current = feed(11, 120, 10);
    const before = bundleOf(current.content).entry;
    for (const revision of [1, -1]) {
      const revised = feed(11, 120, 10, { revision });
      expect(revised.truth).toEqual(current.truth);
      const after = bundleOf(revised.content).entry;
      expectEachEntryAsStated(bundleOf(revised.content), revised.truth);
      current.truth.forEach((entry, i) => {
        const a = before[i]?.resource as Json;
        const b = after[i]?.resource as Json;
        if (entry.expected !== 'ACCEPT') {
          expect(b).toEqual(a);
          return;
        }
        expect(b.id).toBe(a.id);
        const moved =
          Date.parse((b.meta as Json).lastUpdated as string) -
          Date.parse((a.meta as Json).lastUpdated as string);
        expect(Math.sign(moved)).toBe(revision);
        const { meta: _a, ...restA } = a;
        const { meta: _b, ...restB } = b;
        expect(restB).not.toEqual(restA);
        expect(validator.errors(b)).toEqual([]);
      });
    }
  });
});

describe('shuffleFeed', () => {
  it('re-orders the entries in the same Bundle, and the truth follows them', () => {
    const original = feed(12, 80, 16, { bundleType: 'transaction' });
    const shuffled = shuffleGeneratedFeed(original, 99);
    expect(shuffleFeed(original.content, 99)).toBe(shuffled.content);
    const before = bundleOf(original.content);
    const after = bundleOf(shuffled.content as string);
    expect({ ...after, entry: [] }).toEqual({ ...before, entry: [] });
    expect(after.entry.map((e) => e.fullUrl)).not.toEqual(before.entry.map((e) => e.fullUrl));
    expectEachEntryAsStated(after, shuffled.truth);
    for (const entry of shuffled.truth) {
      const resource = after.entry[entry.position]?.resource as Json;
      if (typeof resource.id === 'string')
        expect(`${String(resource.resourceType)}/${resource.id}`).toBe(entry.key);
    }
  });
});
