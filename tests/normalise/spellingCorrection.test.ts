import { describe, expect, it } from 'vitest'
import { CorpusVocabulary } from '../../src/normalise/corpusVocabulary.ts'
import { wordListDictionary } from '../../src/normalise/englishDictionary.ts'
import { createSpellingCorrector } from '../../src/normalise/spellingCorrection.ts'

const corpus = new CorpusVocabulary([
  'Defence Minister Khawaja Asif said the negotiations failed. The negotiators met in Istanbul.',
  'A ceasefire held after the explosions. Tarar posted a statement. The ministers met. TTP',
])
const dictionary = wordListDictionary([
  'the', 'said', 'statement', 'aggression', 'arrested', 'actually', 'actual', 'actuary', 'election', 'electron', 'elector',
  'minster', 'qatar', 'covid', 'where', 'when', 'her', 'happen', 'happened', 'happens', 'defense', 'what', 'is',
])

describe('createSpellingCorrector', () => {
  const speller = createSpellingCorrector({ corpus, dictionary })
  const fix = (text: string) => speller.correct(text)

  it.each([
    ['the negotiatons failed', 'the negotiations failed'],
    ['after the explosoins', 'after the explosions'],
    ['the first ceasfire', 'the first ceasefire'],
    ['cross border agression', 'cross border aggression'],
    ['did anyone get arested', 'did anyone get arrested'],
    ['the minsters met', 'the ministers met'],
    ['Negotiatons failed', 'Negotiations failed'],
  ])('corrects a typo: %s', (input, expected) => {
    expect(fix(input).text).toBe(expected)
  })

  it.each([
    ['which paper quoted asifs line', "which paper quoted asif's line"],
    ['quoted tarars post', "quoted tarar's post"],
    ['what did qatars emir say', "what did qatar's emir say"],
  ])('restores a possessive: %s', (input, expected) => {
    expect(fix(input).text).toBe(expected)
  })

  it.each([
    ['what did asif say'],
    ['the defense minister'],
    ['what is the TTP'],
    ['what is the ttp'],
    ['what is BRICS'],
    ['the 2001 defeat'],
    ['covid19 cases'],
    ['the q3 numbers'],
    ['an odd wrd'],
    ['a negotiatonsnegotiatonsnegotiatonsnegotiatons'],
  ])('leaves known, short, numeric and capital words alone: %s', (input) => {
    expect(fix(input)).toEqual({ text: input, corrections: [] })
  })

  it('prefers the likelier slip: a dropped letter over a far key', () => {
    expect(fix('wher is it').text).toBe('where is it')
  })

  it('leaves an ambiguous typo alone', () => {
    expect(fix('what happend').text).toBe('what happend')
    expect(fix('the next electon').text).toBe('the next electon')
  })

  it('breaks a tie with word ranks when they are clearly apart', () => {
    const ranks = new Map([['election', 600], ['electron', 9000], ['actually', 300], ['actual', 2000]])
    const ranked = createSpellingCorrector({ corpus, dictionary, wordRank: (word) => ranks.get(word) })
    expect(ranked.correct('the next electon').text).toBe('the next election')
    expect(ranked.correct('is it actualy true').text).toBe('is it actually true')
  })

  it('corrects a capitalised word mid-sentence (a name) only towards the corpus', () => {
    expect(fix('what did Asfi say').text).toBe('what did Asif say')
    expect(fix('what did Corvid say').text).toBe('what did Corvid say')
    expect(fix('what did corvid say').text).toBe('what did corvid say')
    expect(fix('what did covd say').text).toBe('what did covid say')
  })

  it('takes only plausible slips: names are not words with a stray letter', () => {
    const names = createSpellingCorrector({ corpus: new CorpusVocabulary(['Iran', 'the sunk ship', 'a melon']), dictionary })
    expect(names.correct('what did imran say').text).toBe('what did imran say')
    expect(names.correct('what did sunak say').text).toBe('what did sunak say')
    expect(names.correct('what did meloni say').text).toBe('what did meloni say')
    expect(names.correct('the melonn').text).toBe('the melon')
  })

  it('corrects a word in general use only towards a far more common one', () => {
    const ranks = new Map([['statment', 40_000], ['statement', 500], ['herat', 18_000], ['heart', 900]])
    const ranked = createSpellingCorrector({
      corpus: new CorpusVocabulary(['a heart']),
      dictionary: wordListDictionary(['statement', 'heart']),
      wordRank: (word) => ranks.get(word),
    })
    expect(ranked.correct('his statment').text).toBe('his statement')
    expect(ranked.correct('the herat province').text).toBe('the herat province')
  })

  it('corrects a real word that is a slip for a far more common corpus word, given ranks', () => {
    const ranks = new Map([['minster', 27_213], ['minister', 123], ['sever', 21_929], ['severe', 2_395]])
    const ranked = createSpellingCorrector({
      corpus: new CorpusVocabulary(['the finance minister and a severe blow']),
      dictionary: wordListDictionary(['minster', 'minister', 'sever', 'severe', 'finance']),
      wordRank: (word) => ranks.get(word),
    })
    expect(ranked.correct('whos the finance minster').text).toBe('whos the finance minister')
    expect(ranked.correct('they sever ties').text).toBe('they sever ties')
    expect(createSpellingCorrector({ corpus: new CorpusVocabulary(['the minister']), dictionary }).correct('the minster').text).toBe('the minster')
  })

  it.each([
    ['who is khawajaasif', 'who is khawaja asif'],
    ['what did Khawajaasif say', 'what did Khawaja asif say'],
    ['the defenceminister', 'the defence minister'],
  ])('splits two corpus words typed as one: %s', (input, expected) => {
    expect(fix(input).text).toBe(expected)
  })

  it('splits nothing that is a word already, too short, or with a half the corpus lacks', () => {
    expect(fix('the statement').text).toBe('the statement')
    expect(fix('metmet').text).toBe('metmet')
    expect(fix('tararxyz').text).toBe('tararxyz')
  })

  it('corrects hyphenated words part by part', () => {
    expect(fix('the ceasfire-explosoins link').text).toBe('the ceasefire-explosions link')
  })

  it('corrects the base of a possessive', () => {
    expect(fix("the negotiatons's end").text).toBe("the negotiations's end")
  })

  it('reports every correction', () => {
    expect(fix('asifs negotiatons').corrections).toEqual([
      { from: 'asifs', to: "asif's", kind: 'possessive' },
      { from: 'negotiatons', to: 'negotiations', kind: 'spelling' },
    ])
  })

  it('works without a dictionary, towards corpus words only', () => {
    const corpusOnly = createSpellingCorrector({ corpus })
    expect(corpusOnly.correct('the negotiatons and the statment').text).toBe('the negotiations and the statement')
    expect(corpusOnly.correct('cross border agression').text).toBe('cross border agression')
  })

  it('gives the same answer from its memo', () => {
    const first = fix('the negotiatons failed')
    expect(fix('the negotiatons failed')).toEqual(first)
  })
})

describe('a wall of text', () => {
  it('looks at the first MAX_WORDS_CHECKED words only', async () => {
    const { MAX_WORDS_CHECKED } = await import('../../src/normalise/spellingCorrection.ts')
    const speller = createSpellingCorrector({ corpus, dictionary })
    const result = speller.correct(Array.from({ length: MAX_WORDS_CHECKED + 10 }, () => 'negotiatons').join(' '))
    expect(result.corrections).toHaveLength(MAX_WORDS_CHECKED)
  })
})
