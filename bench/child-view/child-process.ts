/**
 * The child-view benchmark runs the agency simulators and the hub side (connectors and the two gateways) each in
 * its own process, so the load generator, the simulators and the servers under test do not share an event loop.
 * The parent sends one `start` message, the child answers `ready` (or `failed`), and on `close` (or when the
 * parent goes away) the child tears down and exits.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type ChildMessage<Ready> = { type: 'ready'; ready: Ready } | { type: 'failed'; message: string };

export interface StartedProcess<Ready> {
  ready: Ready;
  pid: number;
  /** Asks the child to tear down, and waits (at most 60 s) for it to exit. */
  close(): Promise<void>;
}

export async function startProcess<Start, Ready>(options: {
  /** A module under bench/child-view/ that calls `serveInChildProcess`. */
  module: string;
  start: Start;
  env?: NodeJS.ProcessEnv;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
}): Promise<StartedProcess<Ready>> {
  const child = fork(fileURLToPath(new URL(options.module, import.meta.url)), [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    env: options.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message: ChildMessage<Ready>) =>
      message.type === 'ready' ? resolve(message.ready) : reject(new Error(message.message)),
    );
    child.once('error', reject);
    void exited.then((code) =>
      reject(new Error(`${options.module} exited with ${code} before it was ready`)),
    );
    child.send({ type: 'start', start: options.start });
  }).catch(async (error: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  });
  return {
    ready,
    pid: child.pid ?? -1,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      if (child.connected) child.send({ type: 'close' });
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The child's side: runs `setUp` on `start`, reports `ready`, and runs the returned teardown on `close`. */
export function serveInChildProcess<Start, Ready>(
  setUp: (start: Start) => Promise<{ ready: Ready; close: () => Promise<void> }>,
): void {
  let teardown: (() => Promise<void>) | null = null;
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    try {
      await teardown?.();
    } finally {
      process.exit();
    }
  };
  process.on('message', (message: { type: string; start?: Start }) => {
    if (message.type === 'close') void close();
    if (message.type !== 'start') return;
    setUp(message.start as Start).then(
      ({ ready, close: tearDown }) => {
        teardown = tearDown;
        process.send?.({ type: 'ready', ready });
      },
      (error: unknown) => {
        process.send?.({
          type: 'failed',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        process.exitCode = 1;
        process.disconnect?.();
      },
    );
  });
  // The parent died or dropped us: clean up what we started rather than leave it running.
  process.on('disconnect', () => void close());
}
