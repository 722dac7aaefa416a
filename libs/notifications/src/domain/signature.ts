import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signature: HMAC-SHA256 over `<timestamp>.<body>` with the
 * endpoint's secret, sent as `X-UE-Signature: sha256=<hex>` beside
 * `X-UE-Timestamp`. Signing the timestamp lets a receiver refuse replays of an
 * old delivery (the scheme Stripe and GitHub use).
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function verifyWebhook(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
