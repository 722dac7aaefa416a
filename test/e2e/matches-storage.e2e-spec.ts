import { BracketsStorage, MatchItem, MatchOfficial, MatchParticipant, MatchResultsService, MatchesService } from '@app/matches';
import { BracketsManager, type CrudInterface, type Table } from 'brackets-manager';
import type { DataSource, EntityManager } from 'typeorm';
import { openDatabase } from './support/stack';

type Row = Record<string, unknown>;
type StageInput = Parameters<BracketsManager['create']['stage']>[0];
type Opp = { id: number | null; result?: string; score?: number; forfeit?: boolean; position?: number } | null;

/**
 * brackets-manager's reference behaviour: its storage held in memory, each id update replacing the
 * row as brackets-memory-db does. The same brackets played on it and on BracketsStorage (our
 * tables, reads answered from the transaction, writes held back and sent by flush) must end alike.
 */
class MemoryStorage implements CrudInterface {
  private readonly data: Record<string, Row[]> = { participant: [], stage: [], group: [], round: [], match: [], match_game: [] };
  private next = 1;

  async insert(table: Table, value: Row | Row[]): Promise<never> {
    const add = (v: Row) => {
      const id = this.next++;
      this.data[table].push({ ...structuredClone(v), id });
      return id;
    };
    if (Array.isArray(value)) {
      value.forEach(add);
      return true as never;
    }
    return add(value) as never;
  }

  async select(table: Table, arg?: number | string | Row): Promise<never> {
    const rows = this.data[table];
    if (arg === undefined) return (rows.length ? structuredClone(rows) : null) as never;
    if (typeof arg !== 'object') return structuredClone(rows.find((r) => r.id === Number(arg)) ?? null) as never;
    const found = rows.filter((r) => Object.entries(arg).every(([k, v]) => v === undefined || r[k] === v));
    return (found.length ? structuredClone(found) : null) as never;
  }

  async update(table: Table, arg: number | string | Row, value: Row): Promise<boolean> {
    const rows = this.data[table];
    if (typeof arg !== 'object') {
      const i = rows.findIndex((r) => r.id === Number(arg));
      if (i < 0) return false;
      rows[i] = { ...structuredClone(value), id: Number(arg) };
      return true;
    }
    for (const r of rows) if (Object.entries(arg).every(([k, v]) => r[k] === v)) Object.assign(r, structuredClone(value));
    return true;
  }

  async delete(table: Table, filter?: Row): Promise<boolean> {
    this.data[table] = filter ? this.data[table].filter((r) => !Object.entries(filter).every(([k, v]) => r[k] === v)) : [];
    return true;
  }
}

/** One side of the comparison: how to run brackets-manager in a unit of work, and whose ids are whose. */
interface Side {
  run<T>(work: (bm: BracketsManager) => Promise<T>): Promise<T>;
  itemId: number;
  nameOf: Map<number, string>;
}

/** A bracket by its places (group, round, match number), players by name: the same on both sides. */
async function snapshot(side: Side): Promise<Record<string, unknown>> {
  const d = await side.run((bm) => bm.get.tournamentData(side.itemId));
  const groupNo = new Map(d.group.map((g) => [g.id, g.number]));
  const roundNo = new Map(d.round.map((r) => [r.id, r.number]));
  const opp = (o: Opp) => (o ? { ...o, id: o.id == null ? null : side.nameOf.get(Number(o.id)) } : null);
  const out: Record<string, unknown> = {};
  for (const x of d.match) out[`${groupNo.get(x.group_id)}-${roundNo.get(x.round_id)}-${x.number}`] = { status: x.status, a: opp(x.opponent1 as Opp), b: opp(x.opponent2 as Opp) };
  for (const g of d.match_game) {
    const parent = d.match.find((x) => x.id === g.parent_id)!;
    out[`${groupNo.get(parent.group_id)}-${roundNo.get(parent.round_id)}-${parent.number}.${g.number}`] = { status: g.status, a: opp(g.opponent1 as Opp), b: opp(g.opponent2 as Opp) };
  }
  return out;
}

function memorySide(names: string[]): Side & { setup(): Promise<number[]> } {
  const storage = new MemoryStorage();
  const nameOf = new Map<number, string>();
  return {
    itemId: 0,
    nameOf,
    run: (work) => work(new BracketsManager(storage)),
    async setup() {
      const ids: number[] = [];
      for (const name of names) {
        const id = Number(await storage.insert('participant', { tournament_id: 0, name }));
        nameOf.set(id, name);
        ids.push(id);
      }
      return ids;
    },
  };
}

function databaseSide(ds: DataSource, itemId: number, names: string[], counted: { statements: number }): Side & { setup(): Promise<number[]> } {
  const nameOf = new Map<number, string>();
  return {
    itemId,
    nameOf,
    run: (work) =>
      ds.transaction(async (m: EntityManager) => {
        const storage = new BracketsStorage(m, { lockMatches: true });
        const runner = m.queryRunner!;
        const query = runner.query.bind(runner);
        runner.query = ((...args: Parameters<typeof query>) => {
          counted.statements++;
          if (process.env.SHOW_SQL) console.log(String(args[0]).slice(0, 160));
          return query(...args);
        }) as typeof runner.query;
        const out = await work(new BracketsManager(storage));
        await storage.flush();
        return out;
      }),
    async setup() {
      await ds.manager.insert(
        MatchParticipant,
        names.map((name, i) => ({ itemId, entryId: i + 1, name, seed: null, rating: null, startScore: '0' })),
      );
      const ps = await ds.manager.find(MatchParticipant, { where: { itemId }, order: { id: 'ASC' } });
      for (const p of ps) nameOf.set(p.id, p.name);
      return ps.map((p) => p.id);
    },
  };
}

/** The ready match first by place, and its players' names. */
function nextReady(snap: Record<string, unknown>): { key: string; a: string; b: string } | null {
  const key = Object.keys(snap)
    .filter((k) => !k.includes('.'))
    .sort((p, q) => p.localeCompare(q, 'en', { numeric: true }))
    .find((k) => {
      const x = snap[k] as { status: number; a: { id: string | null } | null; b: { id: string | null } | null };
      return x.status === 2 && x.a?.id != null && x.b?.id != null;
    });
  if (!key) return null;
  const x = snap[key] as { a: { id: string }; b: { id: string } };
  return { key, a: x.a.id, b: x.b.id };
}

async function matchIdAt(side: Side, key: string): Promise<number> {
  const d = await side.run((bm) => bm.get.tournamentData(side.itemId));
  const [g, r, n] = key.split('-').map(Number);
  const group = d.group.find((x) => x.number === g && d.stage.some((s) => s.id === x.stage_id))!;
  const round = d.round.find((x) => x.group_id === group.id && x.number === r)!;
  return Number(d.match.find((x) => x.round_id === round.id && x.number === n)!.id);
}

describe('matches: brackets-manager on our storage plays as on its reference storage', () => {
  let ds: DataSource;
  const counted = { statements: 0 };
  // item ids of this suite's own, far from the API's items in the same database
  const base = 900_000 + (Date.now() % 50_000) * 2;

  beforeAll(async () => {
    ds = await openDatabase();
  });
  afterAll(async () => {
    await ds?.destroy();
  });

  /** Plays a stage to the end on both storages, the better name (lower index) winning unless `upset` says; compares after every result. */
  async function playBoth(itemId: number, size: number, stage: (ids: number[], tournamentId: number) => StageInput, opts: { upset?: (n: number) => 'forfeit' | 'upset' | null; correctAt?: number } = {}) {
    const names = Array.from({ length: size }, (_, i) => `选手${String(i + 1).padStart(2, '0')}`);
    const mem = memorySide(names);
    const db = databaseSide(ds, itemId, names, counted);
    const memIds = await mem.setup();
    const dbIds = await db.setup();
    await mem.run((bm) => bm.create.stage(stage(memIds, 0)));
    await db.run((bm) => bm.create.stage(stage(dbIds, itemId)));
    expect(await snapshot(db)).toEqual(await snapshot(mem));
    const played: string[] = [];
    for (let n = 0; n < 200; n++) {
      const ready = nextReady(await snapshot(mem));
      if (!ready) break;
      const kind = opts.upset?.(n) ?? null;
      const aWins = (ready.a < ready.b) !== (kind === 'upset');
      for (const side of [mem, db]) {
        const id = await matchIdAt(side, ready.key);
        // a forfeit carries no result: brackets-manager gives the win to the other side
        if (kind === 'forfeit') await side.run((bm) => bm.update.match({ id, opponent1: aWins ? {} : { forfeit: true }, opponent2: aWins ? { forfeit: true } : {} }));
        else await side.run((bm) => bm.update.match({ id, opponent1: { score: aWins ? 2 : 1, result: aWins ? 'win' : 'loss' }, opponent2: { score: aWins ? 1 : 2, result: aWins ? 'loss' : 'win' } }));
      }
      played.push(ready.key);
      expect({ after: ready.key, bracket: await snapshot(db) }).toEqual({ after: ready.key, bracket: await snapshot(mem) });
      if (opts.correctAt === n) {
        // the result just entered is reset and entered the other way round, before anything after it is played
        for (const side of [mem, db]) {
          const id = await matchIdAt(side, ready.key);
          await side.run(async (bm) => {
            await bm.reset.matchResults(id);
            await bm.update.match({ id, opponent1: { score: aWins ? 1 : 2, result: aWins ? 'loss' : 'win' }, opponent2: { score: aWins ? 2 : 1, result: aWins ? 'win' : 'loss' } });
          });
        }
        expect({ corrected: ready.key, bracket: await snapshot(db) }).toEqual({ corrected: ready.key, bracket: await snapshot(mem) });
      }
    }
    return played;
  }

  it('a 13-player single elimination in a draw of 16 with a third-place match, a forfeit, an upset and a correction', async () => {
    const played = await playBoth(
      base,
      13,
      (ids, tournamentId) => ({ tournamentId, name: '淘汰赛', type: 'single_elimination', seedingIds: [...ids, null, null, null], settings: { size: 16, seedOrdering: ['natural'], consolationFinal: true } }),
      { upset: (n) => (n === 2 ? 'forfeit' : n === 5 ? 'upset' : null), correctAt: 1 },
    );
    // 12 matches to a champion among 13, and the match for third
    expect(played.length).toBe(13);
  });

  it('a 7-player double elimination with a grand final that may be reset', async () => {
    const played = await playBoth(
      base + 1,
      7,
      (ids, tournamentId) => ({ tournamentId, name: '双败淘汰赛', type: 'double_elimination', seedingIds: [...ids, null], settings: { size: 8, seedOrdering: ['natural'], grandFinal: 'double' } }),
      { upset: (n) => (n === 3 ? 'forfeit' : n === 10 ? 'upset' : null) },
    );
    expect(played.length).toBeGreaterThanOrEqual(11);
  });

  it('two round-robin groups of best-of-3 matches, played game by game', async () => {
    const names = Array.from({ length: 6 }, (_, i) => `队伍${i + 1}`);
    const mem = memorySide(names);
    const db = databaseSide(ds, base + 2, names, counted);
    const memIds = await mem.setup();
    const dbIds = await db.setup();
    const stage = (ids: number[], tournamentId: number) => ({
      tournamentId,
      name: '小组赛',
      type: 'round_robin' as const,
      seedingIds: ids,
      settings: { groupCount: 2, seedOrdering: ['groups.seed_optimized' as const], matchesChildCount: 3 },
    });
    await mem.run((bm) => bm.create.stage(stage(memIds, 0)));
    await db.run((bm) => bm.create.stage(stage(dbIds, base + 2)));
    const keys = Object.keys(await snapshot(mem)).filter((k) => !k.includes('.'));
    expect(keys.length).toBe(6);
    for (const key of keys) {
      for (const game of [1, 2]) {
        for (const side of [mem, db]) {
          const parent = await matchIdAt(side, key);
          await side.run(async (bm) => {
            const g = await bm.find.matchGame({ parent_id: parent, number: game });
            // the first-listed side wins the first game, the other the second: a third is needed
            await bm.update.matchGame({ id: g.id, opponent1: { score: 11, result: game === 1 ? 'win' : 'loss' }, opponent2: { score: 7, result: game === 1 ? 'loss' : 'win' } });
          });
        }
      }
      expect(await snapshot(db)).toEqual(await snapshot(mem));
    }
  });

  it('costs one knockout result a few statements: the match, the structure, the next match, one UPDATE for all it writes', async () => {
    const names = Array.from({ length: 64 }, (_, i) => `选手${i + 1}`);
    const db = databaseSide(ds, base + 3, names, counted);
    const ids = await db.setup();
    await db.run((bm) => bm.create.stage({ tournamentId: base + 3, name: '淘汰赛', type: 'single_elimination', seedingIds: ids, settings: { size: 64, seedOrdering: ['natural'] } }));
    const enter = async (key: string) => {
      const id = await matchIdAt(db, key);
      counted.statements = 0;
      await db.run((bm) => bm.update.match({ id, opponent1: { score: 2, result: 'win' }, opponent2: { score: 0, result: 'loss' } }));
      // counted from inside the transaction: COMMIT is, START TRANSACTION is not
      return counted.statements - 1;
    };
    // round 1: the match, the structure, the next match FOR UPDATE, one UPDATE of both
    expect(await enter('1-1-1')).toBe(4);
    await enter('1-1-2');
    // round 2: the same, and the two matches before it read FOR UPDATE and archived in that UPDATE
    expect(await enter('1-2-1')).toBe(6);
  });

  it('costs one result through the service four statements: START, the match with what checks it, the matches around it, the writes with the COMMIT', async () => {
    const itemId = base + 4;
    const names = Array.from({ length: 8 }, (_, i) => `选手${i + 1}`);
    const db = databaseSide(ds, itemId, names, counted);
    const ids = await db.setup();
    await db.run((bm) => bm.create.stage({ tournamentId: itemId, name: '淘汰赛', type: 'single_elimination', seedingIds: ids, settings: { size: 8, seedOrdering: ['natural'] } }));
    await ds.manager.insert(MatchItem, { itemId, format: 'single_elimination', settings: { sport: 'go' }, status: 'drawn', createdBy: 1 });
    await ds.manager.insert(MatchOfficial, { itemId, userId: 7, matchId: null, court: null, assignedBy: 1 });
    // enter() needs no other context: the access checks before it are the controller's and the events context's
    const results = new MatchResultsService(ds, null as never, null as never, null as never, new MatchesService(ds, null as never, null as never));
    const statements: string[] = [];
    const create = ds.createQueryRunner.bind(ds);
    ds.createQueryRunner = ((...args: Parameters<typeof create>) => {
      const runner = create(...args);
      const query = runner.query.bind(runner);
      runner.query = ((...q: Parameters<typeof query>) => {
        statements.push(String(q[0]).replace(/\s+/g, ' ').slice(0, 60));
        return query(...q);
      }) as typeof runner.query;
      return runner;
    }) as typeof ds.createQueryRunner;
    try {
      const umpire = { userId: 7, username: 'umpire', roles: [] };
      for (const key of ['1-1-1', '1-1-2', '1-2-1']) {
        const id = await matchIdAt(db, key);
        statements.length = 0;
        const answer = await results.enter(umpire, id, { winner: 'a' });
        expect(answer.status).toBe(4);
        if (process.env.SHOW_SQL) console.log(key, statements);
        // START; the match FOR UPDATE with its item, the item's officials and the stage's structure;
        // the next match and the two it archives, FOR UPDATE; then one compound statement with the
        // matches' UPDATE, the audit row, the version, the outbox row and the COMMIT
        expect({ key, statements: statements.length }).toEqual({ key, statements: 4 });
        expect(statements[3]).toMatch(/^BEGIN NOT ATOMIC UPDATE match_matches /);
      }
      const stranger = await results.enter({ userId: 8, username: 'stranger', roles: [] }, await matchIdAt(db, '1-1-3'), { winner: 'a' }).catch((e: Error) => e);
      expect((stranger as { code?: string }).code).toBe('MATCHES_JUDGE_NOT_ASSIGNED');
    } finally {
      ds.createQueryRunner = create;
    }
  });

  it('writes results sent at once in shared transactions, answers each on its own, and leaves the bracket as one by one would', async () => {
    const itemId = base + 5;
    const names = Array.from({ length: 16 }, (_, i) => `选手${String(i + 1).padStart(2, '0')}`);
    const db = databaseSide(ds, itemId, names, counted);
    const mem = memorySide(names);
    const stage = (ids: number[], tournamentId: number): StageInput => ({ tournamentId, name: '淘汰赛', type: 'single_elimination', seedingIds: ids, settings: { size: 16, seedOrdering: ['natural'] } });
    const dbIds = await db.setup();
    const memIds = await mem.setup();
    await db.run((bm) => bm.create.stage(stage(dbIds, itemId)));
    await mem.run((bm) => bm.create.stage(stage(memIds, 0)));
    const item = await ds.manager.save(MatchItem, { itemId, format: 'single_elimination', settings: { sport: 'go' }, status: 'drawn', createdBy: 1 });
    await ds.manager.insert(MatchOfficial, { itemId, userId: 7, matchId: null, court: null, assignedBy: 1 });
    const results = new MatchResultsService(ds, null as never, null as never, null as never, new MatchesService(ds, null as never, null as never));
    const umpire = { userId: 7, username: 'umpire', roles: [] };
    const keys = Array.from({ length: 8 }, (_, i) => `1-1-${i + 1}`);
    const ids = await Promise.all(keys.map((k) => matchIdAt(db, k)));
    const blocks: string[] = [];
    const create = ds.createQueryRunner.bind(ds);
    ds.createQueryRunner = ((...args: Parameters<typeof create>) => {
      const runner = create(...args);
      const query = runner.query.bind(runner);
      runner.query = ((...q: Parameters<typeof query>) => {
        if (String(q[0]).startsWith('BEGIN NOT ATOMIC')) blocks.push(String(q[0]));
        return query(...q);
      }) as typeof runner.query;
      return runner;
    }) as typeof ds.createQueryRunner;
    let answers: PromiseSettledResult<{ status: number }>[];
    try {
      // the first goes alone, the rest arrive while it is written and go together;
      // a stranger's result and a second result for a match are answered on their own
      const first = results.enter(umpire, ids[0], { winner: 'a' });
      await Promise.resolve();
      answers = await Promise.allSettled([
        first,
        ...ids.slice(1).map((id) => results.enter(umpire, id, { winner: 'a' })),
        results.enter({ userId: 8, username: 'stranger', roles: [] }, ids[2], { winner: 'b' }),
        results.enter(umpire, ids[3], { winner: 'b' }),
      ]);
    } finally {
      ds.createQueryRunner = create;
    }
    expect(answers.slice(0, 8).map((a) => (a.status === 'fulfilled' ? a.value.status : (a.reason as Error).message))).toEqual(Array(8).fill(4));
    expect(answers.slice(8).map((a) => (a.status === 'rejected' ? (a.reason as { code?: string }).code : 'accepted'))).toEqual(['MATCHES_JUDGE_NOT_ASSIGNED', 'MATCHES_BAD_SETTINGS']);
    // eight results in two commits: the first alone, the other seven together
    expect(blocks.filter((b) => b.includes('INSERT INTO match_changes')).map((b) => b.match(/UPDATE match_items/g)!.length)).toEqual([1, 1]);
    for (const key of keys) {
      const id = await matchIdAt(mem, key);
      await mem.run((bm) => bm.update.match({ id, opponent1: { score: 1, result: 'win' }, opponent2: { score: 0, result: 'loss' } }));
    }
    expect(await snapshot(db)).toEqual(await snapshot(mem));
    const audit: { target: number }[] = await ds.query("SELECT target_id AS target FROM match_changes WHERE item_id = ? AND action = 'result' ORDER BY target_id", [itemId]);
    expect(audit.map((a) => Number(a.target))).toEqual(ids);
    // each commit bumped the version once, and its tally job carries the version it made
    const jobs: { jobId: string; payload: unknown }[] = await ds.query("SELECT job_id AS jobId, payload FROM outbox WHERE job_name = 'tally.item' AND job_id LIKE ? ORDER BY id", [`tally.item-${itemId}-v%`]);
    expect(jobs.map((j) => [j.jobId, typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload])).toEqual([
      [`tally.item-${itemId}-v1`, { itemId, version: 1 }],
      [`tally.item-${itemId}-v2`, { itemId, version: 2 }],
    ]);
    expect((await ds.manager.findOneByOrFail(MatchItem, { id: item.id })).version).toBe(2);
  });
});
