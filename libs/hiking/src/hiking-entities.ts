import { HikingArrivalCount } from './hiking-arrival-count.entity';
import { HikingCheckpointStaff } from './hiking-checkpoint-staff.entity';
import { HikingCheckpoint } from './hiking-checkpoint.entity';
import { HikingDevice } from './hiking-device.entity';
import { HikingOverdueAlert } from './hiking-overdue-alert.entity';
import { HikingRegroup } from './hiking-regroup.entity';
import { HikingRoute } from './hiking-route.entity';
import { HikingScan } from './hiking-scan.entity';
import { HikingStatusChange } from './hiking-status-change.entity';
import { HikingWalker } from './hiking-walker.entity';
import { HikingWave } from './hiking-wave.entity';

export const HIKING_ENTITIES = [HikingRoute, HikingCheckpoint, HikingWave, HikingWalker, HikingScan, HikingDevice, HikingCheckpointStaff, HikingStatusChange, HikingRegroup, HikingArrivalCount, HikingOverdueAlert];
