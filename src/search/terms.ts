import { stemmer } from 'stemmer'
import { foldSpelling } from '../normalise/spellingVariants.ts'

/**
 * The one text pipeline shared by indexing and querying, so that a question's
 * words and a passage's words meet as the same terms.
 */

/** Common English function words: they carry no topic. */
export const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by
can cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have
haven't having he he'd he'll he's her here here's hers herself him himself his i i'd i'll i'm i've if in into is isn't it it's its
itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't
she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's these they
they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll we're we've were weren't
what what's when when's where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
your yours yourself yourselves us how also just
whats wheres whos hows whens whys thats theres dont doesnt didnt wont wouldnt cant couldnt isnt arent wasnt werent shouldnt
hasnt havent hadnt im ive youre theyre lets s t will shall may might must upon via per yet still even ever`.split(/\s+/),
)

/**
 * Words that frame a question rather than name its topic ("What did X say
 * about…", "Tell me…", "…in the article"). Dropped from questions and passages alike.
 */
export const QUESTION_FILLER = new Set(
  `say says said saying tell tells told explain describe happen happens happened happening article story piece text report mention
mentioned mentions please know think give show hi hello hey thanks thank yes ok okay bot question answer anything something
thing things get got like want wanted today currently right now many much good morning evening afternoon greetings bye kind sort type roughly approximately exactly precisely specifically basically actually really literally honestly seriously anyway anyways guy guys dude supposed going u ur pls plz`.split(/\s+/),
)

/** Irregular forms Porter stemming cannot join (general English, not article-specific). */
const IRREGULAR = new Map<string, string>(Object.entries({
  died: 'die', dies: 'die', dying: 'die', dead: 'die', death: 'die', deaths: 'die', deadly: 'die',
  // Deaths are reported as killed, dead or died: one term.
  killed: 'die', killing: 'die', killings: 'die', kill: 'die', kills: 'die',
  news: 'news',
  people: 'person', persons: 'person', men: 'man', women: 'woman', children: 'child',
  fought: 'fight', met: 'meet', began: 'begin', begun: 'begin', held: 'hold', led: 'lead', fled: 'flee',
  went: 'go', gone: 'go', took: 'take', taken: 'take', gave: 'give', given: 'give', made: 'make', sent: 'send',
  brought: 'bring', thought: 'think', sought: 'seek', struck: 'strike', won: 'win', hit: 'hit',
  broke: 'break', broken: 'break', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write',
  lost: 'loss', losses: 'loss', lose: 'loss', losing: 'loss',
  agreement: 'agree', agreed: 'agree', agreeing: 'agree', failure: 'fail', failed: 'fail',
  closure: 'close', closures: 'close', closed: 'close', closing: 'close', shut: 'close',
  meant: 'mean',
  // The noun is a place, not the verb "cross".
  crossing: 'crossing', crossings: 'crossing',
  terrorists: 'terror', terrorist: 'terror', terrorism: 'terror',
  militants: 'milit', militant: 'milit', militancy: 'milit',
}))

/**
 * Irregular past forms of English verbs, by their base: "bred" meets "breed", "sold"
 * meets "sell". Forms that are also common words of another sense ("found", "left",
 * "felt", "saw", "rose", "wound", "ground") are left out.
 */
const IRREGULAR_PAST_FORMS: Record<string, string> = {
  arise: 'arose arisen', awake: 'awoke awoken', become: 'became', bend: 'bent', bite: 'bitten', bleed: 'bled', blow: 'blew blown', breed: 'bred',
  buy: 'bought', build: 'built', burn: 'burnt', catch: 'caught', choose: 'chose chosen', cling: 'clung', come: 'came', creep: 'crept',
  deal: 'dealt', dig: 'dug', draw: 'drew drawn', drink: 'drank drunk', drive: 'drove driven', eat: 'ate eaten', feed: 'fed',
  fly: 'flew flown', forbid: 'forbade forbidden', forget: 'forgot forgotten', forgive: 'forgave forgiven', freeze: 'froze frozen',
  grow: 'grew grown', hang: 'hung', hear: 'heard', hide: 'hid hidden', keep: 'kept', kneel: 'knelt', lay: 'laid', lend: 'lent',
  pay: 'paid', prove: 'proven', run: 'ran', ring: 'rang rung', ride: 'rode ridden', sell: 'sold', shake: 'shook shaken',
  shine: 'shone', shrink: 'shrank shrunk', sing: 'sang sung', sink: 'sank sunk', sit: 'sat', sleep: 'slept', slide: 'slid',
  speed: 'sped', spend: 'spent', spin: 'spun', spring: 'sprang sprung', stand: 'stood', steal: 'stole stolen', stick: 'stuck',
  sting: 'stung', strive: 'strove striven', swear: 'swore sworn', sweep: 'swept', swim: 'swam swum', swing: 'swung', teach: 'taught',
  throw: 'threw thrown', understand: 'understood', wake: 'woke woken', wear: 'wore worn', weave: 'wove woven', weep: 'wept',
  withdraw: 'withdrew withdrawn', undertake: 'undertook undertaken', overtake: 'overtook overtaken', uphold: 'upheld',
  overthrow: 'overthrew overthrown', mislead: 'misled', oversee: 'oversaw overseen', foresee: 'foresaw foreseen',
}

/** Each irregular past form's term: its base's, as the base itself stems. */
const PAST_BASE = new Map<string, string>(
  Object.entries(IRREGULAR_PAST_FORMS).flatMap(([base, forms]) => forms.split(' ').map((form): [string, string] => [form, IRREGULAR.get(base) ?? stemmer(base)])),
)

const COMBINING_MARKS = /\p{M}+/gu

/** Lower-cases, strips accents and zalgo, straightens apostrophes. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').replace(/[’‘`´]/g, "'").toLowerCase()
}

export interface Token {
  /** The word as written in the source text. */
  word: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu

/** Words with their offsets in the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) tokens.push({ word: match[0], start: match.index, end: match.index + match[0].length })
  return tokens
}

/** Words repeat far more than they vary: remember each word's term (bounded, cleared when full). */
const TERM_CACHE = new Map<string, string | null>()
const TERM_CACHE_LIMIT = 200_000

/** The index term for one word, or null for stop words, fillers and noise. */
export function termOf(word: string): string | null {
  const cached = TERM_CACHE.get(word)
  if (cached !== undefined) return cached
  const term = computeTerm(word)
  if (TERM_CACHE.size >= TERM_CACHE_LIMIT) TERM_CACHE.clear()
  TERM_CACHE.set(word, term)
  return term
}

function computeTerm(word: string): string | null {
  let folded = foldText(word).replace(/'s$/, '').replace(/'/g, '')
  // Acronyms are names, not words: "US" is not "us", and "TTP" is not stemmed.
  if (/^\p{Lu}{2,5}$/u.test(word)) return folded.toUpperCase()
  if (folded === '' || STOP_WORDS.has(folded) || QUESTION_FILLER.has(folded)) return null
  if (folded.length === 1 && !/\d/.test(folded)) return null
  if (folded.length > 40) return null
  const irregular = IRREGULAR.get(folded) ?? PAST_BASE.get(folded)
  if (irregular) return irregular
  // British and American spellings meet before stemming ("defence" = "defense", "criticised" = "criticized").
  folded = foldSpelling(folded)
  if (/^\d+$/.test(folded)) return folded
  // Porter reduces agents and acts alike ("negotiators", "negotiations" → "negoti"): keep agents apart.
  if (folded.length >= 7 && /ators?$/.test(folded)) return folded.replace(/s$/, '')
  return stemmer(folded)
}

/** Index terms of a text, in order, stop words removed. */
export function termsOf(text: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(text)) {
    const term = termOf(token.word)
    if (term) terms.push(term)
  }
  return terms
}
