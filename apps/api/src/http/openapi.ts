import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ErrorBody } from './error-body';
import { operationId } from './openapi-decorators';
import { type OpenApiOperation, takesCheckedInput } from './openapi-rules';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

const errorBody = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });

/**
 * Refusals every operation of a kind can answer, whatever it does: the global ValidationPipe and
 * ParseIdPipe refuse bad ids, queries and bodies (400), and every body has a size limit (413).
 * Written here once rather than on each handler.
 */
function addInputRefusals(op: Operation): void {
  const responses = op.responses;
  if (takesCheckedInput(op as OpenApiOperation) && !responses['400']) {
    responses['400'] = errorBody('a path, query or body value is invalid: `details` names each field');
  }
  if (op.requestBody && !responses['413']) responses['413'] = errorBody('the body is larger than this operation accepts');
}

/** The document clients are generated from; `setupOpenApi` serves it, tests check it (openapi-rules.ts). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('职工赛事平台 API')
      .setDescription('Events, registration, judging, results and awards for trade unions and the youth league. Every failure answers with ErrorBody.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody], operationIdFactory: operationId },
  );
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.put, item.post, item.delete, item.patch]) if (op) addInputRefusals(op);
  }
  return document;
}

/** OpenAPI at /docs (UI) and /docs-json (document for client generators). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
