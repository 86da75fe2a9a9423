/**
 * Which records of a chunk land, in position order, against the versions already landed: a newer version lands;
 * an older one is DUPLICATE ("superseded": out-of-order delivery keeps the latest); the same version with the same
 * content is DUPLICATE (a re-send adds nothing); the same version with different content is DUPLICATE_IN_FEED
 * when this feed landed the first one (the first in the feed wins) and VERSION_CONFLICT when another feed did.
 */
export interface HeldVersion<Facts> {
  /** Milliseconds since the epoch of meta.lastUpdated / as_of. */
  version: number;
  content: string;
  feedId: string;
  facts: Facts;
}

export interface VersionCandidate<Facts> {
  position: number;
  key: string;
  held: HeldVersion<Facts>;
}

export type VersionDecision<Facts> =
  | { position: number; key: string; outcome: 'LAND'; previous: HeldVersion<Facts> | undefined }
  | { position: number; key: string; outcome: 'DUPLICATE' }
  | { position: number; key: string; outcome: 'DUPLICATE_IN_FEED' | 'VERSION_CONFLICT' };

export function decideVersions<Facts>(
  candidates: readonly VersionCandidate<Facts>[],
  landed: ReadonlyMap<string, HeldVersion<Facts>>,
): { decisions: VersionDecision<Facts>[]; winners: Map<string, number> } {
  const current = new Map(landed);
  const winners = new Map<string, number>();
  const decisions = [...candidates]
    .sort((a, b) => a.position - b.position)
    .map((candidate): VersionDecision<Facts> => {
      const { position, key, held } = candidate;
      const existing = current.get(key);
      if (existing === undefined || held.version > existing.version) {
        current.set(key, held);
        winners.set(key, position);
        return { position, key, outcome: 'LAND', previous: existing };
      }
      if (held.version < existing.version || held.content === existing.content)
        return { position, key, outcome: 'DUPLICATE' };
      return {
        position,
        key,
        outcome: existing.feedId === held.feedId ? 'DUPLICATE_IN_FEED' : 'VERSION_CONFLICT',
      };
    });
  return { decisions, winners };
}
