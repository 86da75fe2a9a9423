import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/errors.js';
import {
  loadPersistedQueryManifest,
  parsePersistedQueryManifest,
  sha256Hex,
} from './persisted-query-manifest.js';

function manifestOf(bodies: Record<string, string>) {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: Object.entries(bodies).map(([name, body]) => ({
      id: sha256Hex(body),
      name,
      type: 'query',
      body,
    })),
  };
}

function problemsOf(raw: unknown): string[] {
  try {
    parsePersistedQueryManifest(raw, 'pq.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parsePersistedQueryManifest', () => {
  it('indexes the operations by id', () => {
    const body = 'query Hub { hub }';
    const manifest = parsePersistedQueryManifest(manifestOf({ Hub: body }));
    expect(manifest.operations.get(sha256Hex(body))).toEqual({
      id: sha256Hex(body),
      name: 'Hub',
      type: 'query',
      body,
    });
    expect(manifest.operations.size).toBe(1);
  });

  it('lists every problem: a wrong id, a body that does not parse, a duplicate', () => {
    const good = manifestOf({ Hub: 'query Hub { hub }' });
    const raw = {
      ...good,
      operations: [
        ...good.operations,
        { id: sha256Hex('something else'), name: 'Wrong', type: 'query', body: 'query Wrong { hub }' },
        { id: sha256Hex('query Broken {'), name: 'Broken', type: 'query', body: 'query Broken {' },
        good.operations[0],
      ],
    };
    expect(problemsOf(raw)).toEqual([
      'pq.json: operations.1 (Wrong): id is not the SHA-256 of body',
      expect.stringMatching(/^pq\.json: operations\.2 \(Broken\): body does not parse/),
      'pq.json: operations.3 (Hub): duplicate id',
    ]);
  });

  it('refuses another format, an unknown key, and an id that is not a SHA-256', () => {
    expect(problemsOf({ operations: [] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pq\.json: format:/),
        expect.stringMatching(/^pq\.json: version:/),
      ]),
    );
    const good = manifestOf({ Hub: 'query Hub { hub }' });
    expect(problemsOf({ ...good, operations: [{ ...good.operations[0], query: 'x' }] })).toEqual([
      expect.stringMatching(/^pq\.json: operations\.0: Unrecognized key/),
    ]);
    expect(problemsOf({ ...good, operations: [{ ...good.operations[0], id: 'ABC' }] })).toEqual([
      'pq.json: operations.0.id: expected a SHA-256 in lower-case hex',
    ]);
  });

  it('accepts any set of operations whose ids are their bodies’ SHA-256, and nothing with an id changed', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 8 }), fc.nat(), (names, pick) => {
        const bodies = Object.fromEntries(names.map((n) => [n, `query ${n} { hub }`]));
        const raw = manifestOf(bodies);
        expect(parsePersistedQueryManifest(raw).operations.size).toBe(names.length);
        const index = pick % names.length;
        const tampered = raw.operations.map((operation, i) =>
          i === index ? { ...operation, id: sha256Hex(`${operation.body} `) } : operation,
        );
        expect(() => parsePersistedQueryManifest({ ...raw, operations: tampered })).toThrow(ConfigError);
      }),
    );
  });

  it('answers any JSON value with a manifest or a ConfigError, never another error', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        try {
          parsePersistedQueryManifest(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
        }
      }),
    );
  });
});

describe('loadPersistedQueryManifest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cvh-pq-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a manifest file', async () => {
    const file = join(dir, 'ok.json');
    await writeFile(file, JSON.stringify(manifestOf({ Hub: 'query Hub { hub }' })));
    expect((await loadPersistedQueryManifest(file)).operations.size).toBe(1);
  });

  it('names the variable when the file cannot be read, and the file when it is not JSON', async () => {
    await expect(loadPersistedQueryManifest(join(dir, 'missing.json'))).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/^GRAPHQL_PERSISTED_QUERIES_FILE: cannot read .*missing\.json \(ENOENT\)$/),
      ],
    });
    const file = join(dir, 'bad.json');
    await writeFile(file, '{ not json');
    await expect(loadPersistedQueryManifest(file)).rejects.toMatchObject({
      problems: [expect.stringMatching(/bad\.json: not JSON/)],
    });
  });
});
