import type { Attribution, Passage, Span, SpeakerKind } from '../passages/types.ts'

export type QuestionType = 'who' | 'when' | 'where' | 'howMany' | 'howMuch' | 'howLong' | 'why' | 'what'

/** A passage retrieved for a question, best first. */
export interface RankedPassage {
  passage: Passage
  score: number
  /** Index terms of the question found in the passage. */
  matchedTerms: string[]
}

/** The one sentence of the top passage that best answers the question. */
export interface AnswerSentence {
  passageId: string
  text: string
  /** Offsets of the sentence in the passage text. */
  start: number
  end: number
  /** Words of the question inside the sentence, as offsets in the passage text. */
  highlights: Span[]
}

export type AbstainReason =
  /** Nothing to look up: empty, a greeting, only question words. */
  | 'no-question'
  /** The question names people, places or things the article never mentions. */
  | 'unknown-names'
  /** Too little of the question's content occurs in the article. */
  | 'not-covered'
  /** "What did X tell <outlet>?": no passage has X telling that outlet. `missing` is [X or '', the outlet]. */
  | 'not-told'
  /** "Who wrote this?": the article's front matter names no author. */
  | 'no-author'

export interface AnsweredQuestion {
  answered: true
  question: string
  type: QuestionType
  answer: AnswerSentence
  /** The answering passage first, then up to two that add something. */
  passages: RankedPassage[]
  /** Set when the question asked about the article as a whole ("tl;dr"): its short summary answers. */
  summary?: SummaryResult
}

export interface UnansweredQuestion {
  answered: false
  question: string
  /** The question as the engine read it (normalised): what /insights counts. */
  readAs?: string
  type: QuestionType
  reason: AbstainReason
  /** Words of the question the article never uses ("India"). */
  missing: string[]
  /** What the corpus does cover: its articles' titles and sections. */
  topics: string[]
  passages: []
}

export type AskResult = AnsweredQuestion | UnansweredQuestion

export interface QuoteMatch {
  /** The quoted words, verbatim. */
  text: string
  attribution: Attribution | null
  passage: Passage
}

export interface QuoteResult {
  query: string
  /** How the query matched: a speaker (by name or role), words of the quotations, or nothing. */
  matchedBy: 'speaker' | 'phrase' | 'none'
  quotes: QuoteMatch[]
  /** Everyone quoted in the corpus, for "did you mean" when nothing matched. */
  speakers: SpeakerEntry[]
}

export interface SpeakerEntry {
  name: string
  role: string | null
  /** Who the role is held for ("Pakistan", "the commission"). */
  affiliation: string | null
  /** Role and affiliation as the article words them ("Pakistan’s Defence Minister"). */
  title: string | null
  isPerson: boolean
  kind: SpeakerKind
  /** The article quoting them: a speaker is listed once per article. */
  articleSlug: string
  /** Outlets that carried this speaker's quotations, in order of appearance. */
  outlets: string[]
  quoteCount: number
}

/** An autocomplete choice: what the user sees and what the lookup receives. */
export interface QuoteSuggestion {
  label: string
  query: string
}

export type SummaryLength = 'short' | 'full'

export interface SummarySentence {
  /** Verbatim from the article. */
  text: string
  passageId: string
  /** 1-based paragraph number in the article. */
  paragraph: number
  /**
   * People this sentence names for the first time in the summary without
   * saying who they are ("Asif invoked…"): shown beside the sentence, never inside it.
   */
  introduces: Array<{ mention: string; label: string }>
}

export interface SummaryResult {
  article: { slug: string; title: string }
  length: SummaryLength
  sentences: SummarySentence[]
}
