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
