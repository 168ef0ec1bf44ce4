import type { Article } from '../corpus/article.ts'
import type { ArticleInfo } from './articleInfo.ts'
import { createEngine } from './engine.ts'

/** An article's metadata as the engine would report it once added: for the `/article add` preview. */
export function describeArticle(article: Article): ArticleInfo {
  return createEngine([article]).articles()[0] as ArticleInfo
}
