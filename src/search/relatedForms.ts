import { termOf } from './terms.ts'

/**
 * Related forms as the term pipeline sees them: an index term → the index
 * terms of its forms in other parts of speech, both ways ("swedish" ↔
 * "sweden", "increasingli" ↔ "increas"), from WordNet (src/semantics/relatedForms.ts).
 */
export class RelatedForms {
  private readonly byTerm = new Map<string, string[]>()

  constructor(pairs: Iterable<readonly [string, string]>) {
    for (const [word, form] of pairs) {
      const wordTerm = termOf(word)
      const formTerm = termOf(form)
      if (!wordTerm || !formTerm || wordTerm === formTerm) continue
      this.add(wordTerm, formTerm)
      this.add(formTerm, wordTerm)
    }
  }

  private add(from: string, to: string): void {
    const forms = this.byTerm.get(from)
    if (!forms) this.byTerm.set(from, [to])
    else if (!forms.includes(to)) forms.push(to)
  }

  /** The terms of the word's related forms ("swedish" → ["sweden"]), or none. */
  of(term: string): readonly string[] {
    return this.byTerm.get(term) ?? []
  }

  get size(): number {
    return this.byTerm.size
  }
}
