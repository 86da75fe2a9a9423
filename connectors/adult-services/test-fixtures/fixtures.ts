/** Hand-written recorded answers of the adult social care system, parsed as the client would parse them. */
import { readFileSync } from 'node:fs';
import { personIndexAnswerSchema, personSearchAnswerSchema } from '../payload-schemas.js';
import type { PersonIndexAnswer, PersonPayload, PersonSearchAnswer } from '../payload-schemas.js';

export function rawFixture(name: 'person-search' | 'person-index'): unknown {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8'));
}

export function searchFixture(): PersonSearchAnswer {
  return personSearchAnswerSchema.parse(rawFixture('person-search'));
}

export function indexFixture(): PersonIndexAnswer {
  return personIndexAnswerSchema.parse(rawFixture('person-index'));
}

/** One fixture person (AP-1 and AP-2 are duplicate records of one young person; AP-3 has a pathway assessment only). */
export function fixturePerson(id: 'AP-1' | 'AP-2' | 'AP-3'): PersonPayload {
  const person = searchFixture().people.find((candidate) => candidate.personId === id);
  if (!person) throw new Error(`no fixture person ${id}`);
  return person;
}
