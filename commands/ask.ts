import { InteractionContextType, SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { askMessage } from '../src/presenters/discord/askMessage.ts'
import { sourcesOf } from '../src/presenters/sources.ts'
import { articleAutocomplete, pickArticle, scopeOf, withArticleOption } from './articleOption.ts'
import { withAudienceOptions } from './audienceOptions.ts'

export const MAX_QUESTION_LENGTH = 300

const builder = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the articles: the answer is quoted from them')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addStringOption((option) =>
    option.setName('question').setDescription('Your question, e.g. “What did the defence minister say?”').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
  )
withArticleOption(builder, 'Only this article (default: every article)')

export const askCommand: CommandModule = {
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine, storage, now }) {
    const pick = pickArticle(input, engine, false)
    if (pick.kind === 'refused') return pick.message
    const articles = pick.kind === 'one' ? [pick.article] : pick.articles
    const result = engine.ask(stringOption(input, 'question'), scopeOf(articles))
    // For /insights: what the articles could not answer (a greeting asks nothing). Never waited for.
    if (!result.answered && result.reason !== 'no-question') void storage?.recordUnanswered({ guildId: input.guildId, question: result.readAs ?? result.question, article: pick.kind === 'one' ? pick.article.slug : null, at: now?.() ?? new Date() })
    return askMessage(result, audienceOf(input), sourcesOf(articles))
  },
  autocomplete(input, { engine }) {
    return articleAutocomplete(input, engine)
  },
}
