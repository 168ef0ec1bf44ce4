import { VectorSourceFormatError } from './errors.ts'

/**
 * What the scanner reports while it reads a wink embeddings file:
 * `{"dimensions":100, …, "words":[…frequency order…], "vectors":{"the":[…], …}, "unkVector":[…]}`.
 * Number fields arrive through `onNumber`; every entry of `words` through `onWord`,
 * in order; an entry of `vectors` is only parsed when `wantVector` says so.
 */
export interface ScanHandlers {
  onNumber?(key: string, value: number): void
  onWord?(word: string, index: number): void
  /** Called once, when the `vectors` object opens. */
  onVectorsStart?(): void
  wantVector?(word: string): boolean
  /** `values` is reused for the next vector: copy what you keep. */
  onVector?(word: string, values: Float64Array): void
}

type State = 'start' | 'key' | 'colon' | 'value' | 'words' | 'vectors' | 'skip' | 'done'

const WHITESPACE = new Set([' ', '\n', '\r', '\t'])
const NUMBER_END = new Set([',', '}', ']', ' ', '\n', '\r', '\t'])

/**
 * An incremental reader for that one JSON shape, fed the file in string chunks,
 * so a 300 MB file is read with a few MB of memory (JSON.parse of the whole
 * file needs about 1 GB). Each entry is small, so the scanner waits until an
 * entry is whole in its buffer and then takes it in one step; when a chunk
 * ends mid-entry it keeps the tail and resumes there on the next chunk.
 * Values of other keys (`unkVector`, anything unknown) are skipped by bracket
 * depth. It is not a general JSON parser: top-level keys other than `words`
 * and `vectors` must hold numbers, arrays, objects or strings.
 */
export class EmbeddingsScanner {
  private buffer = ''
  private position = 0
  private state: State = 'start'
  private key = ''
  private wordIndex = 0
  private vectorEntries = 0
  private skipDepth = 0
  private skipInString = false
  private skipEscaped = false
  /** Set by a handler (through `stop()`) once it has all it needs. */
  private stopped = false

  constructor(private readonly handlers: ScanHandlers) {}

  get done(): boolean {
    return this.state === 'done' || this.stopped
  }

  /** Entries of `vectors` passed so far, parsed or not. */
  get vectorsSeen(): number {
    return this.vectorEntries
  }

  stop(): void {
    this.stopped = true
  }

  push(chunk: string): void {
    this.buffer = this.position < this.buffer.length ? this.buffer.slice(this.position) + chunk : chunk
    this.position = 0
    while (!this.stopped && this.state !== 'done' && this.step()) {
      // each step consumes one whole token or entry
    }
  }

  /** The source has ended: anything but a complete top-level object is an error. */
  end(): void {
    if (this.stopped) return
    this.skipWhitespace()
    if (this.state !== 'done') throw new VectorSourceFormatError(`the file ends inside ${this.where()}`)
    if (this.position < this.buffer.length) throw new VectorSourceFormatError('unexpected text after the top-level object')
  }

  private where(): string {
    if (this.state === 'words') return `"words" (after ${this.wordIndex} words)`
    if (this.state === 'vectors') return '"vectors"'
    return this.key ? `the value of "${this.key}"` : 'the top-level object'
  }

  private fail(expected: string): never {
    const found = JSON.stringify(this.buffer.slice(this.position, this.position + 20))
    throw new VectorSourceFormatError(`expected ${expected} in ${this.where()}, found ${found}`)
  }

  /** Returns false when the buffer is used up (wait for the next chunk). */
  private skipWhitespace(): boolean {
    while (this.position < this.buffer.length && WHITESPACE.has(this.buffer[this.position] as string)) this.position++
    return this.position < this.buffer.length
  }

  /** A whole JSON string at `position`, or undefined when it continues in the next chunk. */
  private readString(): string | undefined {
    const start = this.position
    if (this.buffer[start] !== '"') this.fail('a string')
    let end = start
    for (;;) {
      end = this.buffer.indexOf('"', end + 1)
      if (end < 0) return undefined
      let backslashes = 0
      while (this.buffer[end - 1 - backslashes] === '\\') backslashes++
      if (backslashes % 2 === 0) break
    }
    const raw = this.buffer.slice(start + 1, end)
    this.position = end + 1
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw
  }

  private step(): boolean {
    switch (this.state) {
      case 'start':
        if (!this.skipWhitespace()) return false
        if (this.buffer[this.position] !== '{') this.fail('"{"')
        this.position++
        this.state = 'key'
        return true
      case 'key':
        return this.stepKey()
      case 'colon':
        if (!this.skipWhitespace()) return false
        if (this.buffer[this.position] !== ':') this.fail('":"')
        this.position++
        this.state = 'value'
        return true
      case 'value':
        return this.stepValue()
      case 'words':
        return this.stepWord()
      case 'vectors':
        return this.stepVector()
      case 'skip':
        return this.stepSkip()
      case 'done':
        return false
    }
  }

  private stepKey(): boolean {
    if (!this.skipWhitespace()) return false
    const char = this.buffer[this.position]
    if (char === '}') {
      this.position++
      this.state = 'done'
      return true
    }
    if (char === ',') {
      this.position++
      return true
    }
    const key = this.readString()
    if (key === undefined) return false
    this.key = key
    this.state = 'colon'
    return true
  }

  private stepValue(): boolean {
    if (!this.skipWhitespace()) return false
    const char = this.buffer[this.position]
    if (this.key === 'words') {
      if (char !== '[') this.fail('"[" (words are an array)')
      this.position++
      this.state = 'words'
      return true
    }
    if (this.key === 'vectors') {
      if (char !== '{') this.fail('"{" (vectors are an object)')
      this.position++
      this.handlers.onVectorsStart?.()
      this.state = 'vectors'
      return true
    }
    if (char === '[' || char === '{' || char === '"') {
      this.skipDepth = 0
      this.skipInString = false
      this.skipEscaped = false
      this.state = 'skip'
      return true
    }
    let end = this.position
    while (end < this.buffer.length && !NUMBER_END.has(this.buffer[end] as string)) end++
    if (end === this.buffer.length) return false
    const token = this.buffer.slice(this.position, end)
    const value = Number(token)
    if (token === '' || !Number.isFinite(value)) this.fail('a number')
    this.handlers.onNumber?.(this.key, value)
    this.position = end
    this.state = 'key'
    return true
  }

  private stepWord(): boolean {
    if (!this.skipWhitespace()) return false
    const char = this.buffer[this.position]
    if (char === ']') {
      this.position++
      this.state = 'key'
      return true
    }
    if (char === ',') {
      this.position++
      return true
    }
    const word = this.readString()
    if (word === undefined) return false
    this.handlers.onWord?.(word, this.wordIndex++)
    return true
  }

  /** One `"word":[numbers]` entry, taken only when it is whole in the buffer. */
  private stepVector(): boolean {
    if (!this.skipWhitespace()) return false
    const char = this.buffer[this.position]
    if (char === '}') {
      this.position++
      this.state = 'key'
      return true
    }
    if (char === ',') {
      this.position++
      return true
    }
    const start = this.position
    const word = this.readString()
    if (word === undefined) return false
    if (!this.skipWhitespace()) return this.rewind(start)
    if (this.buffer[this.position] !== ':') this.fail('":"')
    this.position++
    if (!this.skipWhitespace()) return this.rewind(start)
    if (this.buffer[this.position] !== '[') this.fail('"[" (a vector is an array of numbers)')
    const close = this.buffer.indexOf(']', this.position)
    if (close < 0) return this.rewind(start)
    this.vectorEntries++
    if (this.handlers.wantVector?.(word)) {
      const count = this.parseNumbers(this.position + 1, close)
      if (count < 0) this.fail(`numbers in the vector of ${JSON.stringify(word)}`)
      this.handlers.onVector?.(word, this.values.subarray(0, count))
    }
    this.position = close + 1
    return true
  }

  private values = new Float64Array(128)

  /**
   * The comma-separated numbers in buffer[start, end) into `values`, without
   * a string per number (50k vectors × 102 numbers would be 5M short-lived
   * strings, most of the build's garbage). Returns how many, or -1 for a
   * token that is not a JSON number. Digits are gathered as an integer and
   * scaled by one power of ten, which is exact (as Number() is) for the
   * source's 6–9 significant digits.
   */
  private parseNumbers(start: number, end: number): number {
    const { buffer } = this
    let count = 0
    let at = start
    let afterComma = false
    for (;;) {
      while (at < end && WHITESPACE.has(buffer[at] as string)) at++
      if (at === end) return afterComma ? -1 : count
      const tokenStart = at
      let negative = false
      if (buffer.charCodeAt(at) === 45) {
        negative = true
        at++
      }
      let mantissa = 0
      let digits = 0
      let scale = 0
      let code = buffer.charCodeAt(at)
      while (code >= 48 && code <= 57) {
        mantissa = mantissa * 10 + (code - 48)
        digits++
        code = buffer.charCodeAt(++at)
      }
      if (digits === 0) return -1
      if (code === 46) {
        const integerDigits = digits
        code = buffer.charCodeAt(++at)
        while (code >= 48 && code <= 57) {
          mantissa = mantissa * 10 + (code - 48)
          digits++
          scale--
          code = buffer.charCodeAt(++at)
        }
        if (digits === integerDigits) return -1
      }
      if (code === 101 || code === 69) {
        code = buffer.charCodeAt(++at)
        let exponentSign = 1
        if (code === 43 || code === 45) {
          exponentSign = code === 45 ? -1 : 1
          code = buffer.charCodeAt(++at)
        }
        let exponent = 0
        let exponentDigits = 0
        while (code >= 48 && code <= 57) {
          exponent = exponent * 10 + (code - 48)
          exponentDigits++
          code = buffer.charCodeAt(++at)
        }
        if (exponentDigits === 0) return -1
        scale += exponentSign * exponent
      }
      // Exact while the digits fit a double's integer range and 10^|scale| is exact; else the slow, exact way.
      const exact = digits <= 15 && scale >= -22 && scale <= 22
      const magnitude = exact ? (scale < 0 ? mantissa / 10 ** -scale : mantissa * 10 ** scale) : Math.abs(Number(buffer.slice(tokenStart, at)))
      if (!Number.isFinite(magnitude)) return -1
      if (count === this.values.length) {
        const grown = new Float64Array(count * 2)
        grown.set(this.values)
        this.values = grown
      }
      this.values[count++] = negative ? -magnitude : magnitude
      while (at < end && WHITESPACE.has(buffer[at] as string)) at++
      if (at === end) return count
      if (buffer.charCodeAt(at) !== 44) return -1
      at++
      afterComma = true
    }
  }

  private rewind(start: number): false {
    this.position = start
    return false
  }

  /** Skips any value by bracket depth, across chunks. */
  private stepSkip(): boolean {
    const { buffer } = this
    while (this.position < buffer.length) {
      const char = buffer[this.position++]
      let closed = false
      if (this.skipInString) {
        if (this.skipEscaped) this.skipEscaped = false
        else if (char === '\\') this.skipEscaped = true
        else if (char === '"') {
          this.skipInString = false
          closed = this.skipDepth === 0
        }
      } else if (char === '"') this.skipInString = true
      else if (char === '[' || char === '{') this.skipDepth++
      else if (char === ']' || char === '}') closed = --this.skipDepth === 0
      if (closed) {
        this.state = 'key'
        return true
      }
    }
    return false
  }
}
