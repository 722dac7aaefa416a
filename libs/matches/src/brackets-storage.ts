import type { CrudInterface, DataTypes, OmitId, Table } from 'brackets-manager';

type Id = number | string;
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { MatchGame, MatchGroup, MatchMatch, MatchRound, MatchStage } from './bracket-tables.entity';
import { MatchParticipant } from './match-participant.entity';

/** brackets-manager's field names → our entity's properties, per table; fields not listed are not stored. */
const FIELDS: Record<Table, { entity: EntityTarget<ObjectLiteral>; map: Record<string, string> }> = {
  participant: { entity: MatchParticipant, map: { id: 'id', tournament_id: 'itemId', name: 'name' } },
  stage: { entity: MatchStage, map: { id: 'id', tournament_id: 'itemId', name: 'name', type: 'type', settings: 'settings', number: 'number' } },
  group: { entity: MatchGroup, map: { id: 'id', stage_id: 'stageId', number: 'number' } },
  round: { entity: MatchRound, map: { id: 'id', stage_id: 'stageId', group_id: 'groupId', number: 'number' } },
  match: {
    entity: MatchMatch,
    map: { id: 'id', stage_id: 'stageId', group_id: 'groupId', round_id: 'roundId', number: 'number', child_count: 'childCount', status: 'status', opponent1: 'opponent1', opponent2: 'opponent2' },
  },
  match_game: { entity: MatchGame, map: { id: 'id', stage_id: 'stageId', parent_id: 'parentId', number: 'number', status: 'status', opponent1: 'opponent1', opponent2: 'opponent2' } },
};

/** The bracket's structure: written when a stage is created, read on every result. */
const STRUCTURE = new Set<Table>(['stage', 'group', 'round']);

function toEntity(table: Table, value: Record<string, unknown>): Record<string, unknown> {
  const { map } = FIELDS[table];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const prop = map[k];
    if (prop && v !== undefined) out[prop] = v;
  }
  return out;
}

function fromEntity(table: Table, row: ObjectLiteral): Record<string, unknown> {
  const { map } = FIELDS[table];
  const out: Record<string, unknown> = {};
  for (const [k, prop] of Object.entries(map)) {
    const v = row[prop];
    // brackets-manager compares ids with ===; decimal or bigint columns would come back as strings
    out[k] = v === undefined ? null : v;
  }
  return out;
}

/**
 * brackets-manager's storage (its CrudInterface) on our tables, through one EntityManager: build
 * one per transaction, so a result and every match it fills commit or roll back together.
 * A match's item id is ours, not brackets-manager's: it is copied from the stage on insert.
 */
export class BracketsStorage implements CrudInterface {
  private readonly stageItem = new Map<number, number>();
  private readonly cache = new Map<string, unknown>();

  /**
   * `lockMatches`: read single matches (by id, or by round and number: the next match a result
   * fills) FOR UPDATE. brackets-manager writes a match back whole from what it read, so two
   * results feeding the same next match would otherwise each write it from a stale read.
   */
  constructor(
    private readonly manager: EntityManager,
    private readonly options: { lockMatches?: boolean } = {},
  ) {}

  private lockFor(table: Table, filter: Record<string, unknown> | null): { lock?: { mode: 'pessimistic_write' } } {
    if (!this.options.lockMatches || (table !== 'match' && table !== 'match_game')) return {};
    return filter === null || 'number' in filter || 'id' in filter ? { lock: { mode: 'pessimistic_write' } } : {};
  }

  private async itemOfStage(stageId: number): Promise<number> {
    let item = this.stageItem.get(stageId);
    if (item === undefined) {
      const stage = await this.manager.findOneOrFail(MatchStage, { where: { id: stageId }, select: { id: true, itemId: true } });
      item = stage.itemId;
      this.stageItem.set(stageId, item);
    }
    return item;
  }

  insert<T extends Table>(table: T, value: OmitId<DataTypes[T]>): Promise<Id>;
  insert<T extends Table>(table: T, values: OmitId<DataTypes[T]>[]): Promise<boolean>;
  async insert<T extends Table>(table: T, value: OmitId<DataTypes[T]> | OmitId<DataTypes[T]>[]): Promise<Id | boolean> {
    if (STRUCTURE.has(table)) this.cache.clear();
    const values = (Array.isArray(value) ? value : [value]).map((v) => toEntity(table, v as Record<string, unknown>));
    if (table === 'match') for (const v of values) v.itemId = await this.itemOfStage(v.stageId as number);
    if (values.length === 0) return true;
    const result = await this.manager.insert(FIELDS[table].entity, values);
    if (Array.isArray(value)) return true;
    return result.identifiers[0].id as number;
  }

  select<T extends Table>(table: T): Promise<Array<DataTypes[T]> | null>;
  select<T extends Table>(table: T, id: Id): Promise<DataTypes[T] | null>;
  select<T extends Table>(table: T, filter: Partial<DataTypes[T]>): Promise<Array<DataTypes[T]> | null>;
  async select<T extends Table>(table: T, arg?: Id | Partial<DataTypes[T]>): Promise<DataTypes[T] | Array<DataTypes[T]> | null> {
    const repo = this.manager.getRepository(FIELDS[table].entity);
    if (typeof arg === 'number' || typeof arg === 'string') {
      // a stage, group or round never changes once created: read each once per transaction
      const cacheable = STRUCTURE.has(table);
      const key = `${table}:${arg}`;
      if (cacheable && this.cache.has(key)) return this.cache.get(key) as DataTypes[T];
      const row = await repo.findOne({ where: { id: Number(arg) }, ...this.lockFor(table, null) });
      const value = row ? (fromEntity(table, row) as unknown as DataTypes[T]) : null;
      if (cacheable && value) this.cache.set(key, value);
      return value;
    }
    const where = arg ? toEntity(table, arg as Record<string, unknown>) : {};
    const key = `${table}?${JSON.stringify(where)}`;
    if (STRUCTURE.has(table) && arg && this.cache.has(key)) return this.cache.get(key) as Array<DataTypes[T]> | null;
    const rows = await repo.find({ where, order: { id: 'ASC' }, ...(arg ? this.lockFor(table, arg as Record<string, unknown>) : {}) });
    // brackets-manager reads an empty answer as null ("nothing found")
    const value = rows.length ? rows.map((r) => fromEntity(table, r) as unknown as DataTypes[T]) : null;
    if (STRUCTURE.has(table) && arg) this.cache.set(key, value);
    return value;
  }

  update<T extends Table>(table: T, id: Id, value: DataTypes[T]): Promise<boolean>;
  update<T extends Table>(table: T, filter: Partial<DataTypes[T]>, value: Partial<DataTypes[T]>): Promise<boolean>;
  async update<T extends Table>(table: T, arg: Id | Partial<DataTypes[T]>, value: Partial<DataTypes[T]>): Promise<boolean> {
    if (STRUCTURE.has(table)) this.cache.clear();
    const set = toEntity(table, value as Record<string, unknown>);
    delete set.id;
    if (Object.keys(set).length === 0) return true;
    const where = typeof arg === 'number' || typeof arg === 'string' ? { id: Number(arg) } : toEntity(table, arg as Record<string, unknown>);
    await this.manager.update(FIELDS[table].entity, where, set);
    return true;
  }

  delete<T extends Table>(table: T): Promise<boolean>;
  delete<T extends Table>(table: T, filter: Partial<DataTypes[T]>): Promise<boolean>;
  async delete<T extends Table>(table: T, filter?: Partial<DataTypes[T]>): Promise<boolean> {
    this.cache.clear();
    const where = filter ? toEntity(table, filter as Record<string, unknown>) : {};
    // never empty a whole table: every table holds every item's brackets
    if (Object.keys(where).length === 0) throw new Error(`brackets storage: refusing to delete all of ${table}`);
    await this.manager.delete(FIELDS[table].entity, where);
    return true;
  }
}
