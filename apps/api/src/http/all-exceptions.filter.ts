import { DomainError, type ErrorKind } from '@app/common';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from './error-body';

/** The one place domain error kinds become HTTP statuses. */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Fastify's parser errors for a body that does not parse (the adapter wraps them in an HttpException). */
function isMalformedBody(cause: unknown): boolean {
  const code = (cause as { code?: string } | undefined)?.code;
  return cause instanceof SyntaxError || !!code?.startsWith('FST_ERR_CTP_INVALID');
}

/** Turns anything thrown while serving a request into `{ statusCode, code, message, details?, errorId? }`. */
export function toErrorBody(err: unknown, requestId: string, logger: Logger): ErrorBody {
  if (err instanceof DomainError) {
    const body: ErrorBody = { statusCode: STATUS[err.kind], code: err.code, message: err.message };
    if (err.details !== undefined) body.details = err.details;
    return body;
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const res = err.getResponse() as string | { code?: string; message?: string | string[]; details?: unknown };
    const body: ErrorBody = {
      statusCode: status,
      code: (typeof res === 'object' && res.code) || (isMalformedBody(err.cause) && 'MALFORMED_BODY') || HTTP_CODES[status] || `HTTP_${status}`,
      message: typeof res === 'string' ? res : [res.message ?? err.message].flat().join('; '),
    };
    if (typeof res === 'object' && res.details !== undefined) body.details = res.details;
    if (status >= 500) body.errorId = requestId;
    return body;
  }
  logger.error({ err, requestId }, 'unhandled error');
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', errorId: requestId };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toErrorBody(err, String(req.id), this.logger);
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS) {
      const wait = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (wait) void reply.header('retry-after', String(wait));
    }
    void reply.status(body.statusCode).send(body);
  }
}
