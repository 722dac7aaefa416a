import { FairApplicationHistory } from './fair-application-history.entity';
import { FairApplication } from './fair-application.entity';
import { FairCvConsent } from './fair-cv-consent.entity';
import { FairCv } from './fair-cv.entity';
import { FairEmployerStaff } from './fair-employer-staff.entity';
import { FairEmployer } from './fair-employer.entity';
import { FairInterviewSlot } from './fair-interview-slot.entity';
import { FairParticipation } from './fair-participation.entity';
import { FairPosition } from './fair-position.entity';
import { FairSeeker } from './fair-seeker.entity';
import { FairSetting } from './fair-setting.entity';

export const JOB_FAIR_ENTITIES = [
  FairEmployer,
  FairParticipation,
  FairEmployerStaff,
  FairPosition,
  FairSeeker,
  FairCv,
  FairApplication,
  FairApplicationHistory,
  FairCvConsent,
  FairInterviewSlot,
  FairSetting,
];
