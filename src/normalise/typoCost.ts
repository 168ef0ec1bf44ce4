/**
 * How likely one slip of the fingers turns `intended` into `typed`, as a cost:
 * a dropped, doubled or swapped letter, or a neighbouring key, costs 1; a key
 * far from the intended one costs 2. It ranks candidates that are equally
 * near by edit distance: "negotiatons" is "negotiations" missing an i (1)
 * rather than "negotiators" with n for r (2, the keys are apart). Hunspell's
 * dictionaries carry the same idea as their KEY line.
 */

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const ROW_OFFSETS = [0, 0.25, 0.75]
const KEY_POSITIONS = new Map<string, { x: number; y: number }>()
ROWS.forEach((row, y) => [...row].forEach((key, x) => KEY_POSITIONS.set(key, { x: x + (ROW_OFFSETS[y] as number), y })))

/** Whether two keys touch on a QWERTY keyboard (same row neighbours, or the row above or below). */
export function keysAdjacent(a: string, b: string): boolean {
  const left = KEY_POSITIONS.get(a)
  const right = KEY_POSITIONS.get(b)
  if (!left || !right) return false
  return Math.abs(left.y - right.y) <= 1 && Math.abs(left.x - right.x) <= 1
}

/** The cost of the one edit between two words that are one edit apart; 2 for anything else. */
export function typoCost(typed: string, intended: string): number {
  if (typed.length === intended.length) {
    const differing: number[] = []
    for (let index = 0; index < typed.length; index++) if (typed[index] !== intended[index]) differing.push(index)
    if (differing.length === 1) {
      const index = differing[0] as number
      return keysAdjacent(typed[index] as string, intended[index] as string) ? 1 : 2
    }
    // Two neighbours swapped.
    if (differing.length === 2 && differing[1] === (differing[0] as number) + 1) return 1
    return 2
  }
  // A letter dropped or added: one edit either way.
  return Math.abs(typed.length - intended.length) === 1 ? 1 : 2
}
