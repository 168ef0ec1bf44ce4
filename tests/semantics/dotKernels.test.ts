import { describe, expect, it } from 'vitest'
import { createSimdDotKernel } from '../../src/semantics/simdDotKernel.ts'
import { createJsDotKernel } from '../../src/semantics/vocabularyMatrix.ts'
import { seededRandom } from '../support/random.ts'

function randomRows(count: number, dimensions: number, seed: number): Int8Array {
  const random = seededRandom(seed)
  // The full int8 range, extremes included, so overflow or sign mistakes show.
  return Int8Array.from({ length: count * dimensions }, () => (random() < 0.1 ? (random() < 0.5 ? -128 : 127) : Math.floor(random() * 256) - 128))
}

function bruteForce(query: Int8Array, rows: Int8Array, dimensions: number): number[] {
  const out: number[] = []
  for (let base = 0; base < rows.length; base += dimensions) {
    let sum = 0
    for (let index = 0; index < dimensions; index++) sum += (query[index] as number) * (rows[base + index] as number)
    out.push(sum)
  }
  return out
}

describe('dot-product kernels', () => {
  it('the WebAssembly SIMD kernel is available on this Node', () => {
    expect(createSimdDotKernel({ source: new Int8Array(100), indices: Int32Array.of(0) }, 100)).not.toBeNull()
  })

  it.each([
    [100, 1000],
    [16, 37],
    [7, 5],
    [33, 64],
    [100, 1],
    [100, 0],
  ])('SIMD and JS agree with the plain sum for %i dimensions × %i rows, query after query', (dimensions, count) => {
    const rows = randomRows(count, dimensions, dimensions * 1000 + count)
    // Every row of the table, in reverse, so that picking rows by index is tested too.
    const picked = { source: rows, indices: Int32Array.from({ length: count }, (_, index) => count - 1 - index) }
    const simd = createSimdDotKernel(picked, dimensions)
    const js = createJsDotKernel(picked, dimensions)
    for (const seed of [1, 2, 3]) {
      const query = randomRows(1, dimensions, seed)
      const expected = bruteForce(query, rows, dimensions).reverse()
      expect([...(simd?.dots(query) ?? [])]).toEqual(expected)
      expect([...js.dots(query)]).toEqual(expected)
    }
  })

  it('a 100-d row of all -128 against a query of all -128 is exact (the largest product sum)', () => {
    const rows = new Int8Array(100).fill(-128)
    const simd = createSimdDotKernel({ source: rows, indices: Int32Array.of(0) }, 100)
    expect(simd?.dots(rows)[0]).toBe(100 * 128 * 128)
  })
})
