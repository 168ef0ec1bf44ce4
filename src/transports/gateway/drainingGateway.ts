import type { Interaction } from 'discord.js'
import type { Logger } from '../../logging/logger.ts'
import { gaveUpNotice, restartingNotice } from '../../presenters/discord/restartNotices.ts'
import { InFlight, type DrainResult } from '../shutdown/inFlight.ts'
import { revocableChannelActions, type RevocableChannelActions } from '../shutdown/revocableChannelActions.ts'
import { apologise, handleInteraction, type GatewayDependencies } from './handleInteraction.ts'

export interface DrainingGateway {
  /** Answers one interaction, or, once stopping, tells the user the bot is restarting. */
  accept(interaction: Interaction): void
  /** Stops taking new work and waits for what is in flight, bounded by `timeoutMs`. */
  stop(timeoutMs: number): Promise<DrainResult>
  readonly inFlight: number
}

/**
 * The gateway's interaction intake with graceful shutdown: every interaction
 * is tracked until answered; at the drain deadline the ones left have their
 * channel actions undone and get a "restarting" reply, so none is left
 * half-done or unanswered.
 */
export function drainingGateway(deps: GatewayDependencies, logger: Logger): DrainingGateway {
  const inFlight = new InFlight()
  let stopping = false
  return {
    accept(interaction) {
      if (stopping) {
        deps.metrics?.interactions.inc({ kind: 'other', command: 'other', outcome: 'restarting' })
        void inFlight.track(apologise(interaction, logger, restartingNotice()))
        return
      }
      const revocable: RevocableChannelActions[] = []
      const wrapChannel: GatewayDependencies['wrapChannel'] = (channel) => {
        const actions = revocableChannelActions(channel)
        revocable.push(actions)
        return actions.channel
      }
      let abandoned = false
      void inFlight.track(handleInteraction(interaction, { ...deps, wrapChannel, abandoned: () => abandoned }), async () => {
        abandoned = true
        for (const actions of revocable) await actions.revoke()
        logger.warn({ interactionId: interaction.id }, 'gave up on an interaction at shutdown; its channel actions were undone')
        deps.metrics?.unanswered.inc({ reason: 'aborted' })
        await apologise(interaction, logger, gaveUpNotice())
      })
    },
    stop(timeoutMs) {
      stopping = true
      return inFlight.drain(timeoutMs)
    },
    get inFlight() {
      return inFlight.size
    },
  }
}
