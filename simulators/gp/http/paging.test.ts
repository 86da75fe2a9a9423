import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../search/paging-cursor.js';
import type { FhirResponse } from '../test-support/gp-test-server.js';
import { entryIds, fhirGet, gpTestServer, linkPath } from '../test-support/gp-test-server.js';

const { app } = gpTestServer({ extraPatients: 40 });
afterAll(() => app.close());

/** Follows next links from `url` and returns every page. */
async function walk(url: string): Promise<FhirResponse[]> {
  const pages: FhirResponse[] = [];
  let next: string | null = url;
  while (next !== null) {
    const page = await fhirGet(app, next);
    expect(page.status).toBe(200);
    pages.push(page);
    next = linkPath(page.body, 'next');
    expect(pages.length).toBeLessThan(200);
  }
  return pages;
}

const allPatientIds = Array.from(
  { length: 40 },
  (_, index) => `gp-pat-x${String(index + 1).padStart(3, '0')}`,
);

describe('paging with _count and the next link', () => {
  it('walks every patient exactly once, in id order, whatever the page size', async () => {
    const expected = entryIds((await fhirGet(app, '/fhir/Patient?_count=1000')).body);
    expect(expected).toHaveLength(45);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 17 }), async (count) => {
        const pages = await walk(`/fhir/Patient?_count=${count}`);
        const seen = pages.flatMap((page) => entryIds(page.body));
        expect(seen).toEqual(expected);
        expect(pages.every((page) => page.body.total === 45)).toBe(true);
        expect(pages.slice(0, -1).every((page) => page.body.entry.length === count)).toBe(true);
      }),
      { numRuns: 25 },
    );
    // Each run walks every page over HTTP injection; generous for a loaded machine.
  }, 30_000);

  it('walks a batched clinical search exactly once with includes on every page', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(allPatientIds, { minLength: 1 }),
        fc.integer({ min: 1, max: 9 }),
        async (patients, count) => {
          const url = `/fhir/Encounter?patient=${patients.join(',')}&_count=${count}&_include=Encounter:patient`;
          const pages = await walk(url);
          const seen = pages.flatMap((page) => entryIds(page.body));
          const expected = patients.flatMap((id) =>
            Array.from({ length: Number(id.slice(-3)) % 4 }, (_, n) => `Encounter/enc-x${id.slice(-3)}-${n}`),
          );
          expect(seen).toEqual([...expected].sort());
          expect(new Set(seen).size).toBe(seen.length);
          for (const page of pages) {
            const subjects = new Set(
              (page.body.entry ?? [])
                .filter((e: { search: { mode: string } }) => e.search.mode === 'match')
                .map((e: { resource: { subject: { reference: string } } }) => e.resource.subject.reference),
            );
            expect(new Set(entryIds(page.body, 'include'))).toEqual(subjects);
          }
        },
      ),
      { numRuns: 25 },
    );
    // Each run walks every page over HTTP injection; generous for a loaded machine.
  }, 30_000);

  it('keeps the query in the next link and stops on the last page', async () => {
    const first = await fhirGet(app, '/fhir/Patient?family=Paging&_count=30');
    const next = linkPath(first.body, 'next');
    expect(next).toMatch(/^\/fhir\/Patient\?family=Paging&_count=30&_cursor=[A-Za-z0-9_-]+$/);
    const second = await fhirGet(app, next ?? '');
    expect(second.body.entry).toHaveLength(10);
    expect(linkPath(second.body, 'next')).toBeNull();
    expect(linkPath(second.body, 'self')).toBe(next);
  });

  it('does not repeat or skip results when a resource is added between pages', async () => {
    const patients = 'gp-pat-x003,gp-pat-x007';
    const first = await fhirGet(app, `/fhir/Encounter?patient=${patients}&_count=2`);
    expect(entryIds(first.body)).toEqual(['Encounter/enc-x003-0', 'Encounter/enc-x003-1']);
    const added = await app.inject({
      method: 'POST',
      url: '/admin/encounters',
      payload: { patientId: 'gp-pat-x003', start: '2025-03-01T10:00:00.000Z' },
    });
    expect(added.statusCode).toBe(201);
    const rest = await walk(linkPath(first.body, 'next') ?? '');
    const seen = [...entryIds(first.body), ...rest.flatMap((page) => entryIds(page.body))];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining(['Encounter/enc-x003-2', 'Encounter/enc-x007-0', 'Encounter/enc-x007-2']),
    );
  });

  it('rejects a cursor the server did not issue or that belongs to another type', async () => {
    expect((await fhirGet(app, '/fhir/Patient?_cursor=garbage')).status).toBe(400);
    expect((await fhirGet(app, `/fhir/Patient?_cursor=${encodeCursor('Encounter', 'x')}`)).status).toBe(400);
  });
});
