import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorBody } from './error-body';

/** OpenAPI at /docs (UI) and /docs-json (document for client generators). */
export function setupOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('职工赛事平台 API')
      .setDescription('Events, registration, judging, results and awards for trade unions and the youth league. Every failure answers with ErrorBody.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: [ErrorBody], operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
