/**
 * Values kept in this process for a while, so that a hot path does not ask the database for the
 * same slowly changing answer on every request (issue 14). Each entry lives `ttlMs` at most, which
 * bounds how late another process's change shows here; a change made through this process calls
 * `forget` and shows at once. Concurrent misses of one key share one load, a failed load is not
 * kept, and the map never holds more than `maxEntries` (the oldest go first).
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const entry = this.entries.get(key);
    // A clock moved back (tests travel in time) counts as expired too.
    if (entry && now - entry.at < this.ttlMs && now >= entry.at) return entry.value;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }

  forget(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
