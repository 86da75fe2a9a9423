import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logCaptureDirVariable } from './log-capture.js';
import { createLogger } from './logger.js';

// The suite's own capture (test/support/log-audit.ts) is set for this worker too: each test points the variable
// at its own directory and puts the suite's value back afterwards.
const suiteValue = process.env[logCaptureDirVariable];
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cvh-log-capture-'));
});
afterEach(async () => {
  if (suiteValue === undefined) delete process.env[logCaptureDirVariable];
  else process.env[logCaptureDirVariable] = suiteValue;
  await rm(dir, { recursive: true, force: true });
});

function lineCollector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return { lines, stream };
}

async function capturedLines(): Promise<Array<Record<string, unknown>>> {
  const files = await readdir(dir);
  const texts = await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')));
  return texts
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const child = { givenName: 'Tayla', nhsNumber: '9990001234', dateOfBirth: '2010-04-05' };

describe('log capture (CVH_LOG_CAPTURE_DIR)', () => {
  it("writes a 'silent' logger's debug line to one capture file, redacted like any other line", async () => {
    process.env[logCaptureDirVariable] = dir;
    const logger = createLogger({ service: 'capture-test', level: 'silent' });
    logger.debug({ child }, 'matched 999 000 1234 at WX1 1AA');
    logger.trace('below the capture level');

    expect(await readdir(dir)).toHaveLength(1);
    const lines = await capturedLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'debug',
      service: 'capture-test',
      msg: 'matched [redacted] at [redacted]',
      child: { givenName: '[redacted]', nhsNumber: '[redacted]', dateOfBirth: '[redacted]' },
    });
    const raw = (await readFile(join(dir, (await readdir(dir))[0] ?? ''), 'utf8')).toString();
    for (const value of ['Tayla', '9990001234', '2010-04-05', '999 000 1234', 'WX1 1AA'])
      expect(raw).not.toContain(value);
  });

  it('leaves the normal output at its own level while the capture takes debug and above', async () => {
    process.env[logCaptureDirVariable] = dir;
    const { lines, stream } = lineCollector();
    const logger = createLogger({ service: 'capture-test', level: 'info', destination: stream });
    logger.debug('debug line');
    logger.info('info line');
    logger.child({ connector: 'health' }).warn('child line');

    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      'info line',
      'child line',
    ]);
    const captured = await capturedLines();
    expect(captured.map((line) => line.msg)).toEqual(['debug line', 'info line', 'child line']);
    expect(captured[2]).toMatchObject({ connector: 'health', level: 'warn' });
  });

  it('shares one file between the loggers of a process', async () => {
    process.env[logCaptureDirVariable] = dir;
    createLogger({ service: 'one', level: 'silent' }).info('from one');
    createLogger({ service: 'two', level: 'error' }).info('from two');
    expect(await readdir(dir)).toHaveLength(1);
    expect((await capturedLines()).map((line) => line.service)).toEqual(['one', 'two']);
  });

  it('writes nothing and keeps the configured level without the variable', async () => {
    delete process.env[logCaptureDirVariable];
    const { lines, stream } = lineCollector();
    const silent = createLogger({ service: 'capture-test', level: 'silent' });
    const info = createLogger({ service: 'capture-test', level: 'info', destination: stream });
    silent.debug({ child }, 'debug line');
    info.debug('debug line');
    info.info('info line');

    expect(silent.level).toBe('silent');
    expect(silent.isLevelEnabled('debug')).toBe(false);
    expect(info.level).toBe('info');
    expect(lines).toHaveLength(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a relative directory rather than scattering files', () => {
    process.env[logCaptureDirVariable] = 'relative/dir';
    expect(() => createLogger({ service: 'capture-test', level: 'silent' })).toThrow(/absolute path/);
  });
});
