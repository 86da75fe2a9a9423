/**
 * Valid feed records and identifiers for tests, built from a seed so every test can make as many distinct ones
 * as it needs. Only tests import this.
 */
import { nhsNumberCheckDigit } from '../../../schema/identifiers/nhs-number.js';
import { upnCheckLetter } from '../../../schema/identifiers/upn.js';
import { schoolColumns, type SchoolColumn } from '../school-columns.js';

/** The n-th valid NHS number in the 999 test range. */
export function nhsNumberFor(n: number): string {
  for (let k = n * 3; ; k += 1) {
    const firstNine = `999${String(k % 1_000_000).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

/** An NHS number whose check digit is wrong. */
export function badNhsNumber(n: number): string {
  const good = nhsNumberFor(n);
  return `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
}

/** The n-th valid UPN, local authority 999. */
export function upnFor(n: number): string {
  const lastTwelve = `999${String(n).padStart(9, '0')}`;
  return `${upnCheckLetter(lastTwelve)}${lastTwelve}`;
}

export function badUpn(n: number): string {
  const good = upnFor(n);
  const wrong = good[0] === 'A' ? 'B' : 'A';
  return `${wrong}${good.slice(1)}`;
}

export const schoolHeaderLine = schoolColumns.join(',');

export function schoolRow(values: Partial<Record<SchoolColumn, string>> = {}): string {
  const row: Record<SchoolColumn, string> = {
    upn: upnFor(1),
    school_urn: '123456',
    census_date: '2026-10-01',
    as_of: '2026-10-02T08:00:00Z',
    year_group: '7',
    sessions_possible: '100',
    sessions_attended: '90',
    suspensions: '0',
    permanent_exclusion: 'N',
    latest_exclusion_date: '',
    sen_provision: 'N',
    ehcp: 'N',
    ...values,
  };
  return schoolColumns.map((column) => row[column]).join(',');
}

export const nhsSystem = 'https://fhir.nhs.uk/Id/nhs-number';

export function patientEntry(id: string, nhsNumber: string, lastUpdated = '2026-11-01T10:00:00Z') {
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Patient',
      id,
      meta: { lastUpdated },
      identifier: [{ system: nhsSystem, value: nhsNumber }],
    },
  };
}

export function encounterEntry(
  id: string,
  subject: Record<string, unknown>,
  options: { classCode?: string; lastUpdated?: string; start?: string } = {},
) {
  return {
    fullUrl: `urn:uuid:${id}`,
    resource: {
      resourceType: 'Encounter',
      id,
      meta: { lastUpdated: options.lastUpdated ?? '2026-11-01T10:00:00Z' },
      status: 'finished',
      class: {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: options.classCode ?? 'AMB',
      },
      subject,
      period: { start: options.start ?? '2026-10-30T09:00:00Z' },
    },
  };
}

export function conditionEntry(
  id: string,
  subject: Record<string, unknown>,
  lastUpdated = '2026-11-01T10:00:00Z',
) {
  return {
    resource: {
      resourceType: 'Condition',
      id,
      meta: { lastUpdated },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      code: { text: 'Asthma' },
      subject,
      onsetDateTime: '2025-03-01',
    },
  };
}
