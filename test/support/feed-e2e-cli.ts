/**
 * The feed client's command line run as a user runs it: a child process (`node --import tsx feeds/cli/main.ts
 * send …`), off a terminal, with the token in a file as the README suggests for scripts.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runFeedSend(options: {
  kind: 'gp' | 'school';
  file: string;
  url: string;
  token: string;
  /** A directory of the test's own to keep the token file in. */
  workDir: string;
  sender?: string;
}): Promise<CliRun> {
  const tokenFile = join(options.workDir, `token-${options.kind}.txt`);
  await writeFile(tokenFile, `${options.token}\n`, { mode: 0o600 });
  const args = [
    '--import',
    'tsx',
    'feeds/cli/main.ts',
    'send',
    options.kind,
    options.file,
    '--url',
    options.url,
    '--token',
    `@${tokenFile}`,
    '--poll-interval',
    '300',
    '--timeout',
    '120',
    ...(options.sender ? ['--sender', options.sender] : []),
  ];
  return new Promise<CliRun>((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      {
        cwd: new URL('../..', import.meta.url),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true' },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 150_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        if (code === null) reject(error ?? new Error('the feed CLI did not exit'));
        else resolve({ code, stdout, stderr });
      },
    );
  });
}
