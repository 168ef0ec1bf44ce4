/**
 * Runs work one at a time per key (say, per channel) within this process.
 * A key is kept only while it has work queued, so the map never outgrows
 * the channels busy right now.
 */
export class KeyedSerialiser {
  readonly #tails = new Map<string, Promise<unknown>>()

  /** How many keys have work queued or running. */
  get size(): number {
    return this.#tails.size
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve()
    const result = previous.then(work, work)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    this.#tails.set(key, tail)
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key)
    })
    return result
  }
}

/** One /pin-summary at a time in each channel, in this process. */
export const pinSummaryQueue = new KeyedSerialiser()
