import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import nspell from 'nspell'
import { describe, expect, it } from 'vitest'
import { foldSpelling } from '../../src/normalise/spellingVariants.ts'

describe('foldSpelling', () => {
  it.each([
    ['defence', 'defense'], ['defences', 'defenses'], ['offence', 'offense'], ['licence', 'license'], ['licenced', 'licensed'], ['pretence', 'pretense'],
    ['organise', 'organize'], ['organised', 'organized'], ['organising', 'organizing'], ['organisers', 'organizers'], ['organisation', 'organization'],
    ['organisations', 'organizations'], ['criticised', 'criticized'], ['recognise', 'recognize'], ['realised', 'realized'],
    ['analyse', 'analyze'], ['analysed', 'analyzed'], ['paralysing', 'paralyzing'],
    ['colour', 'color'], ['colours', 'colors'], ['coloured', 'colored'], ['honourable', 'honorable'], ['favourite', 'favorite'],
    ['behaviour', 'behavior'], ['neighbourhood', 'neighborhood'], ['labour', 'labor'], ['rumours', 'rumors'], ['odour', 'odor'],
    ['centre', 'center'], ['centres', 'centers'], ['centred', 'centered'], ['epicentre', 'epicenter'], ['kilometres', 'kilometers'],
    ['theatre', 'theater'], ['fibre', 'fiber'], ['litres', 'liters'], ['sabre', 'saber'],
    ['catalogue', 'catalog'], ['catalogued', 'cataloged'], ['dialogue', 'dialog'], ['dialogues', 'dialogs'], ['analogue', 'analog'],
    ['travelled', 'traveled'], ['travelling', 'traveling'], ['traveller', 'traveler'], ['cancelled', 'canceled'], ['labelled', 'labeled'],
    ['modelling', 'modeling'], ['signalled', 'signaled'], ['counsellor', 'counselor'], ['fuelled', 'fueled'], ['dialled', 'dialed'],
    ['paediatric', 'pediatric'], ['haemorrhage', 'hemorrhage'], ['anaesthetic', 'anesthetic'], ['encyclopaedia', 'encyclopedia'],
    ['oestrogen', 'estrogen'], ['foetus', 'fetus'], ['diarrhoea', 'diarrhea'], ['manoeuvre', 'maneuver'], ['manoeuvres', 'maneuvers'],
    ['programme', 'program'], ['programmes', 'programs'], ['sceptical', 'skeptical'], ['judgement', 'judgment'], ['jewellery', 'jewelry'],
    ['grey', 'gray'], ['ageing', 'aging'], ['enrolment', 'enrollment'], ['mould', 'mold'],
  ])('%s and %s meet', (british, american) => {
    expect(foldSpelling(british)).toBe(foldSpelling(american))
  })

  it.each(['four', 'hour', 'your', 'tour', 'pour', 'flour', 'scour', 'rise', 'wise', 'raise', 'noise', 'fence', 'acre', 'genre', 'ogre',
    'rogue', 'vogue', 'league', 'filled', 'killed', 'called', 'refilled', 'timbre', 'aerial', 'michael', 'phoenix', 'organism', 'tourism'])(
    '%s keeps its own spelling or at least meets no other word',
    (word) => {
      expect(foldSpelling(word)).toBe(foldSpelling(word))
      expect(['four', 'hour', 'your', 'tour', 'pour', 'flour', 'scour', 'fence', 'acre', 'genre', 'ogre', 'filled', 'timbre', 'aerial']
        .filter((other) => other !== word && foldSpelling(other) === foldSpelling(word))).toEqual([])
    },
  )

  it('lower-cases, and leaves short words and words with digits alone', () => {
    expect(foldSpelling('Defence')).toBe('defense')
    expect(foldSpelling('b4')).toBe('b4')
    expect(foldSpelling('our')).toBe('our')
    expect(foldSpelling('2nd')).toBe('2nd')
    expect(foldSpelling("defence's")).toBe("defense's")
  })

  it('merges no two distinct words of the American dictionary (only spellings of one word)', () => {
    const folder = fileURLToPath(new URL('../../node_modules/dictionary-en/', import.meta.url))
    const spell = nspell({ aff: readFileSync(`${folder}index.aff`), dic: readFileSync(`${folder}index.dic`) })
    // nspell keeps every affixed form of the dictionary in `data`; words are checked in lower case.
    const words = new Set(Object.keys((spell as unknown as { data: Record<string, unknown> }).data).map((word) => word.toLowerCase()))
    expect(words.size).toBeGreaterThan(100_000)
    const byFold = new Map<string, string[]>()
    for (const word of words) {
      if (!/^[a-z][a-z'-]*$/.test(word)) continue
      const folded = foldSpelling(word)
      byFold.set(folded, [...(byFold.get(folded) ?? []), word])
    }
    // Pairs the dictionary itself lists as two spellings of one word, and verbs that meet their own plural noun.
    const sameWord = (group: string[]) =>
      group.length === 2 &&
      (group.every((word) => /yses$|yzes$/.test(word)) ||
        ['armour', 'grey', 'sabre', 'analogue', 'analogues', 'dialogue', 'eviller', 'grovelling', 'grovelled', 'apprise', 'apprising', 'apprised', 'apprises']
          .some((british) => group.some((word) => word.replace(/'s$/, '') === british)))
    const merged = [...byFold.values()].filter((group) => group.length > 1 && !sameWord(group))
    expect(merged).toEqual([])
  })
})
