import type { EventStatus } from './event.entity';

const NEXT: Record<EventStatus, EventStatus[]> = {
  draft: ['registration_open'],
  registration_open: ['registration_closed'],
  registration_closed: ['registration_open', 'in_progress'],
  in_progress: ['finished'],
  finished: [],
};

/** Whether an event may move from one status to another; registration may reopen until the event starts. */
export function canMove(from: EventStatus, to: EventStatus): boolean {
  return NEXT[from].includes(to);
}
