import answerabilitySpec from './models/answerability.json' with { type: 'json' }
import rankingSpec from './models/ranking.json' with { type: 'json' }
import { ANSWER_FEATURES, RANK_FEATURES } from './features.ts'
import { LinearModel, type LinearModelSpec } from './linearModel.ts'

/**
 * The two fitted models, from JSON beside this file (written by `npm run
 * train`, which names the data each was fitted on and reports a held-out
 * split it never fitted on). Imported, so that a build copies them along.
 */
let ranking: LinearModel | undefined
let answerability: LinearModel | undefined

export function rankingModel(): LinearModel {
  return (ranking ??= new LinearModel(rankingSpec as LinearModelSpec, RANK_FEATURES))
}

export function answerabilityModel(): LinearModel {
  return (answerability ??= new LinearModel(answerabilitySpec as LinearModelSpec, ANSWER_FEATURES))
}

/** Where `npm run train` writes them. */
export const MODEL_FILES = { ranking: new URL('./models/ranking.json', import.meta.url), answerability: new URL('./models/answerability.json', import.meta.url) }
