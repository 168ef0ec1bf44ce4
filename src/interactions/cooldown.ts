import type { CommandInput } from './types.ts'

export interface CooldownOptions {
  /** Uses allowed per user within the window; 0 turns the cooldown off. */
  max: number
  windowMs: number
  /** The commands that share the budget. */
  commands: readonly string[]
  /** Most users remembered at once; the least recently active are forgotten first. */
  capacity?: number
  now?: () => number
}

/**
 * A per-user sliding-window limit on the costly commands. Memory is bounded
 * twice: each user keeps at most `max` timestamps, and the map holds at most
 * `capacity` users, pruned of idle ones as it goes (Map order is last use).
 */
export class Cooldown {
  readonly #uses = new Map<string, number[]>()
  readonly #capacity: number
  readonly #now: () => number

  constructor(readonly options: CooldownOptions) {
    this.#capacity = options.capacity ?? 50_000
    this.#now = options.now ?? Date.now
  }

  get users(): number {
    return this.#uses.size
  }

  /** Records a use and returns 0, or returns the whole seconds to wait (nothing recorded). */
  secondsToWait(input: Pick<CommandInput, 'commandName' | 'user'>): number {
    const { max, windowMs, commands } = this.options
    if (max <= 0 || !commands.includes(input.commandName)) return 0
    const now = this.#now()
    this.#forgetIdle(now)
    const recent = (this.#uses.get(input.user.id) ?? []).filter((at) => at > now - windowMs)
    if (recent.length >= max) {
      this.#touch(input.user.id, recent)
      return Math.max(1, Math.ceil(((recent[0] ?? now) + windowMs - now) / 1000))
    }
    recent.push(now)
    this.#touch(input.user.id, recent)
    return 0
  }

  #touch(userId: string, uses: number[]): void {
    this.#uses.delete(userId)
    this.#uses.set(userId, uses)
    if (this.#uses.size > this.#capacity) {
      const stalest = this.#uses.keys().next().value
      if (stalest !== undefined) this.#uses.delete(stalest)
    }
  }

  /** Users whose latest use is outside the window need no memory; they sit at the front. */
  #forgetIdle(now: number): void {
    for (const [userId, uses] of this.#uses) {
      if ((uses.at(-1) ?? 0) > now - this.options.windowMs) break
      this.#uses.delete(userId)
    }
  }
}

/** The friendly refusal: ephemeral, says when to come back. */
export function cooldownText(seconds: number): string {
  return `⏳ You’re asking faster than I can keep up. Try again in ${seconds} s.`
}
