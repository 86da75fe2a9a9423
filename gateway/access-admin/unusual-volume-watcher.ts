/**
 * Runs the unusual-volume detection (gateway/audit detectUnusualVolume) as users work, instead of on a timer: the
 * gateway calls noteAccess(userId) after each audited request. A user is checked at most once per checkEveryMs
 * (an in-process memo of when each was last checked). Detection looks at every user in the last hour, so checks
 * asked for while one runs are folded into a single follow-up run. It never blocks or fails the request: it
 * returns at once, and a failed check is logged with its error code only.
 */
import type { Logger } from '../../platform/logger.js';
import type { Db } from '../../store/db.js';
import {
  detectUnusualVolume,
  type UnusualVolume,
  type UnusualVolumeOptions,
} from '../audit/audit-queries.js';

export interface UnusualVolumeWatcherOptions {
  db: Db;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Alert when a user opened more than this many distinct children in the last hour. */
  thresholdPerHour: number;
  /** Check one user at most this often. */
  checkEveryMs: number;
  now?: () => Date;
  /** The detection; detectUnusualVolume unless a test needs one that fails. */
  detect?: (db: Db, options: UnusualVolumeOptions) => Promise<UnusualVolume[]>;
}

export interface UnusualVolumeWatcher {
  /** After an audited request: check this user's volume, unless they were checked within checkEveryMs. */
  noteAccess(userId: string): void;
  /** Resolves when no check is running or waiting (tests; shutdown before closing the database). */
  idle(): Promise<void>;
}

export function createUnusualVolumeWatcher(options: UnusualVolumeWatcherOptions): UnusualVolumeWatcher {
  const now = options.now ?? (() => new Date());
  const detect = options.detect ?? detectUnusualVolume;
  const lastChecked = new Map<string, number>();
  let running: Promise<void> | null = null;
  let again = false;

  const checkOnce = async () => {
    try {
      const found = await detect(options.db, {
        windowMinutes: 60,
        threshold: options.thresholdPerHour,
        now: now(),
      });
      const raised = found.filter((user) => user.newAlert).length;
      // Counts only: which user is for the privacy officer's alert list, not the logs.
      if (raised > 0) options.logger.info({ raised }, 'unusual volume: privacy alerts raised');
    } catch (error) {
      options.logger.warn({ code: errorCode(error) }, 'unusual volume check failed');
    }
  };

  const run = async () => {
    do {
      again = false;
      await checkOnce();
    } while (again);
    forgetOlderThan(now().getTime() - options.checkEveryMs);
    running = null;
  };

  // Users not seen for a whole interval would be checked anyway: dropping them keeps the memo to active users.
  const forgetOlderThan = (cutoff: number) => {
    for (const [userId, at] of lastChecked) if (at <= cutoff) lastChecked.delete(userId);
  };

  return {
    noteAccess(userId) {
      try {
        const at = now().getTime();
        const last = lastChecked.get(userId);
        if (last !== undefined && at - last < options.checkEveryMs) return;
        lastChecked.set(userId, at);
        if (running !== null) again = true;
        else running = run();
      } catch (error) {
        options.logger.warn({ code: errorCode(error) }, 'unusual volume check failed');
      }
    },
    async idle() {
      while (running !== null) await running;
    },
  };
}

/** A SQLSTATE, system or HubError code, else the error's class: never its message (it can quote values). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : typeof error;
}
