import { waitFor } from './support/processes';
import { bearer, buildWorld, http, type Person, post, put, type World } from './support/world';

interface RoundEntry {
  entryId: number;
  heat: number;
  lane: number;
  qualified: 'Q' | 'q' | null;
}

/**
 * A 100 m sprint run in rounds through the API, with the real worker: three heats, the first two
 * of each heat (Q) and the next two fastest (q) to the final, a tie for the last q place settled
 * by drawing lots (World Athletics TR 21), the final seeded by TR 20.3.3 and scored by a judge
 * seated for the final only.
 */
describe('rounds: heats → final with qualification by place and by time', () => {
  let world: World;
  let itemId: number;
  let timekeeper: Person;
  let finalJudge: Person;
  let heatsRound: { id: number; entries: RoundEntry[] };

  const sheetPath = (judge: Person, round?: number) => `/api/v1/items/${itemId}/sheets/${judge.id}${round ? `?round=${round}` : ''}`;
  const at = (heat: number, lane: number) => heatsRound.entries.find((e) => e.heat === heat && e.lane === lane)!.entryId;

  /** The judge enters one cell per contestant and hands the sheet in. */
  async function enterAndSubmit(judge: Person, round: number, cells: { entryId: number; criterion: string; value: string }[]) {
    const saved = await http().put(sheetPath(judge, round)).set(bearer(judge.token)).send({ version: 0, marks: cells });
    expect([saved.status, saved.body.roundId]).toEqual([200, round]);
    const submitted = await http().post(`/api/v1/items/${itemId}/sheets/${judge.id}/submit?round=${round}`).set(bearer(judge.token)).send({ version: saved.body.version });
    expect([submitted.status, submitted.body.status]).toEqual([200, 'submitted']);
  }

  beforeAll(async () => {
    world = await buildWorld({ judges: 2, contestants: 12 });
    [timekeeper, finalJudge] = world.judges;
    const event = await post(world.url, '/api/v1/events', world.organizer.token, { organisationId: world.district.id, kind: 'sports_meet', name: `职工田径运动会-${world.tag}` });
    const item = await post(world.url, `/api/v1/events/${event.id}/items`, world.organizer.token, { name: '男子100米' });
    itemId = item.id;
    await put(world.url, `/api/v1/items/${itemId}/scheme`, world.organizer.token, { scheme: { kind: 'timed', rounding: { digits: 2, mode: 'up' } } });
    await put(world.url, `/api/v1/events/${event.id}/registration`, world.organizer.token, { autoApprove: true });
    await post(world.url, `/api/v1/events/${event.id}/status`, world.organizer.token, { status: 'registration_open' });
    for (const c of world.contestants) await post(world.url, `/api/v1/items/${itemId}/entries`, c.token, {});
    await post(world.url, `/api/v1/items/${itemId}/judges`, world.organizer.token, { userId: timekeeper.id });
  }, 120_000);

  it('refuses a bad first round by field, and anyone but an organizer', async () => {
    const create = (body: object, token = world.organizer.token) => http().post(`/api/v1/items/${itemId}/rounds`).set(bearer(token)).send(body);
    const noHeats = await create({ name: '预赛', heats: 0 });
    expect([noHeats.status, noHeats.body.code, noHeats.body.details.map((d: { field: string }) => d.field)]).toEqual([400, 'VALIDATION_FAILED', ['heats']]);
    const badRule = await create({ name: '预赛', qualification: { byPlace: -1, byPerformance: 2 } });
    expect([badRule.status, badRule.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['qualification.byPlace']]);
    const stranger = await create({ name: '预赛', entries: [{ entryId: 999_999_999, heat: 1, lane: 1 }] });
    expect([stranger.status, stranger.body.code, stranger.body.details[0].field]).toEqual([422, 'SCORING_ENTRY_NOT_IN_ITEM', 'entries[0].entryId']);
    expect((await create({ name: '预赛' }, world.contestants[0].token)).status).toBe(403);
    expect((await create({ name: '预赛' }, timekeeper.token)).status).toBe(403);
    expect((await http().get(`/api/v1/items/${itemId}/rounds`)).body).toEqual([]);
  });

  it('deals the 12 approved entries into three heats of four', async () => {
    const res = await http()
      .post(`/api/v1/items/${itemId}/rounds`)
      .set(bearer(world.organizer.token))
      .send({ name: '预赛', heats: 3, qualification: { byPlace: 2, byPerformance: 2 } });
    expect([res.status, res.body.seq, res.body.status, res.body.entries.length]).toEqual([201, 1, 'open', 12]);
    heatsRound = res.body;
    for (const heat of [1, 2, 3]) expect(heatsRound.entries.filter((e) => e.heat === heat).map((e) => e.lane)).toEqual([1, 2, 3, 4]);
    expect(res.body.entries[0].realName).toMatch(/^\p{Script=Han}+$/u);
    // Start lists are public; a second "first" round is not.
    expect((await http().get(`/api/v1/items/${itemId}/rounds`)).body.map((r: { name: string }) => r.name)).toEqual(['预赛']);
    const again = await http().post(`/api/v1/items/${itemId}/rounds`).set(bearer(world.organizer.token)).send({ name: '预赛' });
    expect([again.status, again.body.code]).toEqual([409, 'SCORING_ROUNDS_EXIST']);
  });

  it('asks which round a sheet is for, and will not qualify a round without complete results', async () => {
    const unnamed = await http().get(sheetPath(timekeeper)).set(bearer(timekeeper.token));
    expect([unnamed.status, unnamed.body.code, unnamed.body.details[0].field]).toEqual([400, 'SCORING_ROUND_REQUIRED', 'round']);
    const early = await http().post(`/api/v1/items/${itemId}/rounds/${heatsRound.id}/qualify`).set(bearer(world.organizer.token)).send({ next: { name: '决赛' } });
    expect([early.status, early.body.code, early.body.details[0].entryIds.length]).toEqual([409, 'SCORING_ROUND_INCOMPLETE', 12]);
  });

  it('qualifies the first two of each heat and the next two fastest, drawing lots for a tie at 1/1000 s', async () => {
    // Heat 3's and heat 2's third places both ran 10.443 (official 10.45): one place left for two.
    const times: Record<number, string[]> = {
      1: ['10.11', '10.31', '10.41', '10.71'],
      2: ['10.21', '10.36', '10.443', '10.81'],
      3: ['10.16', '10.26', '10.443', '10.91'],
    };
    const cells = heatsRound.entries.map((e) => ({ entryId: e.entryId, criterion: 'time', value: times[e.heat][e.lane - 1] }));
    await enterAndSubmit(timekeeper, heatsRound.id, cells);

    const results = await waitFor('the heats tallied', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results?round=${heatsRound.id}`);
      return res.body.results?.filter((r: { status: string }) => r.status === 'OK').length === 12 ? res.body : undefined;
    });
    expect(results.round).toMatchObject({ id: heatsRound.id, name: '预赛' });
    expect(results.results.slice(0, 2).map((r: { total: string; heat: number; lane: number }) => [r.total, r.heat, r.lane])).toEqual([
      ['10.11', 1, 1],
      ['10.16', 3, 1],
    ]);

    const qualifyPath = `/api/v1/items/${itemId}/rounds/${heatsRound.id}/qualify`;
    const next = { name: '决赛', heats: 1 };
    const undrawn = await http().post(qualifyPath).set(bearer(world.organizer.token)).send({ next });
    expect([undrawn.status, undrawn.body.code]).toEqual([409, 'SCORING_DRAW_REQUIRED']);
    expect(undrawn.body.details[0].draws).toEqual([{ basis: 'performance', ids: expect.arrayContaining([at(2, 3), at(3, 3)]), places: 1 }]);
    const wrongDraw = await http().post(qualifyPath).set(bearer(world.organizer.token)).send({ next, drawn: [at(1, 4)] });
    expect([wrongDraw.status, wrongDraw.body.details[0].field]).toEqual([400, 'drawn']);
    expect((await http().post(qualifyPath).set(bearer(timekeeper.token)).send({ next, drawn: [at(3, 3)] })).status).toBe(403);

    const res = await http().post(qualifyPath).set(bearer(world.organizer.token)).send({ next, drawn: [at(3, 3)] });
    expect(res.status).toBe(200);
    expect(res.body.round.status).toBe('closed');
    const marks = Object.fromEntries(res.body.round.entries.map((e: RoundEntry) => [`${e.heat}/${e.lane}`, e.qualified]));
    expect(marks).toEqual({
      '1/1': 'Q', '1/2': 'Q', '1/3': 'q', '1/4': null,
      '2/1': 'Q', '2/2': 'Q', '2/3': null, '2/4': null,
      '3/1': 'Q', '3/2': 'Q', '3/3': 'q', '3/4': null,
    });
    // TR 20.3.3: winners by time (10.11, 10.16, 10.21), runners-up by time (10.26, 10.31, 10.36), then q by time (10.41, 10.45).
    expect(res.body.next.entries.map((e: RoundEntry) => [e.lane, e.entryId])).toEqual(
      [at(1, 1), at(3, 1), at(2, 1), at(3, 2), at(1, 2), at(2, 2), at(1, 3), at(3, 3)].map((id, i) => [i + 1, id]),
    );
    const closedAgain = await http().post(qualifyPath).set(bearer(world.organizer.token)).send({ next, drawn: [at(3, 3)] });
    expect([closedAgain.status, closedAgain.body.code]).toEqual([409, 'SCORING_ROUND_CLOSED']);
  });

  it('refuses corrections to a closed round, even with a reason', async () => {
    const sheet = (await http().get(sheetPath(timekeeper, heatsRound.id)).set(bearer(world.organizer.token))).body;
    const res = await http()
      .put(sheetPath(timekeeper, heatsRound.id))
      .set(bearer(world.organizer.token))
      .send({ version: sheet.version, marks: [{ entryId: at(2, 3), criterion: 'time', value: '10.40' }], reason: '复核录像' });
    expect([res.status, res.body.code]).toEqual([409, 'SCORING_ROUND_CLOSED']);
  });

  it('lets a judge seated for the final score only the final, which ranks with shared places', async () => {
    const [heats, final] = (await http().get(`/api/v1/items/${itemId}/rounds`)).body;
    expect([heats.status, final.name, final.seq, final.entries.length]).toEqual(['closed', '决赛', 2, 8]);
    await post(world.url, `/api/v1/items/${itemId}/judges`, world.organizer.token, { userId: finalJudge.id, roundIds: [final.id] });
    expect((await http().get(sheetPath(finalJudge, heats.id)).set(bearer(finalJudge.token))).status).toBe(403);

    // Lane 7 does not finish; lanes 2 and 3 share second place on equal official times.
    const times = ['10.05', '10.12', '10.12', '10.20', '10.25', '10.30', null, '10.40'];
    const cells = final.entries.map((e: RoundEntry) =>
      times[e.lane - 1] ? { entryId: e.entryId, criterion: 'time', value: times[e.lane - 1] } : { entryId: e.entryId, criterion: 'status', value: 'DNF' },
    );
    await enterAndSubmit(finalJudge, final.id, cells);

    const board = await waitFor('the final tallied', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      const done = res.body.results?.length === 8 && res.body.results.every((r: { status: string }) => r.status !== 'INCOMPLETE');
      return res.body.round?.id === final.id && done ? res.body : undefined;
    });
    expect(board.rounds.map((r: { name: string }) => r.name)).toEqual(['预赛', '决赛']);
    expect(board.results.map((r: { lane: number; place: number | null; status: string }) => [r.lane, r.place, r.status])).toEqual([
      [1, 1, 'OK'],
      [2, 2, 'OK'],
      [3, 2, 'OK'],
      [4, 4, 'OK'],
      [5, 5, 'OK'],
      [6, 6, 'OK'],
      [8, 7, 'OK'],
      [7, null, 'DNF'],
    ]);
    const finalRule = await http().post(`/api/v1/items/${itemId}/rounds/${final.id}/qualify`).set(bearer(world.organizer.token)).send({ next: { name: '加赛' } });
    expect([finalRule.status, finalRule.body.code]).toEqual([409, 'SCORING_ROUND_IS_FINAL']);
  });
});
