import { describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import type { UnusualVolume, UnusualVolumeOptions } from '../audit/audit-queries.js';
import { createUnusualVolumeWatcher } from './unusual-volume-watcher.js';

const db = {} as Db; // never touched: the detection is replaced below

function setup(detect: (options: UnusualVolumeOptions) => Promise<UnusualVolume[]>, checkEveryMs = 60_000) {
  let clock = new Date('2026-03-02T09:00:00.000Z');
  const warnings: unknown[] = [];
  const calls: UnusualVolumeOptions[] = [];
  const watcher = createUnusualVolumeWatcher({
    db,
    logger: { info: () => undefined, warn: (fields: unknown) => void warnings.push(fields) } as never,
    thresholdPerHour: 50,
    checkEveryMs,
    now: () => clock,
    detect: (_db, options) => {
      calls.push(options);
      return detect(options);
    },
  });
  return {
    watcher,
    calls,
    warnings,
    advance: (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

describe('createUnusualVolumeWatcher', () => {
  it('checks a user at most once per checkEveryMs, over the last hour with the threshold', async () => {
    const { watcher, calls, advance } = setup(async () => []);
    watcher.noteAccess('user-a');
    await watcher.idle();
    watcher.noteAccess('user-a');
    advance(59_999);
    watcher.noteAccess('user-a');
    await watcher.idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({ windowMinutes: 60, threshold: 50, now: new Date('2026-03-02T09:00:00.000Z') });
    advance(1);
    watcher.noteAccess('user-a');
    await watcher.idle();
    expect(calls).toHaveLength(2);
  });

  it('folds the checks asked for while one runs into one follow-up run (each run covers every user)', async () => {
    let release: () => void = () => undefined;
    const { watcher, calls } = setup(
      () =>
        new Promise((resolve) => {
          release = () => resolve([]);
        }),
    );
    watcher.noteAccess('user-a');
    watcher.noteAccess('user-b');
    watcher.noteAccess('user-c');
    expect(calls).toHaveLength(1);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2);
    release();
    await watcher.idle();
    expect(calls).toHaveLength(2);
  });

  it('returns at once and swallows failures, logging only a code', async () => {
    const { watcher, warnings } = setup(async () => {
      throw Object.assign(new Error('relation "privacy_alerts" at child ch_123 does not exist'), {
        code: '42P01',
      });
    });
    let returned = false;
    expect(() => {
      watcher.noteAccess('user-a');
      returned = true;
    }).not.toThrow();
    expect(returned).toBe(true);
    await watcher.idle();
    expect(warnings).toEqual([{ code: '42P01' }]);
  });

  it('logs the error class when there is no code', async () => {
    const { watcher, warnings } = setup(async () => {
      throw new TypeError('something about user-a');
    });
    watcher.noteAccess('user-a');
    await watcher.idle();
    expect(warnings).toEqual([{ code: 'TypeError' }]);
  });
});
