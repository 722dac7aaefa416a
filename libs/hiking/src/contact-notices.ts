import type { PeopleDirectory } from '@app/identity';
import { enqueueAll, type JobRequest } from '@app/queue';
import type { ProfileDirectory } from '@app/registration';
import type { EntityManager } from 'typeorm';
import type { RouteFacts } from './route-access';

export type ContactReason = 'timed_out' | 'withdrawn';

export interface DroppedWalker {
  walkerId: number;
  userId: number;
  bib: string | null;
  /** Where it happened: the drop's checkpoint, else the last one passed; null before the start. */
  checkpoint: string | null;
}

const WHAT: Record<ContactReason, string> = { timed_out: '因超过关门时间被收容', withdrawn: '已退出比赛' };

/** The text a contact receives; every value is filled in, so it reads whole without the app. */
export function contactText(v: { contact: string; event: string; route: string; walker: string; bib: string; reason: ContactReason; checkpoint: string }): string {
  return `【${v.event}】${v.contact}您好，您是${v.walker}（${v.route}，号码 ${v.bib}）的紧急联系人：${v.walker}${WHAT[v.reason]}，地点：${v.checkpoint}。如需帮助请联系赛事组织方。`;
}

/**
 * Texts the emergency contact of each walker just timed out or withdrawn, when the route says so,
 * through the notifications' SMS channel in the caller's transaction. Once per walker and reason:
 * a walker whose earlier time-out was reversed and who is timed out again was already texted.
 */
export async function noticeContacts(
  m: EntityManager,
  deps: { people: PeopleDirectory; profiles: ProfileDirectory },
  route: RouteFacts,
  reason: ContactReason,
  walkers: DroppedWalker[],
): Promise<void> {
  if (!route.notifyContacts || !walkers.length) return;
  const userIds = walkers.map((w) => w.userId);
  const contacts = await deps.profiles.emergencyContacts(userIds, m);
  const told = await earlierDrops(m, reason, walkers.map((w) => w.walkerId));
  const due = walkers.filter((w) => contacts.has(w.userId) && !told.has(w.walkerId));
  if (!due.length) return;
  const names = await deps.people.people(due.map((w) => w.userId), m);
  const jobs: JobRequest[] = due.map((w) => {
    const contact = contacts.get(w.userId)!;
    const text = contactText({
      contact: contact.name,
      event: route.eventName,
      route: route.name,
      walker: names.get(w.userId)?.realName ?? '',
      bib: w.bib ?? '',
      reason,
      checkpoint: w.checkpoint ?? '起点前',
    });
    return { name: 'sms.code', payload: { mobile: contact.mobile, text, ref: `hiking-contact-${w.walkerId}-${reason}` } };
  });
  await enqueueAll(m, jobs);
}

/** Walkers who already had this drop before the one being written now (its audit row comes after). */
async function earlierDrops(m: EntityManager, reason: ContactReason, walkerIds: number[]): Promise<Set<number>> {
  const rows: { walkerId: number; n: number }[] = await m.query(
    'SELECT walker_id AS walkerId, COUNT(*) AS n FROM hiking_status_changes WHERE to_status = ? AND walker_id IN (?) GROUP BY walker_id',
    [reason, walkerIds],
  );
  return new Set(rows.filter((r) => Number(r.n) > 1).map((r) => Number(r.walkerId)));
}
