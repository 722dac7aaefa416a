export * from './domain';
export * from './scoring-error';
export * from './scoring.service';
export * from './scoring.module';
export { ItemScoring } from './item-scoring.entity';
export { JudgeAssignment } from './judge-assignment.entity';
export { Mark } from './mark.entity';

import { ItemScoring } from './item-scoring.entity';
import { JudgeAssignment } from './judge-assignment.entity';
import { Mark } from './mark.entity';
export const SCORING_ENTITIES = [ItemScoring, JudgeAssignment, Mark];
