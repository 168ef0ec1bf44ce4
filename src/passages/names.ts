/**
 * Word-level rules for naming people, roles and outlets in wire-style news
 * English. General vocabulary only: nothing here knows a particular article.
 */

/** Nouns that end a title placed before a name ("Defence Minister", "Prime Minister"). */
const TITLE_NOUNS =
  'Minister|President|Vice-President|Premier|Chancellor|Secretary|Spokesman|Spokeswoman|Spokesperson|Ambassador|Envoy|Chief|General|Commander|Governor|Mayor|Senator|Director|Adviser|Advisor|Chairman|Chairwoman|Chair|Leader|Head|Officer|Representative|Negotiator|Minister-designate|King|Queen|Prince|Emir|Sheikh|Judge|Justice|Colonel|Major|Captain|Lieutenant|Admiral|Marshal'
const TITLE_NOUNS_LOWER = TITLE_NOUNS.toLowerCase()

/** Titles in lower case ("president"): a title the article never uses names someone it never mentions. */
export const TITLE_WORDS: ReadonlySet<string> = new Set(TITLE_NOUNS_LOWER.split('|'))

/** Verbs that introduce speech, in the forms news copy uses. */
export const SPEECH_VERBS = new Set(
  'said says say told tells added adds stated states claimed claims warned warns confirmed confirms noted notes wrote writes argued argues insisted insists declared declares explained explains asserted asserts stressed stresses urged urges announced announces denied denies criticised criticized criticises criticizes alleged alleges maintained maintains tweeted posted replied responded remarked acknowledged admitted vowed pledged threatened cautioned suggested believes believe warn claim argue insist fear fears predict predicted caution continued continues concluded described describes called calls accused accuses labelled labeled dubbed asked asks recalled recalls conceded concedes countered counters observed answered joked quipped complained complains boasted exclaimed shouted wondered reiterated reiterates emphasised emphasized'
    .split(' '),
)

/** Participles that attach speech to the clause's subject ("…, saying …"). */
export const SPEECH_PARTICIPLES = new Set('saying adding telling claiming warning noting arguing insisting stressing calling describing urging accusing'.split(' '))

/** Words that end a subject noun phrase when read left to right. */
const PHRASE_BREAKERS = new Set(
  'has have had is are was were will would could can may might shall should did does do also then reportedly later initially still who which that'.split(' '),
)

const LEADING_DISCOURSE = /^(?:however|meanwhile|moreover|separately|earlier|later|still|yet|but|and|so|also|then|now|instead|indeed|additionally|furthermore|in addition|on \w+day)\b[,\s]*/i


export const MEDIA_NOUNS = 'media|press|television|radio|newspapers?|agency|outlets|broadcaster|channel|daily|wire'

/** Trims discourse words and a trailing clause from a subject noun phrase. */
export function subjectPhrase(clause: string, { whole = false } = {}): string | null {
  let text = clause.trim().replace(/^[,;:—–\s]+/, '')
  for (let guard = 0; guard < 3; guard++) {
    const stripped = text.replace(LEADING_DISCOURSE, '')
    if (stripped === text) break
    text = stripped
  }
  const words: string[] = []
  for (const word of text.split(/\s+/)) {
    if (word === '') continue
    const bare = word.replace(/[^\p{L}\p{M}’'-]/gu, '')
    const lower = bare.toLowerCase()
    const isLower = bare !== '' && bare[0] === bare[0]?.toLowerCase()
    if (PHRASE_BREAKERS.has(lower) || SPEECH_VERBS.has(lower)) break
    if (isLower && words.length > 0 && /(?:ly|ed)$/.test(lower)) break
    words.push(word)
    if (/[,;:]$/.test(word)) break
  }
  const phrase = words.join(' ').replace(/[,;:.]+$/, '').trim()
  if (phrase === '' || words.length > 7) return null
  // With `whole`, only adverbs may stand between the subject and its verb ("Islamabad strongly denies").
  if (whole) {
    const rest = text.split(/\s+/).filter(Boolean).slice(words.length)
    if (!rest.every((word) => /^[a-z]+ly$/.test(word))) return null
  }
  return phrase
}

/** Straight-quoted apostrophes and curly ones compare equal; case is ignored. */
export function normaliseName(text: string): string {
  return text.replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()
}
