// Report documents: a person's record as a PDF and a workbook, award lists as a workbook.
export * from './types';
export { renderPersonRecordPdf } from './person-record-pdf';
export { personRecordWorkbook } from './person-record-workbook';
export { awardListWorkbook } from './award-list-workbook';
