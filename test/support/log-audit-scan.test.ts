import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NameIndex, type Detectors } from './log-audit-detectors.js';
import { countByKind, describeFinding, scanCaptureDir, scanLine } from './log-audit-scan.js';

const names = new NameIndex();
names.add('Tayla', 'Hughes-Morgan');
const detectors: Detectors = { names, allowedEmails: new Set() };
const personal = [
  'Tayla',
  'Hughes-Morgan',
  '9434765919',
  '943 476 5919',
  '2010-04-05',
  'LS1 4AP',
  'sam@wexham.gov.uk',
];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cvh-log-audit-scan-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 'info', time: '2026-11-25T09:00:00.000Z', service: 'hub', ...fields });

describe('scanLine', () => {
  it('names the kind and the key path of each finding, never the value', () => {
    const found = scanLine(
      line({
        msg: 'matched Tayla Hughes-Morgan',
        err: { message: 'duplicate key (nhs_number)=(9434765919)' },
        child: { dob: '2010-04-05', contacts: [{ to: 'sam@wexham.gov.uk' }], home: 'LS1 4AP' },
        '943 476 5919': 'seen',
      }),
      detectors,
    );
    expect(found.map(({ kind, path }) => `${kind} ${path}`).sort()).toEqual([
      'child-name msg',
      'date-of-birth child.dob',
      'email child.contacts[0].to',
      'nhs-number *',
      'nhs-number err.message',
      'postcode child.home',
    ]);
    expect(found.every((finding) => finding.service === 'hub' && finding.level === 'info')).toBe(true);
  });

  it('finds nothing in a redacted line with ids, times and counts', () => {
    const clean = line({
      msg: 'agency answered for [redacted]',
      requestId: '0f6c4a8e-1b2d-4c3e-9f7a-2d3e4f5a6b7c',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      childId: 'c_01',
      ms: 1234567890.5,
      count: 3,
      child: { givenName: '[redacted]', dateOfBirth: '[redacted]' },
    });
    expect(scanLine(clean, detectors)).toEqual([]);
  });

  it('scans a line that is not JSON as text', () => {
    expect(scanLine('panic: 943 476 5919', detectors)).toEqual([
      { kind: 'nhs-number', path: '(not JSON)', service: undefined, level: undefined },
    ]);
  });
});

describe('scanCaptureDir', () => {
  it('counts files and lines, and reports findings by file and line without the data', async () => {
    await writeFile(
      join(dir, '101-aa.jsonl'),
      `${line({ msg: 'started' })}\n${line({ msg: 'dob 2010-04-05' })}\n`,
    );
    await writeFile(join(dir, '102-bb.jsonl'), `${line({ msg: 'ok' })}\n\n`);
    await writeFile(join(dir, '103-cc.jsonl'), '');
    await writeFile(join(dir, 'notes.txt'), 'Tayla Hughes-Morgan');
    const report = await scanCaptureDir(dir, detectors);
    expect(report).toMatchObject({ files: 3, lines: 3 });
    expect(report.findings).toEqual([
      { kind: 'date-of-birth', file: '101-aa.jsonl', line: 2, path: 'msg', service: 'hub', level: 'info' },
    ]);
    const printed = report.findings.map(describeFinding).join('\n') + countByKind(report.findings);
    expect(printed).toBe('date-of-birth at msg (service hub, level info; 101-aa.jsonl:2)date-of-birth 1');
    for (const value of personal) expect(printed).not.toContain(value);
  });
});
