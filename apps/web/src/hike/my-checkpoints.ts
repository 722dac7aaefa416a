import { hiking, type Schemas } from '../api';
import { keptRead } from './kept';

export type StaffCheckpoint = Schemas['StaffCheckpointDto'];

/** The staff member's checkpoints, from the API when there is network, else as last read on this phone. */
export const myCheckpoints = (): Promise<StaffCheckpoint[]> => keptRead('ue.hike.checkpoints', () => hiking.myCheckpoints());
