/**
 * What kind of slip of the fingers turns `intended` into `typed`, and how
 * likely it is. People typing fast mostly drop a letter ("statment"), swap
 * two ("explosoins"), double one ("assif"), or hit a neighbouring key
 * ("tje"); misspellers swap vowels ("goverment" → "govenment"). A random
 * key far from the intended one, or a random extra letter, is rare, and is
 * exactly what turns a name into some other word ("imran" is not "iran" with
 * an m, "sunak" is not "sunk" with an a). Hunspell's dictionaries carry the
 * keyboard part of the same idea as their KEY line.
 */

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const ROW_OFFSETS = [0, 0.25, 0.75]
const KEY_POSITIONS = new Map<string, { x: number; y: number }>()
ROWS.forEach((row, y) => [...row].forEach((key, x) => KEY_POSITIONS.set(key, { x: x + (ROW_OFFSETS[y] as number), y })))
const VOWELS = new Set([...'aeiouy'])

/** Whether two keys touch on a QWERTY keyboard (same row neighbours, or the row above or below). */
export function keysAdjacent(a: string, b: string): boolean {
  const left = KEY_POSITIONS.get(a)
  const right = KEY_POSITIONS.get(b)
  if (!left || !right) return false
  return Math.abs(left.y - right.y) <= 1 && Math.abs(left.x - right.x) <= 1
}

export type Slip =
  /** A letter left out: typed "statment" for "statement". */
  | 'dropped'
  /** Two neighbouring letters swapped: "explosoins". */
  | 'swapped'
  /** A letter typed twice: "assif". */
  | 'doubled'
  /** A neighbouring key instead of the intended one: "tje". */
  | 'neighbour key'
  /** A vowel for another vowel: "seperate". */
  | 'vowel'
  /** An extra letter beside a key it touches: "asdif". */
  | 'extra neighbour'
  /** Anything else, or more than one edit. */
  | 'other'

/** The kind of the one edit between `typed` and `intended`. */
export function slipBetween(typed: string, intended: string): Slip {
  if (typed.length === intended.length) {
    const differing: number[] = []
    for (let index = 0; index < typed.length; index++) if (typed[index] !== intended[index]) differing.push(index)
    if (differing.length === 1) {
      const index = differing[0] as number
      const [got, wanted] = [typed[index] as string, intended[index] as string]
      if (keysAdjacent(got, wanted)) return 'neighbour key'
      return VOWELS.has(got) && VOWELS.has(wanted) ? 'vowel' : 'other'
    }
    if (differing.length === 2) {
      const [first, second] = differing as [number, number]
      if (second === first + 1 && typed[first] === intended[second] && typed[second] === intended[first]) return 'swapped'
    }
    return 'other'
  }
  if (typed.length + 1 === intended.length) {
    return [...intended].some((_, index) => intended.slice(0, index) + intended.slice(index + 1) === typed) ? 'dropped' : 'other'
  }
  if (typed.length === intended.length + 1) {
    for (let index = 0; index < typed.length; index++) {
      if (typed.slice(0, index) + typed.slice(index + 1) !== intended) continue
      const extra = typed[index] as string
      const before = typed[index - 1]
      const after = typed[index + 1]
      if (extra === before || extra === after) return 'doubled'
      if ((before && keysAdjacent(extra, before)) || (after && keysAdjacent(extra, after))) return 'extra neighbour'
    }
    return 'other'
  }
  return 'other'
}

const COST: Record<Slip, number> = { dropped: 1, swapped: 1, doubled: 1, 'neighbour key': 1, vowel: 1.5, 'extra neighbour': 1.5, other: 2 }

/** The cost of the slip between two words one edit apart (1 likely … 2 unlikely); ranks equally near candidates. */
export function typoCost(typed: string, intended: string): number {
  return COST[slipBetween(typed, intended)]
}

/**
 * Whether a one-edit correction is a plausible slip for a word of this
 * length. Short words (5 letters or fewer) only drop, swap or double a
 * letter: any other edit of a short word is as likely a different word or a
 * name. Longer words also allow a neighbouring key, a vowel and an extra
 * letter beside its neighbour.
 */
export function isPlausibleSlip(typed: string, intended: string): boolean {
  const slip = slipBetween(typed, intended)
  if (slip === 'other') return false
  if (typed.length <= 5) return slip === 'dropped' || slip === 'swapped' || slip === 'doubled'
  return true
}
