import type { SlashCommandBuilder, SlashCommandSubcommandBuilder } from 'discord.js'
import { newestArticle, visibleArticles, type ArticleInfo } from '../src/engine/articleInfo.ts'
import type { Engine } from '../src/engine/engine.ts'
import { stringOption } from '../src/interactions/options.ts'
import type { AutocompleteInput, Choice, Invocation } from '../src/interactions/types.ts'
import { articleChoices } from '../src/presenters/discord/articleChoices.ts'
import type { BotMessage } from '../src/presenters/discord/botMessage.ts'
import { escapeUserText } from '../src/presenters/discord/escape.ts'
import { notice } from '../src/presenters/discord/notice.ts'

export const ARTICLE_OPTION = 'article'

/** The optional `article` option with autocomplete: the value is the article's slug. */
export function withArticleOption<T extends Pick<SlashCommandBuilder | SlashCommandSubcommandBuilder, 'addStringOption'>>(builder: T, description: string, required = false): T {
  builder.addStringOption((option) => option.setName(ARTICLE_OPTION).setDescription(description).setRequired(required).setMaxLength(100).setAutocomplete(true))
  return builder
}

/** The articles a server sees (shared ones and its own); outside a server, the shared ones. */
export function articlesIn(engine: Engine, where: Pick<Invocation, 'guildId'>): ArticleInfo[] {
  const visible = visibleArticles(engine.articles(), where.guildId)
  return engine.articles().filter((article) => visible.has(article.slug))
}

export function scopeOf(articles: readonly ArticleInfo[]): { articles: ReadonlySet<string> } {
  return { articles: new Set(articles.map((article) => article.slug)) }
}

/** Autocomplete for the `article` option: only what this server sees. */
export function articleAutocomplete(input: AutocompleteInput, engine: Engine): Choice[] {
  return articleChoices(articlesIn(engine, input), input.focused.value)
}

function unknownArticle(slug: string): BotMessage {
  return notice(`There is no article \`${escapeUserText(slug).replace(/`/g, '')}\` here. \`/articles\` lists them; the \`article\` option suggests them as you type.`)
}

export type ArticlePick =
  /** The article named, or, where the command needs one, the default. */
  | { kind: 'one'; article: ArticleInfo; chosenByDefault: boolean; of: number }
  /** No article named: every article the server sees. */
  | { kind: 'all'; articles: ArticleInfo[] }
  | { kind: 'refused'; message: BotMessage }

/**
 * What the `article` option picks. Unknown slugs, and other servers' articles,
 * get the same answer: one server never learns another's. Without the option,
 * `needsOne` commands (summaries) take the only or the newest article.
 */
export function pickArticle(input: Invocation & { options: Record<string, unknown> }, engine: Engine, needsOne: boolean): ArticlePick {
  const visible = articlesIn(engine, input)
  const slug = stringOption(input as never, ARTICLE_OPTION).trim()
  if (slug !== '') {
    const article = visible.find((candidate) => candidate.slug === slug)
    return article ? { kind: 'one', article, chosenByDefault: false, of: visible.length } : { kind: 'refused', message: unknownArticle(slug) }
  }
  if (visible.length === 0) return { kind: 'refused', message: notice('There are no articles here yet. A moderator can add one with `/article add`.') }
  if (!needsOne) return { kind: 'all', articles: visible }
  const newest = newestArticle(visible) as ArticleInfo
  return { kind: 'one', article: newest, chosenByDefault: true, of: visible.length }
}
