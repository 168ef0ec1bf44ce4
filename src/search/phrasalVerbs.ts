import { termOf } from './terms.ts'

/**
 * Phrasal verbs as the term pipeline sees them: a verb's index term and its
 * particle ("thrown" + "out": "throw out") → the index terms of the one-word
 * verbs it means ("discard", "expel"), from WordNet (src/semantics/phrasalVerbs.ts).
 */
export class PhrasalVerbs {
  private readonly byTerm = new Map<string, string[]>()

  constructor(entries: Iterable<readonly [string, readonly string[]]>) {
    for (const [phrase, words] of entries) {
      const [verb, particle] = phrase.split(' ')
      const verbTerm = verb ? termOf(verb) : null
      if (!verbTerm || !particle) continue
      const terms = [...new Set(words.map(termOf).filter((term): term is string => term !== null && term !== verbTerm))]
      if (terms.length > 0) this.byTerm.set(`${verbTerm} ${particle}`, terms)
    }
  }

  /** The terms "thrown" + "out" stands for ("discard", "expel", …), or none. */
  meanings(verbTerm: string, particle: string): readonly string[] {
    return this.byTerm.get(`${verbTerm} ${particle.toLowerCase()}`) ?? []
  }

  get size(): number {
    return this.byTerm.size
  }
}
