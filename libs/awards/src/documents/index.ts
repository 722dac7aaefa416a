// Award documents: certificate and personal record as PDF, the record and award lists as workbooks.
export * from './types';
export { renderCertificatePdf } from './certificate';
export { renderPersonRecordPdf } from './person-record-pdf';
export { personRecordWorkbook } from './person-record-workbook';
export { awardListWorkbook } from './award-list-workbook';
