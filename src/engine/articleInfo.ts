import type { Article } from '../corpus/article.ts'

/** What the corpus knows about one article: shown by /articles, source lines and choices. Nothing invented. */
export interface ArticleInfo {
  slug: string
  title: string
  outlet: string | null
  url: string | null
  /** YYYY-MM-DD, as the front matter gives it. */
  published: string | null
  paragraphs: number
  sections: string[]
  /** Everyone quoted in it, most quoted people first. */
  speakers: string[]
  /** The server it belongs to; null: shared by every server and DMs. */
  owner: string | null
  /** When its file was added (ms since the epoch); 0 when unknown. */
  addedAt: number
}

/** Which articles a request may see: unset means every article. */
export interface ArticleScope {
  articles?: ReadonlySet<string>
}

export function articleInfoOf(article: Article, speakers: string[]): ArticleInfo {
  return {
    slug: article.slug,
    title: article.title,
    outlet: article.outlet ?? null,
    url: article.url ?? null,
    published: article.published ?? null,
    paragraphs: article.paragraphs.length,
    sections: [...new Set(article.paragraphs.flatMap((paragraph) => (paragraph.section ? [paragraph.section] : [])))],
    speakers,
    owner: article.owner ?? null,
    addedAt: article.addedAt ?? 0,
  }
}

/** The slugs a server sees: the shared articles and its own. Outside a server (DMs, CLI, console): the shared ones. */
export function visibleArticles(articles: readonly ArticleInfo[], guildId: string | null): ReadonlySet<string> {
  return new Set(articles.filter((article) => article.owner === null || article.owner === guildId).map((article) => article.slug))
}

/**
 * The article `/summary` takes when none is named: the only one, else the
 * newest: by `published`, a file without a date counting as published the
 * day it was added; ties go to the file added last.
 */
export function newestArticle(articles: readonly ArticleInfo[]): ArticleInfo | undefined {
  const day = (article: ArticleInfo) => article.published ?? new Date(article.addedAt).toISOString().slice(0, 10)
  return [...articles].sort((a, b) => day(b).localeCompare(day(a)) || b.addedAt - a.addedAt)[0]
}
