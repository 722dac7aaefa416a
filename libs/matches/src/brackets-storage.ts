import type { CrudInterface, DataTypes, OmitId, Table } from 'brackets-manager';
import type { Statement } from '@app/database';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { MatchGame, MatchGroup, MatchMatch, MatchRound, MatchStage } from './bracket-tables.entity';
import { MatchParticipant } from './match-participant.entity';

type Id = number | string;
type Row = Record<string, unknown>;

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

/** The bracket's structure: written when a stage is created, never changed by a result. */
const STRUCTURE = new Set<Table>(['stage', 'group', 'round']);
/** Tables whose rows a result reads and writes: held per transaction, written back in one statement each. */
type Held = 'match' | 'match_game';
const HELD = new Set<Table>(['match', 'match_game']);
/** Rows a multi-row INSERT of matches writes at most: a 1,024 draw's matches in a few statements. */
const INSERT_CHUNK = 500;
/** Fields a result never changes: a filter on them finds the same rows before and after the writes held back. */
const FIXED = new Set(['id', 'stage_id', 'group_id', 'round_id', 'number', 'parent_id']);

function toEntity(table: Table, value: Row): Row {
  const { map } = FIELDS[table];
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) {
    const prop = map[k];
    if (prop && v !== undefined) out[prop] = v;
  }
  return out;
}

function fromEntity(table: Table, row: ObjectLiteral): Row {
  const { map } = FIELDS[table];
  const out: Row = {};
  for (const [k, prop] of Object.entries(map)) {
    const v = row[prop];
    // brackets-manager compares ids with ===; decimal or bigint columns would come back as strings
    out[k] = v === undefined ? null : v;
  }
  return out;
}

/** A copy of plain JSON data (rows, opponents, settings); structuredClone costs several times more. */
function copy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const matches = (row: Row, filter: Row) => Object.entries(filter).every(([k, v]) => v === undefined || row[k] === v || (row[k] != null && v != null && Number(row[k]) === Number(v)));

/** A row of a held table as this transaction knows it: `stored` is what the database holds (null: unknown). */
interface HeldRow {
  row: Row;
  stored: Row | null;
  locked: boolean;
  /** Our own columns (entity properties) to write with it: the score as entered, who entered it. */
  extra: Row;
}

interface Structure {
  stage: Row;
  groups: Row[];
  rounds: Row[];
}

/**
 * The stage `stageId` (an SQL expression) with its groups and rounds, as three columns of any
 * statement: a caller that reads a match can read its stage's structure in the same statement and
 * hand it to `adopt`. Scalar subqueries: a FOR UPDATE on the outer statement does not lock them.
 */
export const structureColumns = (stageId: string) => `
  (SELECT JSON_OBJECT('id', s.id, 'item_id', s.item_id, 'name', s.name, 'type', s.type, 'settings', s.settings, 'number', s.number) FROM match_stages s WHERE s.id = ${stageId}) AS structure_stage,
  (SELECT JSON_ARRAYAGG(JSON_ARRAY(g.id, g.number)) FROM match_groups g WHERE g.stage_id = ${stageId}) AS structure_groups,
  (SELECT JSON_ARRAYAGG(JSON_ARRAY(r.id, r.group_id, r.number)) FROM match_rounds r WHERE r.stage_id = ${stageId}) AS structure_rounds`;

export interface StructureColumns {
  structure_stage: unknown;
  structure_groups: unknown;
  structure_rounds: unknown;
}

/** A JSON column or expression as the driver hands it over: text (MariaDB's JSON is LONGTEXT) or parsed. */
export const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** A row of a held table inserted but not yet written: `temp` is the id brackets-manager was given for it. */
interface PendingInsert {
  temp: number;
  value: Row;
}

/**
 * brackets-manager's storage (its CrudInterface) on our tables, through one EntityManager: build
 * one per transaction, so a result and every match it fills commit or roll back together.
 * A match's item id is ours, not brackets-manager's: it is copied from the stage on insert.
 *
 * One result costs brackets-manager a dozen reads and writes of a handful of rows; this storage
 * makes them few round trips:
 * - a stage's groups and rounds are read with the stage in one statement and answered from memory
 *   for the rest of the transaction (they never change once the stage is created);
 * - matches and match games read in the transaction are held: a second read of the same row is
 *   answered from what was read (or written), and writes are held back and sent by `flush()` as one
 *   UPDATE per table, only the columns that changed. Reads by the fixed fields (round and number,
 *   group, stage, parent) see the held writes; any other read, insert or delete flushes first;
 * - matches and games inserted (brackets-manager creates a stage's matches one at a time) are
 *   written by `flush()` or the next read of their table as multi-row INSERTs; the ids handed out
 *   until then stand for the ids they get.
 * Call `flush()` before the transaction ends.
 */
export class BracketsStorage implements CrudInterface {
  private readonly structures = new Map<number, Structure>();
  /** A stage's item: a match inserted is given it, and it never changes. */
  private readonly stageItems = new Map<number, number>();
  private readonly cache = new Map<string, unknown>();
  private readonly held: Record<Held, Map<number, HeldRow>> = { match: new Map(), match_game: new Map() };
  /** Matches and games inserted one by one as brackets-manager creates a stage, written as multi-row INSERTs. */
  private readonly pending: Record<Held, PendingInsert[]> = { match: [], match_game: [] };
  /** Ids handed out for pending rows (negative: brackets-manager reads -1 as a failed insert), and the ids they got. */
  private nextTemp = -2;
  private readonly tempIds = new Map<number, number>();

  /**
   * `lockMatches`: read single matches (by id, or by round and number: the next match a result
   * fills) FOR UPDATE. brackets-manager writes a match back whole from what it read, so two
   * results feeding the same next match would otherwise each write it from a stale read.
   */
  constructor(
    private readonly manager: EntityManager,
    private readonly options: { lockMatches?: boolean } = {},
  ) {}

  private wantsLock(table: Table, filter: Row | null): boolean {
    if (!this.options.lockMatches || !HELD.has(table)) return false;
    return filter === null || 'number' in filter || 'id' in filter;
  }

  private columns(table: Table): { name: string; column: ColumnMetadata }[] {
    const meta = this.manager.connection.getMetadata(FIELDS[table].entity);
    return Object.entries(FIELDS[table].map).map(([name, prop]) => ({ name, column: meta.findColumnWithPropertyName(prop)! }));
  }

  private tableName(table: Table): string {
    return this.manager.connection.getMetadata(FIELDS[table].entity).tableName;
  }

  // ---- the structure: stage, groups, rounds

  /** The stage with its groups and rounds, one statement, once per transaction. */
  private async structure(stageId: number): Promise<Structure | null> {
    const known = this.structures.get(stageId);
    if (known) return known;
    const [row] = await this.manager.query(`SELECT ${structureColumns('?')}`, [stageId, stageId, stageId]);
    return this.adopt(row);
  }

  /** Whether this storage holds the stage's structure already (adopted or read). */
  knows(stageId: number): boolean {
    return this.structures.has(stageId);
  }

  /** Takes a stage's structure read with `structureColumns` in the caller's statement; null when there is no such stage. */
  adopt(row: StructureColumns): Structure | null {
    const stage = parseJson(row.structure_stage) as Row | null;
    if (!stage) return null;
    const id = Number(stage.id);
    const byId = (a: Row, b: Row) => Number(a.id) - Number(b.id);
    const s: Structure = {
      stage: { id, tournament_id: Number(stage.item_id), name: stage.name, type: stage.type, settings: parseJson(stage.settings), number: Number(stage.number) },
      groups: ((parseJson(row.structure_groups) ?? []) as number[][]).map(([gid, number]) => ({ id: gid, stage_id: id, number })).sort(byId),
      rounds: ((parseJson(row.structure_rounds) ?? []) as number[][]).map(([rid, group_id, number]) => ({ id: rid, stage_id: id, group_id, number })).sort(byId),
    };
    this.structures.set(id, s);
    this.stageItems.set(id, Number(stage.item_id));
    return s;
  }

  /** The stage, as brackets-manager reads it (type, settings …), from this transaction's structure. */
  async stage(stageId: number): Promise<DataTypes['stage'] | null> {
    const s = await this.structure(stageId);
    return s ? (copy(s.stage) as unknown as DataTypes['stage']) : null;
  }

  /** Rows of a structure table answered from memory, or undefined when the stage is not known here. */
  private async fromStructure(table: Table, arg: Id | Row): Promise<Row[] | undefined> {
    const list = (s: Structure) => (table === 'stage' ? [s.stage] : table === 'group' ? s.groups : s.rounds);
    if (typeof arg !== 'object') {
      const id = Number(arg);
      if (table === 'stage') {
        const s = await this.structure(id);
        return s ? [s.stage] : [];
      }
      for (const s of this.structures.values()) {
        const found = list(s).find((r) => r.id === id);
        if (found) return [found];
      }
      return undefined;
    }
    if (arg.stage_id != null && (table === 'group' || table === 'round')) {
      const s = await this.structure(Number(arg.stage_id));
      return s ? list(s).filter((r) => matches(r, arg)) : [];
    }
    if (arg.group_id != null && table === 'round') {
      for (const s of this.structures.values()) if (s.groups.some((g) => g.id === Number(arg.group_id))) return s.rounds.filter((r) => matches(r, arg));
    }
    return undefined;
  }

  private async itemOfStage(stageId: number): Promise<number> {
    const known = this.stageItems.get(stageId);
    if (known !== undefined) return known;
    const s = await this.structure(stageId);
    if (!s) throw new Error(`brackets storage: no stage ${stageId}`);
    return Number(s.stage.tournament_id);
  }

  // ---- matches and games inserted while a stage is created

  /** The id a row was given, for an id handed out before its row was written. */
  private real(id: Id): Id {
    return this.tempIds.get(Number(id)) ?? id;
  }

  /**
   * Writes the pending inserts: matches first, in multi-row INSERTs whose returned ids replace the
   * ids handed out, then the games with their parents' ids.
   */
  private async flushInserts(): Promise<void> {
    for (const table of ['match', 'match_game'] as const) {
      const rows = this.pending[table];
      if (!rows.length) continue;
      this.pending[table] = [];
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = rows.slice(i, i + INSERT_CHUNK);
        const values = chunk.map((r) => (table === 'match_game' ? { ...r.value, parentId: Number(this.real(r.value.parentId as number)) } : r.value));
        const result = await this.manager.insert(FIELDS[table].entity, values);
        chunk.forEach((r, k) => this.tempIds.set(r.temp, Number(result.identifiers[k].id)));
      }
    }
  }

  // ---- held matches and match games

  /** Hands the storage a match the caller has read in this transaction (locked: read FOR UPDATE). */
  hold(match: MatchMatch, locked: boolean): void {
    const row = fromEntity('match', match);
    this.held.match.set(match.id, { row, stored: copy(row), locked, extra: {} });
  }

  /** Our own columns of a held match (score, ending, who entered it), written with brackets-manager's. */
  patch(matchId: number, extra: Partial<MatchMatch>): void {
    const h = this.held.match.get(matchId);
    if (!h) throw new Error(`brackets storage: match ${matchId} is not held`);
    Object.assign(h.extra, extra);
  }

  /** A held match as it will be after `flush()`, as entity properties. */
  current(matchId: number): Partial<MatchMatch> {
    const h = this.held.match.get(matchId);
    if (!h) throw new Error(`brackets storage: match ${matchId} is not held`);
    return { ...toEntity('match', copy(h.row)), ...h.extra } as Partial<MatchMatch>;
  }

  private async readHeld(table: Held, where: Row, lock: boolean): Promise<Row[]> {
    const cols = this.columns(table);
    const params: unknown[] = [];
    const conds = Object.entries(where).map(([k, v]) => {
      const c = cols.find((x) => x.name === k);
      if (!c) throw new Error(`brackets storage: no field ${k} in ${table}`);
      if (v === null) return `${c.column.databaseName} IS NULL`;
      params.push(v);
      return `${c.column.databaseName} = ?`;
    });
    return this.readHeldWhere(table, conds.join(' AND '), params, lock);
  }

  /** Rows of a held table by an SQL condition on its columns, held as read (a row this transaction has written is answered as written). */
  private async readHeldWhere(table: Held, condition: string, params: unknown[], lock: boolean): Promise<Row[]> {
    const cols = this.columns(table);
    const sql = `SELECT ${cols.map((c) => c.column.databaseName).join(', ')} FROM ${this.tableName(table)}${condition ? ` WHERE ${condition}` : ''} ORDER BY id${lock ? ' FOR UPDATE' : ''}`;
    const raw: Row[] = await this.manager.query(sql, params);
    const rows = raw.map((r) => {
      const out: Row = {};
      for (const c of cols) {
        const v = r[c.column.databaseName];
        out[c.name] = c.column.type === 'json' && typeof v === 'string' ? JSON.parse(v) : (v ?? null);
      }
      return out;
    });
    const map = this.held[table];
    return rows.map((r) => {
      const id = Number(r.id);
      const h = map.get(id);
      if (h && this.dirty(table, h)) {
        h.locked ||= lock;
        return h.row;
      }
      map.set(id, { row: r, stored: copy(r), locked: lock || Boolean(h?.locked), extra: {} });
      return r;
    });
  }

  /**
   * Reads FOR UPDATE, in one statement, the matches that results of the held matches `ids` go on
   * to read and write in an elimination's main bracket: the next match (next round, number ⌈n/2⌉),
   * which the winner fills, and the two that fed the match (round before, numbers 2n−1 and 2n),
   * which are archived. Any other match brackets-manager asks for (the losers' bracket, a
   * third-place match) is read when it asks. The stages' structure must be known (`adopt`).
   */
  async lockAround(ids: number[]): Promise<void> {
    const keys: [number, number][] = [];
    for (const id of ids) {
      const row = this.held.match.get(id)?.row;
      const s = row && this.structures.get(Number(row.stage_id));
      if (!row || !s || s.stage.type === 'round_robin' || s.groups.find((g) => g.id === Number(row.group_id))?.number !== 1) continue;
      const round = s.rounds.find((r) => r.id === Number(row.round_id));
      if (!round) continue;
      const roundNumbered = (n: number) => s.rounds.find((r) => r.group_id === round.group_id && r.number === n);
      const n = Number(row.number);
      const next = roundNumbered(Number(round.number) + 1);
      const before = roundNumbered(Number(round.number) - 1);
      if (next) keys.push([Number(next.id), Math.ceil(n / 2)]);
      if (before) keys.push([Number(before.id), 2 * n - 1], [Number(before.id), 2 * n]);
    }
    const held = [...this.held.match.values()].map((h) => `${h.row.round_id}:${h.row.number}`);
    const wanted = [...new Map(keys.map((k) => [k.join(':'), k])).entries()].filter(([key]) => !held.includes(key)).map(([, k]) => k);
    if (!wanted.length) return;
    await this.readHeldWhere('match', wanted.map(() => '(round_id = ? AND number = ?)').join(' OR '), wanted.flat(), true);
  }

  private dirty(table: Held, h: HeldRow): boolean {
    if (Object.keys(h.extra).length) return true;
    if (!h.stored) return true;
    return Object.keys(FIELDS[table].map).some((k) => !same(h.row[k], h.stored![k]));
  }

  private async selectHeld(table: Held, arg: Id | Row | undefined): Promise<Row | Row[] | null> {
    const map = this.held[table];
    if (typeof arg === 'number' || typeof arg === 'string') {
      const lock = this.wantsLock(table, null);
      let h = map.get(Number(arg));
      if (h && !h.stored) {
        await this.flush();
        h = undefined;
      }
      if (h && (h.locked || !lock)) return copy(h.row);
      const [row] = await this.readHeld(table, { id: Number(arg) }, lock);
      return row ? copy(row) : null;
    }
    const filter = arg ?? {};
    const lock = Object.keys(filter).length > 0 && this.wantsLock(table, filter);
    if (Object.keys(filter).some((k) => !FIXED.has(k)) || [...map.values()].some((h) => !h.stored)) await this.flush();
    // a single match by its round and number (or a game by its parent and number): the next match
    // a result fills is read again when a bye is carried on
    const unique = (('round_id' in filter && 'number' in filter) || ('parent_id' in filter && 'number' in filter)) && Object.keys(filter).length === 2;
    if (unique) {
      for (const h of map.values()) if (matches(h.row, filter) && (h.locked || !lock)) return [copy(h.row)];
    }
    const rows = await this.readHeld(table, toDbFilter(filter), lock);
    // brackets-manager reads an empty answer as null ("nothing found")
    return rows.length ? rows.map((r) => copy(r)) : null;
  }

  /**
   * Writes every held change: one UPDATE per table, setting only the columns that changed (a
   * CASE on the id when several rows change). Call it before reading the tables in other ways.
   */
  async flush(): Promise<void> {
    for (const [sql, params] of await this.writes()) await this.manager.query(sql, params);
  }

  /**
   * The held changes as the UPDATEs `flush` would send, for the caller to send with its own last
   * statements (pending inserts are written first: their ids are needed). The storage takes them
   * as written: send them in this transaction, and use the storage no more.
   */
  async writes(): Promise<Statement[]> {
    await this.flushInserts();
    const out: Statement[] = [];
    for (const table of ['match', 'match_game'] as const) {
      const map = this.held[table];
      const meta = this.manager.connection.getMetadata(FIELDS[table].entity);
      const driver = this.manager.connection.driver;
      const changes = new Map<number, Map<ColumnMetadata, unknown>>();
      for (const [id, h] of map) {
        if (!this.dirty(table, h)) continue;
        const set = new Map<ColumnMetadata, unknown>();
        for (const [k, prop] of Object.entries(FIELDS[table].map)) {
          if (k === 'id' || (h.stored && same(h.row[k], h.stored[k])) || h.row[k] === undefined) continue;
          set.set(meta.findColumnWithPropertyName(prop)!, h.row[k]);
        }
        for (const [prop, v] of Object.entries(h.extra)) set.set(meta.findColumnWithPropertyName(prop)!, v);
        if (set.size) changes.set(id, set);
      }
      if (changes.size) {
        const columns = [...new Set([...changes.values()].flatMap((s) => [...s.keys()]))];
        const params: unknown[] = [];
        const ids = [...changes.keys()];
        const sets = columns.map((c) => {
          const col = c.databaseName;
          if (ids.length === 1) {
            params.push(driver.preparePersistentValue(changes.get(ids[0])!.get(c), c));
            return `${col} = ?`;
          }
          const whens = ids.filter((id) => changes.get(id)!.has(c));
          const parts = whens.map((id) => {
            params.push(id, driver.preparePersistentValue(changes.get(id)!.get(c), c));
            return 'WHEN ? THEN ?';
          });
          return `${col} = CASE id ${parts.join(' ')} ELSE ${col} END`;
        });
        params.push(...ids);
        out.push([`UPDATE ${meta.tableName} SET ${sets.join(', ')} WHERE id IN (${ids.map(() => '?').join(', ')})`, params]);
      }
      for (const [id, h] of map) {
        // a row written without being read is known only in part: read it again when needed
        if (!h.stored) map.delete(id);
        else {
          h.stored = copy(h.row);
          h.extra = {};
        }
      }
    }
    return out;
  }

  /** An id or a filter with the ids handed out for pending rows replaced by the ids they got. */
  private realArg(arg: Id | Row | undefined): Id | Row | undefined {
    if (!this.tempIds.size || arg === undefined) return arg;
    if (typeof arg !== 'object') return this.real(arg);
    const out = { ...arg };
    for (const k of ['id', 'parent_id']) if (out[k] != null) out[k] = this.real(out[k] as Id);
    return out;
  }

  private forget(): void {
    this.structures.clear();
    this.cache.clear();
    this.held.match.clear();
    this.held.match_game.clear();
  }

  // ---- brackets-manager's CrudInterface

  insert<T extends Table>(table: T, value: OmitId<DataTypes[T]>): Promise<Id>;
  insert<T extends Table>(table: T, values: OmitId<DataTypes[T]>[]): Promise<boolean>;
  async insert<T extends Table>(table: T, value: OmitId<DataTypes[T]> | OmitId<DataTypes[T]>[]): Promise<Id | boolean> {
    const values = (Array.isArray(value) ? value : [value]).map((v) => toEntity(table, v as Row));
    if (HELD.has(table)) {
      // held back: brackets-manager creates a stage's matches one by one, they are written together
      if (table === 'match') for (const v of values) v.itemId = await this.itemOfStage(v.stageId as number);
      const temps = values.map((v) => {
        const temp = this.nextTemp--;
        this.pending[table as Held].push({ temp, value: v });
        return temp;
      });
      return Array.isArray(value) ? true : temps[0];
    }
    await this.flush();
    if (STRUCTURE.has(table)) this.forget();
    if (values.length === 0) return true;
    const result = await this.manager.insert(FIELDS[table].entity, values);
    if (Array.isArray(value)) return true;
    const id = result.identifiers[0].id as number;
    if (table === 'stage') this.stageItems.set(id, Number(values[0].itemId));
    return id;
  }

  select<T extends Table>(table: T): Promise<Array<DataTypes[T]> | null>;
  select<T extends Table>(table: T, id: Id): Promise<DataTypes[T] | null>;
  select<T extends Table>(table: T, filter: Partial<DataTypes[T]>): Promise<Array<DataTypes[T]> | null>;
  async select<T extends Table>(table: T, arg?: Id | Partial<DataTypes[T]>): Promise<DataTypes[T] | Array<DataTypes[T]> | null> {
    if (HELD.has(table)) {
      await this.flushInserts();
      return (await this.selectHeld(table as Held, this.realArg(arg as Id | Row | undefined))) as never;
    }
    const single = typeof arg === 'number' || typeof arg === 'string';
    if (STRUCTURE.has(table) && arg !== undefined) {
      const rows = await this.fromStructure(table, arg as Id | Row);
      if (rows) return (single ? (rows[0] ? copy(rows[0]) : null) : rows.length ? copy(rows) : null) as never;
    }
    const repo = this.manager.getRepository(FIELDS[table].entity);
    if (single) {
      const key = `${table}:${arg}`;
      if (STRUCTURE.has(table) && this.cache.has(key)) return copy(this.cache.get(key)) as DataTypes[T];
      const row = await repo.findOne({ where: { id: Number(arg) } });
      const value = row ? fromEntity(table, row) : null;
      if (STRUCTURE.has(table) && value) this.cache.set(key, value);
      return copy(value) as unknown as DataTypes[T];
    }
    const where = arg ? toEntity(table, arg as Row) : {};
    const rows = await repo.find({ where, order: { id: 'ASC' } });
    // brackets-manager reads an empty answer as null ("nothing found")
    return (rows.length ? rows.map((r) => fromEntity(table, r)) : null) as never;
  }

  update<T extends Table>(table: T, id: Id, value: DataTypes[T]): Promise<boolean>;
  update<T extends Table>(table: T, filter: Partial<DataTypes[T]>, value: Partial<DataTypes[T]>): Promise<boolean>;
  async update<T extends Table>(table: T, arg: Id | Partial<DataTypes[T]>, value: Partial<DataTypes[T]>): Promise<boolean> {
    await this.flushInserts();
    arg = this.realArg(arg as Id | Row) as typeof arg;
    const byId = typeof arg === 'number' || typeof arg === 'string';
    if (HELD.has(table) && byId) {
      // held back until flush(); a row not read here is written whole
      const map = this.held[table as Held];
      const id = Number(arg);
      const h = map.get(id) ?? { row: { id }, stored: null, locked: false, extra: {} };
      for (const k of Object.keys(FIELDS[table].map)) {
        const v = (value as Row)[k];
        if (k !== 'id' && v !== undefined) h.row[k] = copy(v);
      }
      map.set(id, h);
      return true;
    }
    await this.flush();
    if (STRUCTURE.has(table)) this.forget();
    if (HELD.has(table)) this.held[table as Held].clear();
    const set = toEntity(table, value as Row);
    delete set.id;
    if (Object.keys(set).length === 0) return true;
    const where = byId ? { id: Number(arg) } : toEntity(table, arg as Row);
    await this.manager.update(FIELDS[table].entity, where, set);
    return true;
  }

  delete<T extends Table>(table: T): Promise<boolean>;
  delete<T extends Table>(table: T, filter: Partial<DataTypes[T]>): Promise<boolean>;
  async delete<T extends Table>(table: T, filter?: Partial<DataTypes[T]>): Promise<boolean> {
    await this.flush();
    this.forget();
    const where = filter ? toEntity(table, this.realArg(filter as Row) as Row) : {};
    // never empty a whole table: every table holds every item's brackets
    if (Object.keys(where).length === 0) throw new Error(`brackets storage: refusing to delete all of ${table}`);
    await this.manager.delete(FIELDS[table].entity, where);
    return true;
  }
}

/** A brackets-manager filter without its undefined fields. */
function toDbFilter(filter: Row): Row {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
}
