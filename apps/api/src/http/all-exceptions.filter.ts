import { DomainError, type ErrorDetail, type ErrorKind } from '@app/common';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from './error-body';
import { englishMessage } from './error-messages-en';
import { type Language, requestLanguage } from './language';
import { BodyNotObject, ValidationFailed } from './validation';
import { constraintCode, problemMessage, validationSummary } from './validation-messages';

/** The one place domain error kinds become HTTP statuses. */
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Refusals that come from the HTTP layer itself (routing, body parsing), with their words in both languages. */
const HTTP_REFUSALS: Record<number, { code: string; zh: string; en: string }> = {
  400: { code: 'BAD_REQUEST', zh: '请求无效', en: 'Bad request' },
  401: { code: 'UNAUTHENTICATED', zh: '需要登录', en: 'Sign-in required' },
  403: { code: 'FORBIDDEN', zh: '无权执行此操作', en: 'Not allowed' },
  404: { code: 'NOT_FOUND', zh: '没有这个地址', en: 'No such address' },
  405: { code: 'METHOD_NOT_ALLOWED', zh: '该地址不支持此请求方法', en: 'Method not allowed here' },
  406: { code: 'NOT_ACCEPTABLE', zh: '无法以所要求的格式回答', en: 'Cannot answer in the format asked for' },
  409: { code: 'CONFLICT', zh: '与当前状态冲突', en: 'Conflicts with the current state' },
  413: { code: 'PAYLOAD_TOO_LARGE', zh: '请求体超过该接口允许的大小', en: 'The body is larger than this operation accepts' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', zh: '该接口不接受此 Content-Type', en: 'This operation does not accept that Content-Type' },
  429: { code: 'TOO_MANY_REQUESTS', zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
};

const MALFORMED = { code: 'MALFORMED_BODY', zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' };
const NOT_OBJECT = { code: 'BODY_NOT_OBJECT', zh: '请求体必须是 JSON 对象', en: 'The body must be a JSON object' };

/** Fastify's parser errors for a body that does not parse (the adapter wraps them in an HttpException). */
function isMalformedBody(cause: unknown): boolean {
  const code = (cause as { code?: string } | undefined)?.code;
  return cause instanceof SyntaxError || !!code?.startsWith('FST_ERR_CTP_INVALID') || code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
}

const say = (words: { zh: string; en: string }, language: Language) => (language === 'en' ? words.en : words.zh);

function fromDomain(err: DomainError, language: Language): ErrorBody {
  const statusCode = STATUS[err.kind];
  if (language === 'zh-CN') return { statusCode, code: err.code, message: err.message, details: err.details };
  const message = englishMessage(err.code, err.kind);
  const details = err.details.map((d): ErrorDetail => ({ ...d, message: d.code === err.code ? message : englishMessage(d.code, err.kind, d.field) }));
  return { statusCode, code: err.code, message, details };
}

function fromHttp(err: HttpException, language: Language): ErrorBody {
  const statusCode = err.getStatus();
  if (err instanceof ValidationFailed) {
    const details = err.problems.map((p) => ({ field: p.field, code: constraintCode(p.constraint), message: problemMessage(p, language) }));
    return { statusCode, code: 'VALIDATION_FAILED', message: validationSummary(err.problems, language), details };
  }
  const own = (err.getResponse() as { code?: string; message?: string }) ?? {};
  const words =
    err instanceof BodyNotObject ? NOT_OBJECT : isMalformedBody(err.cause) ? MALFORMED : (HTTP_REFUSALS[statusCode] ?? { code: `HTTP_${statusCode}`, zh: '请求未能完成', en: 'The request could not be completed' });
  const code = err instanceof BodyNotObject ? words.code : (typeof own === 'object' && own.code) || words.code;
  return { statusCode, code, message: say(words, language), details: [] };
}

/** Turns anything thrown while serving a request into `{ statusCode, code, message, details, errorId? }`. */
export function toErrorBody(err: unknown, requestId: string, logger: Logger, language: Language = 'zh-CN'): ErrorBody {
  if (err instanceof DomainError) return fromDomain(err, language);
  if (err instanceof HttpException) {
    const body = fromHttp(err, language);
    if (body.statusCode >= 500) body.errorId = requestId;
    return body;
  }
  logger.error({ err, requestId }, 'unhandled error');
  const message = language === 'en' ? 'Internal server error; please try again later' : '服务器内部错误，请稍后重试';
  return { statusCode: 500, code: 'INTERNAL_ERROR', message, details: [], errorId: requestId };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toErrorBody(err, String(req.id), this.logger, requestLanguage(req.headers['accept-language']));
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS) {
      const wait = body.details.find((d) => typeof d.retryAfterSeconds === 'number')?.retryAfterSeconds;
      if (wait) void reply.header('retry-after', String(wait));
    }
    void reply.header('content-language', requestLanguage(req.headers['accept-language']));
    void reply.status(body.statusCode).send(body);
  }
}
