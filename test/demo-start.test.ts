import { describe, expect, it } from 'vitest';
import { spawnHub } from './support/spawn-hub.js';

// `npm start` as a new user runs it: embedded database, embedded agency simulators, demo population.
describe('npm start on one machine', () => {
  it('serves the demo population through the simulators, every agency answering', async () => {
    const hub = await spawnHub({ DEMO_POPULATION_SIZE: '300' });
    try {
      const url = await hub.url;
      const ready = (await (await fetch(`${url}/readyz`)).json()) as {
        status: string;
        checks: { name: string; ok: boolean }[];
      };
      expect(ready.status).toBe('ready');
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            '{ children(first: 50, filter: { linkedTo: [SOCIAL_CARE, HEALTH] }) { totalCount edges { node { id sources { agency state } } } } }',
        }),
      });
      const body = (await response.json()) as {
        data: {
          children: {
            totalCount: number;
            edges: Array<{ node: { sources: Array<{ agency: string; state: string }> } }>;
          };
        };
      };
      expect(body.data.children.totalCount).toBeGreaterThan(10);
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
