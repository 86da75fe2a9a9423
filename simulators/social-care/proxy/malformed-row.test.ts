import { describe, expect, it } from 'vitest';
import { malformDataRow } from './malformed-row.js';
import { buildDataRow, parseDataRow } from './pg-wire.js';

const text = (value: string | null) => (value === null ? null : Buffer.from(value));
const values = (row: Buffer) => parseDataRow(row).map((v) => (v === null ? null : v.toString()));

describe('malformDataRow', () => {
  const fields = [
    { name: 'pers_person_id', typeOid: 1043, format: 0 },
    { name: 'pers_death_date', typeOid: 1114, format: 0 },
    { name: 'pers_dob', typeOid: 1114, format: 0 },
    { name: 'caseload', typeOid: 23, format: 0 },
  ];

  it('turns a date that held a value into not-a-date, leaving the rest alone', () => {
    const row = buildDataRow([text('P1'), null, text('2012-03-04 00:00:00'), text('7')]);
    const result = malformDataRow(row, fields);
    expect(result?.column).toBe('pers_dob');
    expect(values(result?.message ?? row)).toEqual(['P1', null, 'not-a-date', '7']);
  });

  it('falls back to a number, and never touches binary-format fields', () => {
    const numberFirst = [
      { name: 'dob', typeOid: 1114, format: 1 },
      { name: 'caseload', typeOid: 23, format: 0 },
    ];
    const row = buildDataRow([Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), text('7')]);
    const result = malformDataRow(row, numberFirst);
    expect(result?.column).toBe('caseload');
    expect(values(result?.message ?? row)[1]).toBe('not-a-number');
    expect(
      malformDataRow(buildDataRow([Buffer.from([1])]), [{ name: 'b', typeOid: 17, format: 1 }]),
    ).toBeNull();
  });
});
