import type { ArticleInfo } from '../engine/articleInfo.ts'
import type { Passage } from '../passages/types.ts'
import { articleCitation, paragraphLabel } from './citation.ts'

/** What a presenter needs to say where a passage comes from, and whether "the article" is one. */
export interface Sources {
  /** The articles in scope, in corpus order. */
  articles: readonly ArticleInfo[]
  article(slug: string): ArticleInfo | undefined
  /** More than one article in scope: wording says "the articles". */
  several: boolean
}

export function sourcesOf(articles: readonly ArticleInfo[]): Sources {
  const bySlug = new Map(articles.map((article) => [article.slug, article]))
  return { articles, article: (slug) => bySlug.get(slug), several: articles.length > 1 }
}

/** "Title · Outlet · 2025-06-03 · Section · ¶7": the article as cited, then where in it. */
export function sourceLine(passage: Passage, sources: Sources | undefined): string {
  const article = sources?.article(passage.articleSlug)
  const citation = article ? articleCitation(article) : passage.articleTitle
  return [citation, passage.section ?? 'Opening', paragraphLabel(passage)].join(' · ')
}

/** "the article" or "the articles". */
export function theArticles(sources: Sources | undefined): string {
  return sources?.several ? 'the articles' : 'the article'
}
