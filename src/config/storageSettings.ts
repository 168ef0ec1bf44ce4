import { join } from 'node:path'
import { z } from 'zod'
import { PROJECT_ROOT } from './paths.ts'

const blankAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)

/** Where the bot keeps what it remembers (see src/storage/), and for how long. */
export const storageSettings = {
  /** Folder of the SQLite file `bot.sqlite`. Default: `data/` in the project. */
  DATA_DIR: z.preprocess(blankAsUndefined, z.string().default(join(PROJECT_ROOT, 'data/'))),
  /** PostgreSQL instead of SQLite, for several hosts. The message never repeats the value (it holds a password). */
  DATABASE_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
  ),
  /** Days rows are kept; purged daily. Default 90. */
  RETENTION_DAYS: z.preprocess(blankAsUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  /** Tests only: moves the bot's clock this many days ahead, to see retention at work. Default 0. */
  TEST_CLOCK_OFFSET_DAYS: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(36500).default(0)),
}
