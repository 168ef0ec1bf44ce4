import { existsSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadCorpus } from '../../corpus/loadCorpus.ts'
import { DEFAULT_CORPUS_DIR } from '../../config/paths.ts'
import { MODEL_FILES } from '../../engine/models.ts'
import { crossValidate, labelledQuestions, train, type SplitReport } from '../../evaluation/training.ts'
import { fixtureSets, loadSuite, SHARED_EVAL_DIR, type SuiteSet } from '../../evaluation/suite.ts'
import { prepareWordVectors } from '../../semantics/sharedVectors.ts'
import { parseCommandLine, runCli, UsageError, type CliIO } from './runCli.ts'

const USAGE = 'npm run train -- [--dry-run] [--cross-validate] [folder]   (default: ../shared/eval plus tests/fixtures/eval)'

function describe(name: string, split: SplitReport): string {
  return `${name.padEnd(9)} ${split.questions} questions: hit@1 ${split.hitAt1}/${split.answerable}, abstained ${split.abstained}/${split.unanswerable}, false abstentions ${split.falseAbstentions}/${split.answerable}`
}

export async function trainCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandLine(argv, { 'dry-run': { type: 'boolean', default: false }, 'cross-validate': { type: 'boolean', default: false } }, USAGE)
  const directory = positionals[0] ?? SHARED_EVAL_DIR
  if (!existsSync(directory)) throw new UsageError(`training needs labelled questions: no ${directory} (the shared evaluation folder) — usage: ${USAGE}`)
  // The weights must be fitted on the features the running engine computes: with its word vectors.
  await prepareWordVectors((line) => io.stderr.write(`${line}\n`))
  const corpus = loadCorpus(DEFAULT_CORPUS_DIR)
  const suite = loadSuite(directory, corpus)
  const sets: SuiteSet[] = [...suite.sets]
  // The dev sets again with every article loaded: ranking must hold when the corpus grows.
  const everything = [...corpus, ...suite.sharedArticles]
  if (suite.sharedArticles.length > 0) for (const entry of suite.sets.filter((set) => set.articles === corpus)) sets.push({ ...entry, name: `${entry.name} (all articles)`, articles: everything })
  sets.push(...fixtureSets(corpus))
  const fittedOn = `npm run train on ${new Date().toISOString().slice(0, 10)}: ${sets.map((set) => set.name.replace(directory, '')).join(', ')}; questions whose sha256 first byte % 4 == 0 held out`
  const questions = labelledQuestions(sets)
  // Every question scored by models fitted without it: the fairer yardstick for a change of features.
  if (values['cross-validate']) io.stdout.write(`${describe('4-fold', crossValidate(questions))}\n`)
  const result = train(questions, fittedOn)
  io.stdout.write(`${describe('fitted', result.train)}\n${describe('held out', result.heldOut)}\n`)
  io.stdout.write(`answer threshold ${result.answerability.threshold}\n`)
  if (values['dry-run']) return
  writeFileSync(MODEL_FILES.ranking, `${JSON.stringify(result.ranking, null, 1)}\n`)
  writeFileSync(MODEL_FILES.answerability, `${JSON.stringify(result.answerability, null, 1)}\n`)
  io.stdout.write(`wrote ${fileURLToPath(MODEL_FILES.ranking)} and ${fileURLToPath(MODEL_FILES.answerability)}\n`)
}

await runCli(trainCommand)
