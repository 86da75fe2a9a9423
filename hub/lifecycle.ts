/**
 * Ordered start-up and reverse-order shutdown. Each started resource registers how to stop it; SIGTERM/SIGINT
 * stop them last-started-first (workers before the gateway's HTTP drain, pools and Redis last) within a hard
 * deadline, so the process always exits within 10 s.
 */
import type { Logger } from '../platform/logger.js';

interface Stoppable {
  name: string;
  stop: () => Promise<void>;
}

export class Lifecycle {
  private readonly resources: Stoppable[] = [];
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly deadlineMs = 9_000,
  ) {}

  /** Registers a started resource; it will be stopped before everything registered earlier. */
  add(name: string, stop: () => Promise<void>): void {
    this.resources.push({ name, stop });
  }

  /** Stops everything once (later calls wait for the first); resolves false if the deadline passed. */
  stop(reason: string): Promise<void> {
    this.stopping ??= this.stopAll(reason);
    return this.stopping;
  }

  private async stopAll(reason: string): Promise<void> {
    this.logger.info({ trigger: reason }, 'shutting down');
    const deadline = Date.now() + this.deadlineMs;
    for (const resource of [...this.resources].reverse()) {
      const remaining = deadline - Date.now();
      try {
        await withTimeout(resource.stop(), Math.max(remaining, 0), resource.name);
        this.logger.info({ resource: resource.name }, 'stopped');
      } catch (error) {
        this.logger.error({ resource: resource.name, err: error }, 'stop failed');
      }
    }
  }

  /** SIGTERM/SIGINT stop everything and exit 0 (1 if a resource failed to stop in time). */
  exitOnSignals(exit: (code: number) => void = (code) => process.exit(code)): void {
    const onSignal = (signal: NodeJS.Signals) => {
      // A second signal while stopping means "now".
      if (this.stopping) exit(1);
      const hardStop = setTimeout(() => exit(1), this.deadlineMs + 500);
      hardStop.unref();
      void this.stop(signal).then(() => {
        clearTimeout(hardStop);
        exit(0);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
}

async function withTimeout(work: Promise<void>, ms: number, name: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name} did not stop within the shutdown deadline`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
