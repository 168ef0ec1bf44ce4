import type { APIEmbed, RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js'
import type { Engine } from '../engine/engine.ts'
import type { BotMessage } from '../presenters/discord/botMessage.ts'
import type { ArticleLibrary } from './articleLibrary.ts'
import type { ChannelActions } from './channelActions.ts'
import type { Storage } from '../storage/storage.ts'

/** Who acted, where, and with which permissions: the same from the gateway or an HTTP endpoint. */
export interface Invocation {
  user: { id: string; username: string }
  /** Null in DMs and group DMs. */
  guildId: string | null
  channelId: string | null
  /** The member's permissions in the channel; null outside a guild. */
  memberPermissions: bigint | null
  /** The bot's permissions in the channel, as Discord reports them with the interaction. */
  appPermissions: bigint | null
  locale: string
  /**
   * False when only a user install of the app authorised the interaction (Discord's
   * `authorizing_integration_owners` has no guild install): in a server the bot is
   * not a member of, it can only answer the interaction, not act in the channel.
   * Absent means true.
   */
  botInGuild?: boolean
}

export type OptionValue = string | number | boolean

/** A file attached to a command option, as Discord describes it. */
export interface AttachmentInput {
  url: string
  filename: string
  size: number
  contentType: string | null
}

export interface CommandInput extends Invocation {
  commandName: string
  /** The subcommand used (`/article add` → "add"); absent for commands without subcommands. */
  subcommand?: string
  /** Option values by name; a user option's value is the user id, an attachment option's the attachment id. */
  options: Record<string, OptionValue>
  /** Attachment options by name. */
  attachments?: Record<string, AttachmentInput>
}

/** The message a message command was used on, as Discord includes it in the interaction (no Message Content intent needed). */
export interface TargetMessage {
  id: string
  /** Its text ('' when it has none: embeds or attachments only). */
  content: string
  authorId: string
  /** Written by this bot. */
  fromThisBot: boolean
  embeds: number
  attachments: number
}

/** A message context-menu command ("Apps → Check against the article" on a message). */
export interface MessageCommandInput extends Invocation {
  commandName: string
  /** Null when the interaction carried no copy of the message (it was deleted meanwhile). */
  target: TargetMessage | null
}

export interface AutocompleteInput extends Invocation {
  commandName: string
  subcommand?: string
  focused: { name: string; value: string }
  options: Record<string, OptionValue>
}

export interface ButtonInput extends Invocation {
  customId: string
  /** Whether the message the button sits on is ephemeral. */
  messageEphemeral: boolean
  /** The author line of that message's first embed: where a reply states what it answers. */
  messageEmbedAuthor: string | null
  /** The id of the message the button sits on: which answer a vote is on. Empty when the transport could not tell. */
  messageId: string
  /** The embeds of that message, as Discord sent them back: what a "Post in channel" button reposts. */
  messageEmbeds?: APIEmbed[]
}

export interface Choice {
  name: string
  value: string
}

/** What handlers may use besides their input. */
export interface HandlerContext {
  engine: Engine
  /** Acting in the interaction's channel (post, pin); null where the transport cannot. */
  channel: ChannelActions | null
  /** The bot's own user id, to recognise its messages. */
  botUserId: string
  /** Adding and removing a server's articles; absent where the transport cannot write the corpus. */
  library?: ArticleLibrary
  /** What the bot remembers (unanswered questions, votes, command counts); absent where nothing is stored. */
  storage?: Storage
  /** The clock, injectable for retention tests. */
  now?: () => Date
  /** The secret that voter hashes are keyed with (see `feedbackSalt` in interactions/feedback.ts); absent where votes are not kept. */
  feedbackSalt?: string
}

/** A button either rewrites the message it sits on, or answers with a new one. */
export type ButtonResult = { kind: 'update'; message: BotMessage } | { kind: 'reply'; message: BotMessage }

/** Buttons whose custom id starts with `prefix:`, and their handler. */
export interface ButtonHandler {
  prefix: string
  handle(input: ButtonInput, context: HandlerContext): ButtonResult | Promise<ButtonResult>
}

/**
 * One command: its registration data and its handlers, which return replies
 * rather than send them. A message context-menu command registers message
 * command data and answers through `executeMessage`.
 */
export interface CommandModule {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody
  /** For `/help`: one example of use, and what the command does where its data has no description (message commands). */
  help?: { example: string; description?: string }
  /**
   * Acknowledge at once and answer later, for handlers that call Discord
   * themselves; the value is whether that first acknowledgement is ephemeral.
   * Default: reply directly.
   */
  defer?: { ephemeral: boolean }
  execute(input: CommandInput, context: HandlerContext): BotMessage | Promise<BotMessage>
  /** The handler of a message context-menu command. */
  executeMessage?(input: MessageCommandInput, context: HandlerContext): BotMessage | Promise<BotMessage>
  autocomplete?(input: AutocompleteInput, context: HandlerContext): Choice[]
  /** Custom-id prefix this command's buttons carry, and their handler. */
  buttons?: ButtonHandler
  /** Buttons its replies carry that other commands' replies carry too (👍/👎 feedback): one handler, shared. */
  sharedButtons?: readonly ButtonHandler[]
}
