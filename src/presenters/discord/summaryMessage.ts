import type { APIEmbedField } from 'discord.js'
import type { ArticleInfo } from '../../engine/articleInfo.ts'
import type { SummaryResult } from '../../engine/types.ts'
import { articleCitation } from '../citation.ts'
import type { Audience } from './audience.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { escapeMarkdown, mentionPrefix } from './formatting.ts'
import { EMBED_COLOUR } from './limits.ts'

/** Footer of the bot's pinned summaries before there were several articles: replaced by any /pin-summary. */
export const PINNED_SUMMARY_FOOTER = 'Pinned summary · quoted verbatim from the article · /pin-summary replaces it'

/**
 * Footer that marks the bot's pinned summary of one article, so the next
 * `/pin-summary` of that article finds and replaces it (and only it): the
 * slug is read back from the pinned message itself, no state kept.
 */
export function pinnedSummaryFooter(slug: string): string {
  return `Pinned summary of ${slug} · quoted verbatim from the article · /pin-summary replaces it`
}

/** The article a pinned summary footer names; null for other footers, undefined for the old article-less one. */
export function articleOfPinnedFooter(footer: string): string | null | undefined {
  if (footer === PINNED_SUMMARY_FOOTER) return undefined
  return /^Pinned summary of ([a-z0-9][a-z0-9-]*) · /.exec(footer)?.[1] ?? null
}

export interface SummaryContext {
  pinned?: boolean
  /** The article's metadata, for its source line and link. */
  article?: ArticleInfo
  /** How many articles there were to choose from when none was named (the newest was taken). */
  chosenFrom?: number
}

function introductions(sentence: SummaryResult['sentences'][number]): string {
  return sentence.introduces.map(({ mention, label }) => ` · ${escapeMarkdown(mention === label ? label : `${mention}: ${label}`)}`).join('')
}

/** The summary: verbatim sentences in article order, each with its paragraph. */
export function summaryMessage(result: SummaryResult, audience: Audience, { pinned = false, article, chosenFrom }: SummaryContext = {}): BotMessage {
  // Who a person is goes beside the verbatim sentence, never inside it.
  const description = result.sentences.map((sentence) => `• ${escapeMarkdown(sentence.text)} *(¶${sentence.paragraph}${introductions(sentence)})*`).join('\n')
  const content = mentionPrefix(audience.mentionUserId)
  const fields: APIEmbedField[] = []
  if (article) fields.push({ name: 'Source', value: escapeMarkdown(articleCitation(article)) + (article.url ? `\n${article.url}` : '') })
  if (chosenFrom !== undefined && chosenFrom > 1) {
    fields.push({ name: 'Article', value: `The newest of ${chosenFrom} articles (\`${result.article.slug}\`). \`article:\` picks another.` })
  }
  return fitMessage({
    ...(content ? { content } : {}),
    embeds: [
      {
        color: EMBED_COLOUR,
        title: `Summary: ${result.article.title}`,
        ...(article?.url ? { url: article.url } : {}),
        description,
        ...(fields.length > 0 ? { fields } : {}),
        footer: { text: pinned ? pinnedSummaryFooter(result.article.slug) : `${result.length === 'full' ? 'Full' : 'Short'} summary · every sentence quoted verbatim from the article` },
      },
    ],
    components: [],
    mentionUsers: audience.mentionUserId ? [audience.mentionUserId] : [],
    ephemeral: audience.ephemeral,
  })
}

/** Said instead of an empty summary. */
export function tooShortToSummarise(article: { title: string }): string {
  return `“${escapeMarkdown(article.title)}” is too short to summarise: it has no sentences that stand alone. \`/ask\` or \`/quote\` can still quote it.`
}
