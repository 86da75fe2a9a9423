import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { spawnHub } from './support/spawn-hub.js';

const run = promisify(execFile);

// `npm start` as a new user runs it: embedded database, embedded agency simulators, demo population, and a demo
// token minted with the CLI the README shows.
describe('npm start on one machine', () => {
  it('serves the demo population through the simulators to a demo user, every agency answering', async () => {
    const hub = await spawnHub({ DEMO_POPULATION_SIZE: '300' });
    try {
      const url = await hub.url;
      const ready = (await (await fetch(`${url}/readyz`)).json()) as {
        status: string;
        checks: { name: string; ok: boolean }[];
      };
      expect(ready.status).toBe('ready');
      const query =
        '{ children(first: 50, filter: { linkedTo: [SOCIAL_CARE, HEALTH] }) { totalCount edges { node { id sources { agency state } } } } }';
      const anonymous = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      expect(anonymous.status).toBe(401);

      const { stdout: token } = await run(
        process.execPath,
        ['--import', 'tsx', 'gateway/auth/mint-token-cli.ts', '--demo', 'SOCIAL_WORKER'],
        {
          cwd: new URL('..', import.meta.url),
          env: { PATH: process.env.PATH, AUTH_LOCAL_KEY_DIR: join(hub.dataDir, 'auth') },
        },
      );
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.trim()}` },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as {
        data: {
          children: {
            totalCount: number;
            edges: Array<{ node: { sources: Array<{ agency: string; state: string }> } }>;
          };
        };
      };
      // The demo social worker's caseload: the learning-review children allocated to her.
      expect(body.data.children.totalCount).toBeGreaterThan(0);
      const states = body.data.children.edges.flatMap((edge) =>
        edge.node.sources.filter((s) => s.agency !== 'ADULT_SERVICES' && s.agency !== 'EDUCATION'),
      );
      expect(states.length).toBeGreaterThan(0);
      expect(new Set(states.map((s) => s.state))).toEqual(new Set(['OK']));
      hub.child.kill('SIGTERM');
      expect((await hub.exited).code).toBe(0);
    } finally {
      await hub.cleanup();
    }
  }, 180_000);
});
