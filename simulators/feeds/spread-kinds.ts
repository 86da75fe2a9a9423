import type { SeededRandom } from '../population/random.js';

/**
 * `count` kinds taken round-robin from a seeded starting point, then shuffled: every kind appears
 * floor(count / k) or ceil(count / k) times, and which ones get the extra is the seed's choice.
 */
export function spreadKinds<T>(kinds: readonly T[], count: number, random: SeededRandom): T[] {
  if (count === 0) return [];
  if (kinds.length === 0) throw new RangeError('bad records were asked for with no kinds to make');
  const offset = random.int(0, kinds.length - 1);
  const out = Array.from({ length: count }, (_, i) => kinds[(offset + i) % kinds.length] as T);
  return random.shuffle(out);
}
