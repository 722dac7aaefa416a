import { beijingTime } from '@app/common';
import { ItemCatalog } from '@app/events';
import { notifyAudience, notifyPeople } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What people hear of a publication step or an appeal decision, written in the step's own transaction. */
@Injectable()
export class PublicationNotices {
  constructor(private readonly catalog: ItemCatalog) {}

  /** Everyone with a place in the item: its results are on public notice until `noticeEndsAt`. */
  async published(m: EntityManager, itemId: number, noticeEndsAt: string | undefined): Promise<void> {
    const names = await this.names(m, itemId);
    await notifyAudience(m, 'results.published', { ...names, noticeEndsAt: beijingTime(noticeEndsAt) }, { kind: 'item-entrants', id: itemId, statuses: ['approved'] });
  }

  /** Whoever filed the appeal: how it was decided and why. */
  async appealDecided(m: EntityManager, itemId: number, appeal: { id: number; filedBy: number }, upheld: boolean, reason: string): Promise<void> {
    const names = await this.names(m, itemId);
    await notifyPeople(m, 'appeal.decided', { ...names, decision: upheld ? '申诉成立 (upheld)' : '申诉不成立 (dismissed)', reason }, [
      { userId: appeal.filedBy, ref: `appeal-${appeal.id}-decided` },
    ]);
  }

  private async names(m: EntityManager, itemId: number): Promise<{ event: string; item: string }> {
    const item = (await this.catalog.items([itemId], m)).get(itemId)!;
    return { event: item.eventName, item: item.name };
  }
}
