import type { QuestionNormaliser } from '../normalise/questionNormaliser.ts'
import { foldText, termOf, termsOf, tokenize, type Token } from '../search/terms.ts'
import type { QuestionType } from './types.ts'

export interface QuestionTerm {
  term: string
  /** The word as the user wrote it. */
  word: string
  /** Written with a capital inside the question: a name, so its absence from the article matters. */
  capitalised: boolean
  /** After "about", "regarding"…: the topic asked about ("What did Asif say about the economy?"). */
  topic: boolean
}

/** "What did *Oskar Venn* tell *the Dunmere Gazette*…": the two sides of the telling. */
export interface ToldTo {
  /** Whom the words were told to, as typed ("the Dunmere Gazette"), and as index terms. */
  outlet: string
  terms: string[]
  /** Written as a name: a word of it capitalised. */
  capitalised: boolean
  /** Who told it, as typed ("Oskar Venn"; '' when the question does not say), and as index terms. */
  teller: string
  speaker: string[]
}

export interface AnalysedQuestion {
  /** The question as it will be echoed: the person's words, mentions and markup removed, shortened. */
  text: string
  /** The question as the engine read it (normalised). */
  readAs: string
  type: QuestionType
  terms: QuestionTerm[]
  /** "What is the TTP?": asks what something is, which the first mention usually says. */
  definitional: boolean
  /** "What did they do after …": the answer follows what the question names. */
  asksWhatFollowed: boolean
  /** "Is the border open?", "did the talks fail": answered yes or no, often by the opposite ("still closed"). */
  asksYesOrNo: boolean
  /** "When will the border reopen?", "is the union gonna strike": asks what is yet to happen. */
  asksAboutFuture: boolean
  /** "How old is X?", "at what age…": asks for an age, which the answer must state. */
  asksAge: boolean
  /** "What did Venn tell the Dunmere Gazette…", "… tell reuters abt …": whom the words were told to, and by whom. Null when no one. */
  toldTo: ToldTo | null
  /** The verb right after "who" ("Who refused…"): the sentence that answers holds it. */
  predicate: string | null
  /** "How does the article end?": a question about where the text stands, not what it says. */
  position: 'start' | 'end' | null
  /** "What weapons…", "Which border…", "Who led…": the thing asked for, named right after the question word. */
  focus: QuestionTerm | null
  /** The focus is a noun ("what *weapons*", "how many *soldiers*"), not the verb after "who" ("who *led*"). */
  focusIsNoun: boolean
  /** "What did X say", "what did X tell reporters": asks for someone's words, which a quotation or reported speech holds. */
  asksWhatWasSaid: boolean
  /** "tl;dr", "summarise the article", "what is this about": a question about the text as a whole, or who wrote it. */
  aboutTheText: 'summary' | 'author' | null
}

/** A question opening on an auxiliary or a modal, after any greeting or "so": one answered yes or no. */
const YES_OR_NO = /^\W*(?:(?:so|and|but|ok|okay|hey|hi|bot|wait|also)\b\W*)*(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must|isnt|arent|wasnt|werent|dont|doesnt|didnt|hasnt|havent|hadnt|wont|cant|couldnt|wouldnt|shouldnt)\b/

/** Words that put a question in the future. */
const FUTURE_QUESTION = /\b(?:will|next|upcoming|gonna|going to|due to|expected to|plans? to|planning to)\b/

/** The words after "tell"/"told" up to what the telling was about, or the question's end. */
const TOLD_TO = /\b(?:tell|tells|told|telling)\s+(?!to\b)(.+?)(?=\s+(?:about|abt|regarding|re|on|that|why|how|what|when|whether|if|to|after|before|during|in|at|for)\b|\s*[?.!,]|\s*$)/i

/** Who did the telling: "what did *Oskar Venn* tell…". */
const TELLER = /\b(?:did|does|do|has|have|had)\s+(.+?)\s+(?:tell|tells|told|telling)\b/i

function toldTo(text: string): ToldTo | null {
  const target = TOLD_TO.exec(text)?.[1]
  // In lower case: a typed "AFP" and "afp" are one outlet (the check looks for the capitals the index keeps acronyms in).
  const terms = target ? termsOf(target.toLowerCase()) : []
  if (!target || terms.length === 0) return null
  const teller = TELLER.exec(text)?.[1]?.trim() ?? ''
  return { outlet: target.trim(), terms, capitalised: tokenize(target).some((token) => /^\p{Lu}/u.test(token.word)), teller, speaker: termsOf(teller.toLowerCase()) }
}

const SPEECH = /\b(?:say|says|said|saying|tell|tells|told|claim|claims|claimed|state|states|stated|add|added|warn|warns|warned|speak|spoke|comment|commented|respond|responded|react|reacted|quote|quoted|statement)\b/

const THE_TEXT = String.raw`(?:the |this |that )?(?:article|story|piece|report|text|news|thing|it|this|that)`
/** The end of a question, allowing a closing "please". */
const END = String.raw`(?:\W+(?:please|pls|thanks|thx))?\W*$`
// General English ways of asking for the gist of what one is reading.
const ASKS_FOR_SUMMARY = new RegExp(
  [
    String.raw`^\W*tl\W?dr\b`,
    String.raw`\btl\W?dr\W*$`,
    String.raw`\b(?:summari[sz]e|sum up|sum it up|recap|give me the gist|in a nutshell)\b`,
    String.raw`\b(?:summary|gist|overview|recap|rundown) of ${THE_TEXT}${END}`,
    String.raw`^\W*what(?: is|'s|s) the (?:gist|upshot|bottom line)${END}`,
    String.raw`\bwhat(?: is|'s|s| was) ${THE_TEXT} (?:all )?about${END}`,
    String.raw`\b(?:main|key) (?:points?|ideas?|message|story|takeaways?)\b`,
    String.raw`^\W*(?:give me |can i get |i want )?(?:a |the )?(?:summary|overview|rundown|recap)\W*(?:please|pls)?\W*$`,
  ].join('|'),
)
const ASKS_FOR_AUTHOR = new RegExp(
  String.raw`\bwho (?:wrote|writes|authored|published) ${THE_TEXT}\W*$|\b(?:author|writer|byline) of ${THE_TEXT}\W*$|\bwho(?: is|'s|s) the (?:author|writer|journalist)(?: of ${THE_TEXT})?\W*$`,
)

/** Whether the question is about the text itself rather than what it reports. */
export function questionAboutTheText(folded: string): 'summary' | 'author' | null {
  if (ASKS_FOR_AUTHOR.test(folded)) return 'author'
  if (ASKS_FOR_SUMMARY.test(folded)) return 'summary'
  return null
}

/** Longer questions are cut here: no real question needs more, and the engine's cost stays bounded. */
export const MAX_QUESTION_CHARS = 500

const DISCORD_MARKUP = /<(?:@[!&]?|#|a?:\w+:)\d+>|@(?:everyone|here)\b|https?:\/\/\S+/gi

export function cleanQuestion(raw: string): string {
  return raw
    .replace(DISCORD_MARKUP, ' ')
    .normalize('NFC')
    .replace(/\p{M}{2,}/gu, '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS)
}

const TEXT = String.raw`(?:the |this )?(?:article|story|piece|report|text|it)`
const END_OF_TEXT = new RegExp(String.raw`\b(?:how|where|what) (?:does|did) ${TEXT} (?:end|finish|conclude|close)\b|\b(?:last|final|closing) (?:paragraph|line|sentence|words)\b|\bending of ${TEXT}\b`)
// A news article opens with its gist (the lede): "what is the article about" is answered there too.
const START_OF_TEXT = new RegExp(
  String.raw`\b(?:how|where|what) (?:does|did) ${TEXT} (?:start|begin|open)\b|\b(?:first|opening) (?:paragraph|line|sentence|words)\b|\bbeginning of ${TEXT}\b`,
)

/**
 * The thing asked for: the word right after an opening "what"/"which" ("What
 * weapons did…"), or the head of the phrase after "how many/much"
 * ("How many Pakistani soldiers died…": the words before the head only qualify it).
 */
function focusOf(tokens: Token[], terms: QuestionTerm[]): QuestionTerm | null {
  // Ordinary words ("main", "way") are not things the article would name.
  const termOfWord = (word: string) => terms.find((term) => term.word === word) ?? null
  const [first, second, third, fourth] = tokens
  if (first && second && /^(?:what|which)$/i.test(first.word)) {
    // "What is the capital of …": the noun after the copula.
    if (/^(?:is|are|was|were)$/i.test(second.word)) {
      const noun = third && /^(?:the|a|an)$/i.test(third.word) ? fourth : third
      return noun ? termOfWord(noun.word) : null
    }
    // "What past defeat did …": the last content word before the verb heads the phrase.
    // "What caused …" asks about an event, not a kind of thing.
    let head: QuestionTerm | null = null
    for (const token of tokens.slice(1)) {
      const isContent = terms.some((term) => term.word === token.word)
      if (!isContent || /ed$/i.test(token.word)) break
      head = termOfWord(token.word) ?? head
    }
    return head
  }
  const howMany = tokens.findIndex((token, index) => /^how$/i.test(token.word) && /^(?:many|much)$/i.test(tokens[index + 1]?.word ?? ''))
  if (howMany === -1) return null
  // The last content word of the phrase heads it: "how many Pakistani soldiers died" asks for soldiers.
  let head: QuestionTerm | null = null
  for (const token of tokens.slice(howMany + 2)) {
    const term = termOfWord(token.word)
    if (!term || (head && /ed$/i.test(token.word))) break
    head = term
  }
  return head
}

/**
 * "When does the truce expire?", "Where were the talks held?": with do-support
 * or an auxiliary, the question ends on the verb of the event asked about.
 */
function eventVerb(folded: string, terms: QuestionTerm[]): QuestionTerm | null {
  if (!/^\s*(?:when|where|why|how)\s+(?:do|does|did|will|would|can|could|should|is|are|was|were|has|have|had)\b/.test(folded)) return null
  const last = terms.at(-1)
  if (!last || last.capitalised) return null
  const words = folded.replace(/[^a-z0-9\s'-]/g, ' ').trim().split(/\s+/)
  return foldText(last.word) === words.at(-1) ? last : null
}

/** Nouns that, right after "what" or "which", name the kind of answer: a date, a place, an amount. */
const TYPE_NOUNS = new Set(['date', 'day', 'time', 'year', 'month', 'city', 'country', 'place', 'town', 'region', 'province', 'number', 'amount', 'figure', 'share', 'percentage', 'proportion', 'toll'])

/** Words after which a question names its topic. */
const TOPIC_MARKERS = new Set(['about', 'regarding', 'concerning'])

function questionType(folded: string): QuestionType {
  if (/\bhow long\b(?! ago)|\bhow much time\b|\bwhat (?:period|length of time)\b|\bhow many (?:days|weeks|months|years|hours|minutes)\b/.test(folded)) return 'howLong'
  if (/\bhow many\b|\bnumber of\b|\bwhat (?:number|toll)\b/.test(folded)) return 'howMany'
  if (/\bhow (?:much|large|big|high|low)\b|\b(?:what|which) (?:amount|share|percentage|proportion|figure)\b/.test(folded)) return 'howMuch'
  if (/\bwhen\b|\bhow long ago\b|\bwhat (?:date|day|time|year|month)\b|\bwhich (?:date|day|year|month)\b/.test(folded)) return 'when'
  if (/\bwhere\b|\bwhich (?:city|country|place|border|region|town|province)\b/.test(folded)) return 'where'
  if (/\bwho(?:m|se)?\b|\bwhich (?:person|official|minister|outlet|newspaper|agency|group)\b/.test(folded)) return 'who'
  if (/\bwhy\b|\bwhat (?:caused|led to)\b|\breason\b/.test(folded)) return 'why'
  return 'what'
}

/**
 * Splits a question into its type and content terms (question words and
 * fillers dropped). With a normaliser, the question is read as normalised
 * (markup off, contractions and shorthand expanded, spelling corrected) and
 * echoed as the person typed it.
 */
export function analyseQuestion(raw: string, normalise?: QuestionNormaliser): AnalysedQuestion {
  const normalised = normalise ? normalise(raw) : null
  const echo = cleanQuestion(normalised ? normalised.original : raw)
  // "How old is X" asks for an age: the thing asked for is the age, which the article must give.
  // "tl;dr" frames the question (it asks for the gist), it names nothing to find.
  const read = cleanQuestion(normalised ? normalised.text : raw)
  const aboutTheText = questionAboutTheText(foldText(read))
  const text = read.replace(/\bhow old\b/gi, 'what age').replace(/\btl\W?dr\b/gi, ' ')
  // "How long/often/far…" frame the question; the word after "how" is not its topic.
  // "According to X, why…": a frame naming whose view is asked, not words to find.
  const framed = text.replace(/^\s*according to\b/i, (frame) => ' '.repeat(frame.length))
  const tokens = tokenize(framed.replace(/\bhow\s+(?:long|often|far|soon|old|big|large)\b/gi, (frame) => ' '.repeat(frame.length)))
  const letters = tokens.map((token) => token.word).join('')
  // Shouted or title-cased questions say nothing about which words are names.
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length
  const casingIsInformative = upper <= letters.replace(/[^\p{L}]/gu, '').length * 0.5
  const terms: QuestionTerm[] = []
  const seen = new Set<string>()
  let inTopic = false
  tokens.forEach((token, index) => {
    if (TOPIC_MARKERS.has(token.word.toLowerCase())) inTopic = true
    // "What day…", "which city…": the noun names the kind of answer (the question type), not something to find.
    if (index > 0 && /^(?:what|which)$/i.test(tokens[index - 1]?.word ?? '') && TYPE_NOUNS.has(token.word.toLowerCase())) return
    // In a shouted question, capitals say nothing: "ASIF" is a word, not an acronym.
    const term = termOf(casingIsInformative ? token.word : token.word.toLowerCase())
    if (!term || seen.has(term)) return
    seen.add(term)
    const startsUpper = /^\p{Lu}/u.test(token.word)
    const isAcronym = /^\p{Lu}{2,}$/u.test(token.word)
    terms.push({ term, word: token.word, capitalised: casingIsInformative && startsUpper && (index > 0 || isAcronym), topic: inTopic })
  })
  const folded = foldText(text)
  const nounFocus = focusOf(tokens, terms)
  // "Who refused…", "who was arrested…": the verb. Not a name or an owner: "who was Richard's fiancee" asks about the fiancee.
  const predicateCandidate = /^\s*who\s+(?:(?:did|had|has|was|were)\s+)?([a-z]+)\b(?!'s)/.exec(folded)?.[1]
  const predicateWord = predicateCandidate && !terms.some((term) => term.capitalised && foldText(term.word) === predicateCandidate) ? predicateCandidate : undefined
  // "What are the passengers being offered?", "what was he given": a question ending on a passive verb asks for its object.
  const passiveVerb = /^\s*(?:what|which)\b.*\b(?:is|are|was|were|be|been|being)\s+([a-z]+(?:ed|en))\s*\W*$/.exec(folded)?.[1]
  return {
    text: echo,
    readAs: text,
    type: questionType(folded),
    terms,
    definitional: (/^\s*(?:what|who)\s+(?:is|are|was|were)\b/.test(folded) || /\bstands? for\b|\bmeans?\b|\bdefin/.test(folded)) && terms.length <= 3,
    asksWhatFollowed: /^\s*(?:what|how)\b/.test(folded) && /\b(?:after|following|in response to|in retaliation)\b/.test(folded),
    predicate: predicateWord ? termOf(predicateWord) : passiveVerb ? termOf(passiveVerb) : null,
    position: END_OF_TEXT.test(folded) ? 'end' : START_OF_TEXT.test(folded) ? 'start' : null,
    // "Who led the delegation?": what someone did is the thing asked about.
    focus: nounFocus ?? (predicateWord ? (terms.find((term) => foldText(term.word) === predicateWord) ?? null) : eventVerb(folded, terms)),
    focusIsNoun: nounFocus !== null,
    asksWhatWasSaid: SPEECH.test(folded),
    asksAboutFuture: FUTURE_QUESTION.test(folded),
    asksAge: /\bwhat age\b/.test(folded),
    toldTo: toldTo(read),
    asksYesOrNo: YES_OR_NO.test(folded),
    aboutTheText,
  }
}
