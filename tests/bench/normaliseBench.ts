import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import type NSpell from 'nspell'
import { DEFAULT_CORPUS_DIR } from '../../src/config/paths.ts'
import { createQuestionNormaliser, loadEnglishDictionary } from '../../src/normalise/index.ts'
import { pick, row, seededRandom, summarise, timeEach } from './stats.ts'

/**
 * The question normaliser's costs: loading the English dictionary (nspell
 * built from dictionary-en, the word cache built, the word cache read),
 * building the normaliser over the corpus, and normalising casual questions,
 * beside same-run baselines (a bare lower-case-and-split; nspell's own
 * suggest for the same typos). `runNormaliseBench(lines)` appends its rows;
 * `npx tsx --expose-gc tests/bench/normaliseBench.ts` prints them alone.
 */

const require = createRequire(import.meta.url)

const FRAMES = ['whos {}', 'wat did {} say', '@bot {} ??', 'tbh idk what {} means lol', 'is {} true or nah', '**{}** 🤔', 'what abt {} w/ the govt', "didn't {} happen"]

/** Casual questions made from the corpus words, with typos (a letter dropped or swapped) in about a third. */
function casualQuestions(words: string[], count: number, seed = 5): string[] {
  const random = seededRandom(seed)
  const questions: string[] = []
  while (questions.length < count) {
    const phrase = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const word = pick(random, words).toLowerCase()
      if (word.length < 6 || random() > 0.35) return word
      const at = 1 + Math.floor(random() * (word.length - 2))
      return random() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + (word[at + 1] as string) + (word[at] as string) + word.slice(at + 2)
    }).join(' ')
    questions.push(pick(random, FRAMES).replace('{}', phrase))
  }
  return questions
}

function timeOnce(run: () => unknown): number {
  const started = performance.now()
  run()
  return performance.now() - started
}

export function runNormaliseBench(lines: string[]): void {
  lines.push('== Question normaliser (src/normalise) ==')
  const dictionaryDir = dirname(require.resolve('dictionary-en'))
  const aff = readFileSync(join(dictionaryDir, 'index.aff'))
  const dic = readFileSync(join(dictionaryDir, 'index.dic'))
  const nspell = require('nspell') as typeof import('nspell')
  const nspellSamples = Array.from({ length: 5 }, () => timeOnce(() => nspell({ aff, dic })))
  lines.push(row('  baseline: nspell(dictionary-en) construction', summarise(nspellSamples)))

  const cacheDir = mkdtempSync(join(tmpdir(), 'normalise-bench-'))
  try {
    const coldSamples = Array.from({ length: 3 }, () => {
      rmSync(cacheDir, { recursive: true, force: true })
      return timeOnce(() => loadEnglishDictionary({ cacheDir }))
    })
    lines.push(row('English words, cache cold (nspell + write)', summarise(coldSamples)))
    const warmSamples = Array.from({ length: 20 }, () => timeOnce(() => loadEnglishDictionary({ cacheDir })))
    lines.push(row('English words, cache warm (read + split)', summarise(warmSamples), 'part of the cold start'))
    const dictionary = loadEnglishDictionary({ cacheDir })

    const corpus = readdirSync(DEFAULT_CORPUS_DIR)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(join(DEFAULT_CORPUS_DIR, name), 'utf8'))
    const buildSamples = Array.from({ length: 20 }, () => timeOnce(() => createQuestionNormaliser({ vocabulary: corpus, dictionary })))
    lines.push(row('createQuestionNormaliser over corpus/', summarise(buildSamples), 'part of the cold start'))

    const words = corpus.join(' ').split(/[^\p{L}]+/u).filter((word) => word.length > 2)
    const questions = casualQuestions(words, 3000)
    // A fresh normaliser per pass, so its memo of typos starts empty: the first sight of each typo is measured.
    const normalise = createQuestionNormaliser({ vocabulary: corpus, dictionary })
    const stats = timeEach(questions, (question) => normalise(question))
    lines.push(row(`normalise (${questions.length} casual questions, first sight)`, stats, stats.p99Ms <= 0.5 ? 'within a quarter of the 2 ms ask budget' : 'over a quarter of the 2 ms ask budget'))
    lines.push(row('  baseline: lower-case and split', timeEach(questions, (question) => question.toLowerCase().split(/\s+/))))
    lines.push(row(`normalise again (memo warm)`, timeEach(questions, (question) => normalise(question))))

    const typos = ['negotiatons', 'explosoins', 'ceasfire', 'agression', 'statment', 'arested', 'actualy', 'electon', 'happend', 'wher']
    lines.push(row('dictionary suggest (10 typos)', timeEach(typos, (typo) => dictionary.suggest(typo), 0)))
    const spell: NSpell = nspell({ aff, dic })
    lines.push(row('  baseline: nspell suggest (same typos)', timeEach(typos, (typo) => spell.suggest(typo), 0)))
  } finally {
    rmSync(cacheDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lines: string[] = [`node ${process.version}, ${new Date().toISOString()}`, '']
  runNormaliseBench(lines)
  process.stdout.write(`${lines.join('\n')}\n`)
}
