import { type EntryFacts, EntryDirectory } from '@app/registration';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RoundDirectory } from './round-directory';
import type { SheetStatus } from './score-sheet.entity';
import { type Seat, SheetAccess, type SheetKey } from './sheet-access';

export interface SheetCell {
  entryId: number;
  criterion: string;
  value: string;
}

export interface SheetEntry {
  entryId: number;
  bib: string | null;
  /** heat and lane within the round; null for an item without rounds */
  heat: number | null;
  lane: number | null;
  realName: string;
  organisationName: string;
}

export interface SheetView {
  itemId: number;
  /** 0 for an item without rounds */
  roundId: number;
  judgeId: number;
  status: SheetStatus;
  version: number;
  submittedAt: Date | null;
  lockedAt: Date | null;
  /** the contestants this judge scores */
  entries: SheetEntry[];
  marks: SheetCell[];
  /** e.g. a conflict of interest the event only warns about */
  warnings: { code: string; entryId: number; message: string }[];
}

/** A contestant on a sheet, with the path of their delegation (for the conflict-of-interest check). */
export type SeatEntry = SheetEntry & { path: string };

/** A judge's sheet as they see it: the contestants they score, in start order, and their marks. */
@Injectable()
export class SheetViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: SheetAccess,
    private readonly entries: EntryDirectory,
    private readonly rounds: RoundDirectory,
  ) {}

  /** The judge themselves, the item's chief judge, organizers of the event. */
  async sheet(principal: Principal, itemId: number, judgeId: number, round?: number): Promise<SheetView> {
    const { key, seat } = await this.access.standing(principal, itemId, judgeId, round);
    return this.view(this.dataSource.manager, key, seat, []);
  }

  async view(m: EntityManager, key: SheetKey, seat: Seat, warnings: SheetView['warnings']): Promise<SheetView> {
    const where = [key.itemId, key.roundId, key.judgeId];
    const [sheet] = await m.query(
      'SELECT status, version, submitted_at AS submittedAt, locked_at AS lockedAt FROM score_sheets WHERE item_id = ? AND round_id = ? AND judge_id = ?',
      where,
    );
    const entries = [...(await this.entriesOf(m, key, seat)).values()].map(({ path: _path, ...e }) => e);
    const marks: SheetCell[] = await m.query(
      'SELECT entry_id AS entryId, criterion, value FROM marks WHERE item_id = ? AND round_id = ? AND judge_id = ? ORDER BY entry_id, criterion',
      where,
    );
    return {
      ...key,
      status: sheet?.status ?? 'draft',
      version: Number(sheet?.version ?? 0),
      submittedAt: sheet?.submittedAt ?? null,
      lockedAt: sheet?.lockedAt ?? null,
      entries,
      marks: marks.map((c) => ({ ...c, entryId: Number(c.entryId) })),
      warnings,
    };
  }

  /**
   * The approved entries of the item (of the round: those drawn into it, by heat and lane; else by
   * bib) that the seat scores, by id, with what a sheet shows of them; `only` narrows them to these.
   */
  async entriesOf(m: EntityManager, key: SheetKey, seat: Seat, only?: number[]): Promise<Map<number, SeatEntry>> {
    if (only && !only.length) return new Map();
    const scored = (e: EntryFacts | undefined): e is EntryFacts =>
      e !== undefined && e.itemId === key.itemId && e.status === 'approved' && (!seat.entryIds || seat.entryIds.includes(e.id));
    let lanes = new Map<number, { heat: number; lane: number }>();
    let facts: EntryFacts[];
    if (key.roundId) {
      lanes = await this.rounds.lanes(key.roundId, only, m);
      const byId = await this.entries.entries(lanes.keys(), m);
      const order = [...lanes].sort(([, a], [, b]) => a.heat - b.heat || a.lane - b.lane).map(([id]) => id);
      facts = order.map((id) => byId.get(id)).filter(scored);
    } else {
      facts = (only ? [...(await this.entries.entries(only, m)).values()] : await this.entries.within({ itemId: key.itemId }, ['approved'], m)).filter(scored);
    }
    const labels = await this.entries.label(new Map(facts.map((e) => [e.id, e])), m);
    return new Map(
      facts.map((e) => {
        const label = labels.get(e.id)!;
        const lane = lanes.get(e.id);
        return [e.id, { entryId: e.id, bib: e.bib, heat: lane?.heat ?? null, lane: lane?.lane ?? null, realName: label.realName, organisationName: label.organisationName, path: label.organisationPath }];
      }),
    );
  }
}
