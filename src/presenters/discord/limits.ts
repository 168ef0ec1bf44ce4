/** Discord's limits, in one place: every reply is trimmed to these before it is sent. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Across all embeds of one message. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  filesPerMessage: 10,
  /** Every bot may upload this much per file (more on boosted servers). */
  fileBytes: 8 * 1024 * 1024,
} as const

/** Brand colour of the bot's embeds. */
export const EMBED_COLOUR = 0x2b6cb0
