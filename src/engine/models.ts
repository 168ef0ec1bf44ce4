import { readFileSync } from 'node:fs'
import { ANSWER_FEATURES, RANK_FEATURES } from './features.ts'
import { LinearModel, type LinearModelSpec } from './linearModel.ts'

/**
 * The two fitted models, read once from JSON beside this file (written by
 * `npm run train`, which names the data each was fitted on and reports a
 * held-out split it never fitted on).
 */
const RANKING_FILE = new URL('./models/ranking.json', import.meta.url)
const ANSWERABILITY_FILE = new URL('./models/answerability.json', import.meta.url)

let ranking: LinearModel | undefined
let answerability: LinearModel | undefined

function read(file: URL): LinearModelSpec {
  return JSON.parse(readFileSync(file, 'utf8')) as LinearModelSpec
}

export function rankingModel(): LinearModel {
  return (ranking ??= new LinearModel(read(RANKING_FILE), RANK_FEATURES))
}

export function answerabilityModel(): LinearModel {
  return (answerability ??= new LinearModel(read(ANSWERABILITY_FILE), ANSWER_FEATURES))
}

export const MODEL_FILES = { ranking: RANKING_FILE, answerability: ANSWERABILITY_FILE }
