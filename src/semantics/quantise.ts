/**
 * Writes `values[0..dimensions)` into `target` at `offset` as int8 with one
 * symmetric scale for this vector (its largest magnitude becomes ±127), and
 * returns 1 / |q|, the inverse norm of the int8 row. Cosine only needs the
 * direction, so the scale itself is not kept: cosine(a, b) = qa·qb × inv(a) × inv(b).
 * A per-vector scale uses all 8 bits for every word, where one global scale
 * would leave words with small components only a few levels.
 * Returns 0 for an all-zero vector (it has no direction; the caller drops it).
 */
export function quantiseInto(values: ArrayLike<number>, dimensions: number, target: Int8Array, offset: number): number {
  let largest = 0
  for (let index = 0; index < dimensions; index++) largest = Math.max(largest, Math.abs(values[index] as number))
  if (largest === 0 || !Number.isFinite(largest)) return 0
  const scale = 127 / largest
  let squares = 0
  for (let index = 0; index < dimensions; index++) {
    const level = Math.round((values[index] as number) * scale)
    target[offset + index] = level
    squares += level * level
  }
  return 1 / Math.sqrt(squares)
}

/** Cosine of two float vectors: the reference the int8 copy is tested against. */
export function floatCosine(a: ArrayLike<number>, b: ArrayLike<number>, dimensions: number): number {
  let dot = 0
  let normA = 0
  let normB = 0
  for (let index = 0; index < dimensions; index++) {
    const x = a[index] as number
    const y = b[index] as number
    dot += x * y
    normA += x * x
    normB += y * y
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB)
}
