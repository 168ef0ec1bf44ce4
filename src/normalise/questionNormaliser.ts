import { lowerShouting } from './casing.ts'
import { expandShorthand } from './chatShorthand.ts'
import { expandContractions } from './contractions.ts'
import { CorpusVocabulary } from './corpusVocabulary.ts'
import { collapseSpace, echoableText, stripDiscordMarkup } from './discordMarkup.ts'
import type { SpellChecker } from './englishDictionary.ts'
import { createSpellingCorrector, type Correction } from './spellingCorrection.ts'
import { straightenApostrophes } from './words.ts'

/**
 * One question pipeline for every transport (Discord, the CLI, the console):
 * the question as typed in → the text the engine should read, with what was
 * changed and the person's own words to show back.
 *
 *   raw → Discord markup off → apostrophes straightened → shouting lowered
 *       → contractions expanded → chat shorthand expanded, noise dropped
 *       → spelling corrected (corpus, then dictionary)
 *
 * British/American spelling is not rewritten here: `foldSpelling` belongs to
 * the term pipeline, on the index and query sides alike, and the spelling
 * stage already counts "defence" as known when the corpus or the (American)
 * dictionary has "defense".
 */

export interface NormalisedQuestion {
  /** The person's text: trimmed, invisible and control characters removed, capped. Show this back (escaped by the presenter). */
  original: string
  /** What the engine should read. '' when nothing but markup, emoji or noise was sent. */
  text: string
  /** Words changed on the way, in order: shorthand expanded, possessives restored, typos corrected. */
  corrections: Correction[]
}

export interface QuestionNormaliserOptions {
  /**
   * The corpus's words: surface forms or whole texts, any case. Each
   * occurrence counts towards a word's frequency (which breaks ties between
   * corrections); a Map from word to count is taken as it is. A ready
   * CorpusVocabulary is used as is.
   */
  vocabulary: Iterable<string> | ReadonlyMap<string, number> | CorpusVocabulary
  /**
   * English words to check against and take suggestions from: usually
   * `loadEnglishDictionary()` (Hunspell's en-US, cached). Without one, typos
   * are corrected towards corpus words only.
   */
  dictionary?: SpellChecker
  /** General English frequency rank of a lower-case word (e.g. `(word) => vectors.rank(word)`); see SpellingOptions.wordRank. */
  wordRank?: (lowerCaseWord: string) => number | undefined
  /** Distinct misspelt words remembered. Default 10,000. */
  cacheSize?: number
}

export type QuestionNormaliser = (raw: string) => NormalisedQuestion

export function createQuestionNormaliser(options: QuestionNormaliserOptions): QuestionNormaliser {
  const corpus = options.vocabulary instanceof CorpusVocabulary ? options.vocabulary : new CorpusVocabulary(options.vocabulary)
  corpus.warm()
  const speller = createSpellingCorrector({
    corpus,
    ...(options.dictionary ? { dictionary: options.dictionary } : {}),
    ...(options.wordRank ? { wordRank: options.wordRank } : {}),
    ...(options.cacheSize ? { cacheSize: options.cacheSize } : {}),
  })
  const isCorpusWord = (word: string) => corpus.has(word)
  const isCorpusAcronym = (word: string) => corpus.isAcronym(word)

  return (raw) => {
    const original = echoableText(raw)
    const corrections: Correction[] = []
    let text = straightenApostrophes(stripDiscordMarkup(raw))
    text = lowerShouting(text, { isCorpusAcronym, isCorpusWord })
    text = expandContractions(text)
    text = expandShorthand(text, { isCorpusWord, onExpand: (from, to) => corrections.push({ from, to, kind: 'shorthand' }) })
    const spelled = speller.correct(text)
    corrections.push(...spelled.corrections)
    text = collapseSpace(spelled.text)
    // A question of punctuation alone ("??") says nothing either.
    if (!/[\p{L}\p{N}]/u.test(text)) text = ''
    return { original, text, corrections }
  }
}
