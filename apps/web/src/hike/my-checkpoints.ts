import { hiking, type Schemas } from '../api';

export type StaffCheckpoint = Schemas['StaffCheckpointDto'];
const KEY = 'ue.hike.checkpoints';

/** The staff member's checkpoints, from the API when there is network, else as last read on this phone. */
export async function myCheckpoints(): Promise<StaffCheckpoint[]> {
  const kept = localStorage.getItem(KEY);
  if (!navigator.onLine && kept) return JSON.parse(kept) as StaffCheckpoint[];
  const list = await hiking.myCheckpoints();
  localStorage.setItem(KEY, JSON.stringify(list));
  return list;
}
