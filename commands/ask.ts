import { SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { askMessage } from '../src/presenters/discord/askMessage.ts'
import { sourcesOf } from '../src/presenters/sources.ts'
import { feedbackButtons } from '../src/interactions/feedback.ts'
import { articleAutocomplete, pickArticle, scopeOf, withArticleOption } from './articleOption.ts'
import { askFollowUpButtons } from './askFollowUps.ts'
import { withAudienceOptions } from './audienceOptions.ts'
import { ANSWERS_ANYWHERE } from './installs.ts'

export const MAX_QUESTION_LENGTH = 300

const builder = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the articles: the answer is quoted from them')
  .setContexts(...ANSWERS_ANYWHERE.contexts)
  .setIntegrationTypes(...ANSWERS_ANYWHERE.integrationTypes)
  .addStringOption((option) =>
    option.setName('question').setDescription('Your question, e.g. “What did the defence minister say?”').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH),
  )
withArticleOption(builder, 'Only this article (default: every article)')

export const askCommand: CommandModule = {
  help: { example: '/ask question: What did the minister say about the talks?' },
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine, storage, now }) {
    const pick = pickArticle(input, engine, false)
    if (pick.kind === 'refused') return pick.message
    const articles = pick.kind === 'one' ? [pick.article] : pick.articles
    const question = stringOption(input, 'question')
    const scope = scopeOf(articles)
    const result = engine.ask(question, scope)
    // For /insights: what the articles could not answer (a greeting asks nothing). Never waited for.
    if (!result.answered && result.reason !== 'no-question') void storage?.recordUnanswered({ guildId: input.guildId, question: result.readAs ?? result.question, article: pick.kind === 'one' ? pick.article.slug : null, at: now?.() ?? new Date() })
    // More is offered only when there is more: the further passages beyond the ones shown.
    const more = result.answered && !result.summary && engine.more(question, scope, { limit: 0, shown: result.passages.map((ranked) => ranked.passage.id) }).total > 0
    return askMessage(result, audienceOf(input), sourcesOf(articles), { more, ...(pick.kind === 'one' ? { article: pick.article.slug } : {}) })
  },
  autocomplete(input, { engine }) {
    return articleAutocomplete(input, engine)
  },
  buttons: askFollowUpButtons,
  sharedButtons: [feedbackButtons],
}
