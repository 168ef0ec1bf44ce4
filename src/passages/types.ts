/** A character range inside a passage's text: `text.slice(start, end)`. */
export interface Span {
  start: number
  end: number
}

export interface Sentence extends Span {
  text: string
}

/** Who is speaking, resolved across the article ("Asif" → Khawaja Asif). */
export interface Speaker {
  /** Full name, or the source as the article names it ("A Pakistani security source"). */
  name: string
  /** Role as written, with its affiliation ("Pakistan’s Defence Minister"); null when unknown. */
  role: string | null
  /** True for named people; false for unnamed sources ("Analysts", "Sources"). */
  isPerson: boolean
}

/** Speech in a passage, quoted or reported, with where it came through. */
export interface Attribution {
  speaker: Speaker
  /** The outlet the words came through ("Dawn", "AFP"); null when the article does not say. */
  via: string | null
}

/** Words inside quotation marks, verbatim, with who said them. */
export interface Quotation extends Span {
  text: string
  /** Null when no rule could find the speaker: better unattributed than misattributed. */
  attribution: Attribution | null
  /** True when the speaker came from context (a previous paragraph or a pronoun). */
  fromContext: boolean
}

export interface Passage {
  /** `${articleSlug}-p${paragraph}`, plus `.${part}` when a long paragraph was split. */
  id: string
  articleSlug: string
  articleTitle: string
  section: string | null
  /** 1-based paragraph number within the article. */
  paragraph: number
  /** 1-based part number when a long paragraph was split, else 1. */
  part: number
  text: string
  sentences: Sentence[]
  quotations: Quotation[]
  /** Everyone quoted or reported in the passage, quotations first, without repeats. */
  attributions: Attribution[]
  /** Outlets named in the passage ("according to Tolo News"). */
  outlets: string[]
}
