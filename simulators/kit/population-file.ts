import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Population } from '../population/model.js';

/** Shallow check only: the generator owns the shape; this catches the wrong file, not every field. */
const populationEnvelopeSchema = z.looseObject({
  seed: z.number(),
  asOf: z.string(),
  professionals: z.array(z.unknown()),
  organisations: z.array(z.unknown()),
  residentialUnits: z.array(z.unknown()),
  socialCare: z.array(z.unknown()),
  gp: z.array(z.unknown()),
  education: z.array(z.unknown()),
  adult: z.array(z.unknown()),
});

/** Loads a generated population written as JSON. */
export async function readPopulationFile(path: string): Promise<Population> {
  const parsed = populationEnvelopeSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`Not a population file: ${z.prettifyError(parsed.error)}`);
  return parsed.data as unknown as Population;
}
