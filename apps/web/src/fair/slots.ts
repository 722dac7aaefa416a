import { beijingTime } from '../time';

interface SlotLike {
  id: number;
  eventId: number;
  employerId: number;
  startsAt: string;
  endsAt: string;
  booked: boolean;
}

export interface SeekerSlot extends SlotLike {
  /** The seeker's own booking (they may give it back); otherwise a free slot they may book. */
  mine: boolean;
}

export interface SlotGroup {
  key: string;
  eventId: number;
  employerId: number;
  employerName: string;
  slots: SeekerSlot[];
}

/** An application still standing: the employer may still interview the seeker. */
export const standing = (a: { stage: string }) => a.stage !== 'rejected' && a.stage !== 'withdrawn';

/** "2026/12/12 09:00 – 09:20": a slot's day and times in Beijing time (a slot never spans midnight). */
export const slotTimes = (s: { startsAt: string; endsAt: string }, locale: string) => `${beijingTime(s.startsAt, locale)} – ${beijingTime(s.endsAt, locale).slice(-5)}`;

/**
 * What a seeker's page offers, grouped by employer (in the order they were applied to): the free
 * slots of the employers whose applications still stand, and the seeker's own bookings, whoever they
 * are with. Slots others booked, and free ones already begun, are not shown. Each group's slots in
 * time order; empty groups left out.
 */
export function seekerSlotGroups(
  applications: { eventId: number; employerId: number; employerName: string; stage: string }[],
  slots: SlotLike[],
  mine: (SlotLike & { employerName: string })[],
  now = Date.now(),
): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  const group = (eventId: number, employerId: number, employerName: string) => {
    const key = `${eventId}-${employerId}`;
    if (!groups.has(key)) groups.set(key, { key, eventId, employerId, employerName, slots: [] });
    return groups.get(key)!;
  };
  for (const a of applications.filter(standing)) group(a.eventId, a.employerId, a.employerName);
  const own = new Set(mine.map((s) => s.id));
  for (const s of slots) {
    if (!s.booked && !own.has(s.id) && Date.parse(s.startsAt) > now) groups.get(`${s.eventId}-${s.employerId}`)?.slots.push({ ...s, mine: false });
  }
  for (const { employerName, ...s } of mine) group(s.eventId, s.employerId, employerName).slots.push({ ...s, mine: true });
  const result = [...groups.values()].filter((g) => g.slots.length);
  for (const g of result) g.slots.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.id - b.id);
  return result;
}
