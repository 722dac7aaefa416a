import { type INestApplication, RequestMethod, type Type, VERSION_NEUTRAL } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA, SSE_METADATA, VERSION_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../../../apps/api/src/auth/auth.decorators';
import { ParseBigIdPipe, ParseIdPipe } from '../../../apps/api/src/http/ids';

/** One operation of the API as Nest registered it: what the generated tests iterate over. */
export interface Operation {
  /** `POST /api/v1/items/:itemId/entries`: the key of the permission table. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** The path with `:name` parameters, as served. */
  path: string;
  controller: string;
  handler: string;
  /** undefined: the route declares nothing (the guard refuses it). */
  access: AccessRule | undefined;
  /** Path parameters in the order they appear in the path. */
  params: string[];
  /** The path and query parameters read as ids (ParseIdPipe, ParseBigIdPipe). */
  idParams: string[];
  /** The DTO class of `@Body()`, when the body is a validated object. */
  body?: Type;
  /** The DTO class of `@Query()`, and single `@Query('name')` parameters. */
  query?: Type;
  queryParams: string[];
  /** Whether the handler takes a raw body (a spreadsheet) rather than JSON. */
  rawBody: boolean;
  /** Server-Sent Events: the answer is a stream. */
  sse: boolean;
}

type VersionValue = string | typeof VERSION_NEUTRAL | Array<string | typeof VERSION_NEUTRAL>;

const METHODS: Partial<Record<RequestMethod, Operation['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.PATCH]: 'PATCH',
};

const join = (...parts: string[]) => '/' + parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
const list = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

interface ArgMeta {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const isIdPipe = (pipe: unknown) => [ParseIdPipe, ParseBigIdPipe].some((cls) => pipe === cls || pipe instanceof cls || (typeof pipe === 'function' && pipe.prototype instanceof cls));

/**
 * Every operation of an API built by `createApi`, read from Nest's controllers and their metadata
 * (the same source the OpenAPI document is made from), each checked against Fastify's own route table.
 * A route this reading cannot place (a method it does not know, a path Fastify does not serve)
 * throws, so no route drops out of the generated tests unseen.
 */
export function operationsOf(app: INestApplication): Operation[] {
  // The API does not import DiscoveryModule; the service only needs the container every app has.
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const fastify = app.getHttpAdapter().getInstance() as { hasRoute: (o: { method: string; url: string }) => boolean };
  const ops: Operation[] = [];
  for (const wrapper of discovery.getControllers()) {
    const ctor = wrapper.metatype as Type | undefined;
    if (!ctor) continue;
    const bases = list(Reflect.getMetadata(PATH_METADATA, ctor) as string | string[]);
    const classVersion = Reflect.getMetadata(VERSION_METADATA, ctor) as VersionValue | undefined;
    // Inherited handlers too, as Nest's router finds them.
    for (const handler of scanner.getAllMethodNames(ctor.prototype)) {
      const fn = ctor.prototype[handler];
      const subPaths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      if (subPaths === undefined) continue;
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod;
      const method = METHODS[requestMethod];
      if (!method) throw new Error(`${ctor.name}.${handler}: request method ${RequestMethod[requestMethod]} is not one the route table reads; teach test/e2e/support/routes.ts`);
      const versions = list((Reflect.getMetadata(VERSION_METADATA, fn) as VersionValue | undefined) ?? classVersion ?? '1');
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctor, handler) ?? {}) as Record<string, ArgMeta>;
      const types = (Reflect.getMetadata('design:paramtypes', ctor.prototype, handler) ?? []) as Type[];
      const argsOf = (type: RouteParamtypes) => Object.entries(args).filter(([k]) => k.split(':')[0] === String(type)).map(([, v]) => v);
      const bodyArg = argsOf(RouteParamtypes.BODY)[0];
      const bodyType = bodyArg && !bodyArg.data ? types[bodyArg.index] : undefined;
      const queryArgs = argsOf(RouteParamtypes.QUERY);
      const queryWhole = queryArgs.find((a) => !a.data);
      for (const version of versions) {
        const prefix = version === VERSION_NEUTRAL ? [] : ['api', `v${String(version)}`];
        for (const base of bases) {
          for (const subPath of list(subPaths)) {
            const path = join(...prefix, base, subPath);
            if (!fastify.hasRoute({ method, url: path })) throw new Error(`${method} ${path} is not in Fastify's route table: the path rule here is wrong`);
            ops.push({
              key: `${method} ${path}`,
              method,
              path,
              controller: ctor.name,
              handler,
              access: Reflect.getMetadata(ACCESS_KEY, fn) ?? Reflect.getMetadata(ACCESS_KEY, ctor),
              params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]),
              idParams: [...argsOf(RouteParamtypes.PARAM), ...queryArgs].filter((a) => a.data && a.pipes?.some(isIdPipe)).map((a) => String(a.data)),
              body: bodyType && bodyType !== Object && bodyType !== Buffer ? bodyType : undefined,
              query: queryWhole ? types[queryWhole.index] : undefined,
              queryParams: queryArgs.filter((a) => a.data).map((a) => String(a.data)),
              rawBody: !!bodyArg && (bodyType === Buffer || bodyType === Object),
              sse: Reflect.getMetadata(SSE_METADATA, fn) === true,
            });
          }
        }
      }
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}
