import type { BotMessage } from '../presenters/discord/botMessage.ts'
import { notice, SOMETHING_WENT_WRONG } from '../presenters/discord/notice.ts'
import { cooldownText, type Cooldown } from './cooldown.ts'
import type { AutocompleteInput, ButtonHandler, ButtonInput, ButtonResult, Choice, CommandInput, CommandModule, HandlerContext, MessageCommandInput } from './types.ts'

export type Outcome = 'ok' | 'unknown' | 'error' | 'cooldown'

export interface Routed<T> {
  result: T
  outcome: Outcome
  /** The handler's error, for the log; never shown to the user. */
  error?: unknown
}

/**
 * Finds the handler for an interaction and runs it. A handler that throws
 * yields the generic ephemeral apology, and unknown or stale commands and
 * buttons yield a clear one: every interaction gets exactly one reply.
 */
export class InteractionRouter {
  readonly #commands: Map<string, CommandModule>
  readonly #buttons: Map<string, ButtonHandler>

  constructor(
    readonly modules: readonly CommandModule[],
    /** Per-user limit on costly commands; none when absent. */
    readonly cooldown?: Cooldown,
  ) {
    this.#commands = new Map(modules.map((module) => [module.data.name, module]))
    this.#buttons = new Map()
    for (const handler of modules.flatMap((module) => [...(module.buttons ? [module.buttons] : []), ...(module.sharedButtons ?? [])])) {
      // Two commands may share a handler (the feedback buttons), never a prefix with different handlers.
      const taken = this.#buttons.get(handler.prefix)
      if (taken && taken !== handler) throw new Error(`two button handlers for the prefix "${handler.prefix}"`)
      this.#buttons.set(handler.prefix, handler)
    }
  }

  command(name: string): CommandModule | undefined {
    return this.#commands.get(name)
  }

  async runCommand(input: CommandInput, context: HandlerContext): Promise<Routed<BotMessage>> {
    const module = this.#commands.get(input.commandName)
    if (!module) {
      const known = [...this.#commands.keys()].map((name) => `\`/${name}\``).join(', ')
      return { result: notice(`I don’t know \`/${input.commandName}\` any more. Try ${known}.`), outcome: 'unknown' }
    }
    const wait = this.cooldown?.secondsToWait(input) ?? 0
    if (wait > 0) return { result: notice(cooldownText(wait)), outcome: 'cooldown' }
    // Usage by command for /insights: counted here, once for every command, never waited for.
    void context.storage?.recordCommandUse({ guildId: input.guildId, command: input.commandName, at: context.now?.() ?? new Date() })
    try {
      return { result: await module.execute(input, context), outcome: 'ok' }
    } catch (error) {
      return { result: notice(SOMETHING_WENT_WRONG), outcome: 'error', error }
    }
  }

  /** A message context-menu command: the same catch, cooldown and unknown-command reply as slash commands. */
  async runMessageCommand(input: MessageCommandInput, context: HandlerContext): Promise<Routed<BotMessage>> {
    const module = this.#commands.get(input.commandName)
    if (!module?.executeMessage) {
      return { result: notice(`I don’t know “${input.commandName}” any more. Try \`/help\`.`), outcome: 'unknown' }
    }
    const wait = this.cooldown?.secondsToWait(input) ?? 0
    if (wait > 0) return { result: notice(cooldownText(wait)), outcome: 'cooldown' }
    try {
      return { result: await module.executeMessage(input, context), outcome: 'ok' }
    } catch (error) {
      return { result: notice(SOMETHING_WENT_WRONG), outcome: 'error', error }
    }
  }

  runAutocomplete(input: AutocompleteInput, context: HandlerContext): Routed<Choice[]> {
    const module = this.#commands.get(input.commandName)
    if (!module?.autocomplete) return { result: [], outcome: 'unknown' }
    try {
      return { result: module.autocomplete(input, context), outcome: 'ok' }
    } catch (error) {
      return { result: [], outcome: 'error', error }
    }
  }

  async runButton(input: ButtonInput, context: HandlerContext): Promise<Routed<ButtonResult>> {
    const prefix = input.customId.split(':')[0] ?? ''
    const handler = this.#buttons.get(prefix)
    if (!handler) {
      return { result: { kind: 'reply', message: notice('This button no longer works. Run the command again.') }, outcome: 'unknown' }
    }
    try {
      return { result: await handler.handle(input, context), outcome: 'ok' }
    } catch (error) {
      return { result: { kind: 'reply', message: notice(SOMETHING_WENT_WRONG) }, outcome: 'error', error }
    }
  }
}
