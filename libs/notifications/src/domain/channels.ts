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
 * Why a webhook address may not be used, or null. Outside development a
 * webhook must be https and must not name a loopback, private or link-local
 * address: the worker would otherwise POST into our own network on anyone's
 * behalf. (A host name that resolves to such an address is not caught here;
 * production should route the worker's egress through a proxy.)
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
  const privateHost =
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    (isIP(host) === 4 && /^(0|10|127|169\.254|172\.(1[6-9]|2\d|3[01])|192\.168)\./.test(`${host}.`)) ||
    (isIP(host) === 6 && /^(::1?$|::ffff:|f[cd]|fe80)/i.test(host));
  return url.protocol !== 'https:' || privateHost ? 'webhookUrl 须为公网 https 地址' : null;
}
