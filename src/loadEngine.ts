import { loadCorpus } from './corpus/loadCorpus.ts'
import { createEngine, type Engine, type EngineOptions } from './engine/engine.ts'

/** Reads the corpus folder and builds the engine over it: the only I/O before the engine. */
export function loadEngine(corpusDir: string, options?: EngineOptions): Engine {
  return createEngine(loadCorpus(corpusDir), options)
}
