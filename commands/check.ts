import { ApplicationCommandType, ContextMenuCommandBuilder } from 'discord.js'
import { checkClaim } from '../src/engine/check.ts'
import { ChannelActionError } from '../src/interactions/channelActions.ts'
import type { CommandModule, HandlerContext, MessageCommandInput, TargetMessage } from '../src/interactions/types.ts'
import type { BotMessage } from '../src/presenters/discord/botMessage.ts'
import { checkMessage, isCheckReply, messageIdOfPostButton, publicCheck } from '../src/presenters/discord/checkMessage.ts'
import { feedbackRow } from '../src/presenters/discord/feedbackButtons.ts'
import { feedbackButtons } from '../src/interactions/feedback.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { sourcesOf } from '../src/presenters/sources.ts'
import { pickArticle, scopeOf } from './articleOption.ts'
import { ANSWERS_ANYWHERE } from './installs.ts'

/** The name people see under Apps when they right-click a message. */
export const CHECK_COMMAND_NAME = 'Check against the article'

const PREFIX = 'check'

const data = new ContextMenuCommandBuilder()
  .setName(CHECK_COMMAND_NAME)
  .setType(ApplicationCommandType.Message)
  // Works wherever people talk: servers (with or without the bot in them), its DMs, group DMs.
  .setContexts(...ANSWERS_ANYWHERE.contexts)
  .setIntegrationTypes(...ANSWERS_ANYWHERE.integrationTypes)
  .toJSON()

/** Why a message without text cannot be checked, in words that say what it has instead. */
function withoutText(target: TargetMessage): BotMessage | null {
  if (target.content.trim() !== '') return null
  const has = [target.embeds > 0 ? 'embeds (a link preview or a card)' : '', target.attachments > 0 ? 'attachments (files or images)' : ''].filter(Boolean)
  if (has.length === 0) return null
  return notice(`That message has only ${has.join(' and ')}. I check what a message says in its own text, and it has none.`)
}

function jumpUrl(input: MessageCommandInput, messageId: string): string | undefined {
  return input.channelId ? `https://discord.com/channels/${input.guildId ?? '@me'}/${input.channelId}/${messageId}` : undefined
}

function check(input: MessageCommandInput, { engine, botUserId }: HandlerContext): BotMessage {
  const target = input.target
  if (!target) return notice('I couldn’t see that message: it may have been deleted. Try again on a message that is still there.')
  if (target.fromThisBot || target.authorId === botUserId) {
    return notice('That is one of my own messages: it already quotes the article. Use “Check against the article” on a message someone wrote.')
  }
  const refusal = withoutText(target)
  if (refusal) return refusal
  const pick = pickArticle({ ...input, options: {} }, engine, false)
  if (pick.kind === 'refused') return pick.message
  const articles = pick.kind === 'one' ? [pick.article] : pick.articles
  const url = jumpUrl(input, target.id)
  const result = checkClaim(engine, target.content, scopeOf(articles))
  // 👍/👎 on what the check quoted, as on /ask answers (the same shared handler).
  const quoted = result.kind === 'addressed' ? result.passages[0]?.passage.id : undefined
  const votes = quoted ? feedbackRow(quoted) : null
  return checkMessage(result, { messageId: target.id, ...(url ? { jumpUrl: url } : {}), sources: sourcesOf(articles), ...(votes ? { followUpRow: votes } : {}) })
}

/** Whether the checked message is gone; unknown (null) where the bot cannot look (user installs, missing access). */
async function targetDeleted(context: HandlerContext, messageId: string): Promise<boolean | null> {
  if (!context.channel?.messageExists) return null
  try {
    return !(await context.channel.messageExists(messageId))
  } catch (error) {
    if (error instanceof ChannelActionError) return null
    throw error
  }
}

export const checkCommand: CommandModule = {
  data,
  help: {
    example: `Right-click a message (long-press on mobile) → Apps → ${CHECK_COMMAND_NAME}`,
    description: 'Shows what the article says about a message’s claim, and who says it; only you see it until you post it',
  },
  execute() {
    // Discord sends this command only as a message command; a slash-style call is a stale client.
    return notice(`Right-click a message (or long-press it), then **Apps → ${CHECK_COMMAND_NAME}**.`)
  },
  executeMessage: check,
  sharedButtons: [feedbackButtons],
  buttons: {
    prefix: PREFIX,
    async handle(input, context) {
      const messageId = messageIdOfPostButton(input.customId)
      if (messageId === null || !isCheckReply(input.messageEmbeds)) {
        return { kind: 'reply', message: notice(`This check is out of date. Run **${CHECK_COMMAND_NAME}** on the message again.`) }
      }
      if ((await targetDeleted(context, messageId)) === true) {
        return { kind: 'reply', message: notice('The message you checked has been deleted (or its channel has), so I didn’t post the check.') }
      }
      // A new public message (the interaction's reply, so it works where only the user installed the app); it pings nobody.
      return { kind: 'reply', message: publicCheck(input.messageEmbeds ?? []) }
    },
  },
}
