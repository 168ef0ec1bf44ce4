/** A character range inside a passage's text: `text.slice(start, end)`. */
export interface Span {
  start: number
  end: number
}

export interface Sentence extends Span {
  text: string
}

/** A named person, an organisation speaking as a body, or a source the article names only by role. */
export type SpeakerKind = 'person' | 'organisation' | 'source'

/** Who is speaking, resolved across the article ("Asif" → Khawaja Asif), with name, role and affiliation kept apart. */
export interface Speaker {
  /** Full name; an organisation's name; or a role-only source as the article names it ("A spokesperson for the commission"). */
  name: string
  /** The role alone ("Defence Minister", "coach", "spokesperson"); null when the article gives none. */
  role: string | null
  /** Who the role is held for ("Pakistan", "Harbour City", "the commission"); null when not stated. */
  affiliation: string | null
  /** Role and affiliation as the article words them ("Pakistan’s Defence Minister", "chair of the commission"), for display. */
  title: string | null
  /** True for named people; false for organisations and unnamed sources. */
  isPerson: boolean
  kind: SpeakerKind
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

/** Reported speech without quotation marks ("Ruiz said the bill would…"): the speaker's claim, not a quotation. */
export interface Claim extends Span {
  attribution: Attribution
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
  /** People the passage names, speaking or not, with the role and affiliation the article gives them ("Chief executive Julian Marsh"). */
  people: Speaker[]
  /** Sentences of reported speech, offsets into `text`. */
  claims: Claim[]
}
