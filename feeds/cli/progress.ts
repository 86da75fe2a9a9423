/**
 * What the user sees while a feed goes up and is processed: redrawn bars on a terminal; on anything else (CI, a
 * pipe, a log) one plain line per stage and no redraws. Progress goes to stderr; results go to stdout.
 */
import cliProgress from 'cli-progress';

export type BarName = 'upload' | 'process';

export interface Progress {
  /** A stage begins (a plain line when not interactive). */
  stage(message: string): void;
  start(bar: BarName, total: number, unit: 'bytes' | 'records'): void;
  update(bar: BarName, value: number): void;
  stop(bar: BarName): void;
  stopAll(): void;
}

export function isInteractive(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env['CI'];
}

export function createProgress({
  interactive,
  stream,
}: {
  interactive: boolean;
  stream: NodeJS.WritableStream;
}): Progress {
  if (!interactive) {
    return {
      stage: (message) => void stream.write(`${message}\n`),
      start: () => undefined,
      update: () => undefined,
      stop: () => undefined,
      stopAll: () => undefined,
    };
  }
  const bars = new Map<BarName, cliProgress.SingleBar>();
  const stop = (name: BarName) => {
    bars.get(name)?.stop();
    bars.delete(name);
  };
  return {
    stage: () => undefined,
    start(name, total, unit) {
      stop(name);
      const bar = new cliProgress.SingleBar(
        {
          stream,
          noTTYOutput: false,
          hideCursor: true,
          format:
            unit === 'bytes'
              ? `${name.padEnd(8)} [{bar}] {percentage}% | {value}/{total} bytes`
              : `${name.padEnd(8)} [{bar}] {percentage}% | {value}/{total} records`,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 0), 0);
      bars.set(name, bar);
    },
    update: (name, value) => bars.get(name)?.update(value),
    stop,
    stopAll: () => [...bars.keys()].forEach(stop),
  };
}
