import { describe, expect, it } from 'vitest'
import { dropRequestTail, expandShorthand, SHORTHAND } from '../../src/normalise/chatShorthand.ts'

describe('expandShorthand', () => {
  it.each([
    ['who is the info minister', 'who is the information minister'],
    ['has the govt said anything', 'has the government said anything'],
    ["the gov't said", 'the government said'],
    ['how many ppl died', 'how many people died'],
    ['how long did they wait b4 telling ppl', 'how long did they wait before telling people'],
    ['they lost money bc of the closures', 'they lost money because of the closures'],
    ['cuz coz', 'because because'],
    ["whats the deal w/ the subsidy", "whats the deal with the subsidy"],
    ['talks w/the taliban', 'talks with the taliban'],
    ['a deal w/o conditions', 'a deal without conditions'],
    ['whats the deal w the farm subsidy', 'whats the deal with the farm subsidy'],
    ['what abt the ceasefire', 'what about the ceasefire'],
    ['can u tell me ur source', 'can you tell me your source'],
    ['who r the negotiators', 'who are the negotiators'],
    ['r they talking', 'are they talking'],
    ['plan r', 'plan r'],
    ['y did the talks fail', 'why did the talks fail'],
    ['why y', 'why y'],
    ['pls tell me', 'please tell me'],
    ['wat data got leaked', 'what data got leaked'],
    ['wen did the negotiations start', 'when did the negotiations start'],
    ['hw many ppl were affected', 'how many people were affected'],
    ['who is the ceo rn', 'who is the ceo right now'],
    ['tho is it open', 'though is it open'],
    ['is brenner gonna take this to court', 'is brenner going to take this to court'],
    ['the intl response', 'the international response'],
    ["the govt's plan", "the government's plan"],
    ['WHO IS THE INFO MINISTER', 'WHO IS THE INFORMATION MINISTER'],
    ['what did the PM say', 'what did the prime minister say'],
    ['how many signed up for appts so far', 'how many signed up for appointments so'],
    ['when do they swap docs', 'when do they swap documents'],
    ['how many wud they recount on tues', 'how many would they recount on tuesday'],
    ['how far did it spread', 'how far did it spread'],
    ['is the GOVT dropping it', 'is the government dropping it'],
    ['Info minister?', 'Information minister?'],
    ['what did the pm say', 'what did the prime minister say'],
    ['the vote at 5 pm', 'the vote at 5 pm'],
    ['the afghan reps', 'the afghan representatives'],
    ['is the water ok 2 drink', 'is the water ok to drink'],
    ['whats the deadline 2 ask for a recount', 'whats the deadline to ask for a recount'],
    ['who voted 4 the bill', 'who voted for the bill'],
    ['who were the 2 minor candidates', 'who were the 2 minor candidates'],
    ['they waited 4 hours', 'they waited 4 hours'],
    ['it raised 2 million', 'it raised 2 million'],
    ['page 2 of the report', 'page 2 of the report'],
    ['plan 2, then what', 'plan 2, then what'],
  ])('%s', (input, expected) => {
    expect(expandShorthand(input)).toBe(expected)
  })

  it.each([
    ['is the border open or nah', 'is the border open'],
    ['is the border open or nah?', 'is the border open?'],
    ['so is peace likely lol', 'so is peace likely'],
    ['tbh idk who won', 'who won'],
    ['who won hahaha', 'who won'],
    ['nah but who won', 'but who won'],
    ['imo the talks failed ngl', 'the talks failed'],
    ['who won LOL', 'who won'],
    ['lol', ''],
    ['how many ppl work there tho', 'how many people work there'],
    ['is the govt doing anything for renters tho?', 'is the government doing anything for renters?'],
    ['who won though lol', 'who won'],
    ['so is peace likely anytime soon', 'so is peace likely'],
    ['will the border reopen any time soon?', 'will the border reopen?'],
    ['is it happening soon', 'is it happening soon'],
  ])('drops noise: %s', (input, expected) => {
    expect(expandShorthand(input)).toBe(expected)
  })

  it.each([
    ['why did the council say no, gimme the short version', 'why did the council say no'],
    ['how badly are they overfishing, any numbers?', 'how badly are they overfishing?'],
    ['who sold the stuff at the auction, any idea?', 'who sold the stuff at the auction?'],
    ['why do hackers go after hospitals - any info', 'why do hackers go after hospitals'],
    ['is the club going to sue or smth', 'is the club going to sue'],
    ['where did he post it, like twitter or what', 'where did he post it, like twitter'],
    ['what happened next, pls', 'what happened next'],
  ])('drops a request tagged on after the question: %s', (input, expected) => {
    expect(expandShorthand(input)).toBe(expected)
  })

  it.each([
    'who attended, the ministers or the generals?',
    'who won, the mayor?',
    'plan 2, then what',
    '`TTP` stands for what',
    'or what',
    ', any idea',
  ])('keeps a tail that names something, or a question that is only a tail: %s', (input) => {
    expect(dropRequestTail(input)).toBe(input)
  })

  it('keeps "tho" that joins a clause, and "though" in the corpus unless it closes the question', () => {
    const isCorpusWord = (word: string) => word === 'though'
    expect(expandShorthand('tho the talks failed, who won')).toBe('though the talks failed, who won')
    expect(expandShorthand('who won though', { isCorpusWord })).toBe('who won')
    expect(expandShorthand('though it failed, who won', { isCorpusWord })).toBe('though it failed, who won')
  })

  it('leaves a word alone when the corpus uses it', () => {
    const isCorpusWord = (word: string) => ['bout', 'imo'].includes(word)
    expect(expandShorthand('who won the bout', { isCorpusWord })).toBe('who won the bout')
    expect(expandShorthand('what did the IMO say', { isCorpusWord })).toBe('what did the IMO say')
    expect(expandShorthand('what did the IMO say')).toBe('what did the say')
  })

  it('leaves mixed-case words (names) alone', () => {
    expect(expandShorthand('what is InfoWars and who is Info Tho')).toBe('what is InfoWars and who is Info Tho')
  })

  it('holds general English only: no entry is capitalised, every entry expands to lower-case words', () => {
    for (const [short, long] of SHORTHAND) {
      expect(short).toBe(short.toLowerCase())
      expect(long).toMatch(/^[a-z' ]+$/)
    }
  })
})
