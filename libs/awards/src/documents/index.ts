// Award documents: certificate and personal record as PDF, the record also as a workbook.
export * from './types';
export { renderCertificatePdf } from './certificate';
export { renderPersonRecordPdf } from './person-record-pdf';
export { personRecordWorkbook } from './person-record-workbook';
