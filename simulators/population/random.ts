/**
 * Seeded pseudo-random numbers for the population generator.
 *
 * sfc32 seeded through splitmix32: pure 32-bit integer arithmetic, so a seed gives the same sequence on every
 * platform and Node version (Math.random is never used). `fork` derives an independent stream from the original
 * seed and a label, so adding a draw in one part of the generator does not shift the numbers every other part sees.
 */

const TWO_POW_32 = 4294967296;

function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** Murmur3's finaliser: spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a label, finalised: a 32-bit name for a stream ('gp', 'child:42'). */
export function hashLabel(label: string | number, salt = 0): number {
  const text = String(label);
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix32(hash);
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

type State = readonly [number, number, number, number];

/** Four state words from a 32-bit seed (splitmix32). */
function stateFromSeed(seed: number): State {
  let state = seed >>> 0;
  const words: number[] = [];
  for (let i = 0; i < 4; i++) {
    let out: number;
    [state, out] = splitmix32(state);
    words.push(out);
  }
  return words as unknown as State;
}

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The state this stream started from; forks derive from it, not from the current state. */
  private readonly origin: State;

  /** A 32-bit seed, or (for forks) a full 128-bit state. */
  constructor(seed: number | State) {
    const state = typeof seed === 'number' ? stateFromSeed(seed) : seed;
    this.origin = state;
    [this.a, this.b, this.c, this.d] = state;
    // sfc32 mixes poorly for a few rounds after seeding.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * An independent stream named by `label`; the same parent and label always give the same stream. The whole
   * 128-bit state is derived from the parent's and a 64-bit hash of the label, so hundreds of thousands of forks
   * (five per child at 100,000 children) do not share a stream by chance.
   */
  fork(label: string | number): SeededRandom {
    const low = hashLabel(label, 0x9e3779b9);
    const high = hashLabel(label, 0x7f4a7c15);
    const [a, b, c, d] = this.origin;
    return new SeededRandom([
      fmix32(a ^ low),
      fmix32(b ^ high),
      fmix32(c ^ Math.imul(low, 0x27d4eb2d) ^ 0x632be5ab),
      fmix32(d ^ Math.imul(high, 0x165667b1) ^ 0x85157af5),
    ]);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max is below min`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let target = this.next() * total;
    for (const [value, weight] of entries) {
      target -= weight;
      if (target < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /** Roughly normal (Irwin–Hall sum of four uniforms): bounded tails, integer-only arithmetic underneath. */
  normal(mean: number, standardDeviation: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    // Four uniforms have mean 2 and variance 1/3.
    return mean + ((sum - 2) / Math.sqrt(1 / 3)) * standardDeviation;
  }

  /** Poisson-distributed count (Knuth); fine for the small means the generator uses. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const held = items[i] as T;
      items[i] = items[j] as T;
      items[j] = held;
    }
    return items;
  }

  /** `count` distinct items in random order (or all of them, shuffled, if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    this.shuffle(copy);
    return copy.slice(0, Math.max(0, count));
  }

  /** A version-4-shaped UUID built from this stream, for FHIR resource ids. */
  uuid(): string {
    const a = hex8(this.nextUint32());
    const b = hex8(this.nextUint32());
    const c = hex8(this.nextUint32());
    const d = hex8(this.nextUint32());
    const variant = ((parseInt(c.slice(0, 1), 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
