import 'reflect-metadata';
import { Logger, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module';
import { applyRouting } from '../create-api';
import { buildOpenApiDocument } from './openapi';
import { operationId } from './openapi-decorators';
import { type OpenApiDocument, openApiProblems } from './openapi-rules';

/**
 * The document the API serves, built in this process as main.ts builds it. Preview mode resolves
 * the modules and routes without creating providers, so nothing connects to MySQL or Redis.
 */
async function servedDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    applyRouting(app);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Each handler of each controller, with the status Nest answers it with when it succeeds. */
function handlers(): { id: string; status: number }[] {
  const controllers: (new (...args: never[]) => object)[] = Reflect.getMetadata('controllers', AppModule);
  return controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor' && Reflect.getMetadata(PATH_METADATA, controller.prototype[name as never]) !== undefined)
      .map((name) => {
        const handler = controller.prototype[name as never];
        const method: RequestMethod = Reflect.getMetadata(METHOD_METADATA, handler);
        const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (method === RequestMethod.POST ? 201 : 200);
        return { id: operationId(controller.name, name), status };
      }),
  );
}

describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;
  const warnings: string[] = [];
  beforeAll(async () => {
    const warn = jest.spyOn(Logger, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    try {
      doc = await servedDocument();
    } finally {
      warn.mockRestore();
    }
  });

  it("gives each schema one class: two DTOs of one name would share a schema, and the client would type one operation's body as the other's", () => {
    expect(warnings.filter((w) => w.includes('Duplicate DTO'))).toEqual([]);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['AppealDecisionDto', 'FairDecisionDto']));
  });

  it('says, of every operation, what a generated client needs', () => {
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
    expect(openApiProblems(doc as unknown as OpenApiDocument)).toEqual([]);
  });

  it('declares the status each handler really answers with on success', () => {
    const declared = new Map<string, string[]>();
    for (const item of Object.values(doc.paths)) {
      for (const op of [item.get, item.put, item.post, item.delete, item.patch]) {
        if (op?.operationId) declared.set(op.operationId, Object.keys(op.responses).filter((s) => /^2/.test(s)));
      }
    }
    const wrong = handlers()
      .filter((h) => declared.get(h.id)?.join() !== String(h.status))
      .map((h) => `${h.id}: answers ${h.status}, document says ${declared.get(h.id)?.join() || 'nothing'}`);
    expect(wrong).toEqual([]);
  });
});
