import { isAllCaps, mapWords, matchCase, type WordToken } from './words.ts'
import { isShouting } from './casing.ts'

/**
 * Stage 3: chat shorthand of general English becomes the words it stands for
 * ("ppl" → "people", "b4" → "before", "govt" → "government"), and chat noise
 * that carries no content ("lol", "tbh", "idk", "… or nah") goes. The tables
 * hold general English only: never a name, place or topic of an article.
 *
 * A word the corpus itself uses is left alone: an article about a title
 * "bout", the "IMO" (a maritime body) or "Wat Arun" keeps its word.
 */

/** Shorthand → the words it stands for. Possessive and plural "s" handled separately. */
export const SHORTHAND: ReadonlyMap<string, string> = new Map(Object.entries({
  info: 'information', infos: 'information',
  govt: 'government', "gov't": 'government', govts: 'governments', gvt: 'government',
  ppl: 'people', peeps: 'people',
  b4: 'before', bc: 'because', 'b/c': 'because', bcuz: 'because', bcoz: 'because', bcos: 'because', becuz: 'because',
  cuz: 'because', coz: 'because', cos: 'because', 'w/o': 'without', 'w/out': 'without',
  abt: 'about', bout: 'about', u: 'you', ur: 'your', pls: 'please', plz: 'please', plez: 'please',
  thx: 'thanks', thnx: 'thanks', tnx: 'thanks', rn: 'right now',
  wat: 'what', wut: 'what', wht: 'what', wot: 'what', whut: 'what', tho: 'though', altho: 'although', thru: 'through',
  dept: 'department', depts: 'departments', intl: 'international', natl: 'national', approx: 'approximately',
  wud: 'would', cud: 'could', shud: 'should', tues: 'tuesday', thurs: 'thursday',
  appt: 'appointment', appts: 'appointments', mgmt: 'management', docs: 'documents', amt: 'amount', mins: 'minutes',
  secs: 'seconds', mths: 'months', pics: 'pictures', uni: 'university', corp: 'corporation', admin: 'administration',
  gonna: 'going to', wanna: 'want to', gotta: 'got to', kinda: 'kind of', sorta: 'sort of', dunno: 'do not know',
  lemme: 'let me', gimme: 'give me', tryna: 'trying to', outta: 'out of',
  yr: 'year', yrs: 'years', hr: 'hour', hrs: 'hours', wk: 'week', wks: 'weeks', msg: 'message', esp: 'especially',
  tmrw: 'tomorrow', tmr: 'tomorrow', '2morrow': 'tomorrow', '2day': 'today', '2nite': 'tonight', yday: 'yesterday',
  ppls: 'people', smth: 'something', sth: 'something',
  wats: 'what is', wuts: 'what is', whn: 'when', wen: 'when', wher: 'where', whr: 'where', hw: 'how', hv: 'have', rep: 'representative', reps: 'representatives', gov: 'government',
  intel: 'intelligence', stats: 'statistics', convo: 'conversation', convos: 'conversations', pm: 'prime minister',
  teh: 'the', bcz: 'because', tbc: 'to be confirmed', asap: 'as soon as possible', aka: 'also known as',
}))

/** Chat noise: reactions and hedges that name nothing. */
const NOISE = new Set(
  `lol lols lmao lmfao rofl ngl tbh tbf idk idc imo imho fr frfr nah naw ya yea yeah yep yup btw omg omfg smh bruh jk ikr iirc afaik
   yo xd fyi ty`.split(/\s+/).filter((word) => word !== ''),
)
const NOISE_PATTERN = /^(?:(?:ha){2,}h?|(?:he){2,}|hm+|um+|uh+|lo+l|a+h+|o+h+)$/i
const isNoise = (lower: string) => NOISE.has(lower) || NOISE_PATTERN.test(lower)

/** Words that close a chat question as a shrug when nothing follows them: "… tho", "… though". */
const CLOSING_PARTICLES = new Set(['tho', 'though'])

const QUESTION_WORDS = new Set(['who', 'what', 'how', 'where', 'when', 'why', 'which'])
const PRONOUNS = new Set(['i', 'you', 'u', 'we', 'they', 'he', 'she', 'it', 'there', 'these', 'those'])
const AFTER_ARE = new Set([...PRONOUNS, 'the', 'your', 'ur', 'their', 'all', 'any', 'people', 'ppl', 'some', 'both'])
const AUXILIARIES = new Set(['did', 'do', 'does', 'is', 'are', 'was', 'were', 'would', 'has', 'have', 'had', 'can', 'could', 'will', 'should', 'dont', 'didnt', 'doesnt', 'isnt'])

export interface ShorthandOptions {
  /** Words the corpus uses (lower case): never expanded or dropped. */
  isCorpusWord?: (lowerCaseWord: string) => boolean
  /** Told of each expansion ("ppl" → "people"); dropped noise is not reported. */
  onExpand?: (from: string, to: string) => void
}

const lowerWord = (token: WordToken | undefined) => token?.word.toLowerCase()

/** Single letters that stand for a word only in some positions: "who r they", "w the army", "y did they". */
function contextualLetter(word: string, index: number, tokens: readonly WordToken[]): string | undefined {
  const previous = lowerWord(tokens[index - 1])
  const next = lowerWord(tokens[index + 1])
  // Punctuation between the letter and its neighbours breaks the phrase ("plan B, r…").
  const joinedBefore = index > 0 && (tokens[index - 1]?.after ?? '') === '' && tokens[index]?.before === ''
  const joinedAfter = next !== undefined && tokens[index]?.after === '' && (tokens[index + 1]?.before ?? '') === ''
  if (word === 'r' && ((joinedBefore && (QUESTION_WORDS.has(previous ?? '') || PRONOUNS.has(previous ?? ''))) || (joinedAfter && AFTER_ARE.has(next ?? '')))) return 'are'
  if (word === 'w' && joinedBefore && joinedAfter && /^\p{L}/u.test(next ?? '')) return 'with'
  if ((word === 'y' || word === 'Y') && index === 0 && joinedAfter && AUXILIARIES.has(next ?? '')) return matchCase(word, 'why')
  if (word === 'U' && index === 0) return 'You'
  return undefined
}

/** Words after which a digit counts something: "the 2 candidates", "only 4 left", "in 2 weeks". */
const BEFORE_A_COUNT = new Set(
  `the a an these those all only about over under than around nearly almost at least most in on by of for from to between and or
   first last top next every per just another other some any each its their his her our my your past extra further`.split(/\s+/),
)
/** Words after which a digit is a number whatever came before: "2 million", "4 percent", "2 of them". */
const AFTER_A_COUNT = new Set(['of', 'and', 'or', 'to', 'more', 'less', 'million', 'billion', 'thousand', 'hundred', 'percent', 'per', 'am', 'pm', 'men', 'women', 'people', 'ppl', 'children', 'kids'])

/**
 * "2" and "4" typed for "to" and "for" ("ok 2 drink", "the deadline 2 ask", "4 the bill"), told from
 * counts by their neighbours: a count follows a determiner or a preposition ("the 2 candidates"),
 * or comes before a plural or a unit ("2 weeks", "4 million"). Between two other words it is the preposition.
 */
function contextualDigit(word: string, index: number, tokens: readonly WordToken[]): string | undefined {
  if (word !== '2' && word !== '4') return undefined
  const previous = lowerWord(tokens[index - 1])
  const next = lowerWord(tokens[index + 1])
  if (previous === undefined || next === undefined || !/^\p{L}+$/u.test(previous) || !/^\p{L}+$/u.test(next)) return undefined
  // Punctuation on either side breaks the phrase ("plan 2, then…").
  if ((tokens[index - 1]?.after ?? '') !== '' || tokens[index]?.before !== '' || tokens[index]?.after !== '' || (tokens[index + 1]?.before ?? '') !== '') return undefined
  if (BEFORE_A_COUNT.has(previous) || AFTER_A_COUNT.has(next) || (/s$/.test(next) && !/(?:ss|us)$/.test(next))) return undefined
  return word === '2' ? 'to' : 'for'
}

/** The replacement for one word: its expansion, '' to drop it, or undefined to keep it. */
export function expandShorthandWord(word: string, index: number, tokens: readonly WordToken[], options: ShorthandOptions = {}): string | undefined {
  const lower = word.toLowerCase()
  // Mixed-case words are names or titles ("Info" in "Info Wars"?), not chat: only all-lower, all-caps or a capital at the start.
  if (!(lower === word || isAllCaps(word) || index === 0)) return undefined
  // "… or nah" at the end is one noise phrase, whatever the corpus says about "or".
  if (lower === 'or' && ['nah', 'naw'].includes(lowerWord(tokens[index + 1]) ?? '') && index + 2 >= tokens.length) return ''
  // A closing "… tho" is a shrug, not a clause ("how many ppl work there tho"): nothing follows it to contrast.
  if (CLOSING_PARTICLES.has(lower) && tokens.slice(index + 1).every((token) => isNoise(token.word.toLowerCase()))) return ''
  // "… so far" means "until now": it names nothing to find ("how many have signed up so far").
  if (lower === 'far' && lowerWord(tokens[index - 1]) === 'so' && tokens[index - 1]?.after === '') return ''
  // Before the corpus check: every article has the number 2; the neighbours tell whether this one is a number.
  const preposition = contextualDigit(word, index, tokens)
  if (preposition) return preposition
  if (options.isCorpusWord?.(lower)) return undefined
  if (isNoise(lower)) return ''
  // "5 pm" is a time, not a prime minister.
  if (lower === 'pm' && /\d$/.test(tokens[index - 1]?.word ?? '')) return undefined
  const expansion = SHORTHAND.get(lower)
  // An abbreviation in capitals ("the PM") is still ordinary words: spelt out in capitals they would read as acronyms.
  // In a shouted question (casing.ts), the expansion keeps them.
  if (expansion) return isAllCaps(word) && word.length > 1 && !isShouting(tokens.map((token) => token.word).join(' ')) ? expansion : matchCase(word, expansion)
  const possessive = /^(.+)'s$/.exec(lower)
  const possessed = possessive ? SHORTHAND.get(possessive[1] ?? '') : undefined
  if (possessed && !possessed.includes(' ')) return matchCase(word, `${possessed}'s`)
  return contextualLetter(word, index, tokens)
}

/**
 * A request tagged on after the question: ", any info", ", any numbers?", ", gimme the short
 * version", "… or smth". It asks for what the question already asks; as search words it
 * outweighs the question's own ("version", "numbers"). A tail is cut only when every word
 * of it is one of these, after a comma or dash, or "or" and a placeholder at the very end.
 */
const REQUEST_TAIL_WORDS = new Set(
  `any some info information details detail numbers number figures stats idea ideas clue context sources source thoughts
   the a short quick brief long real version summary gist rundown gimme give me us tell explain pls plz please thx thanks anyone anybody someone know`.split(/\s+/).filter((word) => word !== ''),
)
const REQUEST_TAIL = /\s*[,;:\u2013\u2014-]\s*([\p{L}' ]+?)\s*([?!.]*)\s*$/u
const OR_PLACEHOLDER = /\s+or\s+(?:smth|sth|something|what|whatever)\s*([?!.]*)\s*$/iu

/** The question without a request tagged on after it (REQUEST_TAIL_WORDS), its closing punctuation kept. */
export function dropRequestTail(text: string): string {
  const placeholder = OR_PLACEHOLDER.exec(text)
  if (placeholder && placeholder.index > 0) return `${text.slice(0, placeholder.index)}${placeholder[1] ?? ''}`
  const tail = REQUEST_TAIL.exec(text)
  if (!tail || tail.index === 0) return text
  const words = (tail[1] ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0 || !words.every((word) => REQUEST_TAIL_WORDS.has(word))) return text
  return `${text.slice(0, tail.index)}${tail[2] || ''}`
}

/** Expands shorthand and drops chat noise in a text. */
export function expandShorthand(text: string, options: ShorthandOptions = {}): string {
  // "w/" is "with" (its slash is punctuation to the word model), also glued to the next word ("w/the army").
  // "… anytime soon" asks whether, not when: like "so far", it names nothing to find ("is peace likely anytime soon").
  const spaced = dropRequestTail(text).replace(/\s+any\s?time\s+soon\b/giu, '').replace(/(^|\s)w\/(?!o\b|out\b)/giu, '$1with ').replace(/(^|\s)(w\/o|w\/out|b\/c)(?=\p{L})/giu, '$1$2 ')
  return mapWords(spaced, (word, index, tokens) => {
    const replacement = expandShorthandWord(word, index, tokens, options)
    if (replacement) options.onExpand?.(word, replacement)
    return replacement
  })
}
