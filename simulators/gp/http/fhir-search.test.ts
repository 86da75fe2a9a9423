import { afterAll, describe, expect, it, vi } from 'vitest';
import { GpRepository } from '../data/gp-repository.js';
import { entryIds, fhirGet, gpTestServer, linkPath } from '../test-support/gp-test-server.js';
import { fixtureNhsNumbers } from '../fixture-population.js';

const nhs = 'https://fhir.nhs.uk/Id/nhs-number';
const { app } = gpTestServer();
afterAll(() => app.close());

const search = (url: string, headers?: Record<string, string>) => fhirGet(app, url, headers);

describe('Patient search', () => {
  it('ORs comma-separated identifiers and returns every record holding them', async () => {
    const { status, contentType, body } = await search(
      `/fhir/Patient?identifier=${nhs}|${fixtureNhsNumbers.ava},${nhs}|${fixtureNhsNumbers.duplicated}`,
    );
    expect(status).toBe(200);
    expect(contentType).toBe('application/fhir+json; charset=utf-8');
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 3 });
    expect(entryIds(body)).toEqual(['Patient/gp-pat-001', 'Patient/gp-pat-004', 'Patient/gp-pat-005']);
    expect(body.entry[0].fullUrl).toBe('http://localhost:80/fhir/Patient/gp-pat-001');
  });

  it('accepts an identifier value without a system, and matches nothing for another system or `|value`', async () => {
    expect(entryIds((await search(`/fhir/Patient?identifier=${fixtureNhsNumbers.ben}`)).body)).toEqual([
      'Patient/gp-pat-002',
    ]);
    expect(
      (await search(`/fhir/Patient?identifier=https://example.org/other|${fixtureNhsNumbers.ben}`)).body
        .total,
    ).toBe(0);
    expect((await search(`/fhir/Patient?identifier=|${fixtureNhsNumbers.ben}`)).body.total).toBe(0);
  });

  it('ORs _id values and skips unknown ids', async () => {
    const { body } = await search('/fhir/Patient?_id=gp-pat-003,gp-pat-001,nope');
    expect(entryIds(body)).toEqual(['Patient/gp-pat-001', 'Patient/gp-pat-003']);
  });

  it('answers identifier, _id and family searches from indexes, never by scanning every patient', async () => {
    const allIds = vi.spyOn(GpRepository.prototype, 'allIds');
    const readMany = vi.spyOn(GpRepository.prototype, 'readMany');
    try {
      await search(
        `/fhir/Patient?identifier=${nhs}|${fixtureNhsNumbers.ava},${nhs}|${fixtureNhsNumbers.ben}`,
      );
      await search('/fhir/Patient?_id=gp-pat-001');
      await search('/fhir/Patient?family=HUGH&birthdate=2011');
      expect(allIds).not.toHaveBeenCalled();
      const sizes = readMany.mock.calls.map(([, ids]) => [...ids].length);
      expect(sizes).toEqual([2, 1, 2]);
    } finally {
      allIds.mockRestore();
      readMany.mockRestore();
    }
  });

  it('ANDs demographics with string and date semantics', async () => {
    expect(entryIds((await search('/fhir/Patient?family=thom')).body)).toEqual(['Patient/gp-pat-001']);
    expect((await search('/fhir/Patient?family:exact=thom')).body.total).toBe(0);
    expect(entryIds((await search('/fhir/Patient?given=chloe')).body)).toEqual(['Patient/gp-pat-003']);
    expect(entryIds((await search('/fhir/Patient?family=Hughes&birthdate=2011-03')).body)).toEqual([
      'Patient/gp-pat-005',
    ]);
    expect(entryIds((await search('/fhir/Patient?gender=male&birthdate=lt2010')).body)).toEqual([
      'Patient/gp-pat-002',
    ]);
  });
});

describe('clinical searches by patient', () => {
  it('ORs patient references and bare ids, through patient or subject', async () => {
    const both = await search('/fhir/Condition?patient=Patient/gp-pat-001,gp-pat-002');
    expect(entryIds(both.body)).toEqual([
      'Condition/cond-001-a',
      'Condition/cond-001-b',
      'Condition/cond-001-c',
      'Condition/cond-002-a',
      'Condition/cond-002-b',
    ]);
    const viaSubject = await search('/fhir/Condition?subject=Patient/gp-pat-002');
    expect(viaSubject.body.total).toBe(2);
  });

  it('filters conditions by clinical status', async () => {
    const active = await search('/fhir/Condition?patient=gp-pat-001,gp-pat-002&clinical-status=active');
    expect(entryIds(active.body)).toEqual([
      'Condition/cond-001-a',
      'Condition/cond-001-b',
      'Condition/cond-002-b',
    ]);
    const resolved = await search(
      '/fhir/Condition?patient=gp-pat-001&clinical-status=http://terminology.hl7.org/CodeSystem/condition-clinical|resolved',
    );
    expect(entryIds(resolved.body)).toEqual(['Condition/cond-001-c']);
  });

  it('filters encounters by class and by a date range', async () => {
    const patients = 'patient=gp-pat-001,gp-pat-002,gp-pat-004';
    expect(entryIds((await search(`/fhir/Encounter?${patients}&class=EMER`)).body)).toEqual([
      'Encounter/enc-001-b',
      'Encounter/enc-002-a',
    ]);
    expect(
      entryIds(
        (
          await search(
            `/fhir/Encounter?${patients}&class=http://terminology.hl7.org/CodeSystem/v3-ActCode|IMP,AMB`,
          )
        ).body,
      ),
    ).toEqual(['Encounter/enc-001-a', 'Encounter/enc-002-b', 'Encounter/enc-004-a']);
    expect(
      entryIds((await search(`/fhir/Encounter?${patients}&date=ge2025-01-01&date=le2025-01-31`)).body),
    ).toEqual(['Encounter/enc-001-b']);
    // The attendance still open at the as-of date overlaps any later range.
    expect(entryIds((await search(`/fhir/Encounter?${patients}&date=ge2025-03-31`)).body)).toEqual([
      'Encounter/enc-002-a',
    ]);
  });

  it('finds every other clinical type by patient', async () => {
    const ids = async (type: string) =>
      entryIds((await search(`/fhir/${type}?patient=gp-pat-001,gp-pat-003`)).body);
    expect(await ids('MedicationStatement')).toEqual(['MedicationStatement/med-001-a']);
    expect(await ids('AllergyIntolerance')).toEqual(['AllergyIntolerance/alg-001-a']);
    expect(await ids('Immunization')).toEqual(['Immunization/imm-001-a', 'Immunization/imm-003-a']);
    expect(await ids('Observation')).toEqual(['Observation/obs-001-a', 'Observation/obs-001-b']);
  });

  it('refuses a clinical search that names no patient', async () => {
    const { status, body } = await search('/fhir/Condition?clinical-status=active');
    expect(status).toBe(400);
    expect(body.issue[0].code).toBe('too-costly');
  });
});

describe('directory searches', () => {
  it('finds practitioners and organisations by id and ODS code', async () => {
    expect(entryIds((await search('/fhir/Practitioner?_id=prof-gp-1,prof-gp-2')).body)).toEqual([
      'Practitioner/prof-gp-1',
      'Practitioner/prof-gp-2',
    ]);
    expect(entryIds((await search('/fhir/Organization?_id=org-gp-2')).body)).toEqual([
      'Organization/org-gp-2',
    ]);
    expect(
      entryIds(
        (
          await search(
            '/fhir/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|A81001,QWO',
          )
        ).body,
      ),
    ).toEqual(['Organization/org-gp-1', 'Organization/org-icb-1']);
  });
});

describe('_include and _revinclude', () => {
  it('adds the registered GP and practice once each, in include mode', async () => {
    const { body } = await search(
      '/fhir/Patient?_id=gp-pat-001,gp-pat-003,gp-pat-002&_include=Patient:general-practitioner',
    );
    expect(body.total).toBe(3);
    expect(entryIds(body, 'include').sort()).toEqual([
      'Organization/org-gp-1',
      'Organization/org-gp-2',
      'Practitioner/prof-gp-1',
      'Practitioner/prof-gp-2',
    ]);
  });

  it('follows only the named target type, or the managing organisation', async () => {
    const practitioners = await search(
      '/fhir/Patient?_id=gp-pat-001&_include=Patient:general-practitioner:Practitioner',
    );
    expect(entryIds(practitioners.body, 'include')).toEqual(['Practitioner/prof-gp-1']);
    const organisation = await search('/fhir/Patient?_id=gp-pat-002&_include=Patient:organization');
    expect(entryIds(organisation.body, 'include')).toEqual(['Organization/org-gp-2']);
  });

  it('includes the patient of clinical matches and reverse-includes clinical resources of patient matches', async () => {
    const encounters = await search(
      '/fhir/Encounter?patient=gp-pat-002&class=EMER&_include=Encounter:patient',
    );
    expect(entryIds(encounters.body, 'include')).toEqual(['Patient/gp-pat-002']);
    const reverse = await search(
      '/fhir/Patient?_id=gp-pat-002&_revinclude=Condition:patient&_revinclude=Encounter:subject',
    );
    expect(entryIds(reverse.body, 'include').sort()).toEqual([
      'Condition/cond-002-a',
      'Condition/cond-002-b',
      'Encounter/enc-002-a',
      'Encounter/enc-002-b',
    ]);
    expect(reverse.body.total).toBe(1);
  });
});

describe('search parameters the server does not know', () => {
  it('are a 400 OperationOutcome under strict handling (the default)', async () => {
    for (const url of [
      '/fhir/Patient?colour=blue',
      '/fhir/Patient?family:phonetic=smith',
      '/fhir/Patient?_include=Patient:link',
      '/fhir/Patient?_sort=birthdate',
      '/fhir/Encounter?patient=gp-pat-001&_revinclude=Condition:patient',
    ]) {
      const { status, body } = await search(url, { prefer: 'handling=strict' });
      expect({ url, status, resourceType: body.resourceType }).toEqual({
        url,
        status: 400,
        resourceType: 'OperationOutcome',
      });
    }
    expect((await search('/fhir/Patient?colour=blue')).status).toBe(400);
  });

  it('are skipped and reported under Prefer: handling=lenient', async () => {
    const { status, body } = await search('/fhir/Patient?_id=gp-pat-001&colour=blue', {
      prefer: 'return=minimal, handling=lenient',
    });
    expect(status).toBe(200);
    expect(entryIds(body)).toEqual(['Patient/gp-pat-001']);
    expect(body.link[0].url).toBe('http://localhost:80/fhir/Patient?_id=gp-pat-001');
    const outcome = body.entry.find((entry: { search: { mode: string } }) => entry.search.mode === 'outcome');
    expect(outcome.resource.issue[0]).toMatchObject({
      severity: 'warning',
      diagnostics: expect.stringContaining('colour'),
    });
  });

  it('still rejects values that cannot be parsed, whatever the handling', async () => {
    const bad = await search('/fhir/Encounter?patient=gp-pat-001&date=yesterday', {
      prefer: 'handling=lenient',
    });
    expect(bad.status).toBe(400);
    expect((await search('/fhir/Patient?_count=many')).status).toBe(400);
    expect((await search('/fhir/Patient?_count=1&_count=2')).status).toBe(400);
  });
});

describe('other search forms', () => {
  it('counts without entries for _summary=count and _count=0', async () => {
    for (const url of [
      '/fhir/Condition?patient=gp-pat-001&_summary=count',
      '/fhir/Condition?patient=gp-pat-001&_count=0',
    ]) {
      const { body } = await search(url);
      expect(body.total).toBe(3);
      expect(body.entry).toBeUndefined();
    }
  });

  it('answers POST [type]/_search with a form body like the GET', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/fhir/Patient/_search?_include=Patient:organization',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/fhir+json' },
      payload: new URLSearchParams({
        identifier: `${nhs}|${fixtureNhsNumbers.ava},${nhs}|${fixtureNhsNumbers.ben}`,
      }).toString(),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(entryIds(body)).toEqual(['Patient/gp-pat-001', 'Patient/gp-pat-002']);
    expect(entryIds(body, 'include')).toEqual(['Organization/org-gp-1', 'Organization/org-gp-2']);
  });

  it('rejects a JSON body on POST _search', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/fhir/Patient/_search',
      payload: { _id: 'gp-pat-001' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().resourceType).toBe('OperationOutcome');
  });

  it('links self with the honoured parameters', async () => {
    const { body } = await search('/fhir/Encounter?patient=gp-pat-001&class=EMER');
    expect(linkPath(body, 'self')).toBe('/fhir/Encounter?patient=gp-pat-001&class=EMER');
    expect(linkPath(body, 'next')).toBeNull();
  });
});
