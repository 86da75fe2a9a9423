/** Hand-written recorded answers of the education system, parsed as the client would parse them. */
import { readFileSync } from 'node:fs';
import { pupilIndexAnswerSchema, pupilSearchAnswerSchema } from '../payload-schemas.js';
import type { PupilIndexAnswer, PupilPayload, PupilSearchAnswer } from '../payload-schemas.js';

export function rawFixture(name: 'pupil-search' | 'pupil-index'): unknown {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8'));
}

export function searchFixture(): PupilSearchAnswer {
  return pupilSearchAnswerSchema.parse(rawFixture('pupil-search'));
}

export function indexFixture(): PupilIndexAnswer {
  return pupilIndexAnswerSchema.parse(rawFixture('pupil-index'));
}

/** One fixture pupil by id (P-100 and P-101 are duplicate records of one child; P-200 has a pending request). */
export function fixturePupil(id: 'P-100' | 'P-101' | 'P-200'): PupilPayload {
  const pupil = searchFixture().pupils.find((candidate) => candidate.pupilId === id);
  if (!pupil) throw new Error(`no fixture pupil ${id}`);
  return pupil;
}
