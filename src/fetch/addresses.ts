import { BlockList, isIP } from 'node:net'

/**
 * Addresses a fetch must never reach unless allowed by name: loopback,
 * private, carrier-grade NAT, link-local, multicast, unspecified and reserved
 * ranges, in IPv4 and IPv6 (IPv4-mapped IPv6 is checked as the IPv4 it maps).
 */
const internal = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  internal.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  internal.addSubnet(network, prefix, 'ipv6')
}

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address ("::ffff:127.0.0.1"), else null. */
function embeddedIPv4(address: string): string | null {
  const match = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (match) return match[1] as string
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address)
  if (!hex) return null
  const high = Number.parseInt(hex[1] as string, 16)
  const low = Number.parseInt(hex[2] as string, 16)
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
}

/** True for an address inside the local network or the machine itself (or not an IP at all). */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = isIP(bare)
  if (family === 0) return true
  if (family === 4) return internal.check(bare, 'ipv4')
  const mapped = embeddedIPv4(bare)
  if (mapped) return internal.check(mapped, 'ipv4')
  return internal.check(bare, 'ipv6')
}

/** The comparable form of a host or address ("[::1]" → "::1", lower case). */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, '')
}

/** `ARTICLE_FETCH_ALLOW_HOSTS`: comma-separated host names or IPs. */
export function parseAllowHosts(value: string | undefined): ReadonlySet<string> {
  return new Set((value ?? '').split(',').map(normaliseHost).filter(Boolean))
}
