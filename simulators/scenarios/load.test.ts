import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenario, ScenarioFileError } from './load.js';

const learningReviewPath = fileURLToPath(new URL('./learning-review.json', import.meta.url));
const learningReview = () => JSON.parse(readFileSync(learningReviewPath, 'utf8')) as unknown;

/** Sets a value deep inside parsed JSON, by a dotted path ("children.0.person.sex"). */
function set(data: unknown, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = data as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts.at(-1) as string] = value;
}

function problemsOf(action: () => unknown): ScenarioFileError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioFileError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioFileError');
}

describe('loading scenario files', () => {
  const directory = mkdtempSync(join(tmpdir(), 'scenarios-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('loads the learning review scenario', () => {
    const file = loadScenarioFile(learningReviewPath);
    expect(file.name).toBe('learning-review');
    expect(file.children.map((c) => c.key)).toEqual([
      'child-a',
      'child-b',
      'child-c',
      'child-d',
      'child-e',
      'child-f',
      'child-g',
    ]);
    // Defaults are filled in: an omitted paperwork block is the in-order one.
    const placement = file.children[3]?.socialCare?.care[0]?.placements[0];
    expect(placement?.paperwork).toMatchObject({
      placementPlanAfterDays: 1,
      firstVisitAfterDays: 2,
      meeting: { afterHours: 24, updatedRiskAssessment: true },
    });
  });

  it('names the path of each shape problem', () => {
    const data = learningReview();
    set(data, 'children.0.person.dateOfBirth', 'seventeen years ago');
    set(data, 'children.1.expectedFindings', ['NOT_A_RULE']);
    set(data, 'children.2.socialCare.care.0.placements.0.type', 'Kx');
    const error = problemsOf(() => parseScenario(data, 'broken.json'));
    const paths = error.problems.map((p) => p.path);
    expect(paths).toContain('children[0].person.dateOfBirth');
    expect(paths).toContain('children[1].expectedFindings[0]');
    expect(paths).toContain('children[2].socialCare.care[0].placements[0].type');
    expect(error.message).toMatch(/^broken\.json: invalid scenario file/);
  });

  it('rejects unknown fields rather than ignoring them', () => {
    const data = learningReview();
    set(data, 'children.0.person.favouriteColour', 'green');
    expect(problemsOf(() => parseScenario(data)).problems[0]?.path).toBe('children[0].person');
  });

  it('names references to things the file does not define', () => {
    const data = learningReview();
    set(data, 'children.1.socialCare.coresidentNotifications.0.resident', 'child-z');
    set(data, 'children.0.gp.gp', 'dr-nobody');
    set(data, 'children.0.socialCare.care.0.placements.2.referral.assessment', 'asm-9');
    const error = problemsOf(() => parseScenario(data));
    expect(error.problems).toEqual(
      expect.arrayContaining([
        {
          path: 'children[1].socialCare.coresidentNotifications[0].resident',
          message: 'no child with key "child-z"',
        },
        { path: 'children[0].gp.gp', message: 'no professional with key "dr-nobody"' },
        {
          path: 'children[0].socialCare.care[0].placements[2].referral.assessment',
          message: 'no assessment with key "asm-9"',
        },
      ]),
    );
  });

  it('reports files that are not JSON, naming the file', () => {
    const path = join(directory, 'not-json.json');
    writeFileSync(path, '{ "format": ');
    const error = problemsOf(() => loadScenarioFile(path));
    expect(error.message).toContain(path);
    expect(() => loadScenarioFile(join(directory, 'missing.json'))).toThrow(ScenarioFileError);
  });
});
