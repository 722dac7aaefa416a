import { waitFor } from './support/processes';
import { openSse } from './support/sse';
import { baseUrl, bearer, buildWorld, http, type Person, post, put, type World } from './support/world';

type Cell = { entryId: number; criterion: string; value: string };

/**
 * A workers' sports meet: two sprints, two delegations (two enterprise unions), ties, a guest
 * (特邀) who finishes first, a DNF. Six contestants alternate between the delegations:
 * c0, c2, c4 (the guest) for the first, c1, c3, c5 for the second.
 */
describe('standings: delegation points, medal table, records, scoreboard freeze and the live stream', () => {
  let world: World;
  let judge: Person;
  let eventId: number;
  const items: Record<'m100' | 'm200', number> = { m100: 0, m200: 0 };
  const entry: Record<'m100' | 'm200', number[]> = { m100: [], m200: [] };
  const version: Record<number, number> = {};

  const organizer = () => bearer(world.organizer.token);
  const board = (token?: string) => http().get(`/api/v1/events/${eventId}/board`).set(token ? bearer(token) : {});
  const tallied = (itemId: number, after = 0) =>
    waitFor(`item ${itemId} tallied`, async () => {
      const [res, pub] = await Promise.all([http().get(`/api/v1/items/${itemId}/results`).set(organizer()), http().get(`/api/v1/events/${eventId}/board`).set(organizer())]);
      const item = pub.body.items?.find((i: { itemId: number }) => i.itemId === itemId);
      const all = res.body.results?.length === entry[itemId === items.m100 ? 'm100' : 'm200'].length;
      return all && res.body.scoreVersion > after && item?.scoreVersion === res.body.scoreVersion && res.body.results.every((r: { status: string }) => r.status !== 'INCOMPLETE') ? res.body : undefined;
    });
  /** The judge's sheet for an item: cells saved (a correction once submitted, with a reason), then submitted the first time. */
  async function mark(itemId: number, cells: Cell[], reason?: string) {
    const as = reason ? organizer() : bearer(judge.token);
    const saved = await http().put(`/api/v1/items/${itemId}/sheets/${judge.id}`).set(as).send({ version: version[itemId] ?? 0, marks: cells, reason });
    expect(saved.status).toBe(200);
    version[itemId] = saved.body.version;
    if (reason) return;
    const submitted = await http().post(`/api/v1/items/${itemId}/sheets/${judge.id}/submit`).set(bearer(judge.token)).send({ version: version[itemId] });
    expect(submitted.status).toBe(200);
    version[itemId] = submitted.body.version;
  }
  const time = (entryId: number, value: string): Cell => (value === 'DNF' ? { entryId, criterion: 'status', value } : { entryId, criterion: 'time', value });
  const points = (b: { points: { organisationId: number; rank: number; points: string }[] }) => b.points.map((p) => [p.organisationId, p.rank, p.points]);
  const medals = (b: { medals: { organisationId: number; rank: number; gold: number; silver: number; bronze: number }[] }) =>
    b.medals.map((m) => [m.organisationId, m.rank, m.gold, m.silver, m.bronze]);

  beforeAll(async () => {
    world = await buildWorld({ judges: 1, contestants: 6 });
    judge = world.judges[0];
    eventId = (await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'sports_meet', name: `职工田径运动会-${world.tag}` })).id;
    await put(world.url, `/api/v1/events/${eventId}/registration`, world.organizer.token, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, world.organizer.token, { status: 'registration_open' });
    for (const [key, name] of [['m100', '男子100米'], ['m200', '男子200米']] as const) {
      items[key] = (await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name })).id;
      await put(world.url, `/api/v1/items/${items[key]}/scheme`, world.organizer.token, { scheme: { kind: 'timed', rounding: { digits: 2, mode: 'up' } } });
      await post(world.url, `/api/v1/items/${items[key]}/judges`, world.organizer.token, { userId: judge.id });
      for (const [i, c] of world.contestants.entries()) {
        if (key === 'm200' && i === 4) continue; // the guest runs the 100 m only
        entry[key].push((await post(world.url, `/api/v1/items/${items[key]}/entries`, c.token, {})).id);
      }
    }
  }, 120_000);

  it('lets only organizers mark a guest, set the points tables and records, or freeze the board', async () => {
    const contestant = bearer(world.contestants[0].token);
    expect((await http().put(`/api/v1/entries/${entry.m100[4]}/guest`).set(contestant).send({ guest: true })).status).toBe(403);
    expect((await http().put(`/api/v1/events/${eventId}/results-settings`).set(contestant).send({ noticeDays: 3 })).status).toBe(403);
    expect((await http().put(`/api/v1/items/${items.m100}/records`).set(bearer(judge.token)).send({ meetRecord: '10.45', meetHolder: null, allTimeRecord: null, allTimeHolder: null })).status).toBe(403);
    expect((await http().post(`/api/v1/events/${eventId}/board/freeze`).set(contestant)).status).toBe(403);
    expect((await http().post(`/api/v1/events/${eventId}/board/freeze`)).status).toBe(401);

    const badTable = await http().put(`/api/v1/events/${eventId}/results-settings`).set(organizer()).send({ pointsIndividual: ['9', '七'] });
    expect([badTable.status, badTable.body.code, badTable.body.details.map((d: { field: string }) => d.field)]).toEqual([400, 'VALIDATION_FAILED', ['pointsIndividual']]);
    const badRecord = await http().put(`/api/v1/items/${items.m100}/records`).set(organizer()).send({ meetRecord: '10秒45', meetHolder: null, allTimeRecord: null, allTimeHolder: null });
    expect([badRecord.status, badRecord.body.code, badRecord.body.details[0].field]).toEqual([400, 'RESULTS_INVALID_RECORD', 'meetRecord']);

    const guest = await http().put(`/api/v1/entries/${entry.m100[4]}/guest`).set(organizer()).send({ guest: true });
    expect([guest.status, guest.body]).toEqual([200, { entryId: entry.m100[4], guest: true }]);
  });

  it('shares points and medals on ties, skips the guest and the DNF, and orders by the settings', async () => {
    // 100 m: the guest is fastest; c0 and c1 tie; c3 does not finish.
    await mark(items.m100, ['10.50', '10.50', '10.70', 'DNF', '10.40', '10.90'].map((t, i) => time(entry.m100[i], t)));
    // 200 m (no guest): c1 and c2 tie for first.
    await mark(items.m200, ['21.50', '21.30', '21.30', '21.80', '22.00'].map((t, i) => time(entry.m200[i], t)));
    const m100 = await tallied(items.m100);
    await tallied(items.m200);
    // Official places include the guest (1st); the DNF has none.
    expect(m100.results.map((r: { entryId: number; place: number | null }) => [r.entryId, r.place])).toEqual([
      [entry.m100[4], 1],
      [entry.m100[0], 2],
      [entry.m100[1], 2],
      [entry.m100[2], 4],
      [entry.m100[5], 5],
      [entry.m100[3], null],
    ]);

    // Each row says the points its place earned: the guest and the DNF none, the tie shares (9+7)/2.
    const earned = (res: { results: { entryId: number; scoringPlace: number | null; placingPoints: string | null }[] }) =>
      res.results.map((r) => [r.entryId, r.scoringPlace, r.placingPoints]);
    expect(earned(m100)).toEqual([
      [entry.m100[4], null, null],
      [entry.m100[0], 1, '8'],
      [entry.m100[1], 1, '8'],
      [entry.m100[2], 3, '6'],
      [entry.m100[5], 4, '5'],
      [entry.m100[3], null, null],
    ]);

    const [e0, e1] = world.enterprises.map((e) => e.id);
    // 9-7-6-5…: 100 m c0 & c1 share (9+7)/2 = 8, c2 6, c5 5; 200 m c1 & c2 share 8, c0 6, c3 5, c5 4.
    // e0 = 8+6 + 8+6 = 28; e1 = 8+5 + 8+5+4 = 30.
    const live = (await board()).body;
    // The rows add up to the delegation totals of the board.
    const m200 = (await http().get(`/api/v1/items/${items.m200}/results`)).body;
    const byDelegation = new Map<string, number>();
    for (const r of [...m100.results, ...m200.results]) {
      if (r.placingPoints !== null) byDelegation.set(r.organisationName, (byDelegation.get(r.organisationName) ?? 0) + Number(r.placingPoints));
    }
    expect([byDelegation.get(world.enterprises[0].name), byDelegation.get(world.enterprises[1].name)]).toEqual([28, 30]);
    expect(points(live)).toEqual([
      [e1, 1, '30'],
      [e0, 2, '28'],
    ]);
    // Two golds each (shared firsts), no silver given after a shared first, bronzes to e0: gold-first puts e0 ahead.
    expect(medals(live)).toEqual([
      [e0, 1, 2, 0, 2],
      [e1, 2, 2, 0, 0],
    ]);
    expect(live.provisional).toBe(true);

    // A points table of the event's own, and the medal table by weighted points (3/2/1).
    const settings = await http().put(`/api/v1/events/${eventId}/results-settings`).set(organizer()).send({ pointsIndividual: ['10', '8', '6', '4'], medalOrder: 'weighted' });
    expect(settings.status).toBe(200);
    const weighted = (await board()).body;
    // The rows follow the event's table: c0 & c1 share (10+8)/2 = 9, c2 6, c5 4.
    expect(earned((await http().get(`/api/v1/items/${items.m100}/results`)).body).map((r) => r[2])).toEqual([null, '9', '9', '6', '4', null]);
    // 100 m: c0 & c1 share 9, c2 6, c5 4; 200 m: c1 & c2 9, c0 6, c3 4, c5 0. e0 = 30, e1 = 26.
    expect(points(weighted)).toEqual([
      [e0, 1, '30'],
      [e1, 2, '26'],
    ]);
    expect(weighted.medals.map((m: { organisationId: number; weightedPoints: string }) => [m.organisationId, m.weightedPoints])).toEqual([
      [e0, '8'],
      [e1, '6'],
    ]);
  });

  it('flags a mark strictly better than a record, re-checks it on correction, and pushes each tally on the live stream', async () => {
    const stream = openSse(`${baseUrl()}/api/v1/events/${eventId}/live`);
    try {
      await stream.next((m) => m.type === 'board');
      const records = await http().put(`/api/v1/items/${items.m100}/records`).set(organizer()).send({ meetRecord: '10.45', meetHolder: '王强（2024）', allTimeRecord: '10.50', allTimeHolder: '李明（2019）' });
      expect(records.status).toBe(200);
      const pushed = await stream.next((m) => m.type === 'results' && m.data.itemId === items.m100);
      expect(pushed.data.board.points.length).toBe(2);
      const flags = async () => {
        const res = await tallied(items.m100);
        return Object.fromEntries(res.results.map((r: { entryId: number; meetRecord: string | null; allTimeRecord: string | null }) => [r.entryId, [r.meetRecord, r.allTimeRecord]]));
      };
      // 10.50 equals the all-time record (not a new one) and misses the meet record; the guest's 10.40 sets nothing.
      let f = await flags();
      expect([f[entry.m100[0]], f[entry.m100[1]], f[entry.m100[4]], f[entry.m100[2]]]).toEqual([
        [null, 'EQUALLED'],
        [null, 'EQUALLED'],
        [null, null],
        [null, null],
      ]);

      // The timekeeper's correction: c0 ran 10.44, strictly better than both records.
      await mark(items.m100, [time(entry.m100[0], '10.44')], '电子计时复核更正');
      const corrected = await stream.next((m) => m.type === 'results' && m.data.itemId === items.m100 && m.data.scoreVersion > pushed.data.scoreVersion);
      expect(points(corrected.data.board)[0][0]).toBe(world.enterprises[0].id);
      f = await flags();
      expect([f[entry.m100[0]], f[entry.m100[1]]]).toEqual([
        ['BROKEN', 'BROKEN'],
        [null, null],
      ]);
    } finally {
      stream.close();
    }
  });

  it('keeps the public board and results fixed while frozen, while organizers see live data', async () => {
    const stream = openSse(`${baseUrl()}/api/v1/events/${eventId}/live`);
    try {
      await stream.next((m) => m.type === 'board');
      const before = (await board()).body;
      const beforeResults = (await http().get(`/api/v1/items/${items.m200}/results`)).body;
      const frozen = await http().post(`/api/v1/events/${eventId}/board/freeze`).set(organizer());
      expect([frozen.status, frozen.body.frozen, frozen.body.live]).toEqual([200, true, true]);
      await stream.next((m) => m.type === 'board' && m.data.frozen === true);

      // c5 is re-timed at 20.90: first in the 200 m.
      await mark(items.m200, [time(entry.m200[4], '20.90')], '终点录像判读更正');
      const live = await tallied(items.m200, beforeResults.scoreVersion);
      expect(live.results[0].entryId).toBe(entry.m200[4]);

      const publicBoard = (await board()).body;
      expect([publicBoard.frozen, publicBoard.live]).toEqual([true, false]);
      expect(points(publicBoard)).toEqual(points(before));
      const publicResults = (await http().get(`/api/v1/items/${items.m200}/results`)).body;
      expect(publicResults.frozen).toBe(true);
      expect(publicResults.results.map((r: { entryId: number }) => r.entryId)).toEqual(beforeResults.results.map((r: { entryId: number }) => r.entryId));
      const organizerBoard = (await board(world.organizer.token)).body;
      expect(organizerBoard.live).toBe(true);
      expect(points(organizerBoard)).not.toEqual(points(before));
      expect(stream.messages.filter((m) => m.type === 'results')).toEqual([]);

      const unfrozen = await http().post(`/api/v1/events/${eventId}/board/unfreeze`).set(organizer());
      expect(unfrozen.status).toBe(200);
      const after = await stream.next((m) => m.type === 'board' && m.data.frozen === false);
      expect(points(after.data)).toEqual(points(organizerBoard));
      expect((await http().get(`/api/v1/items/${items.m200}/results`)).body.results[0].entryId).toBe(entry.m200[4]);
    } finally {
      stream.close();
    }
  });
});
