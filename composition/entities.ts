import { AWARDS_ENTITIES } from '@app/awards';
import { DATABASE_ENTITIES } from '@app/database';
import { EVENTS_ENTITIES } from '@app/events';
import { HIKING_ENTITIES } from '@app/hiking';
import { IDENTITY_ENTITIES } from '@app/identity';
import { JOB_FAIR_ENTITIES } from '@app/job-fair';
import { MATCHES_ENTITIES } from '@app/matches';
import { NOTIFICATIONS_ENTITIES } from '@app/notifications';
import { QUEUE_ENTITIES } from '@app/queue';
import { REGISTRATION_ENTITIES } from '@app/registration';
import { RESULTS_ENTITIES } from '@app/results';
import { SCORING_ENTITIES } from '@app/scoring';

/** Every entity of every context: the apps, the migration command and the drift test use this one list. */
export const ENTITIES = [
  ...DATABASE_ENTITIES,
  ...QUEUE_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...EVENTS_ENTITIES,
  ...REGISTRATION_ENTITIES,
  ...SCORING_ENTITIES,
  ...RESULTS_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...AWARDS_ENTITIES,
  ...HIKING_ENTITIES,
  ...JOB_FAIR_ENTITIES,
  ...MATCHES_ENTITIES,
];
