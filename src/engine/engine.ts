import type { Article } from '../corpus/article.ts'
import { buildPassages, type PassageOptions } from '../passages/buildPassages.ts'
import type { Passage } from '../passages/types.ts'
import { indexSteps, MAX_TOPICS, runSteps, runStepsAsync, Vocabulary, type PassageIndex } from '../search/passageIndex.ts'
import { antonymKeys } from '../search/softMatcher.ts'
import { sharedAntonymPairs, sharedPhrasalVerbEntries, sharedRelatedFormPairs, sharedWordVectors } from '../semantics/sharedVectors.ts'
import { PhrasalVerbs } from '../search/phrasalVerbs.ts'
import { RelatedForms } from '../search/relatedForms.ts'
import type { WordVectors } from '../semantics/wordVectors.ts'
import { createQuestionNormaliser, type QuestionNormaliser } from '../normalise/questionNormaliser.ts'
import type { SpellChecker } from '../normalise/englishDictionary.ts'
import { sharedEnglishDictionary } from '../normalise/sharedDictionary.ts'
import { articleInfoOf, type ArticleInfo, type ArticleScope } from './articleInfo.ts'
import { analysedPassages } from './analysisCache.ts'
import { ask, type AskContext, type AskOptions, type Retrieval } from './ask.ts'
import { morePassages, type MoreOptions, type MoreResult } from './followUps.ts'
import { buildQuoteIndex, listSpeakers, lookUpQuotes, suggestQuotes, type QuoteIndex } from './quote.ts'
import { summarise, type SummaryOptions } from './summary.ts'
import type { AskResult, QuoteResult, QuoteSuggestion, SpeakerEntry, SummaryResult } from './types.ts'

export type { ArticleInfo, ArticleScope } from './articleInfo.ts'

export interface EngineOptions {
  /** Word vectors for meaning-based matching; default the process's shared cache (`sharedWordVectors`), null for none. */
  vectors?: WordVectors | null
  /** Opposites (index-term pairs, `antonymKeys`) the soft matcher leaves out; default WordNet's, from the process's shared cache. */
  antonyms?: ReadonlySet<string>
  /** Phrasal verbs' one-word meanings ("throw out" → discard); default WordNet's, from the process's shared cache, null for none. */
  phrasalVerbs?: PhrasalVerbs | null
  /** A word's forms in other parts of speech ("Swedish" → Sweden); default WordNet's, from the process's shared cache, null for none. */
  relatedForms?: RelatedForms | null
  /** English dictionary for spelling correction of questions; default the process's shared one, null for corpus words only. */
  dictionary?: SpellChecker | null
  /**
   * Keep each article's reading (passages, attribution, entities) on disk and read it back while the article
   * and the reading code are unchanged (see analysisCache.ts). Default false; the corpus loaders turn it on.
   */
  analysisCache?: boolean
  passages?: PassageOptions
  ask?: AskOptions
  summary?: Omit<SummaryOptions, 'length'>
}

/** The three things people do with the corpus, over one index built once. */
export interface Engine {
  /** `scope.articles` limits the answer to those articles (a server's, or the one picked). */
  ask(question: string, scope?: ArticleScope): AskResult
  /** The passages that bear on a question beyond those its answer shows (the "More" button), a page at a time. */
  more(question: string, scope?: ArticleScope, options?: MoreOptions): MoreResult
  quote(query: string, scope?: ArticleScope): QuoteResult
  /** Summary of one article (default: the first). Throws for an unknown slug. */
  summary(options?: { length?: SummaryOptions['length']; article?: string }): SummaryResult
  speakers(scope?: ArticleScope): SpeakerEntry[]
  suggestQuotes(partial: string, limit?: number, scope?: ArticleScope): QuoteSuggestion[]
  /** Every article, in corpus order, with its metadata. */
  articles(): ArticleInfo[]
  article(slug: string): ArticleInfo | undefined
  topics(scope?: ArticleScope): string[]
  /** Builds what a scope needs (its vocabulary, its quotations) now, so its first request does not. */
  prepare(scope: ArticleScope): void
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

/**
 * Passages of an unchanged article are reused across rebuilds (the live
 * corpus re-reads only changed files, and keeps their Article objects).
 */
const passageCache = new WeakMap<Article, { options: PassageOptions | undefined; passages: Passage[] }>()

function passagesOf(article: Article, options: PassageOptions | undefined, onDisk: boolean): Passage[] {
  const cached = passageCache.get(article)
  if (cached && cached.options === options) return cached.passages
  // The default reading is cached on disk too (see analysisCache.ts); custom options always read anew.
  const passages = options === undefined && onDisk ? analysedPassages(article) : buildPassages(article, options)
  passageCache.set(article, { options, passages })
  return passages
}

/** At most this many scoped quote indexes are kept (one per server that has its own articles, or picked article). */
const MAX_SCOPED_QUOTE_INDEXES = 64

export function createEngine(articles: Article[], options: EngineOptions = {}): Engine {
  return runSteps(engineSteps(articles, options))
}

/**
 * The same engine, built with a pause between chunks of work, so that a live
 * reload never holds the event loop for long (the old engine keeps answering).
 */
export async function createEngineAsync(articles: Article[], options: EngineOptions = {}): Promise<Engine> {
  return runStepsAsync(engineSteps(articles, options))
}

/** WordNet's opposites as index-term pairs, worked out once per process. */
let sharedKeys: ReadonlySet<string> | undefined
const sharedAntonymKeys = () => (sharedKeys ??= antonymKeys(sharedAntonymPairs()))
let sharedPhrasal: PhrasalVerbs | undefined
const sharedPhrasalVerbs = () => (sharedPhrasal ??= new PhrasalVerbs(sharedPhrasalVerbEntries()))
let sharedRelated: RelatedForms | undefined
const sharedRelatedForms = () => (sharedRelated ??= new RelatedForms(sharedRelatedFormPairs()))

function* engineSteps(articles: Article[], options: EngineOptions): Generator<void, Engine, void> {
  const byArticle = new Map<string, Passage[]>()
  for (const article of articles) {
    byArticle.set(article.slug, passagesOf(article, options.passages, options.analysisCache ?? false))
    if (byArticle.size % 25 === 0) yield
  }
  const passages = [...byArticle.values()].flat()
  const vectors = options.vectors === undefined ? sharedWordVectors() : options.vectors
  const antonyms = vectors ? (options.antonyms === undefined ? sharedAntonymKeys() : options.antonyms) : undefined
  // With the meaning-based matching, like the antonyms: a bare engine (no vectors) matches words as written.
  const phrasalVerbs = options.phrasalVerbs === undefined ? (vectors ? sharedPhrasalVerbs() : null) : options.phrasalVerbs
  const relatedForms = options.relatedForms === undefined ? (vectors ? sharedRelatedForms() : null) : options.relatedForms
  const index = yield* indexSteps(passages, { vectors, phrasalVerbs, relatedForms, ...(antonyms ? { antonyms } : {}) })
  const dictionary = options.dictionary === undefined ? sharedEnglishDictionary() : options.dictionary
  // Stage "normalise": one pipeline for every transport; the engine reads its text, people see their own words.
  const normalise = createQuestionNormaliser({
    vocabulary: index.wordCounts,
    ...(dictionary ? { dictionary } : {}),
    ...(vectors ? { wordRank: (word: string) => vectors.rank(word) } : {}),
  })
  // A name: a word the dictionary knows only capitalised ("india" → "India"), or one written capitalised that it does not know at all ("Bitcoin").
  const isName = (word: string) => (dictionary ? dictionary.isName(word) || (/^\p{Lu}/u.test(word) && !dictionary.has(word)) : false)
  yield
  const quotations = buildQuoteIndex(passages, index.relatedForms)
  yield
  const byId = new Map(passages.map((passage) => [passage.id, passage]))
  const summaries = new Map<string, SummaryResult>()
  const infos = new Map<string, ArticleInfo>()
  const scopedQuotes = new Map<string, QuoteIndex>()
  const scopedIndexes = new Map<string, PassageIndex>()
  const bySlug = new Map(articles.map((article) => [article.slug, article]))

  /** True when the scope leaves some article out (else the whole corpus's structures serve it). */
  const narrows = (scope: ArticleScope | undefined) => scope?.articles !== undefined && !articles.every((article) => scope.articles?.has(article.slug))
  /** The quote index over a scope's passages; the whole corpus's when the scope covers it. */
  const quotesIn = (scope?: ArticleScope): QuoteIndex => {
    if (!narrows(scope)) return quotations
    const key = scopeKey(scope)
    const slugs = key.split('\u0000').filter(Boolean)
    let found = scopedQuotes.get(key)
    if (!found) {
      found = buildQuoteIndex(slugs.flatMap((slug) => byArticle.get(slug) ?? []), index.relatedForms)
      if (scopedQuotes.size >= MAX_SCOPED_QUOTE_INDEXES) scopedQuotes.delete(scopedQuotes.keys().next().value as string)
      scopedQuotes.set(key, found)
    }
    return found
  }
  const infoOf = (article: Article): ArticleInfo => {
    let info = infos.get(article.slug)
    if (!info) {
      info = articleInfoOf(article, listSpeakers(buildQuoteIndex(byArticle.get(article.slug) ?? [])).map((speaker) => speaker.name))
      infos.set(article.slug, info)
    }
    return info
  }
  const scopeKey = (scope: ArticleScope | undefined) => articles.filter((article) => scope?.articles?.has(article.slug)).map((article) => article.slug).join('\u0000')
  /**
   * The index as a scope sees it: the same search, but the vocabulary of its
   * own passages only, so a word found only in articles outside the scope (another
   * server's) counts as unknown, exactly as a word in no article at all.
   */
  const indexIn = (scope?: ArticleScope): PassageIndex => {
    if (!narrows(scope)) return index
    const key = scopeKey(scope)
    let found = scopedIndexes.get(key)
    if (!found) {
      const terms = index.passageTerms.filter((_, position) => scope?.articles?.has((index.passages[position] as Passage).articleSlug))
      found = { ...index, vocabulary: new Vocabulary(terms), topics: topicsIn(scope) }
      if (scopedIndexes.size >= MAX_SCOPED_QUOTE_INDEXES) scopedIndexes.delete(scopedIndexes.keys().next().value as string)
      scopedIndexes.set(key, found)
    }
    return found
  }
  /** Titles when several articles are in scope; with one, its title and sections (as the index's own topics). */
  const topicsIn = (scope?: ArticleScope): string[] => {
    if (!narrows(scope)) return index.topics
    const visible = articles.filter((article) => scope?.articles?.has(article.slug))
    if (visible.length !== 1) return visible.map((article) => article.title).slice(0, MAX_TOPICS)
    const only = infoOf(visible[0] as Article)
    return [...new Set([only.title, ...only.sections])].slice(0, MAX_TOPICS)
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

  /** The ranking of the latest ask, for a `more` on the same question and scope right after it. */
  let lastRetrieval: { key: string; retrieval: Retrieval } | null = null
  // No scope (every article) and an empty one are different scopes.
  const retrievalKey = (question: string, scope: ArticleScope | undefined) => `${scope?.articles ? `[${scopeKey(scope)}]` : '*'}\u0001${question}`
  /** What ask needs beside the index, for a scope: the same for an answer and for its "More". */
  const askContextFor = (scope: ArticleScope | undefined): AskContext => {
    const within = narrows(scope) ? scope?.articles : undefined
    const visible = within ? articles.filter((article) => within.has(article.slug)) : articles
    // "tl;dr" is answered by the summary only where one article is in view: with several, the question does not say which.
    const only = visible.length === 1 ? (visible[0] as Article).slug : null
    return {
      normalise,
      isName,
      summary: () => (only ? summary({ length: 'short', article: only }) : null),
      ...(within ? { scope: within } : {}),
    }
  }

  return {
    index,
    normalise,
    isName,
    ask: (question, scope) => {
      const key = retrievalKey(question, scope)
      return ask(indexIn(scope), question, options.ask, { ...askContextFor(scope), onRetrieval: (retrieval) => (lastRetrieval = { key, retrieval }) })
    },
    more: (question, scope, more) => {
      // Right after ask on the same question and scope (/ask offering More), its ranking is reused: pure, so the same.
      const reuse = more?.shown && lastRetrieval?.key === retrievalKey(question, scope) ? { retrieval: lastRetrieval.retrieval } : {}
      return morePassages(indexIn(scope), question, options.ask, askContextFor(scope), { ...more, ...reuse })
    },
    quote: (query, scope) => lookUpQuotes(quotesIn(scope), query),
    summary,
    speakers: (scope) => listSpeakers(quotesIn(scope)),
    suggestQuotes: (partial, limit, scope) => suggestQuotes(quotesIn(scope), partial, limit),
    articles: () => articles.map(infoOf),
    article: (slug) => {
      const found = bySlug.get(slug)
      return found ? infoOf(found) : undefined
    },
    topics: (scope) => topicsIn(scope),
    prepare: (scope) => {
      indexIn(scope)
      quotesIn(scope)
    },
    passage: (id) => byId.get(id),
  }
}
