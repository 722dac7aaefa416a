export * from './domain';
export * from './scoring-error';
export * from './scoring.service';
export * from './score-sheets.service';
export * from './scoring.module';
export { ItemScoring } from './item-scoring.entity';
export { JudgeAssignment } from './judge-assignment.entity';
export { Mark } from './mark.entity';
export { MarkChange } from './mark-change.entity';
export { ScoreSheet, type SheetStatus } from './score-sheet.entity';

import { ItemScoring } from './item-scoring.entity';
import { JudgeAssignment } from './judge-assignment.entity';
import { Mark } from './mark.entity';
import { MarkChange } from './mark-change.entity';
import { ScoreSheet } from './score-sheet.entity';
export const SCORING_ENTITIES = [ItemScoring, JudgeAssignment, Mark, ScoreSheet, MarkChange];
