import { waitFor } from './support/processes';
import { adminToken, bearer, buildWorld, competitionWithEntries, http, login, type Person, post, put, submitMark, type World } from './support/world';

/**
 * The judging workflow through the API, with the real worker: score sheets
 * draft → submitted → locked, corrections with reasons in the audit trail,
 * concurrent edits refused, WorldSkills judgement gaps blocking submission,
 * conflicts of interest, and bad marks of every kind refused by field.
 */
describe('judging: score sheets, corrections and their audit trail', () => {
  let world: World;
  let itemId: number;
  let eventId: number;
  let entryIds: number[];
  let panel: Person[];
  let outsider: Person;
  let chief: Person;

  const sheetPath = (judge: Person, item = itemId) => `/api/v1/items/${item}/sheets/${judge.id}`;
  const readSheet = async (as: Person, judge: Person, item = itemId) => (await http().get(sheetPath(judge, item)).set(bearer(as.token))).body;
  const saveSheet = (as: Person, judge: Person, body: object, item = itemId) => http().put(sheetPath(judge, item)).set(bearer(as.token)).send(body);
  const submit = async (judge: Person, item = itemId) =>
    http().post(`${sheetPath(judge, item)}/submit`).set(bearer(judge.token)).send({ version: (await readSheet(judge, judge, item)).version });

  /** An item of the event with its own scheme and the first three judges seated. */
  async function itemWith(name: string, scheme: object): Promise<number> {
    const item = await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name });
    await put(world.url, `/api/v1/items/${item.id}/scheme`, world.organizer.token, { scheme });
    for (const c of world.contestants.slice(0, 3)) await post(world.url, `/api/v1/items/${item.id}/entries`, c.token, {});
    for (const j of panel) await post(world.url, `/api/v1/items/${item.id}/judges`, world.organizer.token, { userId: j.id });
    return item.id;
  }

  beforeAll(async () => {
    world = await buildWorld({ judges: 4, contestants: 20 });
    panel = world.judges.slice(0, 3);
    [chief] = panel;
    outsider = world.judges[3];
    ({ eventId, itemId, entryIds } = await competitionWithEntries({ ...world, judges: panel }));
    await post(world.url, `/api/v1/items/${itemId}/judges`, world.organizer.token, { userId: chief.id, chief: true });
  }, 120_000);

  it('ranks 20 contestants from three judges’ submitted sheets, tied totals sharing a place', async () => {
    // Contestant i gets 70+i%10, 75+i%10 and 99: dropping the highest and the lowest leaves 75+i%10,
    // so contestants i and i+10 tie. Totals 84, 84, 83, 83, … → places 1, 1, 3, 3, 5, 5, …
    const marks = (j: number) => entryIds.map((entryId, i) => ({ entryId, value: [String(70 + (i % 10)), String(75 + (i % 10)), '99'][j] }));
    for (const [j, judge] of panel.entries()) {
      const saved = await saveSheet(judge, judge, { version: 0, marks: marks(j) });
      expect([saved.status, saved.body.status, saved.body.marks.length]).toEqual([200, 'draft', 20]);
      expect(saved.body.entries).toHaveLength(20);
    }
    // Drafts do not count: nothing is tallied until the sheets are handed in.
    expect((await http().get(`/api/v1/items/${itemId}/results`)).body.results.filter((r: { status: string }) => r.status === 'OK')).toEqual([]);
    for (const judge of panel) expect((await submit(judge)).body.status).toBe('submitted');

    const results = await waitFor('the tally of 20 contestants', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      return res.body.results?.filter((r: { status: string }) => r.status === 'OK').length === 20 ? res.body.results : undefined;
    });
    const expected = entryIds
      .map((entryId, i) => ({ entryId, total: `${75 + (i % 10)}.00`, place: 1 + 2 * (9 - (i % 10)) }))
      .sort((a, b) => a.place - b.place || a.entryId - b.entryId);
    expect(results.map((r: { entryId: number; total: string; place: number }) => ({ entryId: r.entryId, total: r.total, place: r.place }))).toEqual(expected);
  });

  it('lists a judge’s own panels with their sheet’s state, and nothing for a judge on none', async () => {
    const mine = await http().get('/api/v1/me/judging').set(bearer(chief.token));
    const seat = mine.body.find((a: { itemId: number }) => a.itemId === itemId);
    expect([seat.eventId, seat.itemName, seat.chief, seat.sheetStatus]).toEqual([eventId, '低压电工（职工组）', true, 'submitted']);
    const second = await http().get('/api/v1/me/judging').set(bearer(panel[1].token));
    expect(second.body.find((a: { itemId: number }) => a.itemId === itemId).chief).toBe(false);
    expect((await http().get('/api/v1/me/judging').set(bearer(outsider.token))).body).toEqual([]);
    expect((await http().get('/api/v1/me/judging').set(bearer(world.contestants[0].token))).status).toBe(403);
  });

  it('refuses a judge who is not on the panel', async () => {
    const own = await saveSheet(outsider, outsider, { version: 0, marks: [{ entryId: entryIds[0], value: '90' }] });
    expect([own.status, own.body.code]).toEqual([403, 'SCORING_JUDGE_NOT_ASSIGNED']);
    expect((await submitMark(world.url, outsider, itemId, entryIds[0], '90')).status).toBe(403);
    expect((await http().get(sheetPath(panel[1])).set(bearer(outsider.token))).status).toBe(403);
    // A judge on the panel sees their own sheet, not a colleague's.
    expect((await http().get(sheetPath(panel[2])).set(bearer(panel[1].token))).status).toBe(403);
    const contestant = world.contestants[0];
    expect((await http().get(sheetPath(panel[1])).set(bearer(contestant.token))).status).toBe(403);
  });

  it('changes a submitted mark only through the chief judge or an organizer, with a reason kept in the audit trail', async () => {
    const judge = panel[1];
    const { version } = await readSheet(judge, judge);
    const byJudge = await saveSheet(judge, judge, { version, marks: [{ entryId: entryIds[0], value: '71' }] });
    expect([byJudge.status, byJudge.body.code]).toEqual([409, 'SCORING_SHEET_SUBMITTED']);
    const noReason = await saveSheet(chief, judge, { version, marks: [{ entryId: entryIds[0], value: '71' }] });
    expect([noReason.status, noReason.body.code, noReason.body.details[0].field]).toEqual([400, 'SCORING_REASON_REQUIRED', 'reason']);
    const corrected = await saveSheet(chief, judge, { version, marks: [{ entryId: entryIds[0], value: '71' }], reason: '核对纸质评分表，录入时看错一位' });
    expect([corrected.status, corrected.body.version]).toEqual([200, version + 1]);

    const trail = await http().get(`/api/v1/items/${itemId}/mark-changes`).set(bearer(world.organizer.token));
    expect(trail.status).toBe(200);
    expect(trail.body).toEqual([
      expect.objectContaining({
        entryId: entryIds[0],
        judgeId: judge.id,
        criterion: '总分',
        before: '75',
        after: '71',
        reason: '核对纸质评分表，录入时看错一位',
        changedBy: chief.id,
        changedByName: chief.realName,
      }),
    ]);
    expect(Date.parse(trail.body[0].changedAt)).toBeGreaterThan(Date.now() - 60_000);
    // The audit trail is the organizers'.
    expect((await http().get(`/api/v1/items/${itemId}/mark-changes`).set(bearer(chief.token))).status).toBe(403);
    // The correction re-tallies: contestant 1's marks 70, 71, 99 → 71.00.
    await waitFor('the corrected total', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      return res.body.results?.find((r: { entryId: number }) => r.entryId === entryIds[0])?.total === '71.00' || undefined;
    });
  });

  it('answers the later of two concurrent edits with 409 and the current version', async () => {
    const judge = panel[2];
    const { version } = await readSheet(world.organizer, judge);
    const edit = (as: Person, value: string) => saveSheet(as, judge, { version, marks: [{ entryId: entryIds[1], value }], reason: `复核更正为 ${value}` });
    const answers = await Promise.all([edit(world.organizer, '98'), edit(chief, '97')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const lost = answers.find((a) => a.status === 409)!;
    expect([lost.body.code, lost.body.details[0].currentVersion]).toEqual(['SCORING_SHEET_CHANGED', version + 1]);
    const won = answers.find((a) => a.status === 200)!;
    const stored = (await readSheet(world.organizer, judge)).marks.find((m: { entryId: number }) => m.entryId === entryIds[1]);
    expect(stored.value).toBe(won.body.marks.find((m: { entryId: number }) => m.entryId === entryIds[1]).value);
  });

  it('lets the chief judge lock a submitted sheet, and no other judge', async () => {
    const judge = panel[1];
    const { version } = await readSheet(judge, judge);
    const byJudge = await http().post(`${sheetPath(judge)}/lock`).set(bearer(judge.token)).send({ version });
    expect(byJudge.status).toBe(403);
    const locked = await http().post(`${sheetPath(judge)}/lock`).set(bearer(chief.token)).send({ version });
    expect([locked.status, locked.body.status]).toEqual([200, 'locked']);
  });

  it('reports each judge’s deviation from the others, flagging marks and judges beyond the thresholds', async () => {
    // Contestant i (k = i%10): the first two judges gave 70+k and 75+k, the third 99 (97 or 98 for contestant 2).
    // The third judge's deviation from the others' mean, 99 − (72.5+k) = 26.5 − k, passes 20 for k ≤ 6:
    // 14 marks, and about 440 in all. The first judge's |70+k − (87+k/2)| stays under 17.5 (about 290 in all).
    const url = `/api/v1/items/${itemId}/judge-deviation?markThreshold=20&judgeThreshold=350`;
    const report = await http().get(url).set(bearer(chief.token));
    expect(report.status).toBe(200);
    const byJudge = (p: Person) => report.body.judges.find((j: { judge: string }) => j.judge === String(p.id));
    expect([byJudge(panel[2]).flaggedMarks, byJudge(panel[2]).flagged]).toEqual([14, true]);
    expect([byJudge(panel[0]).flaggedMarks, byJudge(panel[0]).flagged]).toEqual([0, false]);
    expect([byJudge(panel[1]).flaggedMarks, byJudge(panel[1]).flagged]).toEqual([0, false]);
    expect((await http().get(url).set(bearer(panel[1].token))).status).toBe(403);
  });

  it('blocks a WorldSkills judgement aspect whose scores differ by more than the gap until the judges agree', async () => {
    const worldSkills = await itemWith('电工作品评价（世赛评分）', {
      kind: 'marking-scheme',
      judgementGap: 1,
      criteria: [
        { key: 'A', label: '安全与规范', aspects: [{ key: 'A1', type: 'measurement', maxMark: 40, label: '接线正确' }] },
        { key: 'B', label: '工艺', aspects: [{ key: 'B1', type: 'judgement', maxMark: 60, label: '整体工艺' }] },
      ],
    });
    const [entryId] = (await readSheet(panel[0], panel[0], worldSkills)).entries.map((e: { entryId: number }) => e.entryId);
    const score = (j: number, value: string, version = 0) => saveSheet(panel[j], panel[j], { version, marks: [{ entryId, criterion: 'B1', value }] }, worldSkills);
    expect((await score(0, '1')).status).toBe(200);
    expect((await submit(panel[0], worldSkills)).status).toBe(200);
    expect((await score(1, '3')).status).toBe(200);
    const blocked = await submit(panel[1], worldSkills);
    expect([blocked.status, blocked.body.code]).toEqual([422, 'SCORING_SHEET_BLOCKED']);
    expect(blocked.body.details[0]).toMatchObject({ code: 'JUDGEMENT_GAP' });
    expect((await readSheet(panel[1], panel[1], worldSkills)).status).toBe('draft');
    // After the discussion the second judge gives 2: within one point of 1, and the sheet goes in.
    expect((await score(1, '2', 1)).status).toBe(200);
    expect((await submit(panel[1], worldSkills)).status).toBe(200);
  });

  it('refuses bad marks of every kind with the field named, and writes nothing', async () => {
    const timed = await itemWith('100米跑', { kind: 'timed', rounding: { digits: 2, mode: 'up' } });
    const jump = await itemWith('跳高', { kind: 'vertical-jump', heightDigits: 2 });
    const judge = panel[0];
    const first = (await readSheet(judge, judge, timed)).entries[0].entryId;
    const jumper = (await readSheet(judge, judge, jump)).entries[0].entryId;
    const cases: [number, object, string, string][] = [
      [itemId, { entryId: entryIds[0], value: '101' }, 'marks[0].value', 'OUT_OF_RANGE'],
      [itemId, { entryId: entryIds[0], value: '88.125' }, 'marks[0].value', 'TOO_MANY_DECIMALS'],
      [itemId, { entryId: entryIds[0], criterion: '技巧', value: '88' }, 'marks[0].criterion', 'UNKNOWN_KEY'],
      [jump, { entryId: jumper, criterion: 'h:1.80', value: 'xa' }, 'marks[0].value', 'BAD_ATTEMPT'],
      [timed, { entryId: first, criterion: 'time', value: '10:7x' }, 'marks[0].value', 'BAD_TIME_FORMAT'],
      [timed, { entryId: first, criterion: 'status', value: 'LATE' }, 'marks[0].value', 'BAD_STATUS'],
    ];
    for (const [item, mark, field, reason] of cases) {
      const { version } = await readSheet(judge, judge, item);
      const res = await saveSheet(world.organizer, judge, { version, marks: [mark], reason: '更正' }, item);
      expect([res.status, res.body.code, res.body.details[0]?.field, res.body.details[0]?.reason]).toEqual([400, 'SCORING_INVALID_MARK', field, reason]);
      expect(res.body.message).toEqual(expect.any(String));
      expect((await readSheet(judge, judge, item)).version).toBe(version);
    }
    // The same cells, well formed, go in.
    const ok = await saveSheet(judge, judge, { version: 0, marks: [{ entryId: first, criterion: 'time', value: '10.234' }] }, timed);
    expect([ok.status, ok.body.marks[0].value]).toEqual([200, '10.234']);
    const cleared = await saveSheet(judge, judge, { version: 0, marks: [{ entryId: jumper, criterion: 'h:1.8', value: 'XO' }] }, jump);
    expect([cleared.status, cleared.body.marks[0]]).toEqual([200, { entryId: jumper, criterion: 'h:1.80', value: 'xo' }]);
  });

  it('takes a mark as a JSON number (92.5) as well as text, and refuses a number it could misread, naming the field', async () => {
    const scheme = { kind: 'judge-panel', marks: { min: 0, max: 100, maxDecimals: 2 }, criteria: [{ key: '总分', aggregate: 'mean' }], rounding: { digits: 2, mode: 'half-up' } };
    const item = await itemWith('数字成绩', scheme);
    const judge = panel[0];
    const [first, second] = (await readSheet(judge, judge, item)).entries.map((e: { entryId: number }) => e.entryId);
    const enter = (value: unknown, entryId = first) => http().put(`/api/v1/items/${item}/marks`).set(bearer(judge.token)).send({ entryId, value });

    const numeric = await enter(92.5);
    expect([numeric.status, numeric.body.marks]).toEqual([200, [{ entryId: first, criterion: '总分', value: '92.5' }]]);
    expect((await enter('86', second)).body.marks).toContainEqual({ entryId: second, criterion: '总分', value: '86' });
    // A number is held to the scheme like text: three decimals where two are allowed.
    const precise = await enter(88.125);
    expect([precise.status, precise.body.code, precise.body.details[0]?.reason]).toEqual([400, 'SCORING_INVALID_MARK', 'TOO_MANY_DECIMALS']);

    const { version } = await readSheet(judge, judge, item);
    for (const value of [1e21, 1234567890123456]) {
      const res = await enter(value).set('accept-language', 'en');
      expect([res.status, res.body.code, res.body.details]).toEqual([400, 'VALIDATION_FAILED', [{ field: 'value', code: 'IS_MARK', message: expect.stringContaining('no exponent') }]]);
    }
    const sheet = await readSheet(judge, judge, item);
    expect([sheet.version, sheet.marks.find((m: { entryId: number }) => m.entryId === first)?.value]).toEqual([version, '92.5']);
  });

  it('warns of a judge scoring their own organisation’s contestant, or blocks it where the event says so', async () => {
    const admin = await adminToken();
    const username = `judge-coi-${world.tag}`;
    const user = await post(world.url, '/api/v1/users', admin, {
      username,
      password: 'Qiantang-tide-2026',
      realName: '裁判周敏',
      roles: [
        { organisationId: world.district.id, role: 'judge' },
        { organisationId: world.enterprises[0].id, role: 'contestant' },
      ],
    });
    const coi: Person = { id: user.id, username, realName: '裁判周敏', token: await login(username) };
    await post(world.url, `/api/v1/items/${itemId}/judges`, world.organizer.token, { userId: coi.id });
    // Contestants alternate between the two enterprises: entry 0 is of the judge's own, entry 1 is not.
    const warned = await saveSheet(coi, coi, { version: 0, marks: [{ entryId: entryIds[0], value: '80' }, { entryId: entryIds[1], value: '81' }] });
    expect(warned.status).toBe(200);
    expect(warned.body.warnings).toEqual([expect.objectContaining({ code: 'CONFLICT_OF_INTEREST', entryId: entryIds[0] })]);

    await put(world.url, `/api/v1/events/${eventId}/conflict-of-interest`, world.organizer.token, { conflictOfInterest: 'block' });
    const blocked = await saveSheet(coi, coi, { version: 1, marks: [{ entryId: entryIds[2], value: '82' }] });
    expect([blocked.status, blocked.body.code, blocked.body.details[0].field]).toEqual([403, 'SCORING_CONFLICT_OF_INTEREST', 'marks[0].entryId']);
    expect((await saveSheet(coi, coi, { version: 1, marks: [{ entryId: entryIds[3], value: '83' }] })).status).toBe(200);
    const refused = await http().put(`/api/v1/events/${eventId}/conflict-of-interest`).set(bearer(chief.token)).send({ conflictOfInterest: 'warn' });
    expect(refused.status).toBe(403);
  });

  it('previews a scheme against a rulebook example through the scoring code, and refuses an invalid one', async () => {
    // World Aquatics: 7 judges, the two highest and two lowest dropped, the other three summed × degree of difficulty.
    // Marks 7.5 8 8 8.5 7.5 8 8 → 8 + 8 + 8 = 24 × 3.0 = 72.00; a second dive 6.5 7 7 7 7.5 6.5 7 → 21 × 3.0 = 63.00.
    const diving = {
      kind: 'judge-panel',
      marks: { min: 0, max: 10, step: 0.5 },
      criteria: [{ key: 'execution', aggregate: 'sum', drop: { highest: 2, lowest: 2 }, multiplyByDifficulty: true }],
      difficulty: { min: 1.2, max: 4.8 },
      rounding: { digits: 2, mode: 'half-up' },
    };
    const rows = [
      { id: '选手甲', input: { marks: ['7.5', '8', '8', '8.5', '7.5', '8', '8'], difficulty: '3.0' } },
      { id: '选手乙', input: { marks: ['6.5', '7', '7', '7', '7.5', '6.5', '7'], difficulty: '3.0' } },
      { id: '选手丙', input: { marks: ['8', '8', '8', '8', '8', '8', '8'], difficulty: '3.0' } },
    ];
    const res = await http().post('/api/v1/scoring/preview').set(bearer(world.organizer.token)).send({ scheme: diving, rows });
    expect(res.status).toBe(200);
    expect(res.body.map((r: { id: string; place: number; total: string }) => [r.id, r.place, r.total])).toEqual([
      ['选手甲', 1, '72.00'],
      ['选手丙', 1, '72.00'],
      ['选手乙', 3, '63.00'],
    ]);
    expect(res.body[0].breakdown).toBeDefined();
    const invalid = await http().post('/api/v1/scoring/preview').set(bearer(world.organizer.token)).send({ scheme: { ...diving, criteria: [] }, rows });
    expect([invalid.status, invalid.body.code]).toEqual([400, 'SCORING_INVALID_SCHEME']);
    const badMark = await http()
      .post('/api/v1/scoring/preview')
      .set(bearer(world.organizer.token))
      .send({ scheme: diving, rows: [{ id: '选手丁', input: { marks: ['7.3', '8', '8', '8', '8', '8', '8'], difficulty: '3.0' } }] });
    expect([badMark.status, badMark.body.details[0].field]).toEqual([400, 'rows[0].input.marks[0]']);
    expect((await http().post('/api/v1/scoring/preview').set(bearer(chief.token)).send({ scheme: diving, rows })).status).toBe(403);
  });

  it('lets a judge seated for a group of contestants see and score only those', async () => {
    const seats = await post(world.url, `/api/v1/items/${itemId}/judges`, world.organizer.token, { userId: outsider.id, entryIds: entryIds.slice(0, 2) });
    expect(seats.find((s: { userId: number }) => s.userId === outsider.id)).toMatchObject({ chief: false, entryIds: entryIds.slice(0, 2) });
    const sheet = await readSheet(outsider, outsider);
    expect(sheet.entries.map((e: { entryId: number }) => e.entryId).sort()).toEqual(entryIds.slice(0, 2).sort());
    const other = await saveSheet(outsider, outsider, { version: 0, marks: [{ entryId: entryIds[5], value: '80' }] });
    expect([other.status, other.body.code, other.body.details[0].field]).toEqual([422, 'SCORING_ENTRY_NOT_IN_ITEM', 'marks[0].entryId']);
    expect((await saveSheet(outsider, outsider, { version: 0, marks: [{ entryId: entryIds[1], value: '80' }] })).status).toBe(200);
  });

  it('places a high jump by countback: fewer failures at the last height cleared, then fewer failures in all up to it', async () => {
    const jump = (await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '男子跳高' })).id;
    await put(world.url, `/api/v1/items/${jump}/scheme`, world.organizer.token, { scheme: { kind: 'vertical-jump', heightDigits: 2 } });
    const jumpers = world.contestants.slice(3, 10);
    const entry: number[] = [];
    for (const c of jumpers) entry.push((await post(world.url, `/api/v1/items/${jump}/entries`, c.token, {})).id);
    const judge = panel[0];
    await post(world.url, `/api/v1/items/${jump}/judges`, world.organizer.token, { userId: judge.id });
    // The bar at 1.70, 1.75, 1.80, 1.85 (o cleared, x failed, - passed); nobody clears 1.85.
    //               1.70   1.75   1.80   1.85    best  failures at best  failures up to best
    const cards = [
      ['o', 'o', 'xo', 'xxx'], // A   1.80   1                 1
      ['o', 'xo', 'o', 'xxx'], // B   1.80   0                 1  (the three at 1.85 are above the best: not counted)
      ['xo', 'xo', 'o', ''], //   C   1.80   0                 2  (retired after 1.80)
      ['o', 'o', 'xxo', 'xxx'], // D  1.80   2                 2
      ['o', 'xo', 'xo', 'xxx'], // E  1.80   1                 2
      ['-', 'o', 'xxx', ''], //   F   1.75   0                 0
      ['xo', 'o', 'xo', 'xxx'], // G  1.80   1                 2
    ];
    // By hand: all but F cleared 1.80. Fewest failures at 1.80: B and C (0), then A, E, G (1), then D (2).
    // B before C: 1 failure in all against 2 (counting B's three at 1.85 would put C first). A before E and G:
    // 1 against 2. E and G tie on both counts and share 4th; D is 6th, F (1.75) 7th.
    // So: B 1, C 2, A 3, E 4, G 4, D 6, F 7. Counting all failures first would put A (1) before C (2).
    const heights = ['1.70', '1.75', '1.80', '1.85'];
    const marks = cards.flatMap((card, i) => card.flatMap((trials, h) => (trials ? [{ entryId: entry[i], criterion: `h:${heights[h]}`, value: trials }] : [])));
    expect((await saveSheet(judge, judge, { version: 0, marks }, jump)).status).toBe(200);
    expect((await submit(judge, jump)).status).toBe(200);

    const results = await waitFor('the high jump tallied', async () => {
      const res = await http().get(`/api/v1/items/${jump}/results`);
      return res.body.results?.filter((r: { status: string }) => r.status === 'OK').length === 7 ? res.body.results : undefined;
    });
    const [A, B, C, D, E, F, G] = entry;
    expect(results.map((r: { entryId: number; place: number; total: string }) => [r.entryId, r.place, r.total])).toEqual([
      [B, 1, '1.80'],
      [C, 2, '1.80'],
      [A, 3, '1.80'],
      ...[E, G].sort((a, b) => a - b).map((id) => [id, 4, '1.80']),
      [D, 6, '1.80'],
      [F, 7, '1.75'],
    ]);
  });
});
