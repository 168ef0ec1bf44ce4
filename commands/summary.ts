import { SlashCommandBuilder } from 'discord.js'
import { audienceOf, stringOption } from '../src/interactions/options.ts'
import type { CommandModule } from '../src/interactions/types.ts'
import { notice } from '../src/presenters/discord/notice.ts'
import { summaryMessage, tooShortToSummarise } from '../src/presenters/discord/summaryMessage.ts'
import { articleAutocomplete, pickArticle, withArticleOption } from './articleOption.ts'
import { withAudienceOptions } from './audienceOptions.ts'
import { ANSWERS_ANYWHERE } from './installs.ts'

export const LENGTH_CHOICES = [
  { name: 'short (about 3 sentences)', value: 'short' },
  { name: 'full (about 7 sentences)', value: 'full' },
] as const

export function summaryLength(value: string): 'short' | 'full' {
  return value === 'full' ? 'full' : 'short'
}

const builder = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('Summarise an article in its own words, with citations')
  .setContexts(...ANSWERS_ANYWHERE.contexts)
  .setIntegrationTypes(...ANSWERS_ANYWHERE.integrationTypes)
  .addStringOption((option) => option.setName('length').setDescription('How long (default: short)').addChoices(...LENGTH_CHOICES))
withArticleOption(builder, 'Which article (default: the newest)')

export const summaryCommand: CommandModule = {
  help: { example: '/summary length: full' },
  data: withAudienceOptions(builder).toJSON(),
  execute(input, { engine }) {
    const pick = pickArticle(input, engine, true)
    if (pick.kind === 'refused') return pick.message
    if (pick.kind === 'all') return notice('Name an article with `article:`.')
    const result = engine.summary({ length: summaryLength(stringOption(input, 'length', 'short')), article: pick.article.slug })
    if (result.sentences.length === 0) return notice(tooShortToSummarise(pick.article))
    return summaryMessage(result, audienceOf(input), { article: pick.article, ...(pick.chosenByDefault ? { chosenFrom: pick.of } : {}) })
  },
  autocomplete(input, { engine }) {
    return articleAutocomplete(input, engine)
  },
}
