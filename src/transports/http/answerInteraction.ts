import { performance } from 'node:perf_hooks'
import { Routes, type REST } from 'discord.js'
import type { Engine } from '../../engine/engine.ts'
import type { ArticleLibrary } from '../../interactions/articleLibrary.ts'
import type { EngineSource } from '../../live/liveCorpus.ts'
import type { InteractionRouter, Outcome } from '../../interactions/router.ts'
import type { HandlerContext } from '../../interactions/types.ts'
import type { Storage } from '../../storage/storage.ts'
import type { Logger } from '../../logging/logger.ts'
import type { BotMetrics, InteractionKind } from '../../metrics/botMetrics.ts'
import { EPHEMERAL_FLAG, toApiMessage, toRestFiles, type BotMessage } from '../../presenters/discord/botMessage.ts'
import { notice, SOMETHING_WENT_WRONG } from '../../presenters/discord/notice.ts'
import type { ChannelActions } from '../../interactions/channelActions.ts'
import { gaveUpNotice } from '../../presenters/discord/restartNotices.ts'
import { loggableError } from '../discordRest/loggableError.ts'
import { revocableChannelActions, type RevocableChannelActions } from '../shutdown/revocableChannelActions.ts'
import { restChannelActions } from '../discordRest/restChannelActions.ts'
import { autocompleteInputOf, buttonInputOf, commandInputOf, MESSAGE_COMMAND, messageCommandInputOf, userInstallOnly, type RawInteraction } from './apiInputs.ts'

/** Discord's interaction and callback types (discord-api-types' InteractionType / InteractionResponseType). */
const PING = 1
const APPLICATION_COMMAND = 2
const MESSAGE_COMPONENT = 3
const AUTOCOMPLETE = 4
const PONG = 1
const REPLY = 4
const DEFERRED_REPLY = 5
const UPDATE_MESSAGE = 7
const AUTOCOMPLETE_RESULT = 8

export interface HttpDependencies {
  /** The engine at start; with `engines`, each interaction takes the live one. */
  engine: Engine
  /** The live corpus: each interaction takes `current()` once and keeps it. */
  engines?: EngineSource
  /** The `/article` port (adding and removing a server's articles). */
  library?: ArticleLibrary
  router: InteractionRouter
  /** Authorised with the bot token: channel actions and webhook edits. */
  rest: REST
  botUserId: string
  logger: Logger
  metrics?: BotMetrics
  /** What the bot remembers (votes, unanswered questions, for /insights); absent: nothing is kept. */
  storage?: Storage
  now?: () => Date
  /** The secret voter hashes are keyed with (interactions/feedback.ts). */
  feedbackSalt?: string
}

/** The HTTP response to send now, and work to finish after it (a deferred reply's edit). */
export interface InteractionAnswer {
  body: unknown
  afterResponse?: () => Promise<void>
  /** At shutdown, for `afterResponse` work still running: undo its channel actions and say so in the reply. */
  abort?: () => Promise<void>
}

function contextFor(raw: RawInteraction, deps: HttpDependencies, wrap: (channel: ChannelActions) => ChannelActions = (channel) => channel): HandlerContext {
  const channelId = raw.channel?.id ?? raw.channel_id
  return {
    engine: deps.engines?.current() ?? deps.engine,
    ...(deps.library ? { library: deps.library } : {}),
    // A user install in a server without the bot: nothing can be done in the channel, only answered.
    channel: channelId && raw.guild_id && !userInstallOnly(raw) ? wrap(restChannelActions(deps.rest, channelId)) : null,
    botUserId: deps.botUserId,
    ...(deps.storage ? { storage: deps.storage } : {}),
    ...(deps.feedbackSalt ? { feedbackSalt: deps.feedbackSalt } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  }
}

function reply(message: BotMessage): InteractionAnswer {
  return { body: { type: REPLY, data: toApiMessage(message) } }
}

/**
 * Answers one verified interaction with the same router and handlers as the
 * gateway bot: only the way replies travel differs (the HTTP response, then
 * webhook edits for deferred replies).
 */
export async function answerInteraction(raw: RawInteraction, deps: HttpDependencies): Promise<InteractionAnswer> {
  const started = performance.now()
  const log = (kind: 'command' | 'autocomplete' | 'button' | `type-${number}`, command: string, outcome: Outcome | 'failed', error?: unknown) => {
    if (error) deps.logger.error({ err: loggableError(error), kind, command }, 'handler failed')
    deps.metrics?.countInteraction(kind.startsWith('type-') ? 'other' : (kind as InteractionKind), command, outcome)
    deps.logger.info({ kind, command, outcome, latencyMs: Math.round((performance.now() - started) * 100) / 100, guildId: raw.guild_id ?? null, transport: 'http' }, 'interaction')
  }
  switch (raw.type) {
    case PING:
      return { body: { type: PONG } }
    case AUTOCOMPLETE: {
      const routed = deps.router.runAutocomplete(autocompleteInputOf(raw), contextFor(raw, deps))
      log('autocomplete', raw.data?.name ?? '', routed.outcome, routed.error)
      return { body: { type: AUTOCOMPLETE_RESULT, data: { choices: routed.result } } }
    }
    case MESSAGE_COMPONENT: {
      const routed = await deps.router.runButton(buttonInputOf(raw), contextFor(raw, deps))
      log('button', (raw.data?.custom_id ?? '').split(':')[0] ?? '', routed.outcome, routed.error)
      const { kind, message } = routed.result
      if (kind === 'reply') return reply(message)
      const { flags: _ephemeralIsFixed, ...data } = toApiMessage(message)
      return { body: { type: UPDATE_MESSAGE, data } }
    }
    case APPLICATION_COMMAND: {
      if (raw.data?.type === MESSAGE_COMMAND) {
        // Message commands reply at once (none defers): the same router, its own input.
        const routed = await deps.router.runMessageCommand(messageCommandInputOf(raw, deps.botUserId), contextFor(raw, deps))
        log('command', raw.data.name ?? '', routed.outcome, routed.error)
        return reply(routed.result)
      }
      const input = commandInputOf(raw)
      const module = deps.router.command(input.commandName)
      if (!module?.defer) {
        const routed = await deps.router.runCommand(input, contextFor(raw, deps))
        log('command', input.commandName, routed.outcome, routed.error)
        return reply(routed.result)
      }
      // Acknowledge now (Discord waits 3 s at most), answer by editing the original response.
      const revocable: RevocableChannelActions[] = []
      const track = (channel: ChannelActions) => {
        const actions = revocableChannelActions(channel)
        revocable.push(actions)
        return actions.channel
      }
      const editOriginal = (message: BotMessage) => {
        const { flags: _ephemeralIsFixed, ...body } = toApiMessage(message)
        return deps.rest.patch(Routes.webhookMessage(raw.application_id, raw.token), { body, files: toRestFiles(message), auth: false })
      }
      let abandoned = false
      return {
        body: { type: DEFERRED_REPLY, data: module.defer.ephemeral ? { flags: EPHEMERAL_FLAG } : {} },
        afterResponse: async () => {
          const routed = await deps.router.runCommand(input, contextFor(raw, deps, track))
          // Shutdown gave up on it and has answered already.
          if (abandoned) return
          try {
            await editOriginal(routed.result)
            log('command', input.commandName, routed.outcome, routed.error)
          } catch (error) {
            log('command', input.commandName, 'failed', error)
          }
        },
        abort: async () => {
          abandoned = true
          for (const actions of revocable) await actions.revoke()
          await editOriginal(gaveUpNotice()).catch((error: unknown) => deps.logger.error({ err: loggableError(error) }, 'could not send the restart notice'))
        },
      }
    }
    default:
      log(`type-${raw.type}`, '', 'unknown')
      return reply(notice('I can’t handle that kind of interaction.'))
  }
}

/** For a request that failed before a handler ran: the generic apology, as the HTTP response. */
export function apology(): InteractionAnswer {
  return reply(notice(SOMETHING_WENT_WRONG))
}
