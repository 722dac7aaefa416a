/* eslint-disable @typescript-eslint/no-require-imports */
import type ExcelJS from 'exceljs';
import type PDFKit from 'pdfkit';

/**
 * Libraries needed only for a file someone downloads (a workbook, a certificate), loaded on the
 * first such file instead of at start-up: together they are about 15 MiB of heap and a quarter of
 * a second, which an API serving a registration rush never needs. Node caches the module, so
 * every later call is a lookup.
 */
export const excel = (): typeof ExcelJS => require('exceljs');
export const pdfDocument = (): typeof PDFKit => require('pdfkit');
