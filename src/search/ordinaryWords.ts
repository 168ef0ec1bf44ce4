import { termOf } from './terms.ts'

/**
 * Very common English words that shape a question without naming its topic
 * ("how long was the *first* ceasefire *supposed* to *last*"). When the corpus
 * lacks one, that says little about whether it answers the question, so it
 * weighs less than an unknown rare word ("quantum", "cricket") would.
 */
const WORDS = `first last next previous latest earlier later early late supposed going able likely unlikely really actually exactly
long short big small large little new old good bad high low more most less least other another same different own whole certain
sure clear possible main major real recent current final full general specific particular simple hard easy true false right wrong
do make get go come take give know think see look want use find ask work seem feel try leave call keep begin show hear play run
move live hold bring write provide sit stand pay meet include continue set learn change understand watch follow create speak read
allow spend grow open walk offer remember consider appear buy wait serve send expect build stay fall cut reach remain raise pass
sell require decide pull happen become put mean turn start help talk need like believe plan part thing way time day week month year
people person man woman place case point fact world life group number area kind lot bit end side sort idea reason result`
  .split(/\s+/)
  .filter(Boolean)

const ORDINARY = new Set(WORDS.flatMap((word) => [termOf(word)].filter((term): term is string => term !== null)))

/** The term is one of the ordinary words above. */
export function isOrdinary(term: string): boolean {
  return ORDINARY.has(term)
}
