import type { ArticleInfo } from '../../engine/articleInfo.ts'
import { articleCitation } from '../citation.ts'
import { DISCORD_LIMITS } from './limits.ts'
import { trimToLimit } from './trim.ts'

/**
 * Autocomplete for an `article` option: the value is the slug, the label the
 * title with outlet and date, cut to Discord's 100 characters. Matches the
 * typed text anywhere in title, outlet or slug; newest first.
 */
export function articleChoices(articles: readonly ArticleInfo[], typed: string): Array<{ name: string; value: string }> {
  const wanted = typed.trim().toLocaleLowerCase()
  const day = (article: ArticleInfo) => article.published ?? new Date(article.addedAt).toISOString().slice(0, 10)
  return articles
    .filter((article) => wanted === '' || `${article.title} ${article.outlet ?? ''} ${article.slug}`.toLocaleLowerCase().includes(wanted))
    .sort((a, b) => day(b).localeCompare(day(a)) || b.addedAt - a.addedAt)
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((article) => ({ name: trimToLimit(articleCitation(article), DISCORD_LIMITS.choiceName), value: article.slug.slice(0, DISCORD_LIMITS.choiceValue) }))
}
