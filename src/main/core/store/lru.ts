/**
 * A map that keeps at most `budget` bytes of values (as `sizeOf` estimates them), forgetting the
 * least recently used first. Bounds what a large project holds in memory (STORE-V2 §4).
 */
export class LruByBytes<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private used = 0;

  /**
   * @param onEvict told of each value forgotten to keep within the budget (not of `delete` or
   *   `clear`), so what was kept alongside it can go too.
   */
  constructor(
    readonly budget: number,
    private readonly sizeOf: (value: V) => number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Keeps `value` as the most recently used, then forgets old ones beyond the budget. */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.sizeOf(value);
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldKey, entry] of this.entries) {
      // The newest value stays even when it alone exceeds the budget.
      if (this.used <= this.budget || oldKey === key) break;
      this.entries.delete(oldKey);
      this.used -= entry.bytes;
      this.onEvict?.(oldKey, entry.value);
    }
  }

  delete(key: K): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
