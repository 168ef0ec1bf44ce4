/**
 * Multi-word verbs, rewritten to the one-word verb news copy tends to use
 * ("broke down" → "failed", "hit back" → "retaliated"), so that synonyms and
 * stemming can meet the article's wording. General English, applied to questions.
 */
const PHRASAL_VERBS: Array<[RegExp, string]> = [
  [/\b(?:break|breaks|broke|broken|breaking) down\b/gi, 'failed'],
  [/\b(?:fall|falls|fell|fallen|falling) apart\b/gi, 'collapsed'],
  [/\b(?:hit|hits|hitting) back\b/gi, 'retaliated'],
  [/\b(?:strike|strikes|struck|striking) back\b/gi, 'retaliated'],
  [/\b(?:hold|holds|held|holding) ((?:\w+ ){0,3})responsible\b/gi, 'blamed $1'],
  [/\b(?:break|breaks|broke|broken|breaking) out\b/gi, 'flared'],
  [/\b(?:call|calls|called|calling) off\b/gi, 'cancelled'],
  [/\b(?:pull|pulls|pulled|pulling) out\b/gi, 'withdrew'],
  [/\b(?:carry|carries|carried|carrying) out\b/gi, 'conducted'],
  [/\b(?:give|gives|gave|given|giving) up\b/gi, 'abandoned'],
  [/\b(?:back|backs|backed|backing) (?:down|out|off)\b/gi, 'backtracked'],
  [/\b(?:shut|shuts|shutting) down\b/gi, 'closed'],
  [/\b(?:set|sets|setting) up\b/gi, 'established'],
  [/\b(?:step|steps|stepped|stepping) down\b/gi, 'resigned'],
  [/\b(?:turn|turns|turned|turning) down\b/gi, 'refused'],
]

export function rewritePhrasalVerbs(text: string): string {
  return PHRASAL_VERBS.reduce((rewritten, [pattern, verb]) => rewritten.replace(pattern, verb), text)
}
