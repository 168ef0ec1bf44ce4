/**
 * Stage 4: British and American spellings of one word fold to one form
 * ("defence" and "defense", "organised" and "organized", "travelled" and
 * "traveled"), by general suffix rules. The fold is meant for BOTH sides of
 * the search, passages and questions, so it only has to be consistent, not
 * pretty: "devour" becomes "devor" on both sides and still matches itself.
 * What it must never do is merge two different words; a unit test folds every
 * word of the American Hunspell dictionary and checks that no two distinct
 * words meet (see tests/normalise/spellingVariants.test.ts).
 *
 * The American form is the target because the English dictionary the
 * project ships (dictionary-en) is American, so a folded word can be checked.
 */

type Rule = readonly [pattern: RegExp, replace: (...groups: string[]) => string]

/** -re endings of words that are -er in American English (centre, metre, fibre…), as stems without the "re". */
const RE_STEMS = 'centr|theatr|metr|litr|fibr|calibr|sombr|spectr|lustr|meagr|sabr|sceptr|mitr|titr|ochr|goitr|saltpetr|sepulchr|philtr|manoeuvr|maneuvr|reconnoitr|nitr|accoutr'
const RE_SUFFIX: Record<string, string> = { e: 'er', es: 'ers', ed: 'ered', ing: 'ering' }
const OGUE_SUFFIX: Record<string, string> = { e: '', es: 's', ed: 'ed', ing: 'ing' }

/** Whole-stem variants no suffix rule covers, with the endings they take. */
const STEMS: ReadonlyArray<readonly [british: string, american: string]> = [
  ['programme', 'program'], ['plough', 'plow'], ['mould', 'mold'], ['smoulder', 'smolder'], ['moult', 'molt'],
  ['sceptic', 'skeptic'], ['jewellery', 'jewelry'], ['aluminium', 'aluminum'], ['pyjama', 'pajama'], ['cosy', 'cozy'],
  ['ageing', 'aging'], ['judgement', 'judgment'], ['acknowledgement', 'acknowledgment'], ['enrolment', 'enrollment'],
  ['fulfilment', 'fulfillment'], ['instalment', 'installment'], ['skilful', 'skillful'], ['wilful', 'willful'],
  ['grey', 'gray'], ['odour', 'odor'],
]
const STEM_ENDINGS = '|s|es|ed|ing|er|ers|ly|ness|ism|isms|ist|ists|al|ally|y|ies'

/** Greek/Latin digraphs British English keeps and American English drops (paediatric, oestrogen). */
const DIGRAPHS: Rule[] = [
  [/(paed|haem|anaes|aetiol|leukaem|anaem|gynaec|faec|palae|mediaev|encyclopaed)/, (match) => match.replace('ae', 'e')],
  [/^(oesophag|oestr|foet|oedem|coeliac)/, (match) => match.replace('oe', 'e')],
  [/(amoeb|homoeo|rrhoe|manoeuv)/, (match) => match.replace('oe', 'e')],
]

const RULES: Rule[] = [
  // organise, organised, organising, organiser, organisation(s) → -iz-
  [/^(.{3,})is(e|es|ed|ing|er|ers|ation|ations|ational)$/, (_m, stem = '', end = '') => `${stem}iz${end}`],
  // analyse, paralysed → -yz-
  [/^(.{2,})ys(e|es|ed|ing|er|ers)$/, (_m, stem = '', end = '') => `${stem}yz${end}`],
  // colour, honourable, favourite, behaviours → -or- (three letters before, so four, hour, tour, flour and scour stay)
  [/^(.{3,})our(|s|ed|ing|er|ers|ful|fully|less|able|ably|ite|ites|ist|ists|ism|ly|hood|hoods|y)$/, (_m, stem = '', end = '') => `${stem}or${end}`],
  // centre, theatres, centred, centring → -er
  [new RegExp(`^(.*(?:${RE_STEMS}))(e|es|ed|ing)$`), (_m, stem = '', end = '') => `${stem.slice(0, -1)}${RE_SUFFIX[end] ?? end}`],
  // catalogue, dialogues, catalogued → -og
  [/^(.+(?:log|gog))u(e|es|ed|ing)$/, (_m, stem = '', end = '') => `${stem}${OGUE_SUFFIX[end] ?? end}`],
  // defence, offences, licenced, pretence → -ens-
  [/^(.*(?:defen|offen|licen|preten))c(e|es|ed|ing)$/, (_m, stem = '', end = '') => `${stem}s${end}`],
  // travelled, cancelling, labeller, counsellor: doubled l after an unstressed vowel (two vowel groups before it)
  // fuelled, dialled, duelled, trialled: the same with one vowel group
  [/^(fue|dia|due|tria)ll(ed|ing|er|ers|ist|ists)$/, (_m, stem = '', end = '') => `${stem}l${end}`],
  // (not re-/un-/pre- before a one-syllable -ill word: refilled is not refiled).
  [/^(?!(?:re|un|pre|mis)[^aeiouy]+ill)([^aeiouy]*[aeiouy]+[^aeiouy]+[aeiou])ll(ed|ing|er|ers|or|ors)$/, (_m, stem = '', end = '') => `${stem}l${end}`],
]

const STEM_RULES: Rule[] = STEMS.map(([british, american]) => [
  new RegExp(`^(.*)${british}(${STEM_ENDINGS})$`),
  (_m, before = '', end = '') => `${before}${american}${end}`,
])

const CACHE = new Map<string, string>()
const CACHE_LIMIT = 100_000

/**
 * One spelling for British and American variants of a word. Expects a word
 * (letters, maybe an apostrophe or hyphen); returns it lower-cased and folded.
 * Words under four letters and words with digits are returned lower-cased only.
 */
export function foldSpelling(word: string): string {
  const lower = word.toLowerCase()
  if (lower.length < 4 || !/^[a-z][a-z'-]*$/.test(lower)) return lower
  // "defence's": the possessive of the folded word.
  if (lower.endsWith("'s")) return `${foldSpelling(lower.slice(0, -2))}'s`
  const cached = CACHE.get(lower)
  if (cached !== undefined) return cached
  let folded = lower
  for (const [pattern, replace] of DIGRAPHS) folded = folded.replace(pattern, replace)
  for (const [pattern, replace] of STEM_RULES) {
    if (pattern.test(folded)) {
      folded = folded.replace(pattern, replace)
      break
    }
  }
  for (const [pattern, replace] of RULES) folded = folded.replace(pattern, replace)
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear()
  CACHE.set(lower, folded)
  return folded
}
