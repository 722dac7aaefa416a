import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/** Spreadsheet uploads arrive as the request body itself (Content-Type says which), kept as raw bytes for the parser. */
export function acceptSpreadsheets(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser([XLSX_TYPE, CSV_TYPE], { parseAs: 'buffer' }, (_req: unknown, body: Buffer, done: (err: null, body: Buffer) => void) =>
      done(null, body),
    );
}
