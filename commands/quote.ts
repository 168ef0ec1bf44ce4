import { SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { autocompleteChoices } from '../src/presenters/discord/choices.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { queryOfQuoteMessage, quoteMessage } from '../src/presenters/discord/quoteMessage.ts'
import { sourcesOf } from '../src/presenters/sources.ts'
import { ARTICLE_OPTION, articleAutocomplete, pickArticle, scopeOf, withArticleOption } from './articleOption.ts'
import { withAudienceOptions } from './audienceOptions.ts'
import { ANSWERS_ANYWHERE } from './installs.ts'

const PREFIX = 'quote'

/**
 * A page button's id is only `quote:<page>[:<article>]`: the query is read
 * back from the message the button sits on, so any process (another shard, an
 * HTTP endpoint) can answer it without state, whatever the query's length.
 */
export function pageButtonId(page: number, article?: string): string {
  return article ? `${PREFIX}:${page}:${article}` : `${PREFIX}:${page}`
}

function pageOf(customId: string): { page: number; article: string } | null {
  const match = /^quote:(-?\d+)(?::([a-z0-9-]*))?$/.exec(customId)
  return match ? { page: Number(match[1]), article: match[2] ?? '' } : null
}

const builder = new SlashCommandBuilder()
  .setName('quote')
  .setDescription('Look up quotations by speaker (name or role) or by words in them')
  .setContexts(...ANSWERS_ANYWHERE.contexts)
  .setIntegrationTypes(...ANSWERS_ANYWHERE.integrationTypes)
  .addStringOption((option) =>
    option.setName('query').setDescription('A speaker (a surname, or a role such as “spokesperson”) or words from a quotation').setRequired(true).setMaxLength(100).setAutocomplete(true),
  )
withArticleOption(builder, 'Only this article (default: every article)')

export const quoteCommand: CommandModule = {
  help: { example: '/quote query: spokesperson' },
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine }) {
    const pick = pickArticle(input, engine, false)
    if (pick.kind === 'refused') return pick.message
    const articles = pick.kind === 'one' ? [pick.article] : pick.articles
    const article = pick.kind === 'one' ? pick.article.slug : undefined
    return quoteMessage(engine.quote(stringOption(input, 'query'), scopeOf(articles)), 0, audienceOf(input), (page) => pageButtonId(page, article), sourcesOf(articles))
  },
  autocomplete(input, context) {
    if (input.focused.name === ARTICLE_OPTION) return articleAutocomplete(input, context.engine)
    const pick = pickArticle(input, context.engine, false)
    if (pick.kind === 'refused') return []
    const articles = pick.kind === 'one' ? [pick.article] : pick.articles
    return autocompleteChoices(context.engine.suggestQuotes(input.focused.value, undefined, scopeOf(articles)))
  },
  buttons: {
    prefix: PREFIX,
    handle(input, { engine }) {
      const parsed = pageOf(input.customId)
      const query = queryOfQuoteMessage(input.messageEmbedAuthor)
      const pick = parsed ? pickArticle({ ...input, options: parsed.article ? { [ARTICLE_OPTION]: parsed.article } : {} }, engine, false) : null
      const articles = pick?.kind === 'one' ? [pick.article] : pick?.kind === 'all' ? pick.articles : null
      const result = parsed === null || query === null || articles === null ? null : engine.quote(query, scopeOf(articles))
      if (parsed === null || articles === null || !result || result.quotes.length === 0) {
        return { kind: 'reply', message: notice('These results are out of date. Run `/quote` again.') }
      }
      // The update keeps the message's content, so a mention is not sent again.
      const article = parsed.article || undefined
      return { kind: 'update', message: quoteMessage(result, parsed.page, { ephemeral: input.messageEphemeral }, (page) => pageButtonId(page, article), sourcesOf(articles)) }
    },
  },
}
