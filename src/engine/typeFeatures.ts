import type { QuestionType } from './types.ts'

/**
 * Whether a piece of text contains the kind of thing a question type asks
 * for: a date for "when", a number for "how many", a person for "who", a place for "where".
 */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December'
const DAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds?|thousands?|millions?|several'

const FEATURES: Record<QuestionType, RegExp | null> = {
  when: new RegExp(String.raw`\b(?:${MONTHS}|${DAYS})\b|\b(?:1[89]|20)\d\d\b|\b(?:yesterday|today|last (?:week|month|year))\b`),
  howMany: new RegExp(String.raw`\b\d[\d,.]*\b|\b(?:${NUMBER_WORDS})\b`, 'i'),
  // A proper noun after the sentence's first word, or a speech verb.
  who: /\S\s+[A-Z][\p{L}’'-]+|\b(?:said|told|according to|quoted)\b/u,
  where: /\b(?:in|at|along|near|inside|from|across|to)\s+(?:the\s+)?[A-Z][\p{L}’'-]+/u,
  why: /\b(?:because|due to|after|since|following|in the wake of|amid|as a result)\b/i,
  what: null,
}

export function hasTypeFeature(type: QuestionType, text: string): boolean {
  const pattern = FEATURES[type]
  return pattern !== null && pattern.test(text)
}
