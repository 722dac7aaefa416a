import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { applyRouting } from '../apps/api/src/create-api';
import { buildOpenApiDocument } from '../apps/api/src/http/openapi';

/**
 * Writes the API's OpenAPI document, built as the API builds it (preview mode: routes resolved,
 * no provider created, so neither MySQL nor Redis is needed), to the file the web client's types
 * are generated from. The web build runs right after, so a changed API breaks it there.
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'apps/web/src/api/openapi.json');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    applyRouting(app);
    const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
    let before = '';
    try {
      before = readFileSync(target, 'utf8');
    } catch {
      /* first write */
    }
    if (before !== text) {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error('openapi-document:', err);
  process.exit(1);
});
