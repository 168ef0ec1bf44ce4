import { loadCorpus } from './corpus/loadCorpus.ts'
import { createEngine, type Engine, type EngineOptions } from './engine/engine.ts'

/**
 * Reads the corpus folder and builds the engine over it: the only I/O before the engine.
 * A bad file is skipped with one line (stderr by default); an empty or missing corpus throws.
 */
export function loadEngine(corpusDir: string, options?: EngineOptions, onProblem: (problem: string) => void = (problem) => process.stderr.write(`corpus file skipped: ${problem}\n`)): Engine {
  return createEngine(loadCorpus(corpusDir, onProblem), { analysisCache: true, ...options })
}
