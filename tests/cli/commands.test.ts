import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { BAD_CORPUS_DIR, MAIN_ARTICLE_SOURCE, MAIN_SLUG, WIRE_CORPUS_DIR, normalise } from '../engine/support.ts'
import { CLI, lines, runScript, type RunResult } from './spawn.ts'

const askSchema = z.object({
  question: z.string(),
  answered: z.boolean(),
  answer: z.object({ text: z.string().min(1), passageId: z.string().min(1) }).optional(),
  passages: z.array(
    z.object({
      id: z.string().min(1),
      article: z.string().min(1),
      section: z.string().nullable(),
      paragraph: z.number().int().positive(),
      text: z.string().min(1),
      speakers: z.array(z.string()),
      score: z.number(),
    }),
  ),
})
type AskJson = z.infer<typeof askSchema>

const quoteSchema = z.object({
  query: z.string(),
  quotes: z.array(z.object({ text: z.string().min(1), speaker: z.string().nullable(), role: z.string().nullable(), via: z.string().nullable(), passageId: z.string().min(1) })),
  speakers: z.array(z.string()).optional(),
})

const summarySchema = z.object({
  article: z.string(),
  sentences: z.array(z.object({ text: z.string().min(1), passageId: z.string().min(1) })).min(1),
})

/** Parses one line of JSON output against a schema; the error names the line. */
function parseLine<T>(schema: z.ZodType<T>, line: string | undefined): T {
  expect(line, 'a line of JSON output').toBeDefined()
  return schema.parse(JSON.parse(line ?? ''))
}

function expectConsistentAsk(result: AskJson): void {
  if (result.answered) {
    expect(result.answer).toBeDefined()
    expect(result.passages.length).toBeGreaterThan(0)
    expect(result.passages[0]?.id).toBe(result.answer?.passageId)
    expect(result.passages[0]?.text).toContain(result.answer?.text)
  } else {
    expect(result.answer).toBeUndefined()
    expect(result.passages).toEqual([])
  }
}

function expectUsageError(run: RunResult | undefined, mentions: RegExp): void {
  expect(run?.code).toBe(2)
  expect(run?.stdout).toBe('')
  expect(lines(run?.stderr ?? '')).toHaveLength(1)
  expect(run?.stderr).toMatch(mentions)
}

function expectCorpusError(run: RunResult | undefined, file: string, field?: string): void {
  expect(run?.code).toBe(1)
  expect(run?.stdout).toBe('')
  const [line, ...rest] = lines(run?.stderr ?? '')
  expect(rest).toEqual([])
  expect(line).toContain(file)
  if (field) expect(line).toContain(field)
  expect(line).not.toMatch(/\bat .*\.ts:\d+/) // no stack trace
}

// Every process is started once, all at the same time; the tests then read the results.
const runs: Record<string, RunResult> = {}

beforeAll(async () => {
  const jobs: Record<string, Promise<RunResult>> = {
    askAnswered: runScript(CLI.ask, ['--json', 'Which country mediated the talks?']),
    askAbstained: runScript(CLI.ask, ['--json', 'What did India say?']),
    askBatch: runScript(CLI.ask, ['--json'], { stdin: 'What did Tarar post on X?\nhello\n\nWhat did India say?\n' }),
    quoteTarar: runScript(CLI.quote, ['--json', 'Tarar']),
    quoteNothing: runScript(CLI.quote, ['--json', 'Joe Biden']),
    summaryFull: runScript(CLI.summary, ['--json', '--length', 'full']),
    quoteOtherCorpus: runScript(CLI.quote, ['--json', 'finance minister'], { env: { CORPUS_DIR: WIRE_CORPUS_DIR } }),
    unknownFlag: runScript(CLI.ask, ['--bogus', 'What did Tarar say?']),
    missingQuestion: runScript(CLI.ask, []),
    hugeLength: runScript(CLI.summary, ['--length', 'huge']),
    noFrontMatter: runScript(CLI.ask, ['What did Tarar say?'], { env: { CORPUS_DIR: `${BAD_CORPUS_DIR}missing-front-matter` } }),
    badDate: runScript(CLI.summary, ['--json'], { env: { CORPUS_DIR: `${BAD_CORPUS_DIR}bad-published-date` } }),
  }
  const results = await Promise.all(Object.values(jobs))
  Object.keys(jobs).forEach((name, index) => (runs[name] = results[index] as RunResult))
}, 60_000)

describe('ask --json', () => {
  it('GIVEN an answerable question THEN one JSON object with the answering passage first, exit 0', () => {
    const run = runs.askAnswered
    expect(run?.code).toBe(0)
    expect(run?.stderr).toBe('')
    expect(lines(run?.stdout ?? '')).toHaveLength(1)
    const result = parseLine(askSchema, lines(run?.stdout ?? '')[0])
    expect(result.question).toBe('Which country mediated the talks?')
    expect(result.answered).toBe(true)
    expectConsistentAsk(result)
    expect(result.passages[0]?.text).toContain('Turkey-mediated')
    expect(result.passages.every((passage) => passage.article === MAIN_SLUG && MAIN_ARTICLE_SOURCE.includes(passage.text))).toBe(true)
  })

  it('GIVEN a question about a country the article never mentions THEN answered is false with no passages, exit 0', () => {
    const run = runs.askAbstained
    expect(run?.code).toBe(0)
    const result = parseLine(askSchema, lines(run?.stdout ?? '')[0])
    expect(result.answered).toBe(false)
    expectConsistentAsk(result)
  })

  it('GIVEN four lines on stdin (one blank) THEN four JSON objects, in the same order', () => {
    const run = runs.askBatch
    expect(run?.code).toBe(0)
    const output = (run?.stdout ?? '').split('\n').filter((line) => line !== '')
    expect(output).toHaveLength(4)
    const results = output.map((line) => parseLine(askSchema, line))
    expect(results.map((result) => result.question)).toEqual(['What did Tarar post on X?', 'hello', '', 'What did India say?'])
    expect(results.map((result) => result.answered)).toEqual([true, false, false, false])
    results.forEach(expectConsistentAsk)
    expect(normalise(results[0]?.passages[0]?.text ?? '')).toContain('post on x')
  })
})

describe('quote --json', () => {
  it('GIVEN a surname THEN every quotation is that person’s, with role and verbatim text, exit 0', () => {
    const run = runs.quoteTarar
    expect(run?.code).toBe(0)
    const result = parseLine(quoteSchema, lines(run?.stdout ?? '')[0])
    expect(result.query).toBe('Tarar')
    expect(result.quotes.length).toBeGreaterThan(0)
    for (const quote of result.quotes) {
      expect(quote.speaker).toBe('Attaullah Tarar')
      expect(quote.role ?? '').toContain('Information Minister')
      expect(MAIN_ARTICLE_SOURCE).toContain(quote.text)
      expect(quote.passageId.startsWith(`${MAIN_SLUG}-p`)).toBe(true)
    }
    expect(result.quotes.some((quote) => quote.via === 'AFP')).toBe(true)
  })

  it('GIVEN nobody the article quotes THEN no quotations and the speakers list, exit 0', () => {
    const run = runs.quoteNothing
    expect(run?.code).toBe(0)
    const result = parseLine(quoteSchema, lines(run?.stdout ?? '')[0])
    expect(result.quotes).toEqual([])
    expect(result.speakers).toContain('Khawaja Asif')
    expect(result.speakers).toContain('Attaullah Tarar')
  })

  it('GIVEN CORPUS_DIR pointing at the wire fixture THEN the fixture’s finance minister is found via Reuters', () => {
    const run = runs.quoteOtherCorpus
    expect(run?.code).toBe(0)
    const result = parseLine(quoteSchema, lines(run?.stdout ?? '')[0])
    expect(result.quotes.length).toBeGreaterThan(0)
    expect(result.quotes.every((quote) => quote.speaker === 'Elena Marsh' && quote.via === 'Reuters')).toBe(true)
  })
})

describe('summary --json --length full', () => {
  it('GIVEN the project corpus THEN sentences are verbatim, cite passages of the article, and fit 1,500 characters', () => {
    const run = runs.summaryFull
    expect(run?.code).toBe(0)
    const result = parseLine(summarySchema, lines(run?.stdout ?? '')[0])
    expect(result.article).toBe(MAIN_SLUG)
    for (const sentence of result.sentences) {
      expect(MAIN_ARTICLE_SOURCE).toContain(sentence.text)
      expect(sentence.passageId).toMatch(new RegExp(`^${MAIN_SLUG}-p\\d+(?:\\.\\d+)?$`))
    }
    expect(result.sentences.reduce((sum, sentence) => sum + sentence.text.length, 0)).toBeLessThanOrEqual(1_500)
  })
})

describe('usage errors exit 2 with one line on stderr', () => {
  it('GIVEN an unknown flag THEN exit 2 naming the flag', () => {
    expectUsageError(runs.unknownFlag, /--bogus/)
  })

  it('GIVEN ask with no question and no --json THEN exit 2 saying a question is required', () => {
    expectUsageError(runs.missingQuestion, /question is required/)
  })

  it('GIVEN --length huge THEN exit 2 naming the allowed lengths', () => {
    expectUsageError(runs.hugeLength, /short or full.*huge/)
  })
})

describe('a malformed corpus exits 1 with one line naming the file', () => {
  it('GIVEN CORPUS_DIR with an article missing its front matter THEN exit 1 naming the file', () => {
    expectCorpusError(runs.noFrontMatter, 'no-front-matter.md', 'front matter')
  })

  it('GIVEN CORPUS_DIR with a bad published date THEN exit 1 naming the file and the field', () => {
    expectCorpusError(runs.badDate, 'bad-date.md', 'published')
  })
})
