import { MessageFlags, type InteractionReplyOptions, type InteractionUpdateOptions } from 'discord.js'
import type { BotMessage } from '../../presenters/discord/botMessage.ts'

/** A handler's reply as discord.js options: mentions limited to the named users. */
export function replyOptions(message: BotMessage): InteractionReplyOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [], users: message.mentionUsers },
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  }
}

/** For edits and updates: ephemerality is fixed at the first response. */
export function editOptions(message: BotMessage): InteractionUpdateOptions {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [], users: message.mentionUsers },
  }
}
