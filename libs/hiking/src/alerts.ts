import type { PeopleDirectory } from '@app/identity';
import { notifyPeople } from '@app/queue';
import type { EntityManager } from 'typeorm';
import type { RouteFacts } from './route-access';

export interface AlertedWalker {
  userId: number;
  bib: string | null;
  /** The checkpoint they last passed, or null before the start. */
  lastCheckpoint: string | null;
  /** What happened, as the alert's text says it: 失联 (lost), 超时未到「第3站」 (overdue there). */
  alert: string;
  /** Names the happening: one alert per ref and organizer, however often it is raised. */
  ref: string;
}

/**
 * Tells every organizer of the route's event about walkers in danger (notifications, every channel
 * they have), in the caller's transaction.
 */
export async function alertOrganizers(m: EntityManager, people: PeopleDirectory, route: RouteFacts, walkers: AlertedWalker[]): Promise<void> {
  if (!walkers.length) return;
  const organizers = await people.organizersCovering(route.organisationPath, m);
  const names = await people.people([...new Set(walkers.map((w) => w.userId))], m);
  const to = walkers.flatMap((w) => {
    const vars = { event: route.eventName, route: route.name, walker: names.get(w.userId)?.realName ?? '', bib: w.bib ?? '', alert: w.alert, checkpoint: w.lastCheckpoint ?? '起点前' };
    return organizers.map((userId) => ({ userId, ref: `hiking-${w.ref}`, vars }));
  });
  await notifyPeople(m, 'hiking.alert', { event: route.eventName, route: route.name }, to);
}
