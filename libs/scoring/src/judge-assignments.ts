import { ItemCatalog } from '@app/events';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SheetStatus } from './score-sheet.entity';

/** An item a judge sits on, with where their own sheet stands. */
export interface MyAssignment {
  itemId: number;
  itemName: string;
  eventId: number;
  eventName: string;
  eventStatus: string;
  startsAt: Date | null;
  chief: boolean;
  /** Their sheet of the item's latest round; null before they have entered a mark. */
  sheetStatus: SheetStatus | null;
}

/**
 * The judge's own panels, newest event first: what they open at the venue to reach their score
 * sheets. Only one's own seats, so a judge learns nothing about other panels.
 */
@Injectable()
export class JudgeAssignments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: ItemCatalog,
  ) {}

  async mine(principal: Principal): Promise<MyAssignment[]> {
    const seats: { itemId: number; chief: number; sheetStatus: SheetStatus | null }[] = await this.dataSource.query(
      `SELECT j.item_id AS itemId, j.chief,
              (SELECT s.status FROM score_sheets s WHERE s.item_id = j.item_id AND s.judge_id = j.user_id ORDER BY s.round_id DESC LIMIT 1) AS sheetStatus
         FROM judge_assignments j WHERE j.user_id = ? ORDER BY j.item_id DESC LIMIT 500`,
      [principal.userId],
    );
    const items = await this.catalog.items(seats.map((s) => Number(s.itemId)));
    return seats.flatMap((s) => {
      const item = items.get(Number(s.itemId));
      if (!item) return [];
      return [
        {
          itemId: item.id,
          itemName: item.name,
          eventId: item.eventId,
          eventName: item.eventName,
          eventStatus: item.eventStatus,
          startsAt: item.startsAt,
          chief: Boolean(Number(s.chief)),
          sheetStatus: s.sheetStatus ?? null,
        },
      ];
    });
  }
}
