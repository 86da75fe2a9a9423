/**
 * A benchmark: sets up what it needs, measures, tears down, and returns rows of figures. The runner prints them
 * as a table and as JSON. Timings live here, never as assertions in tests.
 */
export type Figure = string | number;

export interface BenchmarkResult {
  /** One row per measured variant; every row has the same columns. */
  rows: Array<Record<string, Figure>>;
  notes?: string[];
}

export interface BenchmarkOptions {
  /** Seconds per HTTP load run. */
  durationSeconds: number;
  connections: number;
}

export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchmarkOptions): Promise<BenchmarkResult>;
}
