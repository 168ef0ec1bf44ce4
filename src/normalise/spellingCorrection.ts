import type { CorpusVocabulary } from './corpusVocabulary.ts'
import type { SpellChecker } from './englishDictionary.ts'
import { foldSpelling } from './spellingVariants.ts'
import { isPlausibleSlip, typoCost } from './typoCost.ts'
import { isAllCaps, mapWords, matchCase } from './words.ts'

/**
 * Stage 5: a misspelt word is corrected towards the corpus first, then towards
 * English, and left alone when the evidence is thin. In order, for each word:
 *
 * 1. Left alone: shorter than 4 letters, with a digit, in capitals (an
 *    acronym), or known: in the corpus (any case, either spelling) or in the
 *    dictionary. A word ranked by `wordRank` (in general use, if only as a
 *    name: "herat", "imran") is corrected only towards a word at least 50
 *    times as common ("goverment" → "government"), never to "heart". With
 *    ranks, a dictionary word the corpus lacks is likewise corrected to a far
 *    more common corpus word one slip away ("finance minster").
 * 2. A corpus word plus "s" ("asifs", "kabuls") is that word's possessive
 *    ("asif's"): people drop the apostrophe far more often than they invent
 *    plurals of names.
 * 3. The nearest corpus word one edit away ("negotiatons" → "negotiations"),
 *    by a plausible slip (typoCost.ts: a dropped, swapped or doubled letter;
 *    for words over 5 letters also a neighbouring key, a vowel, an extra
 *    letter beside its neighbour); words of 5 letters or fewer must keep
 *    their first letter. Ties go to the likelier slip, then to the word the
 *    corpus uses more often, then to the more common English word; a tie
 *    that remains is no correction.
 * 4. A dictionary word plus "s" is its possessive ("qatars" → "qatar's"),
 *    after step 3 so that "minsters" finds the corpus's "ministers", not a minster.
 * 5. Else, unless the word is capitalised mid-sentence (a name: names are only
 *    ever corrected towards the corpus), the dictionary's one-edit suggestion
 *    (a common word, never a name, keeping the first letter, by a plausible
 *    slip) when it is the only likeliest one, or, given word ranks, when it is
 *    at least five times as common as the next one.
 * 6. Two corpus words run together ("torabora" → "tora bora", "spinboldak"),
 *    for words of 7 letters or more split into halves of 3 or more that the
 *    corpus both uses: a name of two words typed as one. The split whose rarer
 *    half the corpus uses most wins; a tie is no split. Names are split too.
 * 7. Else the nearest corpus word two edits away, for words of 8 letters or
 *    more (a dictionary word one edit away comes first).
 *
 * Results are memoised per word (bounded), so a repeated typo costs a look-up.
 */

export interface Correction {
  /** The word as the person typed it (after markup and contractions). */
  from: string
  /** What the engine gets instead. */
  to: string
  kind: 'spelling' | 'possessive' | 'shorthand'
}

export interface SpellingOptions {
  corpus: CorpusVocabulary
  /** English words; without one, only corpus words correct typos. */
  dictionary?: SpellChecker
  /**
   * A word's rank in general English by frequency (1 or 0 the most common),
   * e.g. `WordVectors.rank` (the vector cache is ordered by frequency). Breaks
   * ties the corpus cannot, and marks words in general use (see step 1).
   * Lower-case word in; undefined when unranked.
   */
  wordRank?: (lowerCaseWord: string) => number | undefined
  /** Distinct words whose correction is remembered. Default 10,000. */
  cacheSize?: number
}

const MIN_LENGTH = 4
/** Longer "words" are keyboard mashing or pasted identifiers, not misspellings. */
const MAX_LENGTH = 30
/**
 * Words of one question looked at, at most: a pasted wall of text must not
 * cost a look-up per word. By position, not by what is memoised, so the
 * result never depends on earlier questions.
 */
export const MAX_WORDS_CHECKED = 40
/** A word this long may be two corpus words run together, each at least MIN_COMPOUND_PART letters. */
const MIN_COMPOUND_LENGTH = 7
const MIN_COMPOUND_PART = 3
const CLEAR_RANK_RATIO = 5
const RANKED_TYPO_RATIO = 50

interface WordFix {
  to: string
  kind: Correction['kind']
}

export interface SpellingCorrector {
  /** The correction for one word, or undefined to leave it. `asName`: capitalised mid-sentence. */
  correctWord(word: string, asName: boolean): WordFix | undefined
  /** Corrects every word of a text, reporting each change. */
  correct(text: string): { text: string; corrections: Correction[] }
}

export function createSpellingCorrector(options: SpellingOptions): SpellingCorrector {
  const { corpus, dictionary, wordRank } = options
  const cacheSize = options.cacheSize ?? 10_000
  const memo = new Map<string, WordFix | null>()

  const rankOf = (word: string) => wordRank?.(word) ?? Number.POSITIVE_INFINITY
  const isKnown = (lower: string) => corpus.has(lower) || (dictionary !== undefined && (dictionary.has(lower) || dictionary.has(foldSpelling(lower))))

  function nearestCorpusWord(lower: string): { word: string; distance: number } | undefined {
    const maxDistance = lower.length >= 8 ? 2 : 1
    const candidates = corpus
      .near(lower, maxDistance)
      .filter((match) => match.word !== lower && (lower.length > 5 || match.word[0] === lower[0]))
      .filter((match) => match.distance > 1 || isPlausibleSlip(lower, match.word))
    const best = candidates[0]
    if (!best) return undefined
    const nearest = candidates.filter((match) => match.distance === best.distance)
    const ranked = nearest
      .map((match) => ({ ...match, cost: typoCost(lower, match.word), count: corpus.count(match.word), rank: rankOf(match.word) }))
      .sort((a, b) => a.cost - b.cost || b.count - a.count || a.rank - b.rank || (a.word < b.word ? -1 : 1))
    const [first, second] = ranked
    if (!first) return undefined
    if (second && second.cost === first.cost && second.count === first.count && second.rank === first.rank) return undefined
    return { word: first.word, distance: first.distance }
  }

  function dictionarySuggestion(lower: string): string | undefined {
    if (!dictionary) return undefined
    // Only slips that keep the first letter: a lower-case word the dictionary lacks is as often a name.
    const pool = dictionary.suggest(lower).filter((word) => word[0] === lower[0] && isPlausibleSlip(lower, word))
    // The likeliest slips only ("actualy": actually or actual, not actuary).
    const cheapest = Math.min(...pool.map((word) => typoCost(lower, word)))
    const likeliest = pool.filter((word) => typoCost(lower, word) === cheapest)
    if (likeliest.length === 1) return likeliest[0]
    if (!wordRank || likeliest.length === 0) return undefined
    const [first, second] = likeliest.map((word) => ({ word, rank: rankOf(word) })).sort((a, b) => a.rank - b.rank)
    if (!first || !Number.isFinite(first.rank)) return undefined
    if (second && second.rank < CLEAR_RANK_RATIO * (first.rank + 1)) return undefined
    return first.word
  }

  /**
   * A real word can be a slip too: "minster" for the corpus's "minister". With
   * word ranks, a dictionary word the corpus lacks is corrected to a corpus
   * word one plausible slip away that is used RANKED_TYPO_RATIO times as often
   * ("minster" 27,000th, "minister" 123rd); "sever" (severe is 9 times as
   * common) and unranked words stay.
   */
  function realWordSlip(lower: string): WordFix | undefined {
    const typedRank = wordRank?.(lower)
    if (typedRank === undefined || corpus.has(lower)) return undefined
    const candidate = nearestCorpusWord(lower)
    if (!candidate || candidate.distance !== 1 || rankOf(candidate.word) * RANKED_TYPO_RATIO > typedRank) return undefined
    return { to: candidate.word, kind: 'spelling' }
  }

  /** Two corpus words typed as one ("torabora" → "tora bora"), or undefined (step 6). */
  function corpusHalves(lower: string): string | undefined {
    if (lower.length < MIN_COMPOUND_LENGTH) return undefined
    let best: { split: string; count: number } | undefined
    let tied = false
    for (let at = MIN_COMPOUND_PART; at <= lower.length - MIN_COMPOUND_PART; at++) {
      const [first, second] = [lower.slice(0, at), lower.slice(at)]
      const count = Math.min(corpus.count(first), corpus.count(second))
      if (count === 0) continue
      if (best && count === best.count) tied = true
      if (!best || count > best.count) [best, tied] = [{ split: `${first} ${second}`, count }, false]
    }
    return best && !tied ? best.split : undefined
  }

  function fixOf(lower: string, asName: boolean): WordFix | undefined {
    if (isKnown(lower)) return realWordSlip(lower)
    const base = lower.endsWith('s') && !lower.endsWith('ss') && lower.length > MIN_LENGTH ? lower.slice(0, -1) : undefined
    if (base && corpus.has(base)) return { to: `${base}'s`, kind: 'possessive' }
    const typedRank = wordRank?.(lower)
    if (typedRank !== undefined) return correctionOfRankedWord(lower, typedRank)
    const fromCorpus = nearestCorpusWord(lower)
    if (fromCorpus && fromCorpus.distance === 1) return { to: fromCorpus.word, kind: 'spelling' }
    if (base && dictionary?.has(base)) return { to: `${base}'s`, kind: 'possessive' }
    const halves = corpusHalves(lower)
    if (halves) return { to: halves, kind: 'spelling' }
    if (asName) return fromCorpus ? { to: fromCorpus.word, kind: 'spelling' } : undefined
    const fromDictionary = dictionarySuggestion(lower)
    if (fromDictionary) return { to: fromDictionary, kind: 'spelling' }
    return fromCorpus ? { to: fromCorpus.word, kind: 'spelling' } : undefined
  }

  /**
   * A word general English uses (it has a rank) is a name or a word the
   * dictionary lacks ("herat", "imran"), unless a candidate is far more common
   * (RANKED_TYPO_RATIO times by rank): "goverment" is ranked too, but
   * "government" is used a hundred times as often.
   */
  function correctionOfRankedWord(lower: string, typedRank: number): WordFix | undefined {
    const candidates = [nearestCorpusWord(lower), { word: dictionarySuggestion(lower), distance: 1 }]
    for (const candidate of candidates) {
      if (candidate?.word && candidate.distance === 1 && rankOf(candidate.word) * RANKED_TYPO_RATIO <= typedRank) return { to: candidate.word, kind: 'spelling' }
    }
    return undefined
  }

  function correctWord(word: string, asName: boolean): WordFix | undefined {
    const letters = word.replace(/'/g, '')
    if (letters.length < MIN_LENGTH || letters.length > MAX_LENGTH || /[\d]/.test(word) || isAllCaps(word) || !/^[\p{L}']+$/u.test(word)) return undefined
    // "asfi's": the possessive's base is what may be misspelt.
    const possessive = /^(.+)'s$/iu.exec(word)
    if (possessive?.[1]) {
      const fix = correctWord(possessive[1], asName)
      return fix ? { to: `${fix.to.replace(/'s$/, '')}'s`, kind: fix.kind } : undefined
    }
    const lower = word.toLowerCase()
    const key = `${asName ? 'N' : 'w'}${lower}`
    let fix = memo.get(key)
    if (fix === undefined) {
      fix = fixOf(lower, asName) ?? null
      if (memo.size >= cacheSize) memo.delete(memo.keys().next().value as string)
      memo.set(key, fix)
    }
    return fix ? { to: matchCase(word, fix.to), kind: fix.kind } : undefined
  }

  function correct(text: string): { text: string; corrections: Correction[] } {
    const corrections: Correction[] = []
    let checked = 0
    const corrected = mapWords(text, (token, index) => {
      if (++checked > MAX_WORDS_CHECKED) return undefined
      // Hyphenated and slashed words are corrected part by part ("cross-boarder").
      const parts = token.split(/([^\p{L}\p{N}']+)/u)
      let changed = false
      const fixed = parts.map((part, partIndex) => {
        if (partIndex % 2 === 1 || part === '') return part
        const asName = index > 0 && /^\p{Lu}/u.test(part) && !isAllCaps(part)
        const fix = correctWord(part, asName)
        if (!fix) return part
        changed = true
        corrections.push({ from: part, to: fix.to, kind: fix.kind })
        return fix.to
      })
      return changed ? fixed.join('') : undefined
    })
    return { text: corrected, corrections }
  }

  return { correctWord, correct }
}
