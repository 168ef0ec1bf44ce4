import { APPOSITIVE_NAME, TITLED_NAME, normaliseName } from './names.ts'
import type { Speaker } from './types.ts'

interface Person extends Speaker {
  /** Normalised name words, for "Asif" → Khawaja Asif. */
  words: string[]
  /** The outlet that carried the person's words when the article says so once ("Afghan media quoted …"). */
  defaultVia: string | null
}

/**
 * The named people of one article, with the fullest name and role the article
 * gives each. Later mentions by surname resolve to them.
 */
export class PeopleRegistry {
  readonly #people: Person[] = []

  /** Registers every "Role Name" and "Name, the role," mention in the text. */
  scan(text: string): void {
    for (const match of text.matchAll(TITLED_NAME)) {
      const groups = match.groups as Record<string, string | undefined>
      const role = groups.affiliation ? `${groups.affiliation}’s ${groups.role}` : (groups.role as string)
      this.add(groups.name as string, role)
    }
    for (const match of text.matchAll(APPOSITIVE_NAME)) {
      const groups = match.groups as Record<string, string>
      this.add(groups.name as string, groups.role as string)
    }
  }

  add(name: string, role: string | null): Person {
    const existing = this.#exact(name)
    if (existing) {
      if (!existing.role && role) existing.role = role
      return existing
    }
    const person: Person = { name, role, isPerson: true, words: normaliseName(name).split(' '), defaultVia: null }
    this.#people.push(person)
    return person
  }

  setDefaultVia(person: Speaker, via: string): void {
    const found = this.#exact(person.name)
    if (found && !found.defaultVia) found.defaultVia = via
  }

  defaultVia(person: Speaker): string | null {
    return this.#exact(person.name)?.defaultVia ?? null
  }

  /**
   * The person a phrase refers to: the full name inside it, or its last word
   * as a surname ("Asif", "Mr Tarar"). Null when it names nobody known.
   */
  resolve(phrase: string): Person | null {
    const normalised = ` ${normaliseName(phrase).replace(/'s\b/g, '')} `
    for (const person of this.#people) {
      if (normalised.includes(` ${person.words.join(' ')} `)) return person
    }
    const lastWord = normalised.trim().split(' ').at(-1)
    if (!lastWord) return null
    const bySurname = this.#people.filter((person) => person.words.at(-1) === lastWord)
    return bySurname.length === 1 ? (bySurname[0] as Person) : null
  }

  all(): Speaker[] {
    return this.#people.map(({ name, role, isPerson }) => ({ name, role, isPerson }))
  }

  #exact(name: string): Person | undefined {
    const normalised = normaliseName(name)
    return this.#people.find((person) => person.words.join(' ') === normalised)
  }
}
