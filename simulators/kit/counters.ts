/** Per-key request counts (route for HTTP, table for SQL), so tests can assert how the hub batches and retries. */
export class RequestCounter {
  private readonly counts = new Map<string, number>();

  record(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Counts by key, keys sorted so snapshots compare stably. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  reset(): void {
    this.counts.clear();
  }
}
