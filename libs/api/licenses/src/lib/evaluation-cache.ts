/**
 * A bounded, per-replica cache of compliance views. Keys carry everything the evaluation depends on
 * (license id and version, evaluation date, a fingerprint of the credit log, and the rule-set
 * code version, which is fixed per build), so an entry can never be stale: a change produces a new
 * key and the old entry simply ages out. Replicas need no coordination.
 */
export class EvaluationCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 10_000) {}

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Refresh recency: Map keeps insertion order, so re-insert at the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
