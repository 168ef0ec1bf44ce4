import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js'
import type { BotMessage } from '../../presenters/discord/botMessage.ts'

/** For edits and updates: ephemerality is fixed at the first response. Mentions limited to the named users. */
export function editOptions(message: BotMessage): InteractionUpdateOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [], users: message.mentionUsers },
    ...(message.files?.length ? { files: message.files.map((file) => ({ attachment: file.data, name: file.name })) } : {}),
  }
}

/** A handler's reply as discord.js options. */
export function replyOptions(message: BotMessage): InteractionReplyOptions {
  return { ...(editOptions(message) as InteractionReplyOptions), ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) }
}
