import { describe, expect, it } from 'vitest'
import { adjacency, AGE_STATEMENT, ANSWER_FEATURES, answerFeatures, coverage, FUTURE_STATEMENT, proximity, RANK_FEATURES, type ProfiledTerm, type QuestionProfile } from '../../src/engine/features.ts'
import { firstFeatureModel, fitListwise, fitLogistic, LinearModel } from '../../src/engine/linearModel.ts'
import { answerabilityModel, rankingModel } from '../../src/engine/models.ts'
import { questionAboutTheText } from '../../src/engine/question.ts'
import { seededRandom } from '../support/random.ts'

function term(word: string, weight: number, matches: Array<[string, number]> = [[word, 1]], extra: Partial<ProfiledTerm> = {}): ProfiledTerm {
  return { term: word, word, weight, nameLike: false, focus: false, topic: false, matches: new Map(matches), ...extra }
}

function profile(...terms: ProfiledTerm[]): QuestionProfile {
  return { type: 'what', definitional: false, terms, totalWeight: terms.reduce((sum, entry) => sum + entry.weight, 0) }
}

describe('coverage: how a question meets a set of terms', () => {
  const question = profile(term('truce', 3, [['truce', 1], ['ceasefir', 0.6]], { focus: true }), term('doha', 1))

  it('GIVEN every word present THEN exact and soft coverage are 1 and nothing is unmatched', () => {
    const met = coverage(question, new Set(['truce', 'doha']))
    expect(met).toMatchObject({ exact: 1, soft: 1, focus: 1, largestGap: 0, unmatched: [] })
  })

  it('GIVEN a word met only in other words THEN exact coverage drops and soft coverage keeps the similarity', () => {
    const met = coverage(question, new Set(['ceasefir', 'doha']))
    expect(met.exact).toBeCloseTo(1 / 4)
    expect(met.soft).toBeCloseTo((3 * 0.6 + 1) / 4)
    expect(met.focus).toBeCloseTo(0.6)
    expect(met.largestGap).toBeCloseTo((3 * 0.4) / 4)
  })

  it('GIVEN the heavy word missing THEN the largest gap is its share and it is listed as unmatched', () => {
    const met = coverage(question, new Set(['doha']))
    expect(met.largestGap).toBeCloseTo(3 / 4)
    expect(met.focus).toBe(0)
    expect(met.unmatched.map((entry) => entry.word)).toEqual(['truce'])
  })

  it('GIVEN a topic word THEN topic coverage is its best match, and 1 without any topic', () => {
    const withTopic = profile(term('asif', 1), term('economi', 2, [['economi', 1]], { topic: true }))
    expect(coverage(withTopic, new Set(['asif'])).topic).toBe(0)
    expect(coverage(withTopic, new Set(['asif', 'economi'])).topic).toBe(1)
    expect(coverage(question, new Set()).topic).toBe(1)
  })
})

describe('proximity and words side by side', () => {
  const question = profile(term('defenc', 1), term('minist', 1))

  it('GIVEN the words next to each other THEN proximity is 1; scattered, it falls; with one word, 0', () => {
    expect(proximity(question, ['pakistan', 'defenc', 'minist', 'said'])).toBe(1)
    expect(proximity(question, ['defenc', 'a', 'b', 'c', 'minist'])).toBeCloseTo(2 / 5)
    expect(proximity(question, ['defenc', 'said'])).toBe(0)
  })

  it('GIVEN the shortest stretch later in the text THEN that stretch counts', () => {
    expect(proximity(question, ['defenc', 'x', 'x', 'x', 'minist', 'defenc'])).toBe(1)
  })

  it('GIVEN the pair side by side in the text or the heading THEN adjacency counts it', () => {
    expect(adjacency(question, [['the', 'defenc', 'minist']])).toBe(1)
    expect(adjacency(question, [['minist', 'defenc']])).toBe(0)
    expect(adjacency(question, [[], ['defenc', 'minist']])).toBe(1)
  })
})

describe('fitted linear models', () => {
  const random = seededRandom(5)

  it('GIVEN separable data THEN logistic regression puts the classes on either side of the threshold', () => {
    const rows = Array.from({ length: 200 }, () => [random(), random()])
    const labels = rows.map(([a]) => ((a as number) > 0.5 ? 1 : 0))
    const model = new LinearModel(fitLogistic(rows, labels, ['signal', 'noise'], { fittedOn: 'test' }), ['signal', 'noise'])
    expect(model.probability([0.9, 0.5])).toBeGreaterThan(0.5)
    expect(model.probability([0.1, 0.5])).toBeLessThan(0.5)
  })

  it('GIVEN a sign constraint against the data THEN the weight stays at zero rather than flip', () => {
    const rows = Array.from({ length: 200 }, () => [random()])
    const labels = rows.map(([a]) => ((a as number) > 0.5 ? 1 : 0))
    const spec = fitLogistic(rows, labels, ['signal'], { fittedOn: 'test', signs: [-1] })
    expect(spec.weights[0]).toBe(0)
  })

  it('GIVEN groups whose relevant row has the larger first feature THEN the listwise fit ranks it first', () => {
    const groups = Array.from({ length: 50 }, () => {
      const rows = Array.from({ length: 5 }, () => [random(), random()])
      const best = rows.reduce((top, row, index) => ((row[0] as number) > ((rows[top] as number[])[0] as number) ? index : top), 0)
      return { rows, relevant: rows.map((_, index) => index === best) }
    })
    const model = new LinearModel(fitListwise(groups, ['signal', 'noise'], { fittedOn: 'test' }), ['signal', 'noise'])
    expect(model.score([0.9, 0.1])).toBeGreaterThan(model.score([0.1, 0.9]))
  })

  it('GIVEN a model fitted for other features THEN loading it refuses with a pointer to npm run train', () => {
    const spec = { features: ['a', 'b'], weights: [1, 0], bias: 0, means: [0, 0], scales: [1, 1], threshold: 0.5, fittedOn: 'a test' }
    expect(() => new LinearModel(spec, ['a', 'c'])).toThrow(/npm run train/)
    expect(firstFeatureModel(['a', 'b']).score([2, 5])).toBe(2)
  })

  it('GIVEN the committed models THEN they match the code’s features and say what they were fitted on', () => {
    expect(() => rankingModel()).not.toThrow()
    expect(() => answerabilityModel()).not.toThrow()
    expect(RANK_FEATURES.length).toBeGreaterThan(3)
    expect(ANSWER_FEATURES.length).toBeGreaterThan(3)
    expect(answerabilityModel().threshold).toBeGreaterThan(0)
    expect(answerabilityModel().threshold).toBeLessThan(1)
  })
})

describe('questions about the text itself', () => {
  it.each([['tl;dr'], ['tldr?'], ['summarize the article'], ['can you sum it up'], ['what is this about'], ['whats the article about?'], ['give me a summary'], ['main points of the story'], ['a summary of the article please']])(
    'GIVEN %j THEN it asks for the summary',
    (question) => {
      expect(questionAboutTheText(question)).toBe('summary')
    },
  )

  it.each([['who wrote this'], ['who is the author?'], ['author of the article']])('GIVEN %j THEN it asks for the author', (question) => {
    expect(questionAboutTheText(question)).toBe('author')
  })

  it.each([['who reported that the talks failed'], ['what is this about the truce in doha'], ['what did the summary of the talks say']])(
    'GIVEN %j (about what the article reports) THEN it is an ordinary question',
    (question) => {
      expect(questionAboutTheText(question)).toBeNull()
    },
  )
})

describe('a role given by its initials', () => {
  it('GIVEN "who is the ceo" and an article naming its chief executive officer THEN that passage answers', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const article = parseArticle(
      '---\ntitle: Harbour firm results\n---\n\nThe harbour firm reported higher profits on Monday, helped by busier docks.\n\n"We had a strong year," said Ana Ruiz, the chief executive officer of the firm.\n\nShares rose 3 percent in early trading.\n',
      'harbour-firm',
    )
    const result = createEngine([article]).ask('who is the ceo')
    expect(result.answered).toBe(true)
    if (result.answered) expect(result.passages[0]?.passage.text).toContain('Ana Ruiz')
  })
})

describe('indefinite pronouns', () => {
  const article = () =>
    '---\ntitle: Ferry timetable\n---\n\nThe island ferry will run two extra crossings on Saturday, the operator said.\n\nAnyone travelling with a bicycle must book a place in advance, the operator added.\n\nTickets went on sale on Monday and cost 12 euros.\n'

  it('GIVEN chat that shares only "anyone" with the article THEN the bot says the article does not answer it', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const engine = createEngine([parseArticle(article(), 'ferry')])
    expect(engine.ask('anyone up for a movie tonight lol').answered).toBe(false)
    expect(engine.ask('who must book a place in advance').answered).toBe(true)
  })

  it('GIVEN "anyone" rare in the article THEN it weighs no more than a very common word, and is never the thing asked for', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { analyseQuestion } = await import('../../src/engine/question.ts')
    const { retrieve, defaultAskOptions } = await import('../../src/engine/ask.ts')
    const engine = createEngine([parseArticle(article(), 'ferry')])
    const { profile } = retrieve(engine.index, analyseQuestion('whats everyone saying about the bicycle', engine.normalise), {}, {}, engine.isName)
    const pronoun = profile.terms.find((term) => term.word === 'everyone')
    const bicycle = profile.terms.find((term) => term.word === 'bicycle')
    expect(pronoun?.weight).toBeLessThanOrEqual(engine.index.vocabulary.maxIdf() * defaultAskOptions.ordinaryWordWeight + 1e-9)
    expect(bicycle?.weight).toBeGreaterThan(pronoun?.weight ?? Infinity)
    expect(pronoun?.focus).toBe(false)
  })
})

describe('"people" as the thing counted', () => {
  it('GIVEN "how many people…" and an article that counts passengers THEN the focus is not absent: people are counted under any noun', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { analyseQuestion } = await import('../../src/engine/question.ts')
    const { retrieve } = await import('../../src/engine/ask.ts')
    const engine = createEngine([parseArticle('---\ntitle: Ash cloud\n---\n\nMore than 1,900 flights have been cancelled since Sunday, stranding an estimated 240,000 passengers.\n\nThe airport will stay closed until Friday.\n', 'ash-cloud')])
    const { profile, decision } = retrieve(engine.index, analyseQuestion('how many ppl are stuck bc of the cancelled flights', engine.normalise), {}, {}, engine.isName)
    expect(profile.terms.find((term) => term.word === 'people')?.focus).toBe(false)
    expect(decision?.[ANSWER_FEATURES.indexOf('focusAbsent')]).toBe(0)
  })
})

describe('"what did X tell <outlet>": the outlet and the teller must be the best passage\'s', () => {
  const article = () =>
    '---\ntitle: Wheat trial\n---\n\n"Eighteen plots in one valley is a promising start," Oskar Venn told Farmline Radio.\n\n"We have spent millions on seed that may not grow," councillor Lena Drovak told Radio Brisk.\n\nJudge Miriam Esterhaus set a first hearing for October 6.\n\nVenn said the results would be published in the spring, and thanked the analysts.\n'
  const setUp = async () => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { analyseQuestion } = await import('../../src/engine/question.ts')
    const { retrieve } = await import('../../src/engine/ask.ts')
    const engine = createEngine([parseArticle(article(), 'wheat-trial')])
    return { engine, unmet: (question: string) => retrieve(engine.index, analyseQuestion(question, engine.normalise), {}, {}, engine.isName).outletUnmet }
  }

  it('GIVEN the outlet the teller spoke to THEN the rule lets the model decide', async () => {
    const { engine, unmet } = await setUp()
    expect(unmet('What did Oskar Venn tell Farmline Radio about the plots?')).toBe(false)
    expect(engine.ask('What did Oskar Venn tell Farmline Radio about the plots?').answered).toBe(true)
  })

  it.each([
    ['an outlet the article names elsewhere', 'What did Oskar Venn tell Radio Brisk about the plots?'],
    ['an outlet someone else told', 'What did Judge Esterhaus tell Radio Brisk about the case?'],
    ['an outlet the corpus names, in lower case', 'what did esterhaus tell farmline radio abt the hearing'],
  ])('GIVEN %s THEN the bot says the article does not answer', async (_, question) => {
    const { engine, unmet } = await setUp()
    expect(unmet(question)).toBe(true)
    const result = engine.ask(question)
    expect(result.answered).toBe(false)
    if (!result.answered) expect(result.reason).toBe('not-told')
  })

  it('GIVEN such a question THEN the abstention names who told whom, as typed', async () => {
    const { engine } = await setUp()
    const result = engine.ask('What did Oskar Venn tell Radio Brisk about the plots?')
    expect(result.answered === false && result.missing).toEqual(['Oskar Venn', 'Radio Brisk'])
  })

  it('GIVEN an outlet the article never names THEN the rule holds, and the reply says the name is unknown', async () => {
    const { engine, unmet } = await setUp()
    expect(unmet('What did Oskar Venn tell the Dunmere Gazette about the plots?')).toBe(true)
    const result = engine.ask('What did Oskar Venn tell the Dunmere Gazette about the plots?')
    expect(result.answered === false && result.reason).toBe('unknown-names')
  })

  it('GIVEN whom the words were told to is no outlet ("the analysts") THEN the rule does not apply', async () => {
    const { unmet } = await setUp()
    expect(unmet('what did venn tell the analysts about the results')).toBe(false)
  })
})

describe('ageUnstated', () => {
  it('AGE_STATEMENT: the ways news gives an age', () => {
    for (const text of ['"I have waited," said Hugo Brandt, 71, a retired teacher.', 'the 180-year-old company', 'a man aged 43', 'she is 29 years old', 'The firm was founded in 1872.']) expect(AGE_STATEMENT.test(text)).toBe(true)
    for (const text of ['Talks resume on Monday at 9 a.m.', 'The council voted 31 to 22.', 'About 1,900 flights were cancelled.']) expect(AGE_STATEMENT.test(text)).toBe(false)
  })

  it('GIVEN "how old is X" THEN 1 when the best passage states no age, 0 when it does; other questions 0', async () => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { analyseQuestion } = await import('../../src/engine/question.ts')
    const { retrieve } = await import('../../src/engine/ask.ts')
    const engine = createEngine([
      parseArticle('---\ntitle: Surgery waits\n---\n\n"I have waited eleven months for this surgery," said retired teacher Hugo Brandt, 71.\n\nMayor Ana Ruiz said the city would open two more clinics in the spring.\n', 'surgery-waits'),
    ])
    const at = ANSWER_FEATURES.indexOf('ageUnstated')
    const feature = (question: string) => retrieve(engine.index, analyseQuestion(question, engine.normalise), {}, {}, engine.isName).decision?.[at]
    expect(feature('how old is hugo brandt')).toBe(0)
    expect(feature('how old is mayor ana ruiz')).toBe(1)
    expect(feature('what did mayor ana ruiz say about clinics')).toBe(0)
  })
})

describe('focusAbsent', () => {
  const at = ANSWER_FEATURES.indexOf('focusAbsent')
  const decide = (question: QuestionProfile, articleTerms: string[]) =>
    answerFeatures({ profile: question, best: RANK_FEATURES.map(() => 0), bestScore: 0, runnerUpScore: null, article: coverage(question, new Set(articleTerms)), largestGap: 0, passageTerms: new Set(articleTerms), futureUnmet: false })[at]

  it('GIVEN "what party…" and an article with no party THEN 1; with one THEN 0', () => {
    const asked = { ...profile(term('party', 2, [['parti', 1]], { focus: true }), term('tarar', 2)), nounFocus: true }
    expect(decide(asked, ['tarar'])).toBe(1)
    expect(decide(asked, ['tarar', 'parti'])).toBe(0)
  })

  it('GIVEN a focus that is the verb after "who", or none THEN 0 however the article reads', () => {
    expect(decide({ ...profile(term('led', 2, [['lead', 1]], { focus: true })), nounFocus: false }, [])).toBe(0)
    expect(decide({ ...profile(term('tarar', 2)), nounFocus: true }, [])).toBe(0)
  })
})

describe('eventAbsent', () => {
  const at = ANSWER_FEATURES.indexOf('eventAbsent')
  const decide = (question: QuestionProfile, articleTerms: string[]) =>
    answerFeatures({ profile: question, best: RANK_FEATURES.map(() => 0), bestScore: 0, runnerUpScore: null, article: coverage(question, new Set(articleTerms)), largestGap: 0, passageTerms: new Set(articleTerms), futureUnmet: false })[at]

  it('GIVEN "when does the truce expire" and an article that never speaks of expiring THEN 1; one that does THEN 0; a noun focus THEN 0', () => {
    const asked = { ...profile(term('truce', 2), term('expire', 2, [['expir', 1]], { focus: true })), nounFocus: false }
    expect(decide(asked, ['truce'])).toBe(1)
    expect(decide(asked, ['truce', 'expir'])).toBe(0)
    expect(decide({ ...asked, nounFocus: true }, ['truce'])).toBe(0)
  })
})

describe('numberAbsent', () => {
  const at = ANSWER_FEATURES.indexOf('numberAbsent')
  const decide = (question: QuestionProfile, passageTerms: string[]) =>
    answerFeatures({ profile: question, best: RANK_FEATURES.map(() => 0), bestScore: 0, runnerUpScore: null, article: coverage(question, new Set(passageTerms)), largestGap: 0, passageTerms: new Set(passageTerms), futureUnmet: false })[at]

  it('GIVEN a year or an ordinal the best passage does not state THEN its share of the question; stated THEN 0', () => {
    const century = profile(term('normandi', 3), term('11th', 1), term('centuri', 1))
    expect(decide(century, ['normandi', '10th', 'centuri'])).toBeCloseTo(1 / 5)
    expect(decide(century, ['normandi', '11th', 'centuri'])).toBe(0)
    expect(decide(profile(term('siege', 1), term('1107', 1)), ['siege', '1081'])).toBeCloseTo(1 / 2)
  })

  it('GIVEN other numbers ("2" for "to" in chat, a count) or no number THEN 0', () => {
    expect(decide(profile(term('water', 2), term('2', 1), term('drink', 2)), ['water', 'drink'])).toBe(0)
    expect(decide(profile(term('board', 2), term('4', 1)), ['board'])).toBe(0)
    expect(decide(profile(term('board', 2)), [])).toBe(0)
  })
})

describe('futureUnmet', () => {
  const at = ANSWER_FEATURES.indexOf('futureUnmet')
  const asked = profile(term('border', 2), term('reopen', 2))
  const decide = (futureUnmet: boolean) =>
    answerFeatures({ profile: asked, best: RANK_FEATURES.map(() => 0), bestScore: 0, runnerUpScore: null, article: coverage(asked, new Set(['border'])), largestGap: 0, passageTerms: new Set(['border']), futureUnmet })[at]

  it('is 1 exactly when the question asks about the future and its answer sentence speaks of none', () => {
    expect(decide(true)).toBe(1)
    expect(decide(false)).toBe(0)
  })

  it('a sentence speaks of the future by "will", "due to", "expected", "plans"; a report of what happened does not', () => {
    for (const sentence of ['The border will reopen on Monday.', 'Talks are due to resume next week.', 'The bill is expected to pass.', 'The city plans to review its stewarding.'])
      expect(FUTURE_STATEMENT.test(sentence)).toBe(true)
    for (const sentence of ['The border has been closed for two weeks.', 'The talks collapsed on Tuesday.']) expect(FUTURE_STATEMENT.test(sentence)).toBe(false)
  })
})

describe('contextCoverage: what the paragraph before adds', () => {
  const article = () =>
    '---\ntitle: Cup final\n---\n\nIlona Varkas, the head of security, said the new ticket scanners had failed for forty minutes.\n\n"We tested the system twice. It did not fail in testing."\n\nThe stewards opened the gates by hand.\n'
  const contextOf = async (question: string) => {
    const { createEngine } = await import('../../src/engine/engine.ts')
    const { parseArticle } = await import('../../src/corpus/parseArticle.ts')
    const { analyseQuestion } = await import('../../src/engine/question.ts')
    const { retrieve } = await import('../../src/engine/ask.ts')
    const engine = createEngine([parseArticle(article(), 'cup-final')])
    const { ranked } = retrieve(engine.index, analyseQuestion(question, engine.normalise), {}, {}, engine.isName)
    const at = RANK_FEATURES.indexOf('contextCoverage')
    return (start: string) => ranked.find((candidate) => candidate.passage.text.startsWith(start))?.features[at]
  }

  it('GIVEN a quotation that runs on THEN the words it leaves to the paragraph before count for it', async () => {
    const context = await contextOf('how many times did they test the scanners')
    expect(context('"We tested')).toBeGreaterThan(0)
  })

  it('GIVEN the first paragraph THEN there is nothing before it to add', async () => {
    const context = await contextOf('how many times did they test the scanners')
    expect(context('Ilona Varkas')).toBe(0)
  })

  it('GIVEN a passage that already holds every word THEN the paragraph before adds nothing', async () => {
    const context = await contextOf('did the system fail in testing')
    expect(context('"We tested')).toBe(0)
  })
})
