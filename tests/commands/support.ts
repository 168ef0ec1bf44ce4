/**
 * Shared support for the handler tests: plain inputs as a transport would build
 * them, and a handler context over the project's corpus.
 */
import { PermissionFlagsBits } from 'discord.js'
import type { Engine } from '../../src/engine/engine.ts'
import type { ChannelActions } from '../../src/interactions/channelActions.ts'
import type { AutocompleteInput, ButtonInput, CommandInput, HandlerContext, Invocation, OptionValue } from '../../src/interactions/types.ts'
import { corpusEngine } from '../presenters/article.ts'

export { ARTICLE_TITLE, corpusEngine } from '../presenters/article.ts'

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

export const USER_ID = '111111111111111111'
export const GUILD_ID = '222222222222222222'
export const CHANNEL_ID = '333333333333333333'
export const BOT_USER_ID = '444444444444444444'
/** Another user, to mention. */
export const MENTIONED_ID = '555555555555555555'

/** What the bot needs to post and pin, granted in full. */
export const BOT_CAN_PIN =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks | PermissionFlagsBits.ReadMessageHistory | PermissionFlagsBits.PinMessages

export function invocation(overrides: Partial<Invocation> = {}): Invocation {
  return {
    user: { id: USER_ID, username: 'tester' },
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    memberPermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.PinMessages,
    appPermissions: BOT_CAN_PIN,
    locale: 'en-GB',
    ...overrides,
  }
}

export function commandInput(commandName: string, options: Record<string, OptionValue> = {}, overrides: Partial<Invocation> = {}): CommandInput {
  return { ...invocation(overrides), commandName, options }
}

export function autocompleteInput(commandName: string, name: string, value: string): AutocompleteInput {
  return { ...invocation(), commandName, focused: { name, value }, options: { [name]: value } }
}

/** The id of the message a button input sits on, unless a test names another. */
export const MESSAGE_ID = '666666666666666666'

export function buttonInput(customId: string, messageEmbedAuthor: string | null, messageEphemeral = false, overrides: Partial<Invocation> & { messageId?: string } = {}): ButtonInput {
  const { messageId = MESSAGE_ID, ...invocationOverrides } = overrides
  return { ...invocation(invocationOverrides), customId, messageEmbedAuthor, messageEphemeral, messageId }
}

export function handlerContext(channel: ChannelActions | null = null, engineOverride?: Engine): HandlerContext {
  return { engine: engineOverride ?? corpusEngine(), channel, botUserId: BOT_USER_ID }
}
