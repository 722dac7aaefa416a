import { DomainError } from '@app/common';
import { type NestFastifyApplication, RouteConfig } from '@nestjs/platform-fastify';

/** What an ordinary JSON operation may receive; the few that take files say more with @BodyLimit. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Deeper than any of our bodies needs; class-transformer recurses per level and overflows the stack near ten thousand. */
export const MAX_JSON_DEPTH = 32;

/** This operation's own body limit in bytes (files, spreadsheets); every other route gets DEFAULT_BODY_LIMIT. */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/**
 * How deep a JSON text nests, counted on its bytes without parsing it, stopping as soon as it
 * passes `max`: the refusal costs at most one pass over the body and allocates nothing.
 */
export function jsonDepthExceeds(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Body limits per route and a JSON parser that refuses deep nesting before anything recurses
 * into it. Must run before the routes are registered (before `init`/`listen`).
 */
export function applyBodyLimits(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit ?? DEFAULT_BODY_LIMIT;
  });
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', {}, (req, body: Buffer, done) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(new DomainError('invalid', 'BODY_TOO_DEEP', `请求体嵌套超过 ${MAX_JSON_DEPTH} 层`, { field: null, maxDepth: MAX_JSON_DEPTH }), undefined);
      return;
    }
    parseJson(req as Parameters<typeof parseJson>[0], body.toString('utf8'), done);
  });
}
