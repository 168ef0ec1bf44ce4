import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { z } from 'zod'
import { basename, dirname, join, relative } from 'node:path'
import type { Article } from '../../corpus/article.ts'
import { loadCorpus } from '../../corpus/loadCorpus.ts'
import { DEFAULT_CORPUS_DIR } from '../../config/paths.ts'
import { formatReport } from '../../evaluation/evalSet.ts'
import { formatScoreTable, scoreSets, type ScoredSet, type SummaryFacts } from '../../evaluation/scoreSuite.ts'
import { FIXTURE_EVAL_DIR, FIXTURE_WIRE_EVAL_DIR, fixtureSets, loadSingleSet, loadSuite, SHARED_EVAL_DIR, wireFixtureSets, type SuiteSet } from '../../evaluation/suite.ts'
import { prepareWordVectors } from '../../semantics/sharedVectors.ts'
import { parseCommandLine, runCli, UsageError, writeJson, type CliIO } from './runCli.ts'

const USAGE = 'npm run eval -- [--json] [--misses] [file.json | folder]   (default: every set in ../shared/eval)'

function corpus(): Article[] {
  return loadCorpus(process.env.CORPUS_DIR?.trim() || DEFAULT_CORPUS_DIR)
}

function readSuite(target: string | undefined, io: CliIO): { groups: Array<{ heading: string; sets: SuiteSet[] }> } {
  const articles = corpus()
  const wrap = <T,>(action: () => T): T => {
    try {
      return action()
    } catch (error) {
      throw new UsageError(`cannot read evaluation data: ${(error as Error).message.split('\n')[0]}`)
    }
  }
  if (target && !existsSync(target)) throw new UsageError(`no evaluation file or folder ${target} — usage: ${USAGE}`)
  // One set of the shared suite is scored as the whole run scores it: with its article and its siblings.
  const inSuite = target ? suiteSetName(target) : null
  if (target && inSuite) {
    const sets = wrap(() => loadSuite(SHARED_EVAL_DIR, articles)).sets.filter((entry) => entry.name === inSuite)
    if (sets.length > 0) return { groups: [{ heading: `Evaluation of ${inSuite} (as the whole run scores it)`, sets }] }
  }
  // The project's sets about its wire fixtures are scored with those articles beside corpus/.
  if (target && existsSync(FIXTURE_WIRE_EVAL_DIR)) {
    const wireDir = realpathSync(FIXTURE_WIRE_EVAL_DIR)
    const path = realpathSync(target)
    if (path === wireDir || dirname(path) === wireDir) {
      const sets = wrap(() => wireFixtureSets(articles)).filter((entry) => path === wireDir || entry.name.endsWith(`/${basename(path)}`))
      return { groups: [{ heading: 'Project sets about its wire-style fixture articles (all of them beside corpus/)', sets }] }
    }
  }
  if (target && !target.endsWith('/') && target.endsWith('.json')) return { groups: [{ heading: `Evaluation of ${target}`, sets: wrap(() => [loadSingleSet(target, articles)]) }] }
  const directory = target ?? SHARED_EVAL_DIR
  if (!target && !existsSync(directory)) {
    io.stderr.write(`no ../shared/eval beside the project: scoring the project's own held-out sets in tests/fixtures/eval instead\n`)
    return { groups: [{ heading: 'Project held-out sets (about corpus/: corpus/ alone; about the wire fixtures: those articles beside it)', sets: wrap(() => fixtureSets(articles)) }] }
  }
  const suite = wrap(() => loadSuite(directory, articles))
  const groups = [{ heading: `Evaluation of ${directory} (dev sets: corpus/ alone; articles/* and real/*: with their siblings beside corpus/)`, sets: suite.sets }]
  if (suite.sharedArticles.length > 0) {
    // More articles must not hurt: the project's own sets again, with everything loaded together.
    const everything = [...articles, ...suite.sharedArticles]
    groups.push({
      heading: `With every shared article loaded together (${everything.length} articles)`,
      sets: suite.sets.filter((entry) => entry.articles === articles).map((entry) => ({ ...entry, articles: everything })),
    })
  }
  return { groups }
}

/** `real/NAME` or `articles/NAME.json` when `target` is one set of the shared suite; null otherwise. */
function suiteSetName(target: string): string | null {
  if (!existsSync(SHARED_EVAL_DIR)) return null
  const path = relative(realpathSync(SHARED_EVAL_DIR), realpathSync(target)).replace(/\\/g, '/').replace(/\/(set\.json)?$/, '')
  if (path.startsWith('..') || path === '') return null
  return path.replace(/\/set\.json$/, '')
}

/** The team's key-fact lists for full summaries; none when the file is absent. */
function readSummaryFacts(): SummaryFacts {
  const file = join(FIXTURE_EVAL_DIR, '..', 'summary-facts.json')
  if (!existsSync(file)) return {}
  const parsed = summaryFactsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new UsageError(`${file}: ${parsed.error.issues[0]?.message}`)
  return parsed.data.articles
}

const summaryFactsSchema = z.object({ about: z.string().optional(), articles: z.record(z.string(), z.array(z.string().min(1))) })

export async function evalCommand(argv: string[], io: CliIO): Promise<void> {
  const { values, positionals } = parseCommandLine(
    argv,
    { json: { type: 'boolean', default: false }, misses: { type: 'boolean', default: false } },
    USAGE,
  )
  if (positionals.length > 1) throw new UsageError(`one evaluation file or folder at most — usage: ${USAGE}`)
  // Scores must be of the engine as it runs: with its word vectors, built first if need be.
  await prepareWordVectors((line) => io.stderr.write(`${line}\n`))
  const { groups } = readSuite(positionals[0], io)
  const facts = readSummaryFacts()
  const scored: Array<{ heading: string; results: ScoredSet[] }> = groups.map(({ heading, sets }) => ({ heading, results: scoreSets(sets, undefined, facts) }))
  if (values.json) {
    writeJson(io, scored)
    return
  }
  const single = scored.length === 1 && scored[0]?.results.length === 1 ? scored[0].results[0] : undefined
  const sections = scored.map(({ heading, results }) => formatScoreTable(results, heading))
  if (values.misses || single) {
    for (const { results } of scored) for (const { name, report } of results) sections.push(`${name}\n${formatReport(report)}`)
  }
  io.stdout.write(`${sections.join('\n\n')}\n`)
}

await runCli(evalCommand)
