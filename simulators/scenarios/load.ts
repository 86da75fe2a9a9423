/** Reading and validating scenario files, with errors that name the file and the path of each problem. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { checkReferences } from './references.js';
import { scenarioFileSchema, type ScenarioFile } from './schema.js';

export class ScenarioFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(
      `${source}: invalid scenario file\n${problems.map((p) => `  - ${p.path || '(file)'}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ScenarioFileError';
  }
}

function issuePath(path: ReadonlyArray<PropertyKey>): string {
  let text = '';
  for (const part of path)
    text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
  return text;
}

function zodProblems(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }));
}

/** Validates parsed JSON as a scenario file (shape, then cross-references). */
export function parseScenario(data: unknown, source = 'scenario'): ScenarioFile {
  const parsed = scenarioFileSchema.safeParse(data);
  if (!parsed.success) throw new ScenarioFileError(source, zodProblems(parsed.error));
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw new ScenarioFileError(source, problems);
  return parsed.data;
}

export function loadScenarioFile(filePath: string): ScenarioFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new ScenarioFileError(filePath, [{ path: '', message: (error as Error).message }]);
  }
  return parseScenario(data, filePath);
}
