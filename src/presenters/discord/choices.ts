import type { QuoteSuggestion } from '../../engine/types.ts'
import { DISCORD_LIMITS } from './limits.ts'
import { trimToLimit } from './trim.ts'

/** Autocomplete choices within Discord's limits: at most 25, names and values 1–100 characters. */
export function autocompleteChoices(suggestions: QuoteSuggestion[]): Array<{ name: string; value: string }> {
  return suggestions
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((suggestion) => ({
      name: trimToLimit(suggestion.label, DISCORD_LIMITS.choiceName),
      // A value is what the command receives: cut on a word, never with "…" appended.
      value: cutOnWord(suggestion.query, DISCORD_LIMITS.choiceValue),
    }))
    .filter((choice) => choice.name.length > 0 && choice.value.length > 0)
}

function cutOnWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return space > max / 2 ? cut.slice(0, space) : cut
}
