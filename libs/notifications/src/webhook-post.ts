import { UnrecoverableError } from 'bullmq';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './domain';

/** A webhook the rules refuse: retrying cannot help, so the delivery fails at once. */
export class WebhookRefused extends UnrecoverableError {}

/** How a host name becomes addresses; dns.lookup (the system's resolver) unless a test says otherwise. */
export type Resolve = (hostname: string, callback: (err: Error | null, addresses: LookupAddress[]) => void) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/**
 * The lookup a webhook's connection makes: resolves the name, refuses it when any of its addresses
 * lies in a private network (unless those are allowed), and hands the connection exactly the
 * address it checked. The connection never resolves the name a second time, so a name that
 * answers a public address to the check and a private one to the connection (DNS rebinding)
 * gets nowhere; TLS and the Host header keep the name.
 */
export function checkedLookup(allowPrivate: boolean, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
      const inside = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (inside) return callback(new WebhookRefused(`refused: ${hostname} resolves to ${inside.address}, an address of a private network`), '', 0);
      const chosen = wanted[0];
      if (!chosen) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [chosen]);
      else callback(null, chosen.address, chosen.family);
    });
  };
}

/**
 * POSTs a webhook to the address its name was checked to be (see checkedLookup), without
 * following redirects: a signed delivery goes where the person said, nowhere else.
 */
export async function postWebhook(url: string, headers: Record<string, string>, body: string, opts: { allowPrivate: boolean; timeoutMs: number; resolve?: Resolve }): Promise<void> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // A literal address is not looked up, so it is checked here.
  if (isIP(host) && !opts.allowPrivate && !isPublicAddress(host)) throw new WebhookRefused(`refused: ${host} is an address of a private network`);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup(opts.allowPrivate, opts.resolve),
        signal: AbortSignal.timeout(opts.timeoutMs),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (status < 200 || status >= 300) throw new Error(`${target.host} answered HTTP ${status}`);
}
