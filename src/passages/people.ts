import { isOrgWord, nameGender } from './entities.ts'
import { normaliseName } from './names.ts'
import type { ParsedSpeaker } from './speakerPhrase.ts'
import type { Speaker } from './types.ts'

export type Gender = 'female' | 'male'

/** Nouns for a business: "the company" is the one the article is about. */
const BUSINESS_NOUNS = /^(?:company|firm|group|business|corporation|conglomerate|operator|carrier|airline|bank|lender|insurer|retailer|manufacturer|maker|producer|developer|app|platform|startup|club|team|owner|contractor|supplier|brand)$/

interface Person {
  name: string
  /** Normalised name words, for "Asif" → Khawaja Asif. */
  words: string[]
  role: string | null
  affiliation: string | null
  title: string | null
  gender: Gender | null
}

interface Organisation {
  name: string
  words: string[]
  mentions: number
  /** Order of the latest mention, for "the company" → the body named most recently. */
  lastSeen: number
  /** What the article calls the body before its name ("the nursing union NurseWorks": union), for "the union" later on. */
  kinds: Set<string>
}

/**
 * The people and bodies one article names, with the fullest name, role and
 * affiliation it gives each. Later mentions by surname resolve to them, and
 * "the company" / "its" to the body named before.
 */
export class SpeakerRegistry {
  readonly #people: Person[] = []
  readonly #organisations: Organisation[] = []
  #clock = 0

  addPerson(parsed: { name: string; role: string | null; affiliation: string | null; title: string | null }): Person {
    const single = !/\s/.test(parsed.name.trim())
    const existing = this.#exact(parsed.name) ?? this.#extends(parsed.name) ?? (single ? this.resolvePerson(parsed.name) : null)
    if (existing) {
      if (!existing.role && parsed.role) {
        existing.role = parsed.role
        existing.title = parsed.title
      }
      if (!existing.affiliation && parsed.affiliation && (existing.role === parsed.role || !parsed.role)) {
        existing.affiliation = parsed.affiliation
        if (parsed.title) existing.title = parsed.title
      }
      return existing
    }
    const person: Person = {
      name: parsed.name,
      words: normaliseName(parsed.name).split(' '),
      role: parsed.role,
      affiliation: parsed.affiliation,
      title: parsed.title,
      gender: nameGender(parsed.name.split(/\s+/)[0] ?? ''),
    }
    this.#people.push(person)
    return person
  }

  /** A body named in the text ("Corvid Pay", "the Finance Ministry"), remembered in order of mention. */
  /** `kind`: the noun the article put before the name ("the nursing union NurseWorks" → "union"). */
  noteOrganisation(name: string, kind?: string): void {
    const words = normaliseName(name).split(' ')
    if (this.resolvePerson(name)) return
    const known = this.#organisations.find((organisation) => organisation.words.join(' ') === words.join(' ') || startsWith(organisation.words, words) || startsWith(words, organisation.words))
    this.#clock++
    if (known) {
      known.mentions++
      known.lastSeen = this.#clock
      if (kind) known.kinds.add(kind)
      if (words.length > known.words.length) {
        known.name = name
        known.words = words
      }
      return
    }
    this.#organisations.push({ name, words, mentions: 1, lastSeen: this.#clock, kinds: new Set(kind ? [kind] : []) })
  }

  /** "Corvid" → "Corvid Pay": the known body a shorter name stands for. */
  resolveOrganisation(name: string): string | null {
    const words = normaliseName(name).split(' ')
    return this.#organisations.find((organisation) => startsWith(organisation.words, words))?.name ?? null
  }

  /**
   * "the company", "the commission", "its": the body meant. A head noun in a
   * name picks that body ("the commission" → "Information Protection Commission");
   * otherwise the body the article names most, latest first.
   */
  resolveReference(noun: string | null): string | null {
    const recent = [...this.#organisations].sort((a, b) => b.lastSeen - a.lastSeen)
    const head = noun ? (normaliseName(noun).split(' ').at(-1) ?? '') : ''
    if (noun) {
      const byHead = recent.find((organisation) => organisation.words.at(-1) === head || organisation.kinds.has(head))
      if (byHead) return byHead.name
      // Only a business noun ("the company", "the firm") means the business the article is about;
      // any other noun that names no known body ("the ministry", "the report") stays as written.
      if (!BUSINESS_NOUNS.test(head)) return null
    }
    // A body the article called something else ("the nursing union CareFirst") is not "the club".
    const commercial = recent.filter((organisation) => !isOrgWord(organisation.words.at(-1) ?? '') && (organisation.kinds.size === 0 || organisation.kinds.has(head)))
    const pool = commercial.length > 0 ? commercial : recent
    const most = Math.max(0, ...pool.map((organisation) => organisation.mentions))
    return pool.find((organisation) => organisation.mentions === most)?.name ?? null
  }

  /** The body named most recently: what "its" refers to. */
  mostRecentOrganisation(): string | null {
    return [...this.#organisations].sort((a, b) => b.lastSeen - a.lastSeen)[0]?.name ?? null
  }

  /**
   * The person a name refers to: the full name, a longer form of it, or its
   * last word as a surname ("Asif", "Mr Tarar"). Null when it names nobody known.
   */
  resolvePerson(phrase: string): Person | null {
    const normalised = ` ${normaliseName(phrase).replace(/'s\b/g, '')} `
    for (const person of this.#people) {
      if (normalised.includes(` ${person.words.join(' ')} `)) return person
    }
    const lastWord = normalised.trim().split(' ').at(-1)
    if (!lastWord) return null
    const bySurname = this.#people.filter((person) => person.words.at(-1) === lastWord)
    return bySurname.length === 1 ? (bySurname[0] as Person) : null
  }

  learnGender(person: Person, gender: Gender): void {
    if (!person.gender) person.gender = gender
  }

  people(): Person[] {
    return this.#people
  }

  /** A longer form of a known name ("Mohammad Yaqoob Mujahid" → "Mawlawi Mohammad Yaqoob Mujahid"). */
  #extends(name: string): Person | undefined {
    const words = normaliseName(name).split(' ')
    if (words.length < 2) return undefined
    const found = this.#people.find((person) => person.words.length >= 2 && endsWith(words, person.words))
    if (found && words.length > found.words.length) {
      found.name = name
      found.words = words
    }
    return found ?? this.#people.find((person) => endsWith(person.words, words))
  }

  #exact(name: string): Person | undefined {
    const normalised = normaliseName(name)
    return this.#people.find((person) => person.words.join(' ') === normalised)
  }
}

function startsWith(longer: string[], prefix: string[]): boolean {
  return prefix.length <= longer.length && prefix.every((word, index) => longer[index] === word)
}

function endsWith(longer: string[], suffix: string[]): boolean {
  return suffix.length <= longer.length && suffix.every((word, index) => longer[longer.length - suffix.length + index] === word)
}

/** The speaker a person record stands for. */
export function personSpeaker(person: Person): Speaker {
  return { name: person.name, role: person.role, affiliation: person.affiliation, title: person.title, isPerson: true, kind: 'person' }
}

export type { Person }
export type { ParsedSpeaker }
