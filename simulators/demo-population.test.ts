/**
 * The demo users (gateway/auth/demo-users.json, read here as data: simulators import no hub code) are people and
 * organisations of the demo population, each with at least one child through what the agencies record, so a demo
 * token opens real records. They are the learning-review scenario's professionals and organisations, which the
 * demo population holds whatever its seed and size; the generated part is deterministic for a seed (the hub's
 * default DEMO_SEED 20261125 and DEMO_POPULATION_SIZE 2000 are checked here), and another seed and size are
 * checked too, to prove the users do not depend on them.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildDemoPopulation } from './demo-population.js';
import type { Population, Professional } from './population/model.js';

const demoUsersFile = new URL('../gateway/auth/demo-users.json', import.meta.url);

const demoUsers = z.object({
  users: z.array(
    z.object({ role: z.string(), name: z.string(), email: z.string(), organisation: z.string() }).loose(),
  ),
});
type DemoUser = z.output<typeof demoUsers>['users'][number];

const hubDefaults = { seed: 20261125, size: 2000 };
const asOf = '2026-11-25T09:00:00.000Z';

function professional(population: Population, user: DemoUser, roles: Professional['role'][]): Professional {
  const found = population.professionals.filter((p) => p.email === user.email);
  expect(found, `${user.role} ${user.email}`).toHaveLength(1);
  const [person] = found as [Professional];
  expect(roles).toContain(person.role);
  expect(person.name).toBe(user.name);
  return person;
}

function organisationId(population: Population, kind: 'GP_PRACTICE' | 'SCHOOL', code: string): string {
  const found = population.organisations.filter((o) => o.kind === kind && o.code === code);
  expect(found, `${kind} ${code}`).toHaveLength(1);
  return (found[0] as { id: string }).id;
}

/** The children each demo user reaches through the relationships the agencies record (its role's kinds). */
const childrenOf: Record<string, (population: Population, user: DemoUser) => string[]> = {
  SOCIAL_WORKER: (population, user) =>
    allocated(population, professional(population, user, ['SOCIAL_WORKER'])),
  TEAM_MANAGER: (population, user) => allocated(population, professional(population, user, ['TEAM_MANAGER'])),
  IRO: (population, user) => allocated(population, professional(population, user, ['IRO'])),
  TRANSITION_WORKER: (population, user) => {
    const worker = professional(population, user, ['PERSONAL_ADVISER', 'TRANSITION_WORKER']);
    return [
      ...allocated(population, worker),
      ...population.socialCare
        .filter((r) => r.careLeaver?.personalAdviserId === worker.id)
        .map((r) => r.personId),
      ...population.adult.filter((r) => r.transitionWorkerId === worker.id).map((r) => r.personId),
    ];
  },
  GP: (population, user) => {
    const practiceId = organisationId(population, 'GP_PRACTICE', user.organisation);
    expect(professional(population, user, ['GP']).organisationId).toBe(practiceId);
    return population.gp.filter((r) => r.practiceId === practiceId).map((r) => r.patientId);
  },
  SENCO: (population, user) => enrolledAtUsersSchool(population, user, 'SENCO'),
  DESIGNATED_TEACHER: (population, user) => enrolledAtUsersSchool(population, user, 'DESIGNATED_TEACHER'),
  VIRTUAL_SCHOOL_HEAD: (population, user) => {
    const head = professional(population, user, ['VIRTUAL_SCHOOL_HEAD']);
    return population.education.filter((r) => r.virtualSchoolHeadId === head.id).map((r) => r.pupilId);
  },
};

/** Social care records with an open involvement of this professional in their own role. */
function allocated(population: Population, worker: Professional): string[] {
  return population.socialCare
    .filter((record) =>
      record.involvements.some(
        (i) => i.professionalId === worker.id && i.role === worker.role && i.endDate === null,
      ),
    )
    .map((record) => record.personId);
}

function enrolledAtUsersSchool(population: Population, user: DemoUser, role: Professional['role']): string[] {
  expect(
    population.organisations.filter((o) => o.kind === 'SCHOOL' && o.code === user.organisation),
  ).toHaveLength(1);
  const staff = professional(population, user, [role]);
  expect(staff.organisationId).toBe(organisationId(population, 'SCHOOL', user.organisation));
  return population.education
    .filter((r) => r.enrolments.some((e) => e.schoolUrn === user.organisation && e.to === null))
    .map((r) => r.pupilId);
}

describe('demo users against the demo population', async () => {
  const { users } = demoUsers.parse(JSON.parse(await readFile(demoUsersFile, 'utf8')));

  it('has a demo user for every role that reaches children through agency relationships', () => {
    expect(users.map((user) => user.role)).toEqual(expect.arrayContaining(Object.keys(childrenOf)));
  });

  it.each([
    ['the hub’s default seed and size', hubDefaults],
    ['another seed and size', { seed: 7, size: 300 }],
  ])('finds each of them, with at least one child, in the demo population of %s', (_name, options) => {
    const population = buildDemoPopulation({ ...options, asOf });
    for (const user of users.filter((u) => u.role in childrenOf)) {
      expect(user.email, user.role).toBe(user.email.toLowerCase());
      const children = (childrenOf[user.role] as (p: Population, u: DemoUser) => string[])(population, user);
      expect(children.length, `${user.role} ${user.email} / ${user.organisation}`).toBeGreaterThan(0);
    }
  });
});
