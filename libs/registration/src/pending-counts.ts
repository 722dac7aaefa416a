import type { CountsSnapshot } from './domain';

type DelegationCounts = NonNullable<CountsSnapshot['delegation']>;
/** The part of a registration's person the counts need (the service's Person fits it). */
type Counted = { userId: number; home: { orgId: number } };

/**
 * Individual entries of one list (a roster import) that passed their checks but are not written
 * yet, since the list is written as one batch at the end: the limits count them beside the stored
 * entries, as if each had been written when it was checked.
 */
export class PendingCounts {
  private readonly perPerson = new Map<number, number>();
  private readonly perItemAndDelegation = new Map<string, number>();
  /** People of each delegation whom only this list makes athletes of the event. */
  private readonly newAthletes = new Map<number, Set<number>>();

  /** `storedCounted`: the person already counts as an athlete of the event through a stored entry. */
  add(itemId: number, person: Counted, storedCounted: boolean): void {
    const orgId = person.home.orgId;
    if (!storedCounted && !this.hasEntry(person.userId)) {
      const people = this.newAthletes.get(orgId) ?? new Set<number>();
      this.newAthletes.set(orgId, people.add(person.userId));
    }
    this.perPerson.set(person.userId, this.entriesOf(person.userId) + 1);
    const key = `${itemId}:${orgId}`;
    this.perItemAndDelegation.set(key, (this.perItemAndDelegation.get(key) ?? 0) + 1);
  }

  hasEntry(userId: number): boolean {
    return this.perPerson.has(userId);
  }

  entriesOf(userId: number): number {
    return this.perPerson.get(userId) ?? 0;
  }

  delegation(itemId: number, orgId: number, stored: DelegationCounts): DelegationCounts {
    const inItem = this.perItemAndDelegation.get(`${itemId}:${orgId}`) ?? 0;
    return {
      ...stored,
      athletes: stored.athletes + (this.newAthletes.get(orgId)?.size ?? 0),
      entriesInItem: stored.entriesInItem + inItem,
      teamsInItem: stored.teamsInItem + inItem,
    };
  }
}
