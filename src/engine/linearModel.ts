import { z } from 'zod'

/**
 * A fitted linear model: `bias + Σ weight·feature`, read as a logistic
 * probability where the model decides yes/no. Weights are fitted by
 * `npm run train` and committed as JSON that names what they were fitted on.
 */
export const linearModelSchema = z.object({
  features: z.array(z.string()).min(1),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Features are standardised with these before weighting (means and spreads of the training data). */
  means: z.array(z.number()),
  scales: z.array(z.number()),
  /** Probability at or above which the model says yes. */
  threshold: z.number().default(0.5),
  fittedOn: z.string(),
  heldOut: z.record(z.string(), z.number()).optional(),
})

export type LinearModelSpec = z.infer<typeof linearModelSchema>

export class LinearModel {
  readonly #spec: LinearModelSpec

  constructor(spec: LinearModelSpec, expectedFeatures: readonly string[]) {
    const parsed = linearModelSchema.parse(spec)
    if (parsed.features.join(',') !== expectedFeatures.join(',')) {
      throw new Error(`model features [${parsed.features.join(', ')}] do not match the code's [${expectedFeatures.join(', ')}]: run npm run train`)
    }
    this.#spec = parsed
  }

  get threshold(): number {
    return this.#spec.threshold
  }

  /** The linear score (log-odds). */
  score(features: readonly number[]): number {
    const { weights, bias, means, scales } = this.#spec
    let total = bias
    for (let index = 0; index < weights.length; index++) {
      total += (weights[index] as number) * (((features[index] ?? 0) - (means[index] as number)) / (scales[index] as number))
    }
    return total
  }

  probability(features: readonly number[]): number {
    return 1 / (1 + Math.exp(-this.score(features)))
  }
}

/**
 * The direction a feature may push a score: +1 only up, -1 only down, 0 either.
 * More coverage must never count against an answer: constraining the signs
 * keeps correlated features from cancelling into nonsense on small data.
 */
export type Sign = 1 | -1 | 0

function constrain(weight: number, sign: Sign | undefined): number {
  if (sign === 1) return Math.max(0, weight)
  if (sign === -1) return Math.min(0, weight)
  return weight
}

/** Fits logistic regression by batch gradient descent with L2: small data, a few features, no library needed. */
export function fitLogistic(
  rows: number[][],
  labels: number[],
  features: readonly string[],
  options: { l2?: number; iterations?: number; learningRate?: number; positiveWeight?: number; sampleWeights?: number[]; signs?: readonly Sign[]; fittedOn: string },
): LinearModelSpec {
  const dimensions = features.length
  const means = Array.from({ length: dimensions }, (_, column) => rows.reduce((sum, row) => sum + (row[column] as number), 0) / Math.max(rows.length, 1))
  const scales = means.map((mean, column) => {
    const variance = rows.reduce((sum, row) => sum + ((row[column] as number) - mean) ** 2, 0) / Math.max(rows.length, 1)
    return Math.sqrt(variance) || 1
  })
  const x = rows.map((row) => row.map((value, column) => (value - (means[column] as number)) / (scales[column] as number)))
  const weights = new Array<number>(dimensions).fill(0)
  let bias = 0
  const { l2 = 0.01, iterations = 3000, learningRate = 0.1, positiveWeight = 1 } = options
  const sampleWeight = labels.map((label, row) => (label === 1 ? positiveWeight : 1) * (options.sampleWeights?.[row] ?? 1))
  const totalWeight = sampleWeight.reduce((sum, weight) => sum + weight, 0)
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(dimensions).fill(0)
    let biasGradient = 0
    for (let row = 0; row < x.length; row++) {
      const values = x[row] as number[]
      let z = bias
      for (let column = 0; column < dimensions; column++) z += (weights[column] as number) * (values[column] as number)
      const error = (1 / (1 + Math.exp(-z)) - (labels[row] as number)) * (sampleWeight[row] as number)
      for (let column = 0; column < dimensions; column++) gradient[column] = (gradient[column] as number) + error * (values[column] as number)
      biasGradient += error
    }
    for (let column = 0; column < dimensions; column++) {
      weights[column] = constrain((weights[column] as number) - learningRate * ((gradient[column] as number) / totalWeight + l2 * (weights[column] as number)), options.signs?.[column])
    }
    bias -= learningRate * (biasGradient / totalWeight)
  }
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  return { features: [...features], weights: weights.map(round), bias: round(bias), means: means.map(round), scales: scales.map(round), threshold: 0.5, fittedOn: options.fittedOn }
}

/** A model that only follows its first feature: the starting point before anything is fitted. */
export function firstFeatureModel(features: readonly string[]): LinearModel {
  const spec: LinearModelSpec = {
    features: [...features],
    weights: features.map((_, index) => (index === 0 ? 1 : 0)),
    bias: 0,
    means: features.map(() => 0),
    scales: features.map(() => 1),
    threshold: 0.5,
    fittedOn: 'nothing: follows the first feature',
  }
  return new LinearModel(spec, features)
}

/**
 * Fits a ranking model listwise: within each group (one question's
 * candidates), a softmax over the linear scores, maximising the probability
 * of the relevant candidates. This optimises what matters, the order within
 * a question, not whether a passage is relevant in the abstract.
 */
export function fitListwise(
  groups: Array<{ rows: number[][]; relevant: boolean[]; weight?: number }>,
  features: readonly string[],
  options: { l2?: number; iterations?: number; learningRate?: number; signs?: readonly Sign[]; fittedOn: string },
): LinearModelSpec {
  const dimensions = features.length
  const all = groups.flatMap((group) => group.rows)
  const means = Array.from({ length: dimensions }, (_, column) => all.reduce((sum, row) => sum + (row[column] as number), 0) / Math.max(all.length, 1))
  const scales = means.map((mean, column) => Math.sqrt(all.reduce((sum, row) => sum + ((row[column] as number) - mean) ** 2, 0) / Math.max(all.length, 1)) || 1)
  const standardised = groups.map((group) => ({
    ...group,
    rows: group.rows.map((row) => row.map((value, column) => (value - (means[column] as number)) / (scales[column] as number))),
  }))
  const weights = new Array<number>(dimensions).fill(0)
  const { l2 = 0.001, iterations = 1500, learningRate = 0.5 } = options
  const totalWeight = standardised.reduce((sum, group) => sum + (group.weight ?? 1), 0)
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(dimensions).fill(0)
    for (const group of standardised) {
      const scores = group.rows.map((row) => row.reduce((sum, value, column) => sum + value * (weights[column] as number), 0))
      const top = Math.max(...scores)
      const exps = scores.map((score) => Math.exp(score - top))
      const total = exps.reduce((sum, value) => sum + value, 0)
      const relevantTotal = exps.reduce((sum, value, index) => sum + (group.relevant[index] ? value : 0), 0)
      const weight = (group.weight ?? 1) / totalWeight
      // d/dw of -log(Σ_relevant e^s / Σ_all e^s) = E_all[x] - E_relevant[x]
      group.rows.forEach((row, index) => {
        const share = (exps[index] as number) / total - (group.relevant[index] ? (exps[index] as number) / relevantTotal : 0)
        for (let column = 0; column < dimensions; column++) gradient[column] = (gradient[column] as number) + weight * share * (row[column] as number)
      })
    }
    for (let column = 0; column < dimensions; column++) {
      weights[column] = constrain((weights[column] as number) - learningRate * ((gradient[column] as number) + l2 * (weights[column] as number)), options.signs?.[column])
    }
  }
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  return { features: [...features], weights: weights.map(round), bias: 0, means: means.map(round), scales: scales.map(round), threshold: 0.5, fittedOn: options.fittedOn }
}
