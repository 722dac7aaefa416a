import type { IdempotencyKey } from '@app/registration';
import { RegistrationError, RegistrationErrorCode } from '@app/registration';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';

const KEY = /^[\w.:-]{8,100}$/;

/**
 * The request's `Idempotency-Key`, with a fingerprint of method, URL and body
 * so that the same key sent with a different request is refused rather than
 * answered with the first request's result.
 */
export const Idempotency = createParamDecorator((_: unknown, ctx: ExecutionContext): IdempotencyKey | undefined => {
  const req = ctx.switchToHttp().getRequest<{ headers: Record<string, unknown>; method: string; url: string; body: unknown }>();
  const key = req.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key)) {
    throw new RegistrationError('invalid', RegistrationErrorCode.IdempotencyKeyInvalid, 'Idempotency-Key 须为8至100位字母、数字或 _ . : -', {
      field: 'Idempotency-Key',
    });
  }
  const body = Buffer.isBuffer(req.body) ? req.body : JSON.stringify(req.body ?? null);
  const fingerprint = createHash('sha256').update(`${req.method} ${req.url}\n`).update(body).digest('hex');
  return { key, fingerprint };
});
