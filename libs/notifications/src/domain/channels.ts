import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';
import { type ExternalChannel, EXTERNAL_CHANNELS } from './triggers';

/** What we know about one recipient when a notification is delivered. */
export interface RecipientChannels {
  hasEmail: boolean;
  hasMobile: boolean;
  hasWebhook: boolean;
  optedOut: readonly string[];
}

/**
 * The external channels a notification goes out on, beside the inbox (which
 * always gets it: it is the person's record of what we told them). A channel
 * needs an address and a configured provider; opting out is honoured unless the
 * message is mandatory.
 */
export function externalChannels(r: RecipientChannels, mandatory: boolean, configured: ReadonlySet<ExternalChannel>): ExternalChannel[] {
  const address: Record<ExternalChannel, boolean> = { email: r.hasEmail, sms: r.hasMobile, webhook: r.hasWebhook };
  return EXTERNAL_CHANNELS.filter((c) => configured.has(c) && address[c] && (mandatory || !r.optedOut.includes(c)));
}

/**
 * Whether an address lies on the public internet: ordinary unicast only. Loopback, private,
 * link-local, carrier-grade NAT, unspecified, broadcast, multicast, documentation and other
 * reserved ranges, IPv6 unique-local and link-local, and IPv6 forms that carry an IPv4 address
 * (mapped, NAT64, 6to4, Teredo) are not: through them a request lands inside a network.
 */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  const parsed = ipaddr.parse(ip);
  const range = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address().range() : parsed.range();
  return range === 'unicast';
}

/**
 * Why a webhook address may not be used, or null. Outside development a webhook must be https
 * and must not name an address of a private network: the worker would otherwise POST into our
 * own network on anyone's behalf. A host name is checked here only when it is our own machine
 * by definition (localhost); what it resolves to is checked when a delivery is sent, against
 * the address the delivery then connects to (see the webhook sender), since a name may point
 * elsewhere by then.
 */
export function webhookTargetProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'webhookUrl 不是有效的网址';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'webhookUrl 须为 http(s) 地址';
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const privateHost = host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && !isPublicAddress(host));
  return url.protocol !== 'https:' || privateHost ? 'webhookUrl 须为公网 https 地址' : null;
}
