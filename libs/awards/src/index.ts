// Awards: allocation rules and prize ledger (pure domain), award records, recognitions, certificates.
import { AwardCertificate, AwardRecord, AwardRecordAudit, AwardRuleSet } from './award.entity';

export * from './domain';
export * from './award.entity';
export * from './awards-error';
export * from './award-rules.service';
export * from './award-grants.service';
export * from './award-record-view';
export * from './record-writer';
export * from './award-records.service';
export * from './recognitions.service';
export * from './record-changes.service';
export * from './prize-ledger.service';
export * from './awards.module';
// One PDF set-up for the certificate and the reports' documents (libs/reporting): the fonts load once per process.
export { newPdf, type NewPdf } from './documents';

export const AWARDS_ENTITIES = [AwardRuleSet, AwardRecord, AwardRecordAudit, AwardCertificate];
