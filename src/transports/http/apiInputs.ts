import type { APIEmbed } from 'discord.js'
import type { AttachmentInput, AutocompleteInput, ButtonInput, CommandInput, Invocation, MessageCommandInput, OptionValue } from '../../interactions/types.ts'
import { targetMessage } from '../../interactions/targetMessage.ts'

/** One option of the payload; subcommands (types 1 and 2) hold their own options. */
interface RawOption {
  name: string
  type: number
  value?: unknown
  focused?: boolean
  options?: RawOption[]
}

/** The parts of Discord's interaction payload the handlers' inputs are made from. */
export interface RawInteraction {
  id: string
  application_id: string
  type: number
  token: string
  guild_id?: string
  channel_id?: string
  channel?: { id: string }
  locale?: string
  app_permissions?: string
  member?: { permissions?: string; user?: { id: string; username: string } }
  user?: { id: string; username: string }
  /** Which installs authorised it: "0" → the guild id (guild install), "1" → the user id (user install). */
  authorizing_integration_owners?: Record<string, string>
  data?: {
    name?: string
    /** The command type: 1 slash, 2 user, 3 message context menu. */
    type?: number
    /** A context-menu command's target (the message id for type 3). */
    target_id?: string
    custom_id?: string
    options?: RawOption[]
    /** Attachments named by id in attachment options (type 11). */
    resolved?: {
      attachments?: Record<string, { url: string; filename: string; size: number; content_type?: string }>
      /** A message command's target, as Discord includes it (content without the Message Content intent). */
      messages?: Record<string, RawMessage>
    }
  }
  message?: { id?: string; flags?: number; embeds?: APIEmbed[] }
}

/** The parts of a message object the message command reads. */
interface RawMessage {
  id: string
  content?: string
  author?: { id: string }
  embeds?: unknown[]
  attachments?: unknown[]
}

const EPHEMERAL = 1 << 6

function bitfield(value: string | undefined): bigint | null {
  return value !== undefined && /^\d+$/.test(value) ? BigInt(value) : null
}

/** The same plain facts the gateway transport hands to handlers, read from the raw payload. */
function invocationOf(raw: RawInteraction): Invocation {
  const user = raw.member?.user ?? raw.user ?? { id: '0', username: 'unknown' }
  return {
    ...(userInstallOnly(raw) ? { botInGuild: false } : {}),
    user: { id: user.id, username: user.username },
    guildId: raw.guild_id ?? null,
    channelId: raw.channel?.id ?? raw.channel_id ?? null,
    memberPermissions: bitfield(raw.member?.permissions),
    appPermissions: raw.guild_id ? bitfield(raw.app_permissions) : null,
    locale: raw.locale ?? 'en-US',
  }
}

/** In a guild, only a user install authorised the interaction: the bot may not be a member there. */
export function userInstallOnly(raw: RawInteraction): boolean {
  const owners = raw.authorizing_integration_owners
  return raw.guild_id !== undefined && owners !== undefined && owners['0'] === undefined && owners['1'] !== undefined
}

const SUB_COMMAND = 1
const SUB_COMMAND_GROUP = 2
const ATTACHMENT = 11

/** A subcommand's options sit inside it: flattened, since handlers read them by name (as the gateway transport does). */
function leafOptions(options: readonly RawOption[]): RawOption[] {
  return options.flatMap((option) => (option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP ? leafOptions(option.options ?? []) : [option]))
}

function subcommandOf(options: readonly RawOption[]): string | undefined {
  const sub = options.find((option) => option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP)
  if (!sub) return undefined
  return sub.type === SUB_COMMAND_GROUP ? (sub.options?.[0]?.name ?? sub.name) : sub.name
}

function attachmentsOf(raw: RawInteraction): Record<string, AttachmentInput> {
  const found: Record<string, AttachmentInput> = {}
  for (const option of leafOptions(raw.data?.options ?? [])) {
    const attachment = option.type === ATTACHMENT && typeof option.value === 'string' ? raw.data?.resolved?.attachments?.[option.value] : undefined
    if (attachment) found[option.name] = { url: attachment.url, filename: attachment.filename, size: attachment.size, contentType: attachment.content_type ?? null }
  }
  return found
}

function optionValues(raw: RawInteraction): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {}
  for (const option of leafOptions(raw.data?.options ?? [])) {
    if (option.type === ATTACHMENT) continue
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') values[option.name] = option.value
  }
  return values
}

export function commandInputOf(raw: RawInteraction): CommandInput {
  const subcommand = subcommandOf(raw.data?.options ?? [])
  const attachments = attachmentsOf(raw)
  return {
    ...invocationOf(raw),
    commandName: raw.data?.name ?? '',
    ...(subcommand ? { subcommand } : {}),
    options: optionValues(raw),
    ...(Object.keys(attachments).length > 0 ? { attachments } : {}),
  }
}

export function autocompleteInputOf(raw: RawInteraction): AutocompleteInput {
  const focused = leafOptions(raw.data?.options ?? []).find((option) => option.focused)
  const subcommand = subcommandOf(raw.data?.options ?? [])
  return {
    ...invocationOf(raw),
    commandName: raw.data?.name ?? '',
    ...(subcommand ? { subcommand } : {}),
    focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') },
    options: optionValues(raw),
  }
}

export function buttonInputOf(raw: RawInteraction): ButtonInput {
  return {
    ...invocationOf(raw),
    customId: raw.data?.custom_id ?? '',
    messageEphemeral: ((raw.message?.flags ?? 0) & EPHEMERAL) !== 0,
    messageEmbedAuthor: raw.message?.embeds?.[0]?.author?.name ?? null,
    messageId: typeof raw.message?.id === 'string' ? raw.message.id : '',
    messageEmbeds: raw.message?.embeds ?? [],
  }
}

/** Discord's message command type (ApplicationCommandType.Message). */
export const MESSAGE_COMMAND = 3

export function messageCommandInputOf(raw: RawInteraction, botUserId: string): MessageCommandInput {
  const target = raw.data?.target_id ? raw.data.resolved?.messages?.[raw.data.target_id] : undefined
  return {
    ...invocationOf(raw),
    commandName: raw.data?.name ?? '',
    target: target
      ? targetMessage({ id: target.id, content: target.content, author: target.author, embedCount: target.embeds?.length ?? 0, attachmentCount: target.attachments?.length ?? 0 }, botUserId)
      : null,
  }
}
