/**
 * A GP feed for the population: a FHIR R4 Bundle whose good entries are groups (a patient the hub knows and some
 * of their clinical record, or the record alone naming the patient by NHS number), with single bad entries of the
 * asked-for kinds spread evenly among the groups, in a seeded order, and the truth for every entry.
 */
import { SeededRandom } from '../population/random.js';
import { badGpEntry } from './bad-gp-entries.js';
import { gpBadKinds, type BadKind, type GeneratedFeed, type TruthEntry } from './feed-types.js';
import { gpFeedOptionsSchema, type GpFeedOptions } from './feed-options.js';
import {
  clinicalDates,
  clinicalItems,
  clinicalResource,
  lastUpdatedFor,
  patientResource,
  systems,
  type ClinicalItem,
  type FhirResource,
  type SubjectReference,
} from './gp-resources.js';
import { syntheticItem } from './bad-gp-entries.js';
import { heldIdentifiers, knownPatients, type KnownPatient } from './known-children.js';
import { spreadKinds } from './spread-kinds.js';

/** Where this practice system's resources live: literal references resolve against it. */
export const gpFeedBase = 'https://gp.wexham.example/fhir';

const DAY_MS = 86_400_000;
const MAX_ITEMS_PER_PATIENT = 12;

interface PlannedEntry {
  fullUrl: string;
  resource: FhirResource;
  truth: Omit<TruthEntry, 'position'>;
}

type Style = 'literal' | 'urn' | 'logical';

function keyOf(resource: FhirResource): string {
  return `${resource.resourceType}/${String(resource.id)}`;
}

function goodEntry(resource: FhirResource, truthKey: string, fullUrl?: string): PlannedEntry {
  return {
    fullUrl: fullUrl ?? `${gpFeedBase}/${resource.resourceType}/${String(resource.id)}`,
    resource,
    truth: { expected: 'ACCEPT', key: keyOf(resource), truthKey },
  };
}

/** Some GP appointments were by video or a home visit: the feed carries classes the population does not. */
function varyClass(clinical: ClinicalItem, random: SeededRandom): ClinicalItem {
  if (clinical.type !== 'Encounter' || clinical.item.class !== 'AMB') return clinical;
  const roll = random.next();
  if (roll < 0.1) return { type: 'Encounter', item: { ...clinical.item, class: 'VR' } };
  if (roll < 0.15) return { type: 'Encounter', item: { ...clinical.item, class: 'HH' } };
  return clinical;
}

function patientGroup(
  patient: KnownPatient,
  round: number,
  random: SeededRandom,
  context: { cutoffMs: number; lastUpdatedBase: string; revision: number },
): PlannedEntry[] {
  const version = {
    lastUpdated: lastUpdatedFor(context.lastUpdatedBase, context.revision),
    revision: context.revision,
  };
  let items: ClinicalItem[];
  if (round === 0) {
    const inPast = clinicalItems(patient.record).filter(
      // Ongoing encounters change under the feed; only finished, dated-in-the-past items are sent.
      (c) =>
        !(c.type === 'Encounter' && c.item.end === null) &&
        clinicalDates(c).every((date) => Date.parse(date) <= context.cutoffMs),
    );
    items = random.sample(inPast, random.int(1, MAX_ITEMS_PER_PATIENT)).map((c) => varyClass(c, random));
  } else {
    // Named again (more good entries wanted than patients known): new measurements only, no second Patient.
    const date = new Date(context.cutoffMs - random.int(1, 300) * DAY_MS).toISOString();
    items = [syntheticItem('Observation', random, date), syntheticItem('Encounter', random, date)];
  }
  let style: Style = random.weighted([
    ['literal', 5],
    ['urn', 3],
    ['logical', 2],
  ] as const);
  if (round > 0) style = 'logical';
  else if (items.length === 0) style = 'literal';
  const urn = `urn:uuid:${random.uuid()}`;
  const phoneSerial = random.int(0, 999);
  const entries: PlannedEntry[] = [];
  let subject: SubjectReference;
  if (style === 'logical') {
    subject = { identifier: { system: systems.nhsNumber, value: patient.nhsNumber } };
  } else {
    const resource = patientResource(patient.record, {
      id: patient.record.patientId,
      nhsNumber: patient.nhsNumber,
      version,
      phoneSerial,
    });
    const fullUrl = style === 'urn' ? urn : `${gpFeedBase}/Patient/${patient.record.patientId}`;
    entries.push(goodEntry(resource, patient.truthKey, fullUrl));
    subject = { reference: style === 'urn' ? urn : `Patient/${patient.record.patientId}` };
  }
  for (const item of items)
    entries.push(goodEntry(clinicalResource(item, subject, version), patient.truthKey));
  return entries;
}

export function generateGpFeed(input: GpFeedOptions): GeneratedFeed & { content: string } {
  const options = gpFeedOptionsSchema.parse(input);
  const kinds = options.badKinds ?? gpBadKinds;
  for (const kind of kinds)
    if (!gpBadKinds.includes(kind)) throw new RangeError(`a GP feed has no ${kind} records`);
  const { population } = options;
  const practiceOf = new Map(population.organisations.map((o) => [o.id, o.code]));
  const patients = knownPatients(population).filter(
    (p) => options.practiceCode === undefined || practiceOf.get(p.record.practiceId) === options.practiceCode,
  );
  const root = new SeededRandom(options.seed);
  const order = root.fork('patients').sample(patients, patients.length);
  if (order.length === 0) throw new RangeError('the population has no patient the hub would know');
  const nowMs = Date.parse(options.now);
  const cutoffMs = nowMs - 4 * DAY_MS;
  const timing = root.fork('timing');
  const lastUpdatedBase = new Date(nowMs - 2 * DAY_MS - timing.int(0, 360) * 60_000).toISOString();

  const units: PlannedEntry[][] = [];
  let remaining = options.good;
  for (let i = 0; remaining > 0; i++) {
    const group = patientGroup(
      order[i % order.length] as KnownPatient,
      Math.floor(i / order.length),
      root.fork(`patient:${i}`),
      {
        cutoffMs,
        lastUpdatedBase,
        revision: options.revision,
      },
    );
    const taken = group.slice(0, remaining);
    remaining -= taken.length;
    units.push(taken);
  }

  const held = heldIdentifiers(population);
  const issuedNhsNumbers = new Set<string>();
  const plannedKinds = spreadKinds(kinds, options.bad, root.fork('kinds'));
  plannedKinds.forEach((kind: BadKind, j) => {
    const random = root.fork(`bad:${j}`);
    const patient = order[j % order.length] as KnownPatient;
    const made = badGpEntry(kind, patient, {
      random,
      now: options.now,
      pastDate: new Date(cutoffMs - random.int(1, 300) * DAY_MS).toISOString(),
      // Bad entries are never revised: a re-sent feed carries them as they were.
      version: { lastUpdated: lastUpdatedBase, revision: 0 },
      held,
      issuedNhsNumbers,
    });
    const id = made.resource.id;
    units.push([
      {
        fullUrl:
          typeof id === 'string'
            ? `${gpFeedBase}/${made.resource.resourceType}/${id}`
            : `urn:uuid:${random.uuid()}`,
        resource: made.resource,
        truth: { expected: kind, key: made.key, truthKey: null, field: made.field },
      },
    ]);
  });
  root.fork('order').shuffle(units);

  const entries = units.flat();
  const bundle = {
    resourceType: 'Bundle',
    id: root.fork('bundle').uuid(),
    meta: { lastUpdated: lastUpdatedFor(lastUpdatedBase, options.revision) },
    type: options.bundleType,
    timestamp: lastUpdatedFor(lastUpdatedBase, options.revision),
    entry: entries.map((entry) => ({
      fullUrl: entry.fullUrl,
      resource: entry.resource,
      ...(options.bundleType === 'collection'
        ? {}
        : {
            request:
              typeof entry.resource.id === 'string'
                ? { method: 'PUT', url: `${entry.resource.resourceType}/${entry.resource.id}` }
                : { method: 'POST', url: entry.resource.resourceType },
          }),
    })),
  };
  return {
    content: JSON.stringify(bundle),
    truth: entries.map((entry, position) => ({ position, ...entry.truth })),
  };
}
