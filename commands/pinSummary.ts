import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js'
import { ChannelActionError, type ChannelActions, type PinnedMessage } from '../src/interactions/channelActions.ts'
import { keepNewestPin } from '../src/interactions/keepNewestPin.ts'
import { pinSummaryQueue } from '../src/interactions/keyedSerialiser.ts'
import { stringOption } from '../src/interactions/options.ts'
import type { CommandInput, CommandModule, HandlerContext } from '../src/interactions/types.ts'
import type { BotMessage } from '../src/presenters/discord/botMessage.ts'
import { escapeMarkdown } from '../src/presenters/discord/formatting.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { articleOfPinnedFooter, summaryMessage, tooShortToSummarise } from '../src/presenters/discord/summaryMessage.ts'
import { articleAutocomplete, pickArticle, withArticleOption } from './articleOption.ts'
import { LENGTH_CHOICES, summaryLength } from './summary.ts'
import { NEEDS_THE_BOT_IN_THE_SERVER } from './installs.ts'

/** Discord's cap on pinned messages per channel. */
export const MAX_PINS = 250

/** What the bot needs in the channel to post and pin, with the names Discord shows. */
export const REQUIRED_BOT_PERMISSIONS: Array<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
  [PermissionFlagsBits.ReadMessageHistory, 'Read Message History'],
  [PermissionFlagsBits.PinMessages, 'Pin Messages'],
]

const builder = new SlashCommandBuilder()
  .setName('pin-summary')
  .setDescription('Moderators: post the article summary here and pin it, replacing the previous one')
  .setContexts(...NEEDS_THE_BOT_IN_THE_SERVER.contexts)
  .setIntegrationTypes(...NEEDS_THE_BOT_IN_THE_SERVER.integrationTypes)
  // Since 2026-02-23 only Pin Messages allows pinning; Manage Messages alone does not.
  .setDefaultMemberPermissions(PermissionFlagsBits.PinMessages)
  .addStringOption((option) => option.setName('length').setDescription('How long (default: short)').addChoices(...LENGTH_CHOICES))
withArticleOption(builder, 'Which article (default: the newest); replaces only that article’s pinned summary')

function has(permissions: bigint, flag: bigint): boolean {
  return (permissions & PermissionFlagsBits.Administrator) !== 0n || (permissions & flag) === flag
}

/**
 * The bot's pinned summary of this article, recognised from the pinned message
 * itself (its footer names the article). A summary pinned before summaries
 * named their article counts as any article's.
 */
function isOwnSummaryOf(pin: PinnedMessage, botUserId: string, slug: string): boolean {
  return pin.authorId === botUserId && pin.footers.some((footer) => {
    const article = articleOfPinnedFooter(footer)
    return article === undefined || article === slug
  })
}

function pinLimitReached(channelId: string): string {
  return `<#${channelId}> already has ${MAX_PINS} pinned messages, Discord’s limit. Unpin one and try again.`
}

function describeFailure(error: ChannelActionError, channelId: string): string {
  switch (error.failure) {
    case 'missing-permissions':
    case 'missing-access':
      return `I’m missing a permission in <#${channelId}> (Discord said: ${error.message}). I need View Channel, Send Messages, Embed Links, Read Message History and Pin Messages there.`
    case 'pin-limit':
      return pinLimitReached(channelId)
    default:
      return `Discord refused the request in <#${channelId}>: ${error.message}`
  }
}

const ignore = () => undefined

/**
 * Posts the summary and pins it, then unpins the bot's earlier summaries so
 * one current summary stays pinned. Pins first, so the channel is never left
 * without a summary; at the 250-pin limit it must make room first, and puts
 * the old one back if the new one cannot be pinned.
 */
async function postAndPin(input: CommandInput, context: HandlerContext, channel: ChannelActions): Promise<BotMessage> {
  const length = summaryLength(stringOption(input, 'length', 'short'))
  const pick = pickArticle(input, context.engine, true)
  if (pick.kind === 'refused') return pick.message
  if (pick.kind === 'all') return notice('Name an article with `article:`.')
  const summary = context.engine.summary({ length, article: pick.article.slug })
  if (summary.sentences.length === 0) return notice(tooShortToSummarise(pick.article))
  const pins = await channel.listPins()
  const previous = pins.filter((pin) => isOwnSummaryOf(pin, context.botUserId, pick.article.slug))
  if (pins.length - previous.length >= MAX_PINS) {
    return notice(pinLimitReached(channel.channelId))
  }
  const madeRoom = pins.length >= MAX_PINS ? previous.slice(0, 1) : []
  for (const pin of madeRoom) await channel.unpin(pin.id)
  let postedId = ''
  try {
    const posted = await channel.post(summaryMessage(summary, { ephemeral: false }, { pinned: true, article: pick.article }))
    postedId = posted.id
    // An unpinned copy would only clutter the channel.
    await channel.pin(posted.id).catch(async (error: unknown) => {
      await channel.remove(posted.id).catch(ignore)
      throw error
    })
  } catch (error) {
    for (const pin of madeRoom) await channel.pin(pin.id).catch(ignore)
    throw error
  }
  // The new summary is pinned: from here on, failures are reported, not fatal.
  let unpinned = madeRoom.length
  let stuck = 0
  for (const pin of previous.slice(madeRoom.length)) {
    try {
      await channel.unpin(pin.id)
      unpinned++
    } catch (error) {
      if (!(error instanceof ChannelActionError)) throw error
      // Already gone (deleted or unpinned by someone): nothing left to replace.
      if (error.failure !== 'unknown-message') stuck++
    }
  }
  // Another process (shard, replica) may have pinned one at the same moment: leave exactly one.
  const settled = await keepNewestPin(channel, postedId, (pin) => isOwnSummaryOf(pin, context.botUserId, pick.article.slug), previous.map((pin) => pin.id))
  if (!settled.ours) return notice(`📌 Another \`/pin-summary\` in <#${channel.channelId}> finished at the same moment; its summary is the pinned one, so I removed mine.`)
  const replaced = unpinned > 0 ? ` and unpinned the previous one${unpinned > 1 ? `s (${unpinned})` : ''}` : ''
  const warning = stuck > 0 ? ` I couldn’t unpin ${stuck} older summar${stuck > 1 ? 'ies' : 'y'}; a moderator can unpin ${stuck > 1 ? 'them' : 'it'} by hand.` : ''
  const which = `of “${escapeMarkdown(pick.article.title)}”${pick.chosenByDefault && pick.of > 1 ? ` (the newest of ${pick.of} articles; \`article:\` picks another)` : ''}`
  return notice(`📌 Posted and pinned a ${length} summary ${which} in <#${channel.channelId}>${replaced}.${warning}`)
}

export const pinSummaryCommand: CommandModule = {
  help: { example: '/pin-summary length: short' },
  data: builder.toJSON(),
  defer: { ephemeral: true },
  async execute(input, context) {
    const channel = context.channel
    if (input.guildId !== null && input.botInGuild === false) return notice('`/pin-summary` needs me added to this server: I can only pin where I am a member.')
    if (input.guildId === null || channel === null) return notice('`/pin-summary` works in a server channel, not in DMs.')
    // Checked again here: server admins can let anyone see the command.
    if (input.memberPermissions === null || !has(input.memberPermissions, PermissionFlagsBits.PinMessages)) {
      return notice('You need the **Pin Messages** permission in this channel to use `/pin-summary`.')
    }
    if (input.appPermissions !== null) {
      const missing = REQUIRED_BOT_PERMISSIONS.filter(([flag]) => !has(input.appPermissions as bigint, flag)).map(([, name]) => `**${name}**`)
      if (missing.length > 0) {
        return notice(`I can’t pin here: I’m missing ${missing.join(', ')} in <#${channel.channelId}>. A server admin can grant ${missing.length === 1 ? 'it' : 'them'} in the channel’s permission settings.`)
      }
    }
    try {
      return await pinSummaryQueue.run(channel.channelId, () => postAndPin(input, context, channel))
    } catch (error) {
      if (error instanceof ChannelActionError) return notice(describeFailure(error, channel.channelId))
      throw error
    }
  },
  autocomplete(input, { engine }) {
    return articleAutocomplete(input, engine)
  },
}
