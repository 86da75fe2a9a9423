/**
 * applyScenarios: puts scenario children (and the organisations, professionals and homes they need) into a
 * population, either alongside the generated children ('add') or instead of them ('replace').
 *
 * Scenario ids are prefixed with the scenario name, NHS numbers come from the 9999 range the generator never uses,
 * and every id, code and identifier is checked against what the population already holds, so adding can never
 * silently merge two people.
 */
import { z } from 'zod';
import { dayFromEpochMs, epochMsFromIso, schoolYearStartYear, type DayNumber } from '../population/dates.js';
import { isValidNhsNumber, isValidUpn, ScenarioNhsNumbers, UpnAllocator } from '../population/identifiers.js';
import type {
  Organisation,
  PersonTruth,
  Population,
  Professional,
  ResidentialUnit,
} from '../population/model.js';
import { EMAIL_DOMAINS } from '../population/professionals.js';
import { WorkingDayCalendar } from '../population/working-days.js';
import { buildAdultRecord } from './build-adult.js';
import { buildEducationRecord, enrolmentSpans } from './build-education.js';
import { buildGpRecord } from './build-gp.js';
import { buildSocialCareRecord } from './build-social-care.js';
import { ChildContext, type ScenarioDirectory } from './child-context.js';
import { resolveDate } from './relative-date.js';
import type { ScenarioChild, ScenarioFile } from './schema.js';

export const applyOptionsSchema = z.object({ mode: z.enum(['add', 'replace']) });
export type ApplyOptions = z.infer<typeof applyOptionsSchema>;

class Registry {
  private readonly seen = new Map<string, Set<string>>();

  /** Organisations by kind and code, so a scenario's council or ICB can be the one already there. */
  readonly organisationsByCode = new Map<string, Organisation>();

  constructor(population: Population) {
    for (const o of population.organisations) {
      this.claim('organisation id', o.id);
      this.organisationsByCode.set(`${o.kind}:${o.code}`, o);
    }
    for (const p of population.professionals) this.claim('professional id', p.id);
    for (const u of population.residentialUnits) {
      this.claim('residential unit id', u.id);
      this.claim('URN', u.urn);
    }
    for (const p of population.people) {
      this.claim('truthKey', p.truthKey);
      if (p.nhsNumber) this.claim('NHS number', p.nhsNumber);
      if (p.upn) this.claim('UPN', p.upn);
    }
    for (const r of population.socialCare) this.claim('social care person id', r.personId);
    for (const r of population.gp) this.claim('GP patient id', r.patientId);
    for (const r of population.education) this.claim('pupil id', r.pupilId);
    for (const r of population.adult) this.claim('adult person id', r.personId);
  }

  has(kind: string, value: string): boolean {
    return this.seen.get(kind)?.has(value) ?? false;
  }

  claim(kind: string, value: string, where?: string): void {
    let set = this.seen.get(kind);
    if (!set) this.seen.set(kind, (set = new Set()));
    if (set.has(value)) {
      throw new Error(`${where ? `${where}: ` : ''}${kind} "${value}" is already in the population`);
    }
    set.add(value);
  }
}

function emptyLike(population: Population): Population {
  return {
    seed: population.seed,
    asOf: population.asOf,
    people: [],
    professionals: [],
    organisations: [],
    residentialUnits: [],
    socialCare: [],
    gp: [],
    education: [],
    adult: [],
  };
}

function copyOf(population: Population): Population {
  return {
    ...population,
    people: [...population.people],
    professionals: [...population.professionals],
    organisations: [...population.organisations],
    residentialUnits: [...population.residentialUnits],
    socialCare: [...population.socialCare],
    gp: [...population.gp],
    education: [...population.education],
    adult: [...population.adult],
  };
}

export function applyScenarios(
  population: Population,
  scenarios: readonly ScenarioFile[],
  options: ApplyOptions,
): Population {
  const { mode } = applyOptionsSchema.parse(options);
  const result = mode === 'replace' ? emptyLike(population) : copyOf(population);
  const registry = new Registry(result);
  const calendar = new WorkingDayCalendar();
  const nhsNumbers = new ScenarioNhsNumbers();
  const laCode =
    [...result.organisations, ...scenarios.flatMap((s) => s.organisations)].find(
      (o) => o.kind === 'LOCAL_AUTHORITY' && /^\d{3}$/.test(o.code),
    )?.code ?? '873';
  const upns = new UpnAllocator(laCode);
  for (const file of scenarios) {
    applyFile(file, result, { registry, calendar, nhsNumbers, upns });
  }
  return result;
}

interface Allocators {
  registry: Registry;
  calendar: WorkingDayCalendar;
  nhsNumbers: ScenarioNhsNumbers;
  upns: UpnAllocator;
}

function applyFile(file: ScenarioFile, population: Population, allocators: Allocators): void {
  const { registry } = allocators;
  const where = `scenario "${file.name}"`;
  const directory: ScenarioDirectory = {
    organisations: new Map(),
    professionals: new Map(),
    units: new Map(),
    socialCarePersonIds: new Map(),
  };
  for (const o of file.organisations) {
    // The same kind and code is the same organisation (the council, the ICB): reuse it rather than duplicate it.
    const existing = registry.organisationsByCode.get(`${o.kind}:${o.code}`);
    if (existing) {
      directory.organisations.set(o.key, existing);
      continue;
    }
    const organisation: Organisation = {
      id: `${file.name}-${o.key}`,
      kind: o.kind,
      name: o.name,
      code: o.code,
      postcode: o.postcode,
    };
    if (o.establishmentNumber) organisation.establishmentNumber = o.establishmentNumber;
    registry.claim('organisation id', organisation.id, where);
    registry.organisationsByCode.set(`${o.kind}:${o.code}`, organisation);
    directory.organisations.set(o.key, organisation);
    population.organisations.push(organisation);
  }
  file.professionals.forEach((p, index) => {
    const professional: Professional = {
      id: `${file.name}-${p.key}`,
      agency: p.agency,
      name: p.name,
      role: p.role,
      organisationId: (directory.organisations.get(p.organisation) as Organisation).id,
      email:
        p.email ??
        `${p.name
          .replace(/^Dr /, '')
          .toLowerCase()
          .replace(/[^a-z ]/g, '')
          .trim()
          .replace(/ +/g, '.')}@${EMAIL_DOMAINS[p.agency]}`,
      phone: p.phone ?? `07700 900${String(900 + (index % 100)).padStart(3, '0')}`,
    };
    if (p.registrationNumber) professional.registrationNumber = p.registrationNumber;
    if (p.team) professional.team = p.team;
    registry.claim('professional id', professional.id, where);
    directory.professionals.set(p.key, professional);
    population.professionals.push(professional);
  });
  for (const u of file.residentialUnits) {
    const unit: ResidentialUnit = {
      id: `${file.name}-${u.key}`,
      urn: u.urn,
      name: u.name,
      providerCode: u.providerCode,
      postcode: u.postcode,
      capacity: u.capacity,
      managerProfessionalId: (directory.professionals.get(u.manager) as Professional).id,
    };
    registry.claim('residential unit id', unit.id, where);
    registry.claim('URN', unit.urn, where);
    directory.units.set(u.key, unit);
    population.residentialUnits.push(unit);
  }

  // Every child's identity and person id first: notices about co-residents refer across children.
  const truths = file.children.map((child) => {
    const truth = personTruth(file, child, population.asOf, directory, allocators);
    population.people.push(truth);
    if (child.socialCare) {
      const personId = child.socialCare.personId ?? `${file.name}-${child.key}`;
      registry.claim('social care person id', personId, where);
      directory.socialCarePersonIds.set(child.key, personId);
    }
    return truth;
  });

  file.children.forEach((child, index) => {
    const truth = truths[index] as PersonTruth;
    const context = new ChildContext(file, child, truth, population.asOf, allocators.calendar, directory);
    const gp = child.gp ? buildGpRecord(context, child.gp) : null;
    if (gp) {
      registry.claim('GP patient id', gp.patientId, where);
      population.gp.push(gp);
    }
    const spans = child.education ? enrolmentSpans(context, child.education) : [];
    const enrolledOn = (day: DayNumber) => spans.some((s) => s.from <= day && (s.to === null || s.to > day));
    if (child.socialCare) {
      population.socialCare.push(buildSocialCareRecord(context, child.socialCare, { gp, enrolledOn }));
    }
    if (child.education) {
      const periods = child.socialCare?.care ?? [];
      const current = periods.find((period) => !period.ceased);
      const careStart = current ? context.day(current.start) : null;
      const record = buildEducationRecord(context, child.education, careStart);
      registry.claim('pupil id', record.pupilId, where);
      population.education.push(record);
    }
    if (child.adult) {
      const record = buildAdultRecord(context, child.adult);
      registry.claim('adult person id', record.personId, where);
      population.adult.push(record);
    }
  });
}

function personTruth(
  file: ScenarioFile,
  child: ScenarioChild,
  asOf: string,
  directory: ScenarioDirectory,
  { registry, nhsNumbers, upns }: Allocators,
): PersonTruth {
  const where = `scenario "${file.name}", child "${child.key}"`;
  const person = child.person;
  let nhsNumber: string | null = null;
  if (person.nhsNumber === 'auto') {
    do nhsNumber = nhsNumbers.next();
    while (registry.has('NHS number', nhsNumber));
  } else if (person.nhsNumber !== null) {
    if (!isValidNhsNumber(person.nhsNumber))
      throw new Error(`${where}: person.nhsNumber fails the modulus 11 check`);
    nhsNumber = person.nhsNumber;
  }
  if (nhsNumber !== null) registry.claim('NHS number', nhsNumber, where);

  let upn: string | null = null;
  const firstEnrolment = child.education?.enrolments[0];
  if (person.upn === 'auto' && firstEnrolment) {
    const school = directory.organisations.get(firstEnrolment.school);
    if (!school?.establishmentNumber) {
      throw new Error(
        `${where}: school "${firstEnrolment.school}" needs an establishmentNumber to allocate a UPN`,
      );
    }
    const fromDay = dayFromEpochMs(epochMsFromIso(`${resolveDate(firstEnrolment.from, asOf)}T00:00:00Z`));
    upn = upns.next(school.establishmentNumber, schoolYearStartYear(fromDay));
  } else if (person.upn !== null && person.upn !== 'auto') {
    if (!isValidUpn(person.upn)) throw new Error(`${where}: person.upn has the wrong check letter`);
    upn = person.upn;
  }
  if (upn !== null) registry.claim('UPN', upn, where);

  const truth: PersonTruth = {
    truthKey: `${file.name}/${child.key}`,
    givenName: person.givenName,
    familyName: person.familyName,
    sex: person.sex,
    dateOfBirth: resolveDate(person.dateOfBirth, asOf),
    postcode: person.postcode,
    nhsNumber,
    upn,
    scenario: `${file.name}/${child.key}`,
    expectedFindings: [...child.expectedFindings],
  };
  registry.claim('truthKey', truth.truthKey, where);
  return truth;
}
