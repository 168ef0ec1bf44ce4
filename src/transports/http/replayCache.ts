/**
 * Interaction ids already answered, so a captured request cannot be replayed
 * (a second /pin-summary would post and pin again). Bounded and expiring:
 * an id is kept as long as its timestamp could still pass the freshness check;
 * at capacity the oldest id goes first.
 */
export class ReplayCache {
  readonly #seen = new Map<string, number>()

  constructor(
    readonly ttlMs: number,
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.#seen.size
  }

  /** Records `id`; false when it was already seen and has not expired. */
  remember(id: string): boolean {
    const now = this.now()
    this.#evictExpired(now)
    if (this.#seen.has(id)) return false
    if (this.#seen.size >= this.capacity) {
      const oldest = this.#seen.keys().next().value
      if (oldest !== undefined) this.#seen.delete(oldest)
    }
    this.#seen.set(id, now + this.ttlMs)
    return true
  }

  /** Ids were inserted in time order, so the expired ones are at the front. */
  #evictExpired(now: number): void {
    for (const [id, expires] of this.#seen) {
      if (expires > now) break
      this.#seen.delete(id)
    }
  }
}
