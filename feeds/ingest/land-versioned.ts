/**
 * Landing the valid records of a chunk, whatever the feed kind: match each to a child, decide versions against
 * what is landed (decide-versions.ts), upsert the latest version of each key guarded by its version, and work out
 * the alerts. Runs inside the chunk's transaction, with the landed rows of the chunk's keys locked.
 */
import type { Tx } from '../../store/db.js';
import { decideVersions, type HeldVersion, type VersionCandidate } from './decide-versions.js';
import { matchChildren } from './match-children.js';
import { rejected, type FeedAlert, type RecordOutcome } from './record-outcome.js';

export interface Landing<T, Facts> {
  identifierColumn: 'nhs_number' | 'upn';
  /** The fields naming a record's key and version, for DUPLICATE_IN_FEED / VERSION_CONFLICT details. */
  keyFields: string;
  identifierOf(record: T): string;
  keyOf(record: T): string;
  heldOf(record: T, feedId: string): HeldVersion<Facts>;
  /** The landed versions of these keys, locked for this transaction. */
  loadLanded(tx: Tx, records: readonly T[]): Promise<Map<string, HeldVersion<Facts>>>;
  /** Upserts guarded by version; returns the keys whose row now holds this version. */
  write(tx: Tx, rows: ReadonlyArray<{ position: number; record: T; childId: string }>): Promise<Set<string>>;
  alertsOf(record: T, childId: string, previous: HeldVersion<Facts> | undefined): FeedAlert[];
}

export async function landVersioned<T, Facts>(
  tx: Tx,
  landing: Landing<T, Facts>,
  feedId: string,
  valid: ReadonlyArray<{ position: number; record: T }>,
): Promise<{ outcomes: RecordOutcome[]; alerts: FeedAlert[] }> {
  const matches = await matchChildren(
    tx,
    landing.identifierColumn,
    valid.map(({ record }) => landing.identifierOf(record)),
  );
  const outcomes: RecordOutcome[] = [];
  const matched: Array<{ position: number; record: T; childId: string }> = [];
  for (const item of valid) {
    const match = matches.get(landing.identifierOf(item.record));
    if (match && 'childId' in match) matched.push({ ...item, childId: match.childId });
    else
      outcomes.push(rejected(item.position, match?.problem ?? 'NO_MATCHING_CHILD', landing.identifierColumn));
  }

  const landed = await landing.loadLanded(
    tx,
    matched.map(({ record }) => record),
  );
  const byPosition = new Map(matched.map((item) => [item.position, item]));
  const candidates: VersionCandidate<Facts>[] = [];
  for (const { position, record } of matched) {
    try {
      candidates.push({ position, key: landing.keyOf(record), held: landing.heldOf(record, feedId) });
    } catch {
      // A record that breaks landing (a bug meeting odd input) is dead-lettered alone; the chunk goes on.
      outcomes.push(rejected(position, 'INTERNAL_ERROR', '(record)'));
    }
  }
  const { decisions, winners } = decideVersions(candidates, landed);

  const written = await landing.write(
    tx,
    [...winners.values()].map((position) => byPosition.get(position)!),
  );
  const alerts: FeedAlert[] = [];
  for (const decision of decisions) {
    const { record, childId } = byPosition.get(decision.position)!;
    if (decision.outcome === 'LAND') {
      // Lost to a newer version another feed landed meanwhile: superseded.
      if (!written.has(decision.key)) {
        outcomes.push({ position: decision.position, state: 'DUPLICATE', childId });
        continue;
      }
      outcomes.push({ position: decision.position, state: 'ACCEPTED', childId });
      alerts.push(...landing.alertsOf(record, childId, decision.previous));
    } else if (decision.outcome === 'DUPLICATE') {
      outcomes.push({ position: decision.position, state: 'DUPLICATE', childId });
    } else {
      outcomes.push(rejected(decision.position, decision.outcome, landing.keyFields));
    }
  }
  return { outcomes, alerts };
}
