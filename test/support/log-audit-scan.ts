/**
 * Scans the captured log lines (platform/log-capture.ts) for personal data. A finding says what kind it is and
 * where — file, line, the key path inside the line, the logger's service and level — and never the data itself.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  findInText,
  isBirthKey,
  startsWithIsoDate,
  type Detectors,
  type FindingKind,
} from './log-audit-detectors.js';

export interface Finding {
  kind: FindingKind;
  /** Capture file name (`<pid>-<random>.jsonl`) and 1-based line number. */
  file: string;
  line: number;
  /** Where in the line: `msg`, `err.message`, `child.name`; `*` stands for a key that is not a plain name. */
  path: string;
  service: string | undefined;
  level: string | undefined;
}

export interface ScanReport {
  files: number;
  lines: number;
  findings: Finding[];
}

export async function scanCaptureDir(dir: string, detectors: Detectors): Promise<ScanReport> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  const report: ScanReport = { files: files.length, lines: 0, findings: [] };
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(join(dir, file), 'utf8'), crlfDelay: Infinity });
    let number = 0;
    for await (const text of lines) {
      number += 1;
      if (text.trim() === '') continue;
      report.lines += 1;
      for (const { kind, path, service, level } of scanLine(text, detectors))
        report.findings.push({ kind, file: basename(file), line: number, path, service, level });
    }
  }
  return report;
}

type LineFinding = Pick<Finding, 'kind' | 'path' | 'service' | 'level'>;

/** The findings in one captured line: every key and value of the JSON, or the raw text if it is not JSON. */
export function scanLine(text: string, detectors: Detectors): LineFinding[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return findInText(text, detectors).map((kind) => ({
      kind,
      path: '(not JSON)',
      service: undefined,
      level: undefined,
    }));
  }
  const record = isObject(parsed) ? parsed : {};
  const service = typeof record.service === 'string' ? record.service : undefined;
  const level = typeof record.level === 'string' ? record.level : undefined;
  const found: LineFinding[] = [];
  const add = (kind: FindingKind, path: string[]) => {
    const at = formatPath(path);
    if (!found.some((one) => one.kind === kind && one.path === at))
      found.push({ kind, path: at, service, level });
  };

  const walk = (value: unknown, path: string[], key: string | undefined, depth: number): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      const valueText = String(value);
      for (const kind of findInText(valueText, detectors)) add(kind, path);
      if (key !== undefined && isBirthKey(key) && startsWithIsoDate(valueText)) add('date-of-birth', path);
      return;
    }
    if (depth > 32 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...path, `[${index}]`], key, depth + 1));
      return;
    }
    for (const [childKey, child] of Object.entries(value)) {
      const keyKinds = findInText(childKey, detectors);
      const segment = keyKinds.length === 0 && /^[A-Za-z_$][\w$-]{0,63}$/.test(childKey) ? childKey : '*';
      for (const kind of keyKinds) add(kind, [...path, segment]);
      walk(child, [...path, segment], childKey, depth + 1);
    }
  };
  walk(parsed, [], undefined, 0);
  return found;
}

function formatPath(path: readonly string[]): string {
  const joined = path.reduce(
    (at, segment) => (segment.startsWith('[') || at === '' ? at + segment : `${at}.${segment}`),
    '',
  );
  return joined || '(line)';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line per finding, safe to print: kind and where, never the value. */
export function describeFinding(finding: Finding): string {
  return `${finding.kind} at ${finding.path} (service ${finding.service ?? '?'}, level ${finding.level ?? '?'}; ${finding.file}:${finding.line})`;
}

/** Findings counted by kind, e.g. "nhs-number 3, email 1". */
export function countByKind(findings: readonly Finding[]): string {
  const counts = new Map<FindingKind, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind} ${count}`).join(', ');
}
