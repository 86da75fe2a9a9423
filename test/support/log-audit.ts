/**
 * Global setup for every test project: "no personal data in any log line across the whole test suite", made real.
 * Setup creates a fresh capture directory and sets CVH_LOG_CAPTURE_DIR, which vitest's workers inherit (and
 * spawn-hub.ts hands to hub processes), so every logger writes every line at debug and above there, 'silent' ones
 * included (platform/log-capture.ts). Teardown scans every captured line (log-audit-scan.ts), prints one summary
 * line and fails the run on any finding, naming its kind and place but never the data.
 *
 * The same file is the global setup of several projects; the projects share one capture directory, and the last
 * teardown to run scans it. Set CVH_LOG_AUDIT_KEEP=1 to keep the directory after a clean run; after a run with
 * findings it is always kept, for whoever fixes them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logCaptureDirVariable } from '../../platform/log-capture.js';
import { demoChildNames } from './log-audit-names.js';
import { countByKind, describeFinding, scanCaptureDir } from './log-audit-scan.js';

/**
 * Addresses allowed in log lines: none, and each future entry needs its reason here. The fixtures' addresses
 * (@council.example, @nhs.example, ...) are made up, but they stand for staff members' real ones, and a
 * person-shaped address reaching a log line is exactly what the audit is for. A connection-string user
 * (postgres://reader@db.example) is not an address at all; the detector leaves it out by shape.
 */
export const allowedEmails: ReadonlySet<string> = new Set<string>();

interface AuditRun {
  dir: string;
  startedAt: string;
  /** Projects whose teardown has not run yet. */
  open: number;
}

// Each project may load this file as its own module instance; the run's state lives on the global object.
const runKey = Symbol.for('child-view-hub.log-audit');
const shared = globalThis as { [runKey]?: AuditRun };

export default async function setupLogAudit(): Promise<() => Promise<void>> {
  let run = shared[runKey];
  if (!run) {
    run = {
      dir: await mkdtemp(join(tmpdir(), 'cvh-log-audit-')),
      startedAt: new Date().toISOString(),
      open: 0,
    };
    shared[runKey] = run;
    process.env[logCaptureDirVariable] = run.dir;
  }
  run.open += 1;
  const thisRun = run;
  return async () => {
    thisRun.open -= 1;
    if (thisRun.open > 0) return;
    delete shared[runKey];
    delete process.env[logCaptureDirVariable];
    await audit(thisRun);
  };
}

async function audit(run: AuditRun): Promise<void> {
  const names = demoChildNames([run.startedAt, new Date().toISOString()]);
  const report = await scanCaptureDir(run.dir, { names, allowedEmails });
  process.stdout.write(
    `log audit: ${report.lines} lines from ${report.files} files scanned, personal data found: ${report.findings.length}\n`,
  );
  if (report.findings.length === 0) {
    if (process.env.CVH_LOG_AUDIT_KEEP)
      process.stdout.write(`log audit: captured lines kept in ${run.dir}\n`);
    else await rm(run.dir, { recursive: true, force: true });
    return;
  }
  // Vitest 4 reports an error thrown from a global teardown but still exits 0; the exit code has to be set too.
  process.exitCode = 1;
  const shown = report.findings.slice(0, 20).map((finding) => `  ${describeFinding(finding)}`);
  const more =
    report.findings.length > shown.length ? [`  ... and ${report.findings.length - shown.length} more`] : [];
  throw new Error(
    [
      `log audit failed: ${report.findings.length} log line findings of personal data (${countByKind(report.findings)})`,
      ...shown,
      ...more,
      `The captured lines are kept in ${run.dir}.`,
    ].join('\n'),
  );
}
