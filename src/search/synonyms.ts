import { termOf } from './terms.ts'

/**
 * Words news copy uses interchangeably, so that a question need not use the
 * article's own word ("hurt" for "injured", "truce" for "ceasefire"). General
 * news vocabulary only: nothing here knows a particular article.
 */
const GROUPS = [
  'injured injuries wounded hurt casualties',
  'killed dead died deaths fatalities toll',
  'explosion explosions blast blasts bombing bombings',
  'talks negotiations dialogue',
  'ceasefire truce armistice',
  'failed failure collapsed collapse breakdown',
  'mediated brokered facilitated mediator mediators',
  'warned warning threatened threat',
  'accused blamed alleged allegation accusation',
  'denied denies rejected dismissed',
  'refused declined rejected',
  'border frontier boundary',
  'militants fighters insurgents',
  'airstrikes strikes raids',
  'path way route option',
  'prevent avoid avert stop halt',
  'pressed urged asked demanded pushed',
  'classify label designate',
  'representatives reps delegates negotiators delegation',
  'consequences implications fallout impact effects',
  'losses damage',
  'refugees migrants displaced',
  'government administration regime authorities',
  'backtracked reversed retracted',
  'said stated remarked',
  'country nation',
  'reported according',
  'seriousness commitment',
  'agreement deal accord',
  'attack attacks assault assaults',
  'newspaper paper outlet publication media agency',
  'money rupees dollars funds cash',
  'traders merchants businesses',
  'retaliated responded',
]

const SYNONYMS = new Map<string, Set<string>>()
for (const group of GROUPS) {
  const terms = [...new Set(group.split(' ').map((word) => termOf(word)).filter((term): term is string => term !== null))]
  for (const term of terms) {
    const known = SYNONYMS.get(term) ?? new Set<string>()
    for (const other of terms) if (other !== term) known.add(other)
    SYNONYMS.set(term, known)
  }
}

/** Terms that may stand for `term` in the article (not including itself). */
export function synonymsOf(term: string): readonly string[] {
  return [...(SYNONYMS.get(term) ?? [])]
}
