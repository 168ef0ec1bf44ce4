import { mapWords, matchCase } from './words.ts'

/**
 * Stage 2: contractions, with or without the apostrophe, become the full words
 * ("whos" and "who's" → "who is", "didnt" → "did not"), so "what's the TTP"
 * and "what is the TTP" are the same question.
 *
 * Without an apostrophe only forms that are not English words themselves are
 * expanded: "its", "lets", "were", "well", "ill", "id", "shed" and "hell" are
 * left alone. "cant" and "wont" are rare as words and common as typing, so they
 * are expanded. An "'s" after anything but a pronoun or a question word is a
 * possessive ("Pakistan's"), which is left alone.
 */

/** Whole words, with or without their apostrophe. */
const WHOLE = new Map<string, string>(Object.entries({
  "can't": 'cannot', cant: 'cannot', "won't": 'will not', wont: 'will not', "shan't": 'shall not', shant: 'shall not',
  "ain't": 'is not', aint: 'is not', "let's": 'let us',
  "what'd": 'what did', "how'd": 'how did', "where'd": 'where did', "why'd": 'why did', "when'd": 'when did',
  "i'm": 'I am', im: 'I am', "y'all": 'you all', yall: 'you all',
}))

/** Forms without the apostrophe that are no English word, so they can only be the contraction. */
const WITHOUT_APOSTROPHE = new Map<string, string>(Object.entries({
  whos: 'who is', whats: 'what is', wheres: 'where is', hows: 'how is', whens: 'when is', whys: 'why is',
  thats: 'that is', theres: 'there is', heres: 'here is', hes: 'he is', shes: 'she is',
  didnt: 'did not', doesnt: 'does not', dont: 'do not', isnt: 'is not', arent: 'are not', wasnt: 'was not',
  werent: 'were not', wouldnt: 'would not', couldnt: 'could not', shouldnt: 'should not', hasnt: 'has not',
  havent: 'have not', hadnt: 'had not', mustnt: 'must not', neednt: 'need not', mightnt: 'might not',
  ive: 'I have', youre: 'you are', theyre: 'they are', youve: 'you have', theyve: 'they have', weve: 'we have',
  youll: 'you will', theyll: 'they will', itll: 'it will', thatll: 'that will', youd: 'you would', theyd: 'they would', hed: 'he would',
  wouldve: 'would have', couldve: 'could have', shouldve: 'should have', mightve: 'might have', mustve: 'must have',
  whatre: 'what are', whove: 'who have', wholl: 'who will', whod: 'who would', whatd: 'what did', howd: 'how did',
}))

/** Words whose "'s" is "is" rather than a possessive. */
const IS_AFTER = new Set(['who', 'what', 'where', 'how', 'when', 'why', 'that', 'there', 'here', 'it', 'he', 'she', 'this'])

const SUFFIXES: Array<[RegExp, string]> = [
  [/^(\p{L}+)n't$/u, '$1 not'],
  [/^(\p{L}+)'re$/u, '$1 are'],
  [/^(\p{L}+)'ve$/u, '$1 have'],
  [/^(\p{L}+)'ll$/u, '$1 will'],
  [/^(\p{L}+)'d$/u, '$1 would'],
  [/^(\p{L}+)'m$/u, '$1 am'],
]

/** The expansion of one word, or undefined when it is no contraction. */
export function expandContraction(word: string): string | undefined {
  const lower = word.toLowerCase()
  const whole = WHOLE.get(lower) ?? WITHOUT_APOSTROPHE.get(lower)
  if (whole) return matchCase(word, whole)
  if (lower.endsWith("'s") && IS_AFTER.has(lower.slice(0, -2))) return `${word.slice(0, -2)} ${matchCase(word, 'is')}`
  for (const [pattern, replacement] of SUFFIXES) {
    if (pattern.test(word)) return word.replace(pattern, (_match, stem: string) => `${stem}${matchCase(word, replacement.slice(2))}`)
  }
  return undefined
}

/** Expands every contraction in a text whose apostrophes are straight (see straightenApostrophes). */
export function expandContractions(text: string): string {
  return mapWords(text, expandContraction)
}
