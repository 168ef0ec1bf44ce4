import type { APIEmbedField } from 'discord.js'
import type { ArticleInfo } from '../../engine/articleInfo.ts'
import type { BotMessage } from './botMessage.ts'
import { fitMessage } from './fitMessage.ts'
import { pageButtons } from './pageButtons.ts'
import { escapeMarkdown } from './formatting.ts'
import { DISCORD_LIMITS, EMBED_COLOUR } from './limits.ts'
import { trimToLimit } from './trim.ts'

export const ARTICLES_PER_PAGE = 10

/** At most this many speakers are named per article; the rest are counted. */
const SPEAKERS_SHOWN = 6

function articleField(article: ArticleInfo): APIEmbedField {
  const facts = [article.outlet, article.published].filter(Boolean).map((fact) => escapeMarkdown(fact as string))
  if (article.url) facts.push(`[link](${article.url})`)
  const shown = article.speakers.slice(0, SPEAKERS_SHOWN).map(escapeMarkdown)
  const more = article.speakers.length - shown.length
  const quoted = shown.length === 0 ? 'nobody quoted' : `quoted: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`
  const lines = [...(facts.length > 0 ? [facts.join(' · ')] : []), `\`${article.slug}\` · ${article.paragraphs} paragraph${article.paragraphs === 1 ? '' : 's'} · ${quoted}`]
  return { name: trimToLimit(article.title, DISCORD_LIMITS.fieldName), value: trimToLimit(lines.join('\n'), DISCORD_LIMITS.fieldValue) }
}

export function articlePageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ARTICLES_PER_PAGE))
}

/** `/articles`: every article the server sees, ten a page, with Previous/Next beyond ten. */
export function articlesMessage(articles: readonly ArticleInfo[], page: number, pageButtonId: (page: number) => string, { ephemeral = false } = {}): BotMessage {
  const pages = articlePageCount(articles.length)
  const current = Math.min(Math.max(0, page), pages - 1)
  const shown = articles.slice(current * ARTICLES_PER_PAGE, (current + 1) * ARTICLES_PER_PAGE)
  const components = pageButtons(current, pages, pageButtonId)
  return fitMessage({
    embeds: [
      {
        color: EMBED_COLOUR,
        title: articles.length === 1 ? 'One article' : `${articles.length} articles`,
        description: articles.length === 0 ? 'No articles yet.' : 'Pick one with the `article:` option of `/ask`, `/quote`, `/summary` and `/pin-summary`.',
        fields: shown.map(articleField),
        footer: { text: `${articles.length} article${articles.length === 1 ? '' : 's'}${pages > 1 ? ` · page ${current + 1} of ${pages}` : ''}` },
      },
    ],
    components,
    mentionUsers: [],
    ephemeral,
  })
}
