import { beforeAll, describe, expect, it } from 'vitest'
import { HELP_TEXT } from '../../src/presenters/text.ts'
import { consoleReply } from '../../src/transports/console/consoleReply.ts'
import { BAD_CORPUS_DIR, MAIN_ARTICLE_SOURCE, mainEngine, normalise } from '../engine/support.ts'
import { CLI, lines, runScript, type RunResult } from './spawn.ts'

/** The console must start even when a developer has a .env: the token is blanked and dotenv pointed nowhere. */
const CONSOLE_ENV = { DISCORD_TOKEN: '', DOTENV_CONFIG_PATH: '/nonexistent' }

const runs: Record<string, RunResult> = {}

beforeAll(async () => {
  const jobs: Record<string, Promise<RunResult>> = {
    piped: runScript(CLI.main, [], {
      env: CONSOLE_ENV,
      stdin: ['What did Tarar post on X?', '/quote information minister', '/speakers', '/nonsense', 'What did India say?', ''].join('\n'),
    }),
    exitCommand: runScript(CLI.main, [], { env: CONSOLE_ENV, stdin: '/exit\nWhat did Tarar post on X?\n' }),
    badCorpus: runScript(CLI.main, [], { env: { ...CONSOLE_ENV, CORPUS_DIR: `${BAD_CORPUS_DIR}unknown-field` }, stdin: 'hello\n' }),
  }
  const results = await Promise.all(Object.values(jobs))
  Object.keys(jobs).forEach((name, index) => (runs[name] = results[index] as RunResult))
}, 60_000)

describe('the local console (npm start without DISCORD_TOKEN)', () => {
  it('GIVEN piped lines THEN it answers each one and exits 0 at end of input', () => {
    const run = runs.piped
    expect(run?.code).toBe(0)
    expect(run?.stderr).toBe('')
    const output = run?.stdout ?? ''
    expect(output).toContain('Local console')
    expect(output).toContain('post on X') // the answer to the question
    expect(output).toContain('Regrettably, the Afghan side') // /quote information minister
    expect(output).toContain('Attaullah Tarar') // /speakers
    expect(output).toContain('Unknown command /nonsense')
    expect(output).toMatch(/doesn.t mention India/)
  })

  it('GIVEN /exit followed by a question THEN it says goodbye and does not answer the question', () => {
    const run = runs.exitCommand
    expect(run?.code).toBe(0)
    expect(run?.stdout).toContain('Bye.')
    expect(run?.stdout).not.toContain('post on X')
  })

  it('GIVEN a malformed corpus THEN it exits 1 with one line naming the file and the field', () => {
    const run = runs.badCorpus
    expect(run?.code).toBe(1)
    const [line, ...rest] = lines(run?.stderr ?? '')
    expect(rest).toEqual([])
    expect(line).toContain('unknown-field.md')
    expect(line).toContain('author')
  })
})

describe('consoleReply', () => {
  const engine = mainEngine()

  it.each([
    ['a question', 'What did Tarar post on X?', 'post on X'],
    ['/ask with a question', '/ask What did Tarar post on X?', 'post on X'],
    ['/ASK in capitals', '/ASK What did Tarar post on X?', 'post on X'],
    ['/quote by role', '/quote information minister', 'Regrettably, the Afghan side'],
    ['/quote by phrase', '/quote bitter taste', 'Khawaja Asif'],
    ['/quote with no match', '/quote Joe Biden', 'No quotation matches "Joe Biden"'],
    ['/speakers', '/speakers', 'Khawaja Asif'],
    ['/help', '/help', '/quote'],
    ['an unknown command', '/frobnicate', 'Unknown command /frobnicate'],
    ['/summary with a bad length', '/summary huge', '"huge"'],
    ['a question about an unknown country', 'What did India say?', 'India'],
    ['a greeting', 'hello', 'Ask me a question'],
    ['/ask with nothing after it', '/ask', 'Ask me a question'],
  ])('GIVEN %s THEN the reply contains %j and does not exit', (_label, line, expected) => {
    const reply = consoleReply(engine, line)
    expect(reply.output).toContain(expected)
    expect(reply.exit).toBeFalsy()
  })

  it.each([['/exit'], ['/quit'], ['  /EXIT  ']])('GIVEN %j THEN the console is told to leave', (line) => {
    expect(consoleReply(engine, line)).toEqual({ output: 'Bye.', exit: true })
  })

  it.each([[''], ['   '], ['\t']])('GIVEN the blank line %j THEN there is nothing to print', (line) => {
    expect(consoleReply(engine, line)).toEqual({ output: '' })
  })

  it('GIVEN an answered question THEN the reply quotes the passage verbatim and cites where it stands', () => {
    const output = consoleReply(engine, 'What did Tarar post on X?').output
    const [answerLine] = output.split('\n')
    expect(answerLine).toMatch(/^Answer: /)
    expect(MAIN_ARTICLE_SOURCE).toContain(answerLine?.replace(/^Answer: /, ''))
    expect(output).toMatch(/¶\d+/)
    expect(output).toContain('speaking: Attaullah Tarar')
  })

  it.each([['short'], ['full']])('GIVEN /summary %s THEN each bullet is a sentence of the article with its passage id', (length) => {
    const bullets = consoleReply(engine, `/summary ${length}`).output.split('\n').filter((line) => line.startsWith('• '))
    expect(bullets.length).toBeGreaterThan(0)
    for (const bullet of bullets) {
      // Who a person is may follow the citation, outside the verbatim sentence: "(Asif: Khawaja Asif, …)".
      const match = /^• (.*) \[(istanbul-talks-p\d+(?:\.\d+)?)\](?: \([^()]+\))?$/.exec(bullet)
      expect(match, bullet).not.toBeNull()
      expect(MAIN_ARTICLE_SOURCE).toContain(match?.[1])
      expect(engine.passage(match?.[2] ?? '')).toBeDefined()
    }
  })

  it('GIVEN /help THEN the reply is the help text', () => {
    expect(consoleReply(engine, '/help').output).toBe(HELP_TEXT)
  })

  it('GIVEN @everyone in a question THEN the reply never echoes it', () => {
    const output = consoleReply(engine, '@everyone what did Tarar post on X').output
    expect(output).not.toContain('@everyone')
    expect(normalise(output)).toContain('post on x')
  })
})
