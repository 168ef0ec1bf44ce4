import { CHECK_COMMAND_NAME } from '../../commands/check.ts'
import { commands } from '../../commands/index.ts'
import type { Environment } from '../config/environment.ts'
import { Cooldown } from '../interactions/cooldown.ts'
import { InteractionRouter } from '../interactions/router.ts'

/** The commands that search the article: limited per user, sharing one budget. */
export const COOLDOWN_COMMANDS = ['ask', 'quote', CHECK_COMMAND_NAME] as const

/** Every transport's router: all commands, with the configured per-user cooldown. */
export function routerFor(environment: Pick<Environment, 'COOLDOWN_MAX' | 'COOLDOWN_WINDOW_SECONDS'>): InteractionRouter {
  return new InteractionRouter(commands, new Cooldown({ max: environment.COOLDOWN_MAX, windowMs: environment.COOLDOWN_WINDOW_SECONDS * 1000, commands: COOLDOWN_COMMANDS }))
}
