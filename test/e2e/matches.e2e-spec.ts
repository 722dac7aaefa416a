import { request } from 'node:http';
import { writeTrf } from '@app/matches';
import { waitFor } from './support/processes';
import { openSse } from './support/sse';
import { baseUrl, bearer, buildWorld, http, type Person, post, put, type World } from './support/world';

/** superagent's parser for a binary body: the raw bytes as a Buffer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

type Opp = { id: number | null; position?: number; result?: string; forfeit?: boolean; score?: number } | null;
type BMatch = { id: number; stage_id: number; group_id: number; round_id: number; number: number; status: number; opponent1: Opp; opponent2: Opp };
type Bracket = { stages: { id: number; number: number; type: string }[]; matches: BMatch[]; participants: { id: number; name: string }[] };

/**
 * A tennis men's singles of the workers' sports meet: 13 players in a draw of 16 with four seeds,
 * so the three top seeds get the three byes (ITF: byes to the seeds in seed order). The favourite
 * (lower index in the entry list) wins every match except one upset; a retirement and a walkover
 * on the way. Places, placing points and medals are then checked against a hand computation.
 */
describe('matches: a seeded tennis knockout played to the end through the API and the worker', () => {
  let world: World;
  let judge: Person;
  let eventId: number;
  let itemId: number;
  const entries: number[] = [];
  /** participant id → index in `entries` (0 = seed 1 … 3 = seed 4, then the unseeded) */
  const indexOf = new Map<number, number>();

  const org = () => bearer(world.organizer.token);
  const bracket = async (): Promise<Bracket> => (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body;
  const roundNo = (b: Bracket, x: BMatch) => [...new Set(b.matches.filter((y) => y.group_id === x.group_id).map((y) => y.round_id))].sort((p, q) => p - q).indexOf(x.round_id) + 1;
  const result = (matchId: number, body: object, who: Person = judge) => http().post(`/api/v1/matches/${matchId}/result`).set(bearer(who.token)).send(body);

  beforeAll(async () => {
    world = await buildWorld({ judges: 2, contestants: 13 });
    judge = world.judges[0];
    eventId = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'sports_meet', name: `职工运动会网球-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, world.organizer.token, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, world.organizer.token, { status: 'registration_open' });
    itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '网球男子单打' })).id;
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
  }, 180_000);

  it('sets the item up: the format, the entrants and seeds; refuses a seed given twice and bad settings', async () => {
    const bad = await http().put(`/api/v1/matches/items/${itemId}`).set(org()).send({ format: 'single_elimination', settings: { sport: 'tennis', tennis: { bestOf: 4, finalSet: 'tiebreak_set' } } });
    expect([bad.status, bad.body.code, bad.body.details[0].field]).toEqual([400, 'MATCHES_BAD_SETTINGS', 'settings.tennis.bestOf']);
    const ok = await http()
      .put(`/api/v1/matches/items/${itemId}`)
      .set(org())
      .send({ format: 'single_elimination', settings: { sport: 'tennis', tennis: { bestOf: 3, finalSet: 'match_tiebreak' }, thirdPlace: false } });
    expect(ok.status).toBe(200);

    const twice = await http()
      .put(`/api/v1/matches/items/${itemId}/entrants`)
      .set(org())
      .send({ entrants: [{ entryId: entries[0], seed: 1 }, { entryId: entries[1], seed: 1 }] });
    expect([twice.status, twice.body.code, twice.body.details[0].field]).toEqual([400, 'MATCHES_SEEDED_TWICE', 'entrants[1].seed']);
    const dup = await http().put(`/api/v1/matches/items/${itemId}/entrants`).set(org()).send({ entrants: [{ entryId: entries[0] }, { entryId: entries[0] }] });
    expect([dup.status, dup.body.code]).toEqual([400, 'MATCHES_SEEDED_TWICE']);
    expect((await http().get(`/api/v1/matches/items/${itemId}`)).body.participants).toEqual([]);

    const set = await http()
      .put(`/api/v1/matches/items/${itemId}/entrants`)
      .set(org())
      .send({ entrants: entries.map((entryId, i) => ({ entryId, seed: i < 4 ? i + 1 : null })) });
    expect(set.status).toBe(200);
    for (const p of set.body.participants) indexOf.set(p.id, entries.indexOf(p.entryId));
  });

  it('draws seeds on their lines (1 top, 2 bottom, 3–4 on lines 5 and 12), byes to seeds 1–3, the lot recorded', async () => {
    const drawn = await http().post(`/api/v1/matches/items/${itemId}/draw`).set(org()).send({ lotSeed: 2026 });
    expect(drawn.status).toBe(200);
    // the bracket as brackets-viewer draws it: its four arrays, brackets-manager's field names
    const viewer = (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body;
    expect(Object.keys(viewer).sort()).toEqual(['matchGames', 'matches', 'participants', 'stages']);
    expect(Object.keys(viewer.stages[0]).sort()).toEqual(['id', 'name', 'number', 'settings', 'tournament_id', 'type']);
    expect(Object.keys(viewer.matches[0]).sort()).toEqual(['child_count', 'group_id', 'id', 'number', 'opponent1', 'opponent2', 'round_id', 'stage_id', 'status']);
    expect(Object.keys(viewer.participants[0]).sort()).toEqual(['id', 'name', 'tournament_id']);
    expect(viewer.matchGames).toEqual([]);
    expect(drawn.body.status).toBe('drawn');
    expect(drawn.body.lot.length).toBeGreaterThan(0);
    const again = await http().post(`/api/v1/matches/items/${itemId}/draw`).set(org()).send({});
    expect([again.status, again.body.code]).toEqual([409, 'MATCHES_ALREADY_DRAWN']);

    const b = await bracket();
    const first = b.matches.filter((x) => roundNo(b, x) === 1).sort((p, q) => p.number - q.number);
    expect(first).toHaveLength(8);
    // line n is opponent1 of match ceil(n/2) when n is odd, opponent2 when even
    const line = (n: number) => (n % 2 ? first[(n - 1) / 2].opponent1 : first[n / 2 - 1].opponent2);
    const seedOn = (n: number) => indexOf.get(line(n)!.id!)! + 1;
    expect([seedOn(1), seedOn(16)]).toEqual([1, 2]);
    expect([seedOn(5), seedOn(12)].sort()).toEqual([3, 4]);
    // byes: the partners of seeds 1, 2 and 3 are empty lines
    // The lot seeded 2026 always gives this draw (entrant index per line, null a bye): the record replays it.
    expect([...Array(16).keys()].map((i) => (line(i + 1) ? indexOf.get(line(i + 1)!.id!) : null))).toEqual([0, null, 9, 8, 3, 12, 6, 10, 11, 4, null, 2, 5, 7, null, 1]);
    const byeLines = [...Array(16).keys()].map((i) => i + 1).filter((n) => line(n) === null);
    const partner = (n: number) => (n % 2 ? n + 1 : n - 1);
    expect(byeLines.map(partner).map(seedOn).sort()).toEqual([1, 2, 3]);
  });

  it('takes results only from an assigned judge, only when both players are known, only possible scores', async () => {
    const b = await bracket();
    const ready = b.matches.find((x) => x.status === 2)!;
    expect([(await result(ready.id, { score: '6-4 6-4' })).body.code]).toEqual(['MATCHES_JUDGE_NOT_ASSIGNED']);
    const assigned = await http().post(`/api/v1/matches/items/${itemId}/officials`).set(org()).send({ userId: judge.id });
    expect(assigned.status).toBe(201);
    const other = await result(ready.id, { score: '6-4 6-4' }, world.judges[1]);
    expect([other.status, other.body.code]).toEqual([403, 'MATCHES_JUDGE_NOT_ASSIGNED']);
    const impossible = await result(ready.id, { score: '6-5 6-4' });
    expect([impossible.status, impossible.body.code]).toEqual([400, 'MATCHES_IMPOSSIBLE_SET_SCORE']);
    const unknown = b.matches.find((x) => roundNo(b, x) === 2 && (x.opponent1?.id == null || x.opponent2?.id == null))!;
    const early = await result(unknown.id, { score: '6-4 6-4' });
    expect([early.status, early.body.code]).toEqual([409, 'MATCHES_PLAYERS_NOT_KNOWN']);
    // nothing was written
    const after = await bracket();
    expect(after.matches.find((x) => x.id === ready.id)!.status).toBe(2);
  });

  it('plays the draw to the end: each result fills the next match', async () => {
    // The favourite wins, except that entrant 9 beats entrant 8 in the first round; entrant 12
    // does not appear (walkover) and seed 4 retires in the semi-final.
    const scores = ['6-4 6-3', '6-4 7-6(5)', '3-6 6-4 [10-8]', '7-5 6-1'];
    let k = 0;
    for (let guard = 0; guard < 20; guard++) {
      const b = await bracket();
      const ready = b.matches.filter((x) => x.status === 2 && x.opponent1?.id != null && x.opponent2?.id != null);
      if (!ready.length) break;
      for (const x of ready) {
        const ia = indexOf.get(x.opponent1!.id!)!;
        const ib = indexOf.get(x.opponent2!.id!)!;
        let favourite: 'a' | 'b' = ia < ib ? 'a' : 'b';
        const pair = [ia, ib].sort((p, q) => p - q).join('-');
        if (pair === '8-9') favourite = favourite === 'a' ? 'b' : 'a';
        const underdog = favourite === 'a' ? 'b' : 'a';
        let body: object;
        if (ia === 12 || ib === 12) body = { ending: 'walkover', side: ia === 12 ? 'a' : 'b' };
        else if (ia === 3 || ib === 3) {
          // seed 4 retires when it gets to the semi-final; earlier, it wins
          body = roundNo(b, x) === 3 ? { ending: 'retired', side: ia === 3 ? 'a' : 'b', score: ia === 3 ? '4-6 2-1' : '6-4 1-2' } : { score: favourite === 'a' ? '6-2 6-2' : '2-6 2-6' };
        } else {
          const s = scores[k++ % scores.length];
          body = { score: favourite === 'a' ? s : flip(s) };
        }
        const res = await result(x.id, body);
        expect([res.status, res.body.code, underdog]).toEqual([200, undefined, underdog]);
      }
    }
    const b = await bracket();
    const final = b.matches.find((x) => roundNo(b, x) === 4)!;
    expect(final.status).toBe(4);
    const winner = final.opponent1!.result === 'win' ? final.opponent1!.id : final.opponent2!.id;
    expect(indexOf.get(winner!)).toBe(0);
  });

  it('refuses a correction once later matches are played, until the organizer reopens; re-seeding refused', async () => {
    const b = await bracket();
    // seed 1's second-round win over entrant 9: seed 1 has played the semi-final and the final since
    const match = b.matches.find((x) => roundNo(b, x) === 2 && [x.opponent1?.id, x.opponent2?.id].some((id) => indexOf.get(id!) === 0))!;
    const seed1Side = indexOf.get(match.opponent1!.id!) === 0 ? 'a' : 'b';
    const fix = { score: seed1Side === 'a' ? '6-3 6-3' : '3-6 3-6', reason: '记分员录错比分' };
    const refused = await result(match.id, fix);
    expect([refused.status, refused.body.code]).toEqual([409, 'MATCHES_LATER_MATCHES_PLAYED']);
    const reseed = await http().put(`/api/v1/matches/items/${itemId}/entrants`).set(org()).send({ entrants: entries.map((entryId) => ({ entryId })) });
    expect([reseed.status, reseed.body.code]).toEqual([409, 'MATCHES_RESEED_AFTER_RESULTS']);

    expect((await http().post(`/api/v1/matches/items/${itemId}/reopen`).set(org()).send({ open: true, reason: '核对记分表' })).status).toBe(200);
    const flipped = await result(match.id, { score: seed1Side === 'a' ? '3-6 3-6' : '6-3 6-3', reason: '改判胜负' });
    expect([flipped.status, flipped.body.code]).toEqual([409, 'MATCHES_LATER_MATCHES_PLAYED']);
    const corrected = await result(match.id, fix);
    expect(corrected.status).toBe(200);
    expect(corrected.body.score.text).toBe(fix.score);
    // the audit: the reopening and the correction with its reason, before and after
    const audit = (await http().get(`/api/v1/matches/items/${itemId}/changes`).set(org())).body as { action: string; targetId: number | null; reason: string | null; after: { score: { text: string } } }[];
    expect(audit.slice(0, 2).map((c) => [c.action, c.targetId, c.reason])).toEqual([
      ['correction', match.id, '记分员录错比分'],
      ['reopen', null, '核对记分表'],
    ]);
    expect(audit[0].after.score.text).toBe(fix.score);
    expect((await http().get(`/api/v1/matches/items/${itemId}/changes`).set(bearer(judge.token))).status).toBe(403);
  });

  it('places the knockout as a hand computation says, and placing points and medals come out as from any item', async () => {
    // Hand computation from the draw above (entrant indexes; seeds 1–4 are 0–3):
    // round 1: 0 bye; 9 beats 8 (the upset); 3 beats 12 (w/o); 6 beats 10; 4 beats 11; 2 bye; 5 beats 7; 1 bye
    // round 2: 0 beats 9; 3 beats 6; 2 beats 4; 1 beats 5
    // semi-finals: 0 beats 3 (retired); 1 beats 2. Final: 0 beats 1.
    // No third-place match: 2 and 3 share 3rd; round-2 losers share 5th (5–8); round-1 losers 9th (9–16).
    const b = await bracket();
    const losersOf = (round: number) =>
      b.matches
        .filter((x) => roundNo(b, x) === round && x.opponent1?.id != null && x.opponent2?.id != null)
        .map((x) => (x.opponent1!.result === 'loss' || x.opponent1!.forfeit ? x.opponent1!.id! : x.opponent2!.id!))
        .map((id) => indexOf.get(id)!)
        .sort((p, q) => p - q);
    expect(losersOf(4)).toEqual([1]);
    expect(losersOf(3)).toEqual([2, 3]);
    expect(losersOf(2)).toEqual([4, 5, 6, 9]);
    expect(losersOf(1)).toEqual([7, 8, 10, 11, 12]);
    const expected = new Map<number, number>([[0, 1], [1, 2], [2, 3], [3, 3], [4, 5], [5, 5], [6, 5], [9, 5], [7, 9], [8, 9], [10, 9], [11, 9], [12, 9]]);

    const res = await waitFor('the knockout tallied', async () => {
      const r = await http().get(`/api/v1/items/${itemId}/results`).set(org());
      return r.body.results?.length === 13 && r.body.results.every((x: { place: number | null }) => x.place !== null) ? r.body : undefined;
    });
    const places = new Map<number, number>(res.results.map((r: { entryId: number; place: number }) => [entries.indexOf(r.entryId), r.place]));
    expect([...places.entries()].sort((p, q) => p[0] - q[0])).toEqual([...expected.entries()].sort((p, q) => p[0] - q[0]));

    // Placing points 9-7-6-5-4-3-2-1: shared places share the points: 3rd–4th (6+5)/2 = 5.5,
    // 5th–8th (4+3+2+1)/4 = 2.5, 9th none. Contestant i belongs to enterprise i % 2.
    // e0 (even indexes): 9 + 5.5 + 2.5 + 2.5 = 19.5; e1 (odd): 7 + 5.5 + 2.5 + 2.5 = 17.5.
    const byOrg = [19.5, 17.5];
    const board = (await http().get(`/api/v1/events/${eventId}/board`).set(org())).body;
    const [e0, e1] = world.enterprises.map((e) => e.id);
    expect(board.points.map((p: { organisationId: number; points: string }) => [p.organisationId, Number(p.points)])).toEqual([
      [e0, byOrg[0]],
      [e1, byOrg[1]],
    ]);
    // gold 0 (e0), silver 1 (e1), bronzes 2 (e0) and 3 (e1)
    expect(board.medals.map((m: { organisationId: number; gold: number; silver: number; bronze: number }) => [m.organisationId, m.gold, m.silver, m.bronze])).toEqual([
      [e0, 1, 0, 1],
      [e1, 0, 1, 1],
    ]);
  });
});

/** The same score from the other side's view: "6-4 7-6(5)" → "4-6 6-7(5)", "[10-8]" → "[8-10]". */
function flip(score: string): string {
  return score
    .split(' ')
    .map((t) => t.replace(/(\d+)-(\d+)/, '$2-$1'))
    .join(' ');
}

type CrossRow = {
  participantId: number;
  entryId: number;
  rank: number;
  score: number;
  tieBreaks: Record<string, number>;
  rounds: { round: number; opponent: number | null; seat: string | null; result: string | null; points: number | null }[];
};

/**
 * The Go tournament of the sports meet: 12 players, 5 rounds of Swiss pairing (EGF tie-breaks SOS,
 * SOSOS, SODOS). The higher-rated player wins, except two upsets, a forfeit and a jigo; each
 * round is paired by the API only after the last is complete.
 */
describe('matches: a 12-player, 5-round Go Swiss paired round by round', () => {
  let world: World;
  let arbiter: Person;
  let eventId: number;
  let itemId: number;
  const entries: number[] = [];
  const indexOf = new Map<number, number>(); // participant id → entrant index (0 = highest rated)
  const org = () => bearer(world.organizer.token);

  beforeAll(async () => {
    world = await buildWorld({ judges: 2, contestants: 12 });
    arbiter = world.judges[0];
    eventId = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'sports_meet', name: `职工运动会围棋-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, world.organizer.token, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, world.organizer.token, { status: 'registration_open' });
    itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '围棋个人赛' })).id;
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, world.organizer.token, { format: 'swiss', settings: { sport: 'go', rounds: 5, swissTieBreaks: ['SOS', 'SOSOS', 'SODOS'] } });
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, world.organizer.token, { entrants: entries.map((entryId, i) => ({ entryId, rating: 2400 - 10 * i })) });
    for (const p of set.participants) indexOf.set(p.id, entries.indexOf(p.entryId));
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, world.organizer.token, { userId: arbiter.id });
  }, 180_000);

  it('plays five rounds: each paired after the last is complete, no pair twice, colours balanced', async () => {
    const seen = new Set<string>();
    const seats = new Map<number, string[]>();
    for (let round = 1; round <= 5; round++) {
      const paired = await http().post(`/api/v1/matches/items/${itemId}/swiss/rounds`).set(org()).send({});
      expect(paired.status).toBe(201);
      expect(paired.body.round).toBe(round);
      const boards = paired.body.boards as { board: number; firstId: number; secondId: number | null }[];
      expect(boards).toHaveLength(6); // 12 players: no bye
      if (round === 1) {
        const early = await http().post(`/api/v1/matches/items/${itemId}/swiss/rounds`).set(org()).send({});
        expect([early.status, early.body.code]).toEqual([409, 'MATCHES_ROUND_INCOMPLETE']);
        const stranger = await http()
          .post(`/api/v1/matches/items/${itemId}/swiss/rounds/1/boards/1/result`)
          .set(bearer(world.judges[1].token))
          .send({ result: '1-0' });
        expect([stranger.status, stranger.body.code]).toEqual([403, 'MATCHES_JUDGE_NOT_ASSIGNED']);
      }
      for (const b of boards) {
        const key = [b.firstId, b.secondId].sort((x, y) => x! - y!).join('-');
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        seats.set(b.firstId, [...(seats.get(b.firstId) ?? []), 'B']);
        seats.set(b.secondId!, [...(seats.get(b.secondId!) ?? []), 'W']);
        const fi = indexOf.get(b.firstId)!;
        const si = indexOf.get(b.secondId!)!;
        let result = fi < si ? '1-0' : '0-1';
        if (round === 2 && b.board === 1) result = fi < si ? '0-1' : '1-0'; // upset on the top board
        if (round === 3 && b.board === 6) result = fi < si ? '0-1' : '1-0'; // upset at the bottom
        if (round === 4 && b.board === 3) result = '+-'; // the second player does not turn up
        if (round === 5 && b.board === 2) result = '1/2-1/2'; // jigo
        const res = await http().post(`/api/v1/matches/items/${itemId}/swiss/rounds/${round}/boards/${b.board}/result`).set(bearer(arbiter.token)).send({ result });
        expect(res.status).toBe(200);
      }
    }
    const sixth = await http().post(`/api/v1/matches/items/${itemId}/swiss/rounds`).set(org()).send({});
    expect([sixth.status, sixth.body.code]).toEqual([409, 'MATCHES_BAD_ROUND']);
    for (const s of seats.values()) {
      const b = s.filter((x) => x === 'B').length;
      expect(Math.abs(2 * b - s.length)).toBeLessThanOrEqual(2);
      expect(s.join('')).not.toMatch(/BBB|WWW/);
    }
  });

  it('ranks by score, SOS, SOSOS, SODOS exactly as a hand computation from the crosstable', async () => {
    const table = (await http().get(`/api/v1/matches/items/${itemId}/crosstable`)).body as { tieBreaks: string[]; rows: CrossRow[] };
    expect(table.tieBreaks).toEqual(['SOS', 'SOSOS', 'SODOS']);
    // Hand computation: score = points of every round; SOS = sum of the opponents' scores in games
    // played over the board (the forfeit round adds 0, EGF rules for a Swiss); SOSOS = sum of their
    // SOS; SODOS = sum of the scores of opponents beaten over the board.
    const rows = new Map(table.rows.map((r) => [r.participantId, r]));
    const score = (id: number) => rows.get(id)!.rounds.reduce((s, r) => s + (r.points ?? 0), 0);
    const overBoard = (r: CrossRow['rounds'][number]) => r.opponent !== null && r.result !== '+-' && r.result !== '-+' && r.result !== '--';
    const sos = (id: number) => rows.get(id)!.rounds.filter(overBoard).reduce((s, r) => s + score(r.opponent!), 0);
    const sosos = (id: number) => rows.get(id)!.rounds.filter(overBoard).reduce((s, r) => s + sos(r.opponent!), 0);
    const sodos = (id: number) => rows.get(id)!.rounds.filter((r) => overBoard(r) && r.points === 1).reduce((s, r) => s + score(r.opponent!), 0);
    for (const id of rows.keys()) {
      expect([rows.get(id)!.score, rows.get(id)!.tieBreaks]).toEqual([score(id), { SOS: sos(id), SOSOS: sosos(id), SODOS: sodos(id) }]);
    }
    const key = (id: number) => [score(id), sos(id), sosos(id), sodos(id)];
    // rank: 1 + the players strictly ahead on (score, SOS, SOSOS, SODOS) in that order
    const ahead = (x: number[], y: number[]) => {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] > y[i];
      return false;
    };
    const ids = [...rows.keys()];
    for (const id of ids) expect([id, rows.get(id)!.rank]).toEqual([id, 1 + ids.filter((o) => ahead(key(o), key(id))).length]);
    // 12 players × 5 rounds: every round scored, 30 games' points in total (the jigo splits one)
    expect(table.rows.reduce((s, r) => s + r.score, 0)).toBe(30);

    // The worker tallies the item like any other: places equal the crosstable's ranks.
    const { version } = (await http().get(`/api/v1/matches/items/${itemId}`)).body;
    const res = await waitFor('the Swiss tallied', async () => {
      const r = await http().get(`/api/v1/items/${itemId}/results`).set(org());
      return r.body.scoreVersion === version && r.body.results?.length === 12 ? r.body : undefined;
    });
    const placeOf = new Map(res.results.map((r: { entryId: number; place: number }) => [r.entryId, r.place]));
    for (const r of table.rows) expect(placeOf.get(r.entryId)).toBe(r.rank);
  });
});

describe('matches: the Go Swiss as a TRF-16 file and a workbook', () => {
  it('exports the crosstable as TRF-16 and .xlsx; the file imported elsewhere gives the same standings', async () => {
    // a small Swiss of its own, two rounds played
    const world = await buildWorld({ judges: 1, contestants: 6 });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工国际象棋赛-${world.tag}`, startsOn: '2026-12-12' })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    const itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '国际象棋快棋' })).id;
    const entries: number[] = [];
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, org, { format: 'swiss', settings: { sport: 'chess', rounds: 2, swissTieBreaks: ['BH', 'SB'] } });
    await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId, i) => ({ entryId, rating: 2000 - i })) });
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id });
    let firstRound: { firstId: number; secondId: number }[] = [];
    for (let round = 1; round <= 2; round++) {
      const { boards } = await post(world.url, `/api/v1/matches/items/${itemId}/swiss/rounds`, org, {});
      if (round === 1) firstRound = boards;
      for (const b of boards) await post(world.url, `/api/v1/matches/items/${itemId}/swiss/rounds/${round}/boards/${b.board}/result`, world.judges[0].token, { result: b.board === 1 ? '1/2-1/2' : '1-0' });
    }
    // round 2 is paired and played: a correction of round 1 is refused, and so is pairing round 2 again
    const late = await http()
      .post(`/api/v1/matches/items/${itemId}/swiss/rounds/1/boards/1/result`)
      .set(bearer(world.judges[0].token))
      .send({ result: '1-0', reason: '记录有误' });
    expect([late.status, late.body.code]).toEqual([409, 'MATCHES_LATER_MATCHES_PLAYED']);
    const again = await http()
      .put(`/api/v1/matches/items/${itemId}/swiss/rounds/2`)
      .set(bearer(org))
      .send({ boards: firstRound.map((b) => ({ first: b.firstId, second: b.secondId })), reason: '重排' });
    expect([again.status, again.body.code]).toEqual([409, 'MATCHES_LATER_MATCHES_PLAYED']);
    // the item has two rounds: a third, by hand or not, is refused
    const third = await http().put(`/api/v1/matches/items/${itemId}/swiss/rounds/3`).set(bearer(org)).send({ boards: [], reason: '加赛' });
    expect([third.status, third.body.code]).toEqual([409, 'MATCHES_BAD_ROUND']);
    const table = (await http().get(`/api/v1/matches/items/${itemId}/crosstable`)).body as { edition: string; rows: CrossRow[] & { name: string }[] };
    expect(table.edition).toBe('fide-2026'); // the event starts after 1 March 2026

    const trf = await http().get(`/api/v1/matches/items/${itemId}/trf`);
    expect(trf.status).toBe(200);
    const lines = trf.text.split('\n').filter((l: string) => l.startsWith('001'));
    expect(lines).toHaveLength(6);
    // names at columns 15–47, counted in characters
    const names = lines.map((l: string) => Array.from(l).slice(14, 47).join('').trim());
    expect(names.sort()).toEqual(world.contestants.map((c) => c.realName).sort());

    const imported = await http().post('/api/v1/matches/trf/standings').set(bearer(world.judges[0].token)).send({ trf: trf.text, tieBreaks: ['BH', 'SB'] });
    expect(imported.status).toBe(200);
    expect(imported.body.edition).toBe('fide-2026');
    const byName = (rows: { name: string; rank: number; score: number; tieBreaks: Record<string, number> }[]) =>
      rows.map((r) => [r.name, r.rank, r.score, r.tieBreaks.BH, r.tieBreaks.SB]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byName(imported.body.rows)).toEqual(byName(table.rows as never));
    const badFile = await http().post('/api/v1/matches/trf/standings').set(bearer(world.judges[0].token)).send({ trf: '012 没有选手\n' });
    expect([badFile.status, badFile.body.code]).toEqual([400, 'MATCHES_BAD_TRF']);

    // a file of a large open paired elsewhere: 500 players, 9 rounds, beyond the ordinary 64 KB body
    const n = 500;
    const rounds = 9;
    // the circle method: player 1 stays, the others turn one place a round, so no pair meets twice
    const opponents = Array.from({ length: n }, () => [] as number[]);
    for (let r = 0; r < rounds; r++) {
      const circle = [0, ...Array.from({ length: n - 1 }, (_, i) => 1 + ((i + r) % (n - 1)))];
      for (let i = 0; i < n / 2; i++) {
        const [a, b] = [circle[i], circle[n - 1 - i]];
        opponents[a][r] = b;
        opponents[b][r] = a;
      }
    }
    const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
    const players = opponents.map((opps, i) => ({
      startRank: i + 1,
      sex: 'm',
      title: '',
      name: `${surnames[i % 10]}${'国建志文'.charAt((i >> 3) % 4)}棋手${i + 1}`,
      rating: 2400 - i,
      federation: 'CHN',
      fideId: String(8_600_000 + i),
      birth: '1990/01/01',
      // the higher-ranked player (lower start rank) wins every game
      points: opps.filter((o) => o > i).length,
      rank: i + 1,
      rounds: opps.map((o, r) => ({ opponent: o + 1, colour: (r + i) % 2 ? ('b' as const) : ('w' as const), result: o > i ? '1' : '0' })),
    }));
    const bigTrf = writeTrf({ name: '2026年全市职工围棋公开赛', city: '杭州', startDate: '2026/12/12', endDate: '2026/12/14', players });
    expect(Buffer.byteLength(JSON.stringify({ trf: bigTrf }))).toBeGreaterThan(64 * 1024);
    const big = await http().post('/api/v1/matches/trf/standings').set(bearer(world.judges[0].token)).send({ trf: bigTrf, tieBreaks: ['BH'] });
    expect(big.status).toBe(200);
    expect(big.body.rows.length).toBe(n);
    const top = big.body.rows.find((r: { rank: number }) => r.rank === 1);
    expect([top.name, top.score]).toEqual([players[0].name, rounds]);
    // beyond the route's own limit the body is still refused, as every body over its limit is
    const hugeTrf = bigTrf.repeat(25);
    expect(Buffer.byteLength(JSON.stringify({ trf: hugeTrf }))).toBeGreaterThan(2 * 1024 * 1024);
    const huge = await declaredOnly('/api/v1/matches/trf/standings', world.judges[0].token, Buffer.byteLength(JSON.stringify({ trf: hugeTrf })));
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const xlsx = await http().get(`/api/v1/matches/items/${itemId}/crosstable.xlsx`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);
});

/**
 * The district e-sports contest: 16 teams in 4 round-robin groups (best of 3, 3 points a win),
 * the top two of each into an 8-team knockout crossed A1–B2, C1–D2, B1–A2, D1–C2. Group A ends
 * in a three-way tie that head-to-head settles; everything else goes to the better seed.
 */
describe('matches: four round-robin groups feeding an eight-team knockout', () => {
  let world: World;
  let judge: Person;
  let eventId: number;
  let itemId: number;
  const entries: number[] = [];
  const indexOf = new Map<number, number>();
  const org = () => bearer(world.organizer.token);
  const bracket = async (): Promise<Bracket> => (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body;
  const result = (matchId: number, games: { a: number; b: number }) => http().post(`/api/v1/matches/${matchId}/result`).set(bearer(judge.token)).send({ games });
  let groups: number[][] = []; // entrant indexes per group, group A first

  beforeAll(async () => {
    world = await buildWorld({ judges: 1, contestants: 16 });
    judge = world.judges[0];
    eventId = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'sports_meet', name: `职工电竞赛-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, world.organizer.token, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, world.organizer.token, { status: 'registration_open' });
    itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '王者荣耀团体赛' })).id;
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, world.organizer.token, {
      format: 'groups_knockout',
      settings: { sport: 'esports', bestOf: 3, groups: 4, advance: 2, points: { win: 3, draw: 1, loss: 0 }, tieBreaks: ['head_to_head_points', 'head_to_head_difference', 'game_difference'] },
    });
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, world.organizer.token, { entrants: entries.map((entryId, i) => ({ entryId, seed: i < 4 ? i + 1 : null })) });
    for (const p of set.participants) indexOf.set(p.id, entries.indexOf(p.entryId));
    await post(world.url, `/api/v1/matches/items/${itemId}/draw`, world.organizer.token, { lotSeed: 99 });
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, world.organizer.token, { userId: judge.id });
  }, 180_000);

  it('plays the groups; group A ties three ways on points and head-to-head game difference orders them', async () => {
    const b = await bracket();
    const groupIds = [...new Set(b.matches.map((x) => x.group_id))].sort((x, y) => x - y);
    groups = groupIds.map((g) =>
      [...new Set(b.matches.filter((x) => x.group_id === g).flatMap((x) => [x.opponent1?.id, x.opponent2?.id]))].map((id) => indexOf.get(id!)!).sort((x, y) => x - y),
    );
    expect(groups.map((g) => g.length)).toEqual([4, 4, 4, 4]);
    // the four seeds are in four different groups
    expect(groups.map((g) => g.filter((i) => i < 4).length)).toEqual([1, 1, 1, 1]);
    const [a0, a1, a2, a3] = groups[0];
    // group A: a0 beats a1 2-0, a1 beats a2 2-1, a2 beats a0 2-1; all beat a3 2-0
    const planned = new Map<string, [number, number, number]>([
      [`${a0}-${a1}`, [a0, 2, 0]],
      [`${a1}-${a2}`, [a1, 2, 1]],
      [`${a0}-${a2}`, [a2, 2, 1]],
    ]);
    const knockout = await http().post(`/api/v1/matches/items/${itemId}/knockout`).set(org()).send({});
    expect([knockout.status, knockout.body.code]).toEqual([409, 'MATCHES_ROUND_INCOMPLETE']);

    // Order of play: a0's first two matches cannot share a slot, nor two matches a court.
    const ofA0 = b.matches.filter((x) => [x.opponent1?.id, x.opponent2?.id].some((id) => indexOf.get(id!) === a0));
    const other = b.matches.find((x) => ![x.opponent1?.id, x.opponent2?.id].some((id) => indexOf.get(id!) === a0))!;
    const schedule = (matchId: number, court: string, at: string) => http().put(`/api/v1/matches/${matchId}/schedule`).set(org()).send({ court, at });
    // the public live board hears of a court assigned and of a result, as of any item's tally
    const stream = openSse(`${baseUrl()}/api/v1/events/${eventId}/live`);
    await stream.next((m) => m.type === 'board');
    expect((await schedule(ofA0[0].id, '1号机位', '2026-12-12T09:00:00+08:00')).status).toBe(200);
    const courtNews = await stream.next((m) => m.type === 'results' && m.data.itemId === itemId);
    const twice = await schedule(ofA0[1].id, '2号机位', '2026-12-12T09:30:00+08:00');
    expect([twice.status, twice.body.code, twice.body.details[0].field]).toEqual([409, 'MATCHES_SCHEDULE_CLASH', 'at']);
    const court = await schedule(other.id, '1号机位', '2026-12-12T09:20:00+08:00');
    expect([court.status, court.body.code, court.body.details[0].field]).toEqual([409, 'MATCHES_SCHEDULE_CLASH', 'court']);
    expect((await schedule(ofA0[1].id, '2号机位', '2026-12-12T10:00:00+08:00')).status).toBe(200);
    const order = (await http().get(`/api/v1/matches/items/${itemId}/order-of-play`)).body as { matchId: number; court: string; at: string }[];
    expect(order.slice(0, 2).map((o) => [o.matchId, o.court, o.at])).toEqual([
      [ofA0[0].id, '1号机位', '2026-12-12 09:00'],
      [ofA0[1].id, '2号机位', '2026-12-12 10:00'],
    ]);
    for (const x of b.matches) {
      const ia = indexOf.get(x.opponent1!.id!)!;
      const ib = indexOf.get(x.opponent2!.id!)!;
      const plan = planned.get([ia, ib].sort((p, q) => p - q).join('-'));
      const [winner, w, l] = plan ?? [Math.min(ia, ib), 2, 1];
      const res = await result(x.id, winner === ia ? { a: w, b: l } : { a: l, b: w });
      expect(res.status).toBe(200);
    }
    const resultNews = await stream.next((m) => m.type === 'results' && m.data.itemId === itemId && m.data.scoreVersion > courtNews.data.scoreVersion);
    expect(resultNews.data.scoreVersion).toBeGreaterThan(courtNews.data.scoreVersion);
    stream.close();
  });

  it('crosses the group winners and runners-up into the knockout and plays it out; places as a hand computation says', async () => {
    const drawn = await http().post(`/api/v1/matches/items/${itemId}/knockout`).set(org()).send({});
    expect(drawn.status).toBe(200);
    const b = await bracket();
    const ko = b.stages.find((s) => s.number === 2)!;
    const first = b.matches.filter((x) => x.stage_id === ko.id && x.opponent1?.id != null && x.opponent2?.id != null && x.status === 2).sort((p, q) => p.id - q.id);
    // group A by hand: a0, a1, a2 all 6 points (2 wins); head-to-head points level (3 each);
    // head-to-head game difference: a0 +2 −1 = +1, a2 +1 −1 = 0, a1 −2 +1 = −1 → a0, a2, a1, a3.
    // Other groups: the better seed (lower index) first.
    const [A, B, C, D] = groups;
    const winner = (g: number[]) => (g === A ? A[0] : g[0]);
    const runner = (g: number[]) => (g === A ? A[2] : g[1]);
    expect(first.map((x) => [indexOf.get(x.opponent1!.id!), indexOf.get(x.opponent2!.id!)])).toEqual([
      [winner(A), runner(B)],
      [winner(C), runner(D)],
      [winner(B), runner(A)],
      [winner(D), runner(C)],
    ]);
    for (let guard = 0; guard < 10; guard++) {
      const now = await bracket();
      const ready = now.matches.filter((x) => x.stage_id === ko.id && x.status === 2 && x.opponent1?.id != null && x.opponent2?.id != null);
      if (!ready.length) break;
      for (const x of ready) {
        const ia = indexOf.get(x.opponent1!.id!)!;
        const ib = indexOf.get(x.opponent2!.id!)!;
        expect((await result(x.id, ia < ib ? { a: 2, b: 0 } : { a: 0, b: 2 })).status).toBe(200);
      }
    }
    // Knockout by hand (the lower index wins): quarter-finals A1–B2, C1–D2, B1–A2, D1–C2.
    const qf = [
      [winner(A), runner(B)],
      [winner(C), runner(D)],
      [winner(B), runner(A)],
      [winner(D), runner(C)],
    ].map(([x, y]) => [Math.min(x, y), Math.max(x, y)]);
    const sf = [
      [qf[0][0], qf[1][0]],
      [qf[2][0], qf[3][0]],
    ].map(([x, y]) => [Math.min(x, y), Math.max(x, y)]);
    const champion = Math.min(sf[0][0], sf[1][0]);
    const finalist = Math.max(sf[0][0], sf[1][0]);
    const expected = new Map<number, number>([[champion, 1], [finalist, 2], [sf[0][1], 3], [sf[1][1], 3], ...qf.map(([, l]) => [l, 5] as [number, number])]);
    // out in the groups: thirds share 9th (9–12), fourths 13th (13–16); group A's third is a1
    for (const g of groups) {
      const third = g === A ? A[1] : g[2];
      const fourth = g[3];
      expected.set(third, 9);
      expected.set(fourth, 13);
    }
    const { version } = (await http().get(`/api/v1/matches/items/${itemId}`)).body;
    const res = await waitFor('the two-stage item tallied', async () => {
      const r = await http().get(`/api/v1/items/${itemId}/results`).set(org());
      return r.body.scoreVersion === version && r.body.results?.length === 16 ? r.body : undefined;
    });
    const places = res.results.map((r: { entryId: number; place: number }) => [entries.indexOf(r.entryId), r.place]).sort((p: number[], q: number[]) => p[0] - q[0]);
    expect(places).toEqual([...expected.entries()].sort((p, q) => p[0] - q[0]));
  });
});

/**
 * An e-sports double elimination of 8 teams, best of 3, grand final with a reset: the better
 * seed always wins, so the winners' side champion takes the grand final at the first attempt.
 * Places by the losers' round of elimination: 7–8, 5–6, 4, 3; the grand final's loser 2.
 */
describe('matches: a double elimination played to the end', () => {
  let world: World;
  let itemId: number;
  const entries: number[] = [];
  const indexOf = new Map<number, number>();

  beforeAll(async () => {
    world = await buildWorld({ judges: 1, contestants: 8 });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工电竞双败赛-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '英雄联盟团体赛' })).id;
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, org, { format: 'double_elimination', settings: { sport: 'esports', bestOf: 3, grandFinal: 'double' } });
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId, i) => ({ entryId, seed: i < 4 ? i + 1 : null })) });
    for (const p of set.participants) indexOf.set(p.id, entries.indexOf(p.entryId));
    await post(world.url, `/api/v1/matches/items/${itemId}/draw`, org, { lotSeed: 8 });
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id });
  }, 120_000);

  it('plays both sides and the grand final; places as the losers’ rounds give them', async () => {
    const eliminatedIn = new Map<number, string>();
    for (let guard = 0; guard < 30; guard++) {
      const b = (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body as Bracket;
      const ready = b.matches.filter((x) => x.status === 2 && x.opponent1?.id != null && x.opponent2?.id != null);
      if (!ready.length) break;
      for (const x of ready) {
        const ia = indexOf.get(x.opponent1!.id!)!;
        const ib = indexOf.get(x.opponent2!.id!)!;
        const res = await http().post(`/api/v1/matches/${x.id}/result`).set(bearer(world.judges[0].token)).send({ games: ia < ib ? { a: 2, b: 1 } : { a: 0, b: 2 } });
        expect([res.status, res.body.code]).toEqual([200, undefined]);
        eliminatedIn.set(Math.max(ia, ib), `${x.group_id}:${x.round_id}`);
      }
    }
    // By hand, the better seed always winning (8 teams: winners' rounds 1–3, losers' rounds 1–4):
    // winners' round 1 sends 4–7 down; losers' round 1 pairs them, 6 and 7 out (7–8);
    // winners' round 2 sends 2 and 3 down into losers' round 2, where 4 and 5 go out (5–6);
    // losers' round 3: 2 beats 3 (3 is 4th); winners' final: 0 beats 1, who drops into losers'
    // round 4 and beats 2 (2 is 3rd); grand final: 0 beats 1 at the first attempt, no reset (1 is 2nd).
    const { version } = (await http().get(`/api/v1/matches/items/${itemId}`)).body;
    const res = await waitFor('the double elimination tallied', async () => {
      const r = await http().get(`/api/v1/items/${itemId}/results`).set(bearer(world.organizer.token));
      return r.body.scoreVersion === version && r.body.results?.length === 8 ? r.body : undefined;
    });
    const places = res.results.map((r: { entryId: number; place: number }) => [entries.indexOf(r.entryId), r.place]).sort((p: number[], q: number[]) => p[0] - q[0]);
    expect(places).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 5],
      [6, 7],
      [7, 7],
    ]);
  });
});

/** A semi-final where neither player appears: the other semi-final's winner takes the title unopposed. */
describe('matches: a double forfeit in a knockout', () => {
  it('sends nobody on, gives the final to the other semi-final winner, and places both absentees with the semi-final losers', async () => {
    const world = await buildWorld({ judges: 1, contestants: 4 });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工乒乓球赛-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    const itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '乒乓球男子单打' })).id;
    const entries: number[] = [];
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, org, { format: 'single_elimination', settings: { sport: 'table_tennis', bestOf: 5 } });
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId, i) => ({ entryId, seed: i < 2 ? i + 1 : null })) });
    const indexOf = new Map<number, number>(set.participants.map((p: { id: number; entryId: number }) => [p.id, entries.indexOf(p.entryId)]));
    await post(world.url, `/api/v1/matches/items/${itemId}/draw`, org, { lotSeed: 1 });
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id });
    const judge = bearer(world.judges[0].token);
    let b = (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body as Bracket;
    // seed 1 on line 1, seed 2 on line 4, entrants 2 and 3 drawn to the others; seed 1's semi-final
    // is a double forfeit, seed 2 wins the other 3–1
    const semis = b.matches.filter((x) => x.status === 2).sort((p, q) => p.number - q.number);
    const top = semis.find((x) => [x.opponent1!.id, x.opponent2!.id].some((id) => indexOf.get(id!) === 0))!;
    const other = semis.find((x) => x !== top)!;
    const noSide = await http().post(`/api/v1/matches/${top.id}/result`).set(judge).send({ ending: 'forfeit' });
    expect([noSide.status, noSide.body.code, noSide.body.details[0].field]).toEqual([400, 'MATCHES_BAD_SETTINGS', 'side']);
    expect((await http().post(`/api/v1/matches/${top.id}/result`).set(judge).send({ ending: 'double_forfeit' })).status).toBe(200);
    const seed2IsA = indexOf.get(other.opponent1!.id!) === 1;
    expect((await http().post(`/api/v1/matches/${other.id}/result`).set(judge).send({ games: seed2IsA ? { a: 3, b: 1 } : { a: 1, b: 3 } })).status).toBe(200);
    b = (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body as Bracket;
    const final = b.matches.find((x) => x.id !== top.id && x.id !== other.id && x.group_id === top.group_id)!;
    expect(final.status).toBeGreaterThanOrEqual(4);
    const { version } = (await http().get(`/api/v1/matches/items/${itemId}`)).body;
    const res = await waitFor('the knockout tallied', async () => {
      const r = await http().get(`/api/v1/items/${itemId}/results`).set(bearer(org));
      return r.body.scoreVersion === version && r.body.results?.length === 4 ? r.body : undefined;
    });
    // by hand: seed 2 (entrant 1) champion; the final had no opponent, so no second place; entrants
    // 0, 2 and 3, all out in the semi-finals, share third
    const places = res.results.map((r: { entryId: number; place: number | null }) => [entries.indexOf(r.entryId), r.place]).sort((p: number[], q: number[]) => p[0] - q[0]);
    expect(places).toEqual([
      [0, 3],
      [1, 1],
      [2, 3],
      [3, 3],
    ]);
  }, 120_000);
});

/** The arbiter pairs by hand: the rules are checked and the breaches reported, not enforced; audited. */
describe('matches: a Swiss round paired by hand', () => {
  it('accepts a hand pairing that repeats a pair, says so, and keeps it in the audit', async () => {
    const world = await buildWorld({ judges: 1, contestants: 4 });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工象棋赛-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    const itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '国际象棋慢棋' })).id;
    const entries: number[] = [];
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, org, { format: 'swiss', settings: { sport: 'chess', rounds: 2 } });
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId) => ({ entryId })) });
    const [p1, p2, p3, p4] = set.participants.map((p: { id: number }) => p.id);
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id });
    const hand = (round: number, boards: number[][]) =>
      http().put(`/api/v1/matches/items/${itemId}/swiss/rounds/${round}`).set(bearer(org)).send({ boards: boards.map(([first, second]) => ({ first, second })), reason: '同单位选手首轮回避' });
    const r1 = await hand(1, [[p1, p2], [p3, p4]]);
    expect([r1.status, r1.body.problems]).toEqual([200, []]);
    for (const board of [1, 2]) await post(world.url, `/api/v1/matches/items/${itemId}/swiss/rounds/1/boards/${board}/result`, world.judges[0].token, { result: '1-0' });
    const r2 = await hand(2, [[p2, p1], [p4, p3]]);
    expect(r2.status).toBe(200);
    expect(r2.body.problems).toEqual([`第1台：${p2} 与 ${p1} 已经交过手`, `第2台：${p4} 与 ${p3} 已经交过手`]);
    const table = (await http().get(`/api/v1/matches/items/${itemId}/crosstable`)).body as { rows: CrossRow[] };
    expect(table.rows.find((r) => r.participantId === p1)!.rounds.map((r) => r.opponent)).toEqual([p2, p2]);
    const audit = (await http().get(`/api/v1/matches/items/${itemId}/changes`).set(bearer(org))).body as { action: string; reason: string; after: { problems: string[] } }[];
    expect(audit[0]).toMatchObject({ action: 'pairing_override', reason: '同单位选手首轮回避' });
    expect(audit[0].after.problems).toHaveLength(2);
  }, 120_000);
});

/** A knockout with a third-place match: the semi-final losers are placed 3 and 4 by it. */
describe('matches: a third-place match', () => {
  it('plays the final and the match for third; places 1, 2, 3, 4', async () => {
    const world = await buildWorld({ judges: 1, contestants: 4 });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工羽毛球赛-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    const itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '网球女子单打' })).id;
    const entries: number[] = [];
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);
    await put(world.url, `/api/v1/matches/items/${itemId}`, org, { format: 'single_elimination', settings: { sport: 'tennis', thirdPlace: true } });
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId, i) => ({ entryId, seed: i < 2 ? i + 1 : null })) });
    const indexOf = new Map<number, number>(set.participants.map((p: { id: number; entryId: number }) => [p.id, entries.indexOf(p.entryId)]));
    await post(world.url, `/api/v1/matches/items/${itemId}/draw`, org, { lotSeed: 3 });
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id });
    // the better entrant always wins, except that 3 beats 2 in the match for third
    for (let guard = 0; guard < 5; guard++) {
      const b = (await http().get(`/api/v1/matches/items/${itemId}/bracket`)).body as Bracket;
      const ready = b.matches.filter((x) => x.status === 2 && x.opponent1?.id != null && x.opponent2?.id != null);
      if (!ready.length) break;
      for (const x of ready) {
        const ia = indexOf.get(x.opponent1!.id!)!;
        const ib = indexOf.get(x.opponent2!.id!)!;
        const upset = [ia, ib].sort().join() === '2,3' && b.matches.filter((y) => y.group_id === x.group_id).length === 1;
        const aWins = upset ? ia > ib : ia < ib;
        const res = await http().post(`/api/v1/matches/${x.id}/result`).set(bearer(world.judges[0].token)).send({ score: aWins ? '6-1 6-1' : '1-6 1-6' });
        expect(res.status).toBe(200);
      }
    }
    const { version } = (await http().get(`/api/v1/matches/items/${itemId}`)).body;
    const res = await waitFor('the knockout tallied', async () => {
      const r = await http().get(`/api/v1/items/${itemId}/results`).set(bearer(org));
      return r.body.scoreVersion === version && r.body.results?.length === 4 ? r.body : undefined;
    });
    // by hand: semi-finals 0 beats 2 or 3, 1 beats the other; final 0 beats 1; third place 3 beats 2
    const places = res.results.map((r: { entryId: number; place: number }) => [entries.indexOf(r.entryId), r.place]).sort((p: number[], q: number[]) => p[0] - q[0]);
    expect(places).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
      [3, 3],
    ]);
  }, 120_000);
});

/**
 * A McMahon Go tournament (EGF): bars on the item give each grade its start score; the first
 * round pairs by those scores (the two above the bar meet, not the top half against the bottom
 * half) and the standings count them.
 */
describe('matches: McMahon bars on a Go Swiss', () => {
  it('starts players by their grade between floor and bar; pairing and standings use the start scores', async () => {
    const world = await buildWorld({ judges: 1, contestants: 6 });
    const org = world.organizer.token;
    const eventId = (await post(world.url, '/api/v1/events', org, { organisationId: world.district.id, kind: 'sports_meet', name: `职工围棋麦克马洪赛-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, org, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, org, { status: 'registration_open' });
    const itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, org, { name: '围棋个人赛' })).id;
    const entries: number[] = [];
    for (const c of world.contestants) entries.push((await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {})).id);

    const chess = await http().put(`/api/v1/matches/items/${itemId}`).set(bearer(org)).send({ format: 'swiss', settings: { sport: 'chess', rounds: 3, mcmahon: { bar: 33, floor: 28 } } });
    expect([chess.status, chess.body.code, chess.body.details[0].field]).toEqual([400, 'MATCHES_BAD_SETTINGS', 'settings.mcmahon']);
    await put(world.url, `/api/v1/matches/items/${itemId}`, org, { format: 'swiss', settings: { sport: 'go', rounds: 3, mcmahon: { bar: 33, floor: 28 } } });
    // grades as numbers (30 = 1 dan …): 36 and 33 at or above the bar start on 5, 31 on 3, 30 on 2, 28 and 20 on 0
    const grades = [36, 33, 31, 30, 28, 20];
    const set = await put(world.url, `/api/v1/matches/items/${itemId}/entrants`, org, { entrants: entries.map((entryId, i) => ({ entryId, rating: grades[i] })) });
    const gradeOf = new Map<number, number>(set.participants.map((p: { id: number; entryId: number }) => [p.id, grades[entries.indexOf(p.entryId)]]));
    await post(world.url, `/api/v1/matches/items/${itemId}/officials`, org, { userId: world.judges[0].id });

    const { boards } = await post(world.url, `/api/v1/matches/items/${itemId}/swiss/rounds`, org, {});
    const pairs = (boards as { firstId: number; secondId: number }[]).map((b) => [gradeOf.get(b.firstId), gradeOf.get(b.secondId)].sort((x, y) => y! - x!));
    // by start score: 5 v 5, 3 v 2 (the lone 3 meets the next group down), 0 v 0; without bars the halves would meet (36 v 30 …)
    expect(pairs.sort((x, y) => y[0]! - x[0]!)).toEqual([
      [36, 33],
      [31, 30],
      [28, 20],
    ]);
    // the higher grade wins each board
    for (const b of boards as { board: number; firstId: number; secondId: number }[]) {
      await post(world.url, `/api/v1/matches/items/${itemId}/swiss/rounds/1/boards/${b.board}/result`, world.judges[0].token, { result: gradeOf.get(b.firstId)! > gradeOf.get(b.secondId)! ? '1-0' : '0-1' });
    }
    const table = (await http().get(`/api/v1/matches/items/${itemId}/crosstable`)).body as { rows: { participantId: number; score: number; rank: number }[] };
    const scoreByGrade = Object.fromEntries(table.rows.map((r) => [gradeOf.get(r.participantId), r.score]));
    expect(scoreByGrade).toEqual({ 36: 6, 33: 5, 31: 4, 30: 2, 28: 1, 20: 0 });
    expect(table.rows.find((r) => r.rank === 1)!.participantId).toBe([...gradeOf].find(([, g]) => g === 36)![0]);
  }, 120_000);
});

/**
 * A POST that declares its body's length and sends none of it: the API refuses a body over the route's
 * limit from the header alone and closes the connection unread, so a client still writing megabytes
 * would meet a closed socket instead of the answer.
 */
function declaredOnly(path: string, token: string, length: number): Promise<{ status: number; body: { code?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl()), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': length, authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, body: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}
