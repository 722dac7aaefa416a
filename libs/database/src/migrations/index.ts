import { Initial1795217594779 } from './1795217594779-Initial';
import { Registration1795219759697 } from './1795219759697-Registration';
import { ScoreSheets1795223910355 } from './1795223910355-ScoreSheets';
import { Rounds1795224914034 } from './1795224914034-Rounds';
import { Results1795226629622 } from './1795226629622-Results';
import { TallyIndexes1795227177140 } from './1795227177140-TallyIndexes';
import { ResultInputs1795231249991 } from './1795231249991-ResultInputs';
import { Notifications1795231371599 } from './1795231371599-Notifications';
import { TallyGuests1795237926636 } from './1795237926636-TallyGuests';
import { Awards1795238541883 } from './1795238541883-Awards';
import { ResultsItemKey1795249693932 } from './1795249693932-ResultsItemKey';
import { ResultsEntryKey1795253861149 } from './1795253861149-ResultsEntryKey';
import { AccessRevocation1795260000000 } from './1795260000000-AccessRevocation';
import { PlatformInstance1795310000000 } from './1795310000000-PlatformInstance';
import { DeliveryRetention1795310000001 } from './1795310000001-DeliveryRetention';
import { HikingTables1795500000000 } from './1795500000000-HikingTables';
import { JobFairTables1795510000000 } from './1795510000000-JobFairTables';
import { HikingOperations1795520000000 } from './1795520000000-HikingOperations';
import { HikingShareLinks1795520000001 } from './1795520000001-HikingShareLinks';
import { HikingBoardIndex1795520000002 } from './1795520000002-HikingBoardIndex';
import { HikingTeamScans1795520000003 } from './1795520000003-HikingTeamScans';
import { HikingRegroups1795520000004 } from './1795520000004-HikingRegroups';
import { HikingScanPath1795560000000 } from './1795560000000-HikingScanPath';
import { JobFairSearch1795530000000 } from './1795530000000-JobFairSearch';
import { JobFairInterviewSlots1795530000001 } from './1795530000001-JobFairInterviewSlots';
import { JobFairEligibility1795530000002 } from './1795530000002-JobFairEligibility';
import { MatchesTables1795540000000 } from './1795540000000-MatchesTables';
import { MembershipConfirmation1795550000001 } from './1795550000001-MembershipConfirmation';
import { QuotaShards1795620000000 } from './1795620000000-QuotaShards';
import { CheckpointCoordinates1795630000000 } from './1795630000000-CheckpointCoordinates';
import { EmergencyContacts1795640000000 } from './1795640000000-EmergencyContacts';
import { HikingPassages1795650000000 } from './1795650000000-HikingPassages';
import { SignInCodes1795550000000 } from './1795550000000-SignInCodes';

/** Every migration, in order. Generate the next with `npm run migration:generate -- <Name>` and list it here. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795217594779,
  Registration1795219759697,
  ScoreSheets1795223910355,
  Rounds1795224914034,
  Results1795226629622,
  TallyIndexes1795227177140,
  ResultInputs1795231249991,
  Notifications1795231371599,
  TallyGuests1795237926636,
  Awards1795238541883,
  ResultsItemKey1795249693932,
  ResultsEntryKey1795253861149,
  AccessRevocation1795260000000,
  PlatformInstance1795310000000,
  DeliveryRetention1795310000001,
  HikingTables1795500000000,
  JobFairTables1795510000000,
  HikingOperations1795520000000,
  HikingShareLinks1795520000001,
  HikingBoardIndex1795520000002,
  HikingTeamScans1795520000003,
  HikingRegroups1795520000004,
  JobFairSearch1795530000000,
  JobFairInterviewSlots1795530000001,
  JobFairEligibility1795530000002,
  MatchesTables1795540000000,
  SignInCodes1795550000000,
  MembershipConfirmation1795550000001,
  HikingScanPath1795560000000,
  QuotaShards1795620000000,
  CheckpointCoordinates1795630000000,
  EmergencyContacts1795640000000,
  HikingPassages1795650000000,
];
