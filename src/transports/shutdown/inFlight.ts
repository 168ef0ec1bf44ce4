/** What to do with one piece of work that outlived the drain deadline: undo its effects and tell the user. */
export type Abort = () => Promise<void>

export interface DrainResult {
  /** Work that finished in time. */
  finished: number
  /** Work still running at the deadline, whose abort ran. */
  aborted: number
  elapsedMs: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

/**
 * The interactions a process is still answering. Shutdown waits for them,
 * bounded, and aborts the ones left at the deadline so none is half-done
 * or left without a reply.
 */
export class InFlight {
  readonly #work = new Map<Promise<unknown>, Abort | undefined>()
  #finished = 0

  get size(): number {
    return this.#work.size
  }

  /** Tracks `work` until it settles; `abort` runs only if it is still running at the drain deadline. */
  track<T>(work: Promise<T>, abort?: Abort): Promise<T> {
    const settled = work.then(
      () => undefined,
      () => undefined,
    )
    this.#work.set(settled, abort)
    void settled.then(() => {
      this.#work.delete(settled)
      this.#finished++
    })
    return work
  }

  /**
   * Waits until nothing is in flight, or until `timeoutMs` minus the time
   * aborts need (a quarter, at most a second); then runs the aborts.
   */
  async drain(timeoutMs: number): Promise<DrainResult> {
    const started = Date.now()
    const finishedBefore = this.#finished
    const abortBudget = Math.min(1_000, Math.floor(timeoutMs / 4))
    const deadline = started + timeoutMs - abortBudget
    // Work tracked while draining (answers to late arrivals) is waited for too.
    while (this.#work.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.all([...this.#work.keys()]), sleep(deadline - Date.now())])
    }
    const left = [...this.#work.values()]
    if (left.length > 0) {
      const aborts = Promise.allSettled(left.map((abort) => abort?.() ?? Promise.resolve()))
      await Promise.race([aborts, sleep(Math.max(abortBudget, 50))])
    }
    return { finished: this.#finished - finishedBefore, aborted: left.length, elapsedMs: Date.now() - started }
  }
}
