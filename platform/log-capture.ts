/**
 * Log capture for the test suite's personal-data audit (test/support/log-audit.ts). With CVH_LOG_CAPTURE_DIR set,
 * every logger also writes every line at debug and above — whatever its own level, 'silent' included — to one file
 * per process in that directory, so "no personal data in any log line" is checked against lines that were really
 * produced rather than against loggers that wrote nothing. The lines go through the logger's own formatters,
 * redaction and hooks: the capture sees exactly what the hub would have written. Without the variable nothing here
 * runs and the logger is built exactly as before.
 */
import { randomBytes } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { pino, type DestinationStream, type Level, type LevelWithSilent } from 'pino';
import { z } from 'zod';

export const logCaptureDirVariable = 'CVH_LOG_CAPTURE_DIR';
export const logCaptureLevel: Level = 'debug';

const captureDirSchema = z
  .string()
  .refine(isAbsolute, `${logCaptureDirVariable} must be an absolute path`)
  .optional();

/** The capture directory named by the environment, or undefined when capture is off. */
export function logCaptureDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env[logCaptureDirVariable];
  return raw === undefined || raw === '' ? undefined : captureDirSchema.parse(raw);
}

// One file per process and directory, shared by every logger the process creates.
const captureFiles = new Map<string, DestinationStream>();

function captureFile(dir: string): DestinationStream {
  let file = captureFiles.get(dir);
  if (!file) {
    // Synchronous writes: vitest stops its workers with SIGTERM and the hub's test cleanup uses SIGKILL, neither of
    // which runs 'exit' handlers, so an asynchronous buffer's last lines would go unaudited without anyone knowing.
    file = pino.destination({
      dest: join(dir, `${process.pid}-${randomBytes(4).toString('hex')}.jsonl`),
      sync: true,
      mkdir: true,
    });
    captureFiles.set(dir, file);
  }
  return file;
}

// What pino itself writes to when it is given no destination (see pino's lib/tools.js normalizeArgs): the normal
// output must not change because a capture stream sits beside it.
function defaultDestination(): DestinationStream {
  const stdout = process.stdout;
  const tampered = stdout.write !== (Object.getPrototypeOf(stdout) as typeof stdout).write;
  return tampered ? stdout : pino.destination({ dest: stdout.fd || 1, sync: false });
}

function lower(a: LevelWithSilent, b: Level): Level {
  const values = pino.levels.values;
  return a !== 'silent' && (values[a] ?? Infinity) < (values[b] ?? Infinity) ? a : b;
}

export interface CapturingOutput {
  /** The logger's own level: the lower of its configured level and the capture level. */
  level: Level;
  /** The normal output at the configured level, beside the capture file at the capture level. */
  stream: pino.MultiStreamRes;
}

/** The logger's level and streams when capture is on; undefined (build the logger as usual) when it is off. */
export function capturingOutput(
  level: LevelWithSilent,
  destination: DestinationStream | undefined,
  env: NodeJS.ProcessEnv = process.env,
): CapturingOutput | undefined {
  const dir = logCaptureDir(env);
  if (dir === undefined) return undefined;
  const streams: pino.StreamEntry[] = [{ level: logCaptureLevel, stream: captureFile(dir) }];
  if (level !== 'silent') streams.push({ level, stream: destination ?? defaultDestination() });
  return { level: lower(level, logCaptureLevel), stream: pino.multistream(streams) };
}
