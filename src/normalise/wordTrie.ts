/**
 * A trie of the corpus words for "every word within k edits of this one", the
 * way a spelling checker finds candidates: one row of the edit-distance table
 * per trie node, so a search visits only prefixes that can still be within k.
 * Edits are those of optimal string alignment (Damerau-Levenshtein without
 * edits inside a transposition): insert, delete, substitute, swap neighbours.
 */

interface TrieNode {
  children: Map<string, TrieNode>
  /** Set when a word ends here. */
  word?: string
}

export interface TrieMatch {
  word: string
  distance: number
}

export class WordTrie {
  private readonly root: TrieNode = { children: new Map() }
  private count = 0

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word)
  }

  get size(): number {
    return this.count
  }

  add(word: string): void {
    let node = this.root
    for (const char of word) {
      let child = node.children.get(char)
      if (!child) {
        child = { children: new Map() }
        node.children.set(char, child)
      }
      node = child
    }
    if (node.word === undefined) this.count++
    node.word = word
  }

  /** Every word within `maxDistance` edits of `query`, nearest first (ties in trie order). */
  search(query: string, maxDistance: number): TrieMatch[] {
    const target = [...query]
    const firstRow = Array.from({ length: target.length + 1 }, (_, index) => index)
    const matches: TrieMatch[] = []
    for (const [char, child] of this.root.children) this.visit(child, char, '', target, firstRow, undefined, maxDistance, matches)
    return matches.sort((a, b) => a.distance - b.distance)
  }

  private visit(
    node: TrieNode,
    char: string,
    previousChar: string,
    target: string[],
    previousRow: number[],
    rowBeforeThat: number[] | undefined,
    maxDistance: number,
    matches: TrieMatch[],
  ): void {
    const columns = target.length + 1
    const row = new Array<number>(columns)
    row[0] = (previousRow[0] as number) + 1
    let best = row[0]
    for (let column = 1; column < columns; column++) {
      const substitution = (previousRow[column - 1] as number) + (target[column - 1] === char ? 0 : 1)
      let cost = Math.min((row[column - 1] as number) + 1, (previousRow[column] as number) + 1, substitution)
      if (rowBeforeThat && column > 1 && target[column - 1] === previousChar && target[column - 2] === char) {
        cost = Math.min(cost, (rowBeforeThat[column - 2] as number) + 1)
      }
      row[column] = cost
      if (cost < best) best = cost
    }
    const distance = row[columns - 1] as number
    if (node.word !== undefined && distance <= maxDistance) matches.push({ word: node.word, distance })
    if (best > maxDistance) return
    for (const [nextChar, child] of node.children) this.visit(child, nextChar, char, target, row, previousRow, maxDistance, matches)
  }
}

/** Optimal-string-alignment distance between two words (for tests and checks; the trie is the fast path). */
export function editDistance(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  const table: number[][] = Array.from({ length: left.length + 1 }, (_, i) => Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1
      const rowAbove = table[i - 1] as number[]
      const current = table[i] as number[]
      let value = Math.min((rowAbove[j] as number) + 1, (current[j - 1] as number) + 1, (rowAbove[j - 1] as number) + cost)
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) value = Math.min(value, ((table[i - 2] as number[])[j - 2] as number) + 1)
      current[j] = value
    }
  }
  return (table[left.length] as number[])[right.length] as number
}
