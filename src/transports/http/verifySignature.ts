import { createPublicKey, verify, type KeyObject } from 'node:crypto'

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: Discord gives only the raw 32-byte key, in hex. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex')
  if (raw.length !== 32) throw new Error('the public key must be 64 hexadecimal characters')
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
}

/**
 * Discord signs `timestamp + body` with the application's Ed25519 key and
 * sends bad signatures on purpose: anything that does not verify is refused.
 */
export function isSignedByDiscord(key: KeyObject, signatureHex: string | undefined, timestamp: string | undefined, body: Buffer): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'))
  } catch {
    return false
  }
}

/** How far a request's timestamp may be from now: older requests could be replays, newer ones forged clocks. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60

/** Whether Discord's `X-Signature-Timestamp` (Unix seconds) is within ±5 minutes of `nowMs`. */
export function isFresh(timestamp: string | undefined, nowMs: number = Date.now()): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= MAX_CLOCK_SKEW_SECONDS
}
