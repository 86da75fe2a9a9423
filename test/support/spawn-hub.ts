/**
 * Runs the hub as a real child process, the way `npm start` does, for lifecycle and end-to-end tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logCaptureDirVariable } from '../../platform/log-capture.js';

export interface SpawnedHub {
  child: ChildProcess;
  /** The hub's HUB_DATA_DIR (its local keys are under auth/). */
  dataDir: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the gateway URL once the hub prints it. */
  url: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  cleanup: () => Promise<void>;
}

export async function spawnHub(env: Record<string, string | undefined>): Promise<SpawnedHub> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cvh-hub-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
    cwd: new URL('../..', import.meta.url),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HUB_DATA_DIR: dataDir,
      PGLITE_DIR: join(dataDir, 'pglite'),
      PORT: '0',
      LOG_LEVEL: 'info',
      // The suite's log audit (log-audit.ts) captures the hub's lines too.
      [logCaptureDirVariable]: process.env[logCaptureDirVariable],
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += String(chunk)));
  child.stderr?.on('data', (chunk) => (err += String(chunk)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /running at (http:\/\/[\d.:]+)\/graphql/.exec(out);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    void exited.then(() => reject(new Error(`hub exited before it was ready: ${err}`)));
  });
  url.catch(() => undefined);
  return {
    child,
    dataDir,
    stdout: () => out,
    stderr: () => err,
    url,
    exited,
    cleanup: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
