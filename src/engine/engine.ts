import type { Article } from '../corpus/article.ts'
import { buildPassages, type PassageOptions } from '../passages/buildPassages.ts'
import type { Passage } from '../passages/types.ts'
import { buildPassageIndex, type PassageIndex } from '../search/passageIndex.ts'
import { sharedWordVectors } from '../semantics/sharedVectors.ts'
import type { WordVectors } from '../semantics/wordVectors.ts'
import { createQuestionNormaliser, type QuestionNormaliser } from '../normalise/questionNormaliser.ts'
import type { SpellChecker } from '../normalise/englishDictionary.ts'
import { sharedEnglishDictionary } from '../normalise/sharedDictionary.ts'
import { ask, type AskOptions } from './ask.ts'
import { buildQuoteIndex, listSpeakers, lookUpQuotes, suggestQuotes } from './quote.ts'
import { summarise, type SummaryOptions } from './summary.ts'
import type { AskResult, QuoteResult, QuoteSuggestion, SpeakerEntry, SummaryResult } from './types.ts'

export interface EngineOptions {
  /** Word vectors for meaning-based matching; default the process's shared cache (`sharedWordVectors`), null for none. */
  vectors?: WordVectors | null
  /** English dictionary for spelling correction of questions; default the process's shared one, null for corpus words only. */
  dictionary?: SpellChecker | null
  passages?: PassageOptions
  ask?: AskOptions
  summary?: Omit<SummaryOptions, 'length'>
}

/** The three things people do with the corpus, over one index built once. */
export interface Engine {
  ask(question: string): AskResult
  quote(query: string): QuoteResult
  /** Summary of one article (default: the first). Throws for an unknown slug. */
  summary(options?: { length?: SummaryOptions['length']; article?: string }): SummaryResult
  speakers(): SpeakerEntry[]
  suggestQuotes(partial: string, limit?: number): QuoteSuggestion[]
  articles(): Array<{ slug: string; title: string }>
  topics(): string[]
  passage(id: string): Passage | undefined
  readonly index: PassageIndex
  /** The question pipeline's first stage, as ask uses it. */
  readonly normalise: QuestionNormaliser
  /** Whether a word is a name whatever its case, as ask judges it. */
  readonly isName: (word: string) => boolean
}

export class UnknownArticleError extends Error {
  override name = 'UnknownArticleError'
}

export function createEngine(articles: Article[], options: EngineOptions = {}): Engine {
  const passages = articles.flatMap((article) => buildPassages(article, options.passages))
  const vectors = options.vectors === undefined ? sharedWordVectors() : options.vectors
  const index = buildPassageIndex(passages, { vectors })
  const dictionary = options.dictionary === undefined ? sharedEnglishDictionary() : options.dictionary
  // Stage "normalise": one pipeline for every transport; the engine reads its text, people see their own words.
  const normalise = createQuestionNormaliser({
    vocabulary: passages.flatMap((passage) => [passage.text, passage.section ?? '', ...passage.attributions.map(({ speaker }) => `${speaker.name} ${speaker.role ?? ''}`)]),
    ...(dictionary ? { dictionary } : {}),
    ...(vectors ? { wordRank: (word: string) => vectors.rank(word) } : {}),
  })
  const quotations = buildQuoteIndex(passages)
  const byId = new Map(passages.map((passage) => [passage.id, passage]))
  const summaries = new Map<string, SummaryResult>()
  const byArticle = new Map<string, Passage[]>()
  for (const passage of passages) {
    const list = byArticle.get(passage.articleSlug) ?? []
    list.push(passage)
    byArticle.set(passage.articleSlug, list)
  }

  const summary: Engine['summary'] = ({ length = 'short', article } = {}) => {
    const slug = article ?? (articles[0] as Article).slug
    const key = `${slug}:${length}`
    const cached = summaries.get(key)
    if (cached) return cached
    const articlePassages = byArticle.get(slug) ?? []
    if (articlePassages.length === 0) throw new UnknownArticleError(`no article "${slug}" in the corpus`)
    const result = summarise(articlePassages, { ...options.summary, length })
    summaries.set(key, result)
    return result
  }

  return {
    index,
    normalise,
    isName: (word) => dictionary?.isName(word) ?? false,
    // "tl;dr" is answered by the summary only where the corpus is one article: with several, the question does not say which.
    ask: (question) => ask(index, question, options.ask, { normalise, summary: () => (articles.length === 1 ? summary({ length: 'short' }) : null), ...(dictionary ? { isName: (word: string) => dictionary.isName(word) } : {}) }),
    quote: (query) => lookUpQuotes(quotations, query),
    summary,
    speakers: () => listSpeakers(quotations),
    suggestQuotes: (partial, limit) => suggestQuotes(quotations, partial, limit),
    articles: () => articles.map(({ slug, title }) => ({ slug, title })),
    topics: () => index.topics,
    passage: (id) => byId.get(id),
  }
}
