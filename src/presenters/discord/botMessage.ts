import type { APIActionRowComponent, APIButtonComponent, APIEmbed } from 'discord.js'

/**
 * A reply as handlers return it: plain data, no client objects. Transports
 * turn it into a discord.js reply, or an HTTP interaction response.
 */
export interface BotMessage {
  content?: string
  embeds: APIEmbed[]
  components: Array<APIActionRowComponent<APIButtonComponent>>
  /** The only users the message may ping; roles, @everyone and everyone else never. */
  mentionUsers: string[]
  /** Shown only to the person who used the command. */
  ephemeral: boolean
  /**
   * Files attached to the message (a CSV export). They travel as multipart
   * parts: on every gateway reply, and in HTTP mode on deferred replies (the
   * webhook edit), so commands that attach files defer.
   */
  files?: BotFile[]
}

/** A file to attach: its name as Discord shows it, and its bytes. */
export interface BotFile {
  name: string
  data: Buffer
}

/** Discord's message flag for ephemeral replies (`MessageFlags.Ephemeral`). */
export const EPHEMERAL_FLAG = 1 << 6

/** The message as Discord's REST API takes it (interaction responses, webhooks, channel messages). */
export function toApiMessage(message: BotMessage) {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [] as never[], users: message.mentionUsers },
    ...(message.ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
    // New files are named in `attachments` by their part's index (files[n]).
    ...(message.files?.length ? { attachments: message.files.map((file, index) => ({ id: index, filename: file.name })) } : {}),
  }
}

/** The files as discord.js's REST client takes them beside a body. */
export function toRestFiles(message: BotMessage): Array<{ name: string; data: Buffer }> {
  return (message.files ?? []).map((file) => ({ name: file.name, data: file.data }))
}
