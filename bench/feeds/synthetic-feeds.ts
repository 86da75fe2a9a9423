/**
 * Synthetic feed bodies for the intake benchmark, generated in chunks as they are sent (a 100 MB CSV is never
 * held whole): census-shaped CSV rows and a FHIR collection Bundle of Encounter and Condition resources. Intake
 * does not look inside records, so the values only need to be plausible in size and shape.
 */
const CHUNK_BYTES = 64 * 1024;

export const SCHOOL_HEADER =
  'upn,school_urn,census_date,as_of,year_group,sessions_possible,sessions_attended,suspensions,permanent_exclusion,latest_exclusion_date,sen_provision,ehcp';

function schoolRow(i: number): string {
  const upn = `A873${String(i).padStart(9, '0')}`;
  const possible = 300 + (i % 40);
  const exclusion = i % 17 === 0 ? '2026-09-1' + (i % 9) : '';
  return `${upn},${100000 + (i % 900000)},2026-10-01,2026-10-02T06:00:00Z,${(i % 11) + 1},${possible},${possible - (i % 30)},${i % 17 === 0 ? 1 : 0},N,${exclusion},${['N', 'K', 'E'][i % 3]},${i % 3 === 2 ? 'Y' : 'N'}`;
}

/** A school census CSV of `rows` data rows (CRLF), in chunks of about 64 KiB. */
export async function* schoolCsv(rows: number): AsyncGenerator<Buffer> {
  let parts: string[] = [SCHOOL_HEADER];
  let size = SCHOOL_HEADER.length;
  for (let i = 0; i < rows; i += 1) {
    const row = schoolRow(i);
    parts.push(row);
    size += row.length + 2;
    if (size >= CHUNK_BYTES) {
      yield Buffer.from(parts.join('\r\n') + '\r\n');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join('\r\n') + '\r\n');
}

/** Rows of a school CSV of about `bytes` bytes. */
export function schoolRowsFor(bytes: number): number {
  return Math.ceil(bytes / (schoolRow(123456).length + 2));
}

function resource(i: number): object {
  const patient = { reference: `urn:uuid:00000000-0000-4000-8000-${String(i % 5000).padStart(12, '0')}` };
  const meta = { lastUpdated: '2026-10-02T06:00:00Z' };
  return i % 2 === 0
    ? {
        fullUrl: `urn:uuid:10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        resource: {
          resourceType: 'Encounter',
          id: `enc-${i}`,
          meta,
          status: 'finished',
          class: {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
            code: i % 10 === 0 ? 'EMER' : 'AMB',
          },
          subject: patient,
          period: { start: '2026-09-30T10:15:00Z', end: '2026-09-30T10:45:00Z' },
        },
      }
    : {
        fullUrl: `urn:uuid:20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        resource: {
          resourceType: 'Condition',
          id: `cond-${i}`,
          meta,
          clinicalStatus: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
          },
          code: { coding: [{ system: 'http://snomed.info/sct', code: '195967001', display: 'Asthma' }] },
          subject: patient,
          onsetDateTime: '2025-03-01',
        },
      };
}

/** A FHIR collection Bundle of `resources` entries, in chunks of about 64 KiB. */
export async function* fhirBundle(resources: number): AsyncGenerator<Buffer> {
  let text = '{"resourceType":"Bundle","type":"collection","entry":[';
  for (let i = 0; i < resources; i += 1) {
    text += (i === 0 ? '' : ',') + JSON.stringify(resource(i));
    if (text.length >= CHUNK_BYTES) {
      yield Buffer.from(text);
      text = '';
    }
  }
  yield Buffer.from(text + ']}');
}
