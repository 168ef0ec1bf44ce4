import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createQuestionNormaliser, foldSpelling, loadEnglishDictionary, type QuestionNormaliser } from '../../src/normalise/index.ts'

/**
 * Questions as people type them in Discord, through the whole pipeline, over
 * a small corpus written for this test and the real English dictionary.
 */
const CORPUS = [
  'Defence Minister Khawaja Asif said the Tehrik-i-Taliban Pakistan (TTP) must be classified as a terrorist organisation.',
  'Information Minister Attaullah Tarar said the negotiations failed, AFP reported. The negotiators left Istanbul.',
  'A 48-hour ceasefire held after the explosions in Kabul. More than 70 people died.',
  'Traders lost money because of the border closures, according to officials.',
]

let cacheDir: string
let normalise: QuestionNormaliser
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'normalise-casual-'))
  normalise = createQuestionNormaliser({ vocabulary: CORPUS, dictionary: loadEnglishDictionary({ cacheDir }) })
})
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

const textOf = (raw: string) => normalise(raw).text
const folded = (text: string) => text.replace(/[?!.]+$/, '').split(' ').map(foldSpelling).join(' ')

describe('casual questions, normalised', () => {
  it.each([
    ['@bot whos the info minister', 'who is the information minister'],
    ['<@123456789> whos the info minister', 'who is the information minister'],
    ['wat did asif say', 'what did asif say'],
    ['who is asif ||spoiler||', 'who is asif spoiler'],
    ['didnt the talks fail', 'did not the talks fail'],
    ["didn't the talks fail", 'did not the talks fail'],
    ['why did the negotiatons fail', 'why did the negotiations fail'],
    ['where did fighting flare up after the explosoins', 'where did fighting flare up after the explosions'],
    ['how long was the first ceasfire meant to last', 'how long was the first ceasefire meant to last'],
    ['which paper quoted asifs line', "which paper quoted asif's line"],
    ['how many ppl died 😢', 'how many people died'],
    ['how much money did traders lose bc of the closures', 'how much money did traders lose because of the closures'],
    ['is the border open or nah', 'is the border open'],
    ['so is peace likely lol', 'so is peace likely'],
    ['what did [tarar](https://example.com/post) say', 'what did tarar say'],
    ['what did tarar say https://example.com/post?id=1', 'what did tarar say'],
    ['what did tarar say <:pepe:123456789012345678>', 'what did tarar say'],
    ['what did pakistan want about the **TTP**', 'what did pakistan want about the TTP'],
    ['did they find a `workable solution`?', 'did they find a workable solution?'],
    ['```\nwho said the talks failed\n```', 'who said the talks failed'],
    ['> the talks failed\nwho said that', 'the talks failed who said that'],
    ['w̷̡̛̖h̶̨̙o̵͇͝ is asif', 'who is asif'],
    ['WHAT DID ASIF SAY ABOUT THE TTP', 'what did asif say about the TTP'],
    ['What did AFP report?', 'What did AFP report?'],
    ['what did ASIF say', 'what did asif say'],
    ['what did NATO say', 'what did NATO say'],
  ])('%s', (raw, expected) => {
    expect(textOf(raw)).toBe(expected)
  })

  it('reads "what\'s the TTP" and "what is the TTP?" as one question', () => {
    expect(textOf("what's the TTP")).toBe('what is the TTP')
    expect(textOf('whats the TTP')).toBe('what is the TTP')
    expect(textOf('what is the TTP?').replace(/\?$/, '')).toBe(textOf("what's the TTP"))
  })

  it('leaves British and American spellings to the term fold: "defense" and "defence" are both known', () => {
    const british = normalise('whos the defence minister')
    const american = normalise('whos the defense minister')
    expect(british.corrections).toEqual([])
    expect(american.corrections).toEqual([])
    expect(folded(british.text)).toBe(folded(american.text))
  })

  it.each([['<@1> <:wave:2> 👋'], ['https://example.com'], ['||   ||'], ['lol'], ['??'], ['']])('is empty when nothing is left: %j', (raw) => {
    expect(textOf(raw)).toBe('')
  })

  it('keeps the person\'s words to show back, defused', () => {
    const result = normalise('  @bot whos the **info** minister\u202E  ')
    expect(result.original).toBe('@bot whos the **info** minister')
    expect(result.text).toBe('who is the information minister')
  })

  it('reports what it changed', () => {
    expect(normalise('wat did the info minister say abt the negotiatons').corrections).toEqual([
      { from: 'wat', to: 'what', kind: 'shorthand' },
      { from: 'info', to: 'information', kind: 'shorthand' },
      { from: 'abt', to: 'about', kind: 'shorthand' },
      { from: 'negotiatons', to: 'negotiations', kind: 'spelling' },
    ])
  })

  it('leaves names it does not know alone, and never invents words', () => {
    expect(textOf('what did Shehbaz Sharif say')).toBe('what did Shehbaz Sharif say')
    expect(textOf('what did modi say')).toBe('what did modi say')
  })

  it('caps a long message', () => {
    expect(textOf('why did the talks fail '.repeat(60)).length).toBeLessThanOrEqual(500)
  })
})
