export * from './results.service';
export * from './tally.service';
export * from './results.module';
export { ItemResult } from './item-result.entity';
export { ItemTally } from './item-tally.entity';

export { EventResultsSettings } from './results-settings.entity';
export { ItemRecord } from './item-record.entity';
export { ResultPublication, ResultAppeal, AppealAttachment, ResultAudit } from './publication.entity';
export { BoardSnapshot } from './board-snapshot.entity';

import { BoardSnapshot } from './board-snapshot.entity';
import { ItemRecord } from './item-record.entity';
import { ItemResult } from './item-result.entity';
import { ItemTally } from './item-tally.entity';
import { AppealAttachment, ResultAppeal, ResultAudit, ResultPublication } from './publication.entity';
import { EventResultsSettings } from './results-settings.entity';
export const RESULTS_ENTITIES = [ItemResult, ItemTally, EventResultsSettings, ItemRecord, ResultPublication, ResultAppeal, AppealAttachment, ResultAudit, BoardSnapshot];
export * from './domain';
export * from './results-error';
export * from './results-settings.service';
export * from './standings.service';
export * from './publication.service';
export * from './appeals.service';
export { APPEAL_LIMITS, base64Length, type AttachmentInput } from './appeal-files';
export * from './board.service';
export * from './live-results';
export * from './result-directory';
export * from './standings-sources';
