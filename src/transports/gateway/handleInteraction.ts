import { performance } from 'node:perf_hooks'
import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type MessageContextMenuCommandInteraction, type REST } from 'discord.js'
import type { ArticleLibrary } from '../../interactions/articleLibrary.ts'
import type { EngineSource } from '../../live/liveCorpus.ts'
import type { InteractionRouter, Outcome, Routed } from '../../interactions/router.ts'
import type { ChannelActions } from '../../interactions/channelActions.ts'
import type { HandlerContext } from '../../interactions/types.ts'
import type { Storage } from '../../storage/storage.ts'
import type { BotMessage } from '../../presenters/discord/botMessage.ts'
import type { Logger } from '../../logging/logger.ts'
import type { BotMetrics } from '../../metrics/botMetrics.ts'
import { notice, SOMETHING_WENT_WRONG } from '../../presenters/discord/notice.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { restChannelActions } from '../discordRest/restChannelActions.ts'
import { editOptions, replyOptions } from './discordJsMessage.ts'
import { autocompleteInputOf, buttonInputOf, commandInputOf, messageCommandInputOf } from './interactionInputs.ts'

export interface GatewayDependencies {
  /** Each interaction takes the current engine once and answers on it, even if the corpus reloads meanwhile. */
  engines: EngineSource
  /** Adding and removing articles from Discord; absent where the corpus folder is not writable here. */
  library?: ArticleLibrary
  router: InteractionRouter
  rest: REST
  botUserId: () => string
  logger: Logger
  /** Wraps the channel actions of one interaction (so shutdown can take them back). */
  wrapChannel?: (channel: ChannelActions, interaction: Interaction) => ChannelActions
  metrics?: BotMetrics
  /** What the bot remembers (votes, unanswered questions, for /insights); absent: nothing is kept. */
  storage?: Storage
  /** The clock handlers and storage use. */
  now?: () => Date
  /** True once shutdown gave up on this interaction and answered it itself: the handler's late reply is dropped. */
  abandoned?: () => boolean
  /** The secret voter hashes are keyed with (interactions/feedback.ts). */
  feedbackSalt?: string
}

/** Called once the interaction's first response has reached Discord. */
type Responded = () => void

function contextFor(interaction: Interaction, deps: GatewayDependencies): HandlerContext {
  // A user install in a server without the bot: nothing can be done in the channel, only answered.
  const userInstallOnly = interaction.authorizingIntegrationOwners?.guildId == null && interaction.authorizingIntegrationOwners?.userId != null
  const channel = interaction.channelId && interaction.guildId && !userInstallOnly ? restChannelActions(deps.rest, interaction.channelId) : null
  return {
    engine: deps.engines.current(),
    ...(deps.library ? { library: deps.library } : {}),
    channel: channel && deps.wrapChannel ? deps.wrapChannel(channel, interaction) : channel,
    botUserId: deps.botUserId(),
    ...(deps.storage ? { storage: deps.storage } : {}),
    ...(deps.feedbackSalt ? { feedbackSalt: deps.feedbackSalt } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  }
}

async function answerCommand(interaction: ChatInputCommandInteraction, deps: GatewayDependencies, responded: Responded): Promise<{ outcome: Outcome; error?: unknown }> {
  return answerWithReply(interaction, deps, responded, () => deps.router.runCommand(commandInputOf(interaction), contextFor(interaction, deps)))
}

async function answerMessageCommand(interaction: MessageContextMenuCommandInteraction, deps: GatewayDependencies, responded: Responded): Promise<{ outcome: Outcome; error?: unknown }> {
  return answerWithReply(interaction, deps, responded, () => deps.router.runMessageCommand(messageCommandInputOf(interaction, deps.botUserId()), contextFor(interaction, deps)))
}

/** A slash or message command: deferred first when its module asks, then the handler's reply sent or edited in. */
async function answerWithReply(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  deps: GatewayDependencies,
  responded: Responded,
  run: () => Promise<Routed<BotMessage>>,
): Promise<{ outcome: Outcome; error?: unknown }> {
  const module = deps.router.command(interaction.commandName)
  if (module?.defer) {
    await interaction.deferReply(module.defer.ephemeral ? { flags: MessageFlags.Ephemeral } : {})
    responded()
  }
  const routed = await run()
  if (deps.abandoned?.()) return routed
  if (interaction.deferred) await interaction.editReply(editOptions(routed.result))
  else {
    await interaction.reply({ ...replyOptions(routed.result), withResponse: true })
    responded()
  }
  return routed
}

async function answerAutocomplete(interaction: AutocompleteInteraction, deps: GatewayDependencies, responded: Responded): Promise<{ outcome: Outcome; error?: unknown }> {
  const routed = deps.router.runAutocomplete(autocompleteInputOf(interaction), contextFor(interaction, deps))
  await interaction.respond(routed.result)
  responded()
  return routed
}

async function answerButton(interaction: ButtonInteraction, deps: GatewayDependencies, responded: Responded): Promise<{ outcome: Outcome; error?: unknown }> {
  const routed = await deps.router.runButton(buttonInputOf(interaction), contextFor(interaction, deps))
  if (routed.result.kind === 'update') await interaction.update({ ...editOptions(routed.result.message), withResponse: true })
  else await interaction.reply({ ...replyOptions(routed.result.message), withResponse: true })
  responded()
  return routed
}

/** Last resort after a failure: one ephemeral apology, as a follow-up if a response already went out. False when even that failed. */
export async function apologise(interaction: Interaction, logger: Logger, message: BotMessage = notice(SOMETHING_WENT_WRONG)): Promise<boolean> {
  if (interaction.isAutocomplete()) {
    await interaction.respond([]).catch(() => undefined)
    return true
  }
  if (!interaction.isRepliable()) return false
  const apology = replyOptions(message)
  try {
    if (interaction.deferred && !interaction.replied) await interaction.editReply(editOptions(message))
    else if (interaction.replied || interaction.deferred) await interaction.followUp(apology)
    else await interaction.reply(apology)
    return true
  } catch (error) {
    logger.error({ err: loggableError(error), interactionId: interaction.id }, 'could not send the apology')
    return false
  }
}

function describe(interaction: Interaction): { kind: string; name: string } {
  if (interaction.isChatInputCommand()) return { kind: 'command', name: interaction.commandName }
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', name: interaction.commandName }
  if (interaction.isMessageContextMenuCommand()) return { kind: 'command', name: interaction.commandName }
  if (interaction.isButton()) return { kind: 'button', name: interaction.customId.split(':')[0] ?? '' }
  return { kind: `type-${interaction.type}`, name: '' }
}

/**
 * The gateway transport's one entry point: route, send the handler's reply
 * through discord.js, and log one line with command, outcome and latency.
 */
export async function handleInteraction(interaction: Interaction, deps: GatewayDependencies): Promise<void> {
  const started = performance.now()
  const { kind, name } = describe(interaction)
  const metricKind = (['command', 'autocomplete', 'button'] as const).find((known) => known === kind) ?? 'other'
  let firstResponseSeen = false
  const responded = () => {
    if (firstResponseSeen) return
    firstResponseSeen = true
    deps.metrics?.observeFirstResponse(metricKind, 'gateway', (performance.now() - started) / 1000)
  }
  let outcome: Outcome | 'failed' = 'ok'
  try {
    let routed: { outcome: Outcome; error?: unknown }
    if (interaction.isChatInputCommand()) routed = await answerCommand(interaction, deps, responded)
    else if (interaction.isMessageContextMenuCommand()) routed = await answerMessageCommand(interaction, deps, responded)
    else if (interaction.isAutocomplete()) routed = await answerAutocomplete(interaction, deps, responded)
    else if (interaction.isButton()) routed = await answerButton(interaction, deps, responded)
    else {
      if (interaction.isRepliable()) await interaction.reply(replyOptions(notice('I can’t handle that kind of interaction.')))
      routed = { outcome: 'unknown' }
    }
    outcome = routed.outcome
    if (routed.error) deps.logger.error({ err: loggableError(routed.error), kind, command: name }, 'handler failed')
  } catch (error) {
    outcome = 'failed'
    deps.logger.error({ err: loggableError(error), kind, command: name }, 'could not answer the interaction')
    if (!(await apologise(interaction, deps.logger))) deps.metrics?.unanswered.inc({ reason: 'unanswered' })
  }
  deps.metrics?.countInteraction(metricKind, name, outcome)
  const latencyMs = Math.round((performance.now() - started) * 100) / 100
  deps.logger.info({ kind, command: name, outcome, latencyMs, guildId: interaction.guildId ?? null }, 'interaction')
  if (interaction.isChatInputCommand()) deps.logger.debug({ command: name, options: interaction.options.data.map((option) => [option.name, option.value]) }, 'interaction options')
}
