// Award documents: the certificate as a PDF, and the PDF set-up (Chinese fonts) the reports' documents share.
export * from './types';
export { renderCertificatePdf } from './certificate';
export { newPdf, type NewPdf } from './pdf';
