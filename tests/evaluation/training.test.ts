import { describe, expect, it } from 'vitest'
import { chooseThreshold } from '../../src/evaluation/training.ts'

describe('chooseThreshold', () => {
  it('GIVEN answerable questions above 0.6 and unanswerable below 0.3 THEN a threshold between them', () => {
    const probabilities = [0.7, 0.8, 0.9, 0.65, 0.1, 0.2, 0.25, 0.15]
    const labels = [1, 1, 1, 1, 0, 0, 0, 0]
    const threshold = chooseThreshold(probabilities, labels, labels.map(() => 1))
    expect(threshold).toBeGreaterThan(0.25)
    expect(threshold).toBeLessThanOrEqual(0.65)
  })

  it('GIVEN one narrow dip in the cost beside a broad low stretch THEN the broad stretch: a single point of cost is noise', () => {
    // An unanswerable question at 0.195 and an answerable one at 0.205 make 0.20 alone cheap;
    // an unanswerable one at 0.30 makes every threshold above it a little cheaper than its neighbours.
    const probabilities = [0.195, 0.205, 0.3, 0.97]
    const labels = [0, 1, 0, 1]
    const weights = [3, 1.5, 2.5, 1]
    const threshold = chooseThreshold(probabilities, labels, weights)
    expect(threshold).toBeGreaterThan(0.3)
  })

  it('counts a false abstention as dearer than a wrong answer', () => {
    // One answerable and one unanswerable question at 0.4: answering both costs 1, abstaining on both costs 2.
    const threshold = chooseThreshold([0.4, 0.4, 0.9, 0.1], [1, 0, 1, 0], [1, 1, 1, 1])
    expect(threshold).toBeLessThanOrEqual(0.4)
  })
})
