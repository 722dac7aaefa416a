import type { DataSource } from 'typeorm';
import { waitFor } from './support/processes';
import { openDatabase } from './support/stack';
import { bearer, buildWorld, competitionWithEntries, http, submitSheet, type World } from './support/world';

/** Upholding an appeal as a jury does: several judges' marks on several criteria, or a disqualification reversed, in one decision. */
describe('appeal decisions', () => {
  let world: World;
  let ds: DataSource;
  let itemId: number;
  let entryIds: number[];

  const organizer = () => bearer(world.organizer.token);
  const results = () => http().get(`/api/v1/items/${itemId}/results`).set(organizer());
  const mark = (j: number, entryId: number, criterion: string, value: string) =>
    http().put(`/api/v1/items/${itemId}/marks`).set(bearer(world.judges[j].token)).send({ entryId, criterion, value });
  const appeal = async (i: number, reason: string) =>
    (await http().post(`/api/v1/items/${itemId}/appeals`).set(bearer(world.contestants[i].token)).send({ entryId: entryIds[i], reason })).body.id as number;
  const uphold = (appealId: number, body: object) => http().post(`/api/v1/appeals/${appealId}/uphold`).set(organizer()).send(body);
  const standings = (body: { results: { entryId: number; place: number | null; total: string | null; status: string }[] }) =>
    body.results.map((r) => [entryIds.indexOf(r.entryId), r.status, r.total]);
  const afterTally = async (version: number) =>
    waitFor('the re-tally', async () => {
      const res = await results();
      return res.body.scoreVersion > version ? res.body : undefined;
    });

  beforeAll(async () => {
    world = await buildWorld({ judges: 3, contestants: 3 });
    ({ itemId, entryIds } = await competitionWithEntries(world));
    const scheme = {
      kind: 'judge-panel',
      marks: { min: 0, max: 100, maxDecimals: 2 },
      criteria: [
        { key: '技术', aggregate: 'mean' },
        { key: '规范', aggregate: 'mean' },
      ],
      rounding: { digits: 2, mode: 'half-up' },
    };
    expect((await http().put(`/api/v1/items/${itemId}/scheme`).set(organizer()).send({ scheme })).status).toBe(200);
    const given = [
      { 技术: '80', 规范: '72' }, // 152
      { 技术: '85', 规范: '85' }, // 170, but disqualified by the first judge
      { 技术: '90', 规范: '60' }, // 150
    ];
    for (const [e, row] of given.entries()) for (let j = 0; j < 3; j++) for (const [c, v] of Object.entries(row)) expect((await mark(j, entryIds[e], c, v)).status).toBe(200);
    expect((await mark(0, entryIds[1], 'status', 'DQ')).status).toBe(200);
    for (const j of world.judges) await submitSheet(world.url, j, itemId);
    // Earlier tallies (marks still coming in) show entries incomplete; the notice period starts on the submitted sheets' tally.
    await waitFor('the results of the submitted sheets', async () => {
      const rows: { status: string }[] | undefined = (await results()).body.results;
      return rows?.length === 3 && rows.every((r) => r.status !== 'INCOMPLETE') ? true : undefined;
    });
    expect((await http().post(`/api/v1/items/${itemId}/publication/notice`).set(organizer())).status).toBe(200);
    ds = await openDatabase();
  }, 120_000);

  afterAll(async () => ds?.destroy());

  it("corrects two judges' marks on two criteria of the appealed entry in one decision, refusing another entry's mark", async () => {
    const before = (await results()).body;
    expect(standings(before)).toEqual([
      [0, 'OK', '152.00'],
      [2, 'OK', '150.00'],
      [1, 'DQ', null],
    ]);
    const appealId = await appeal(0, '技术和规范两项评分均有误，附现场录像');

    const other = await uphold(appealId, {
      reason: '顺带更正他人',
      marks: [{ judgeId: world.judges[0].id, entryId: entryIds[0], criterion: '技术', value: '95' }, { judgeId: world.judges[0].id, entryId: entryIds[2], criterion: '技术', value: '60' }],
    });
    expect([other.status, other.body.code, other.body.details[0].field]).toEqual([400, 'RESULTS_CORRECTION_OTHER_ENTRY', 'marks[1].entryId']);
    const nothing = await uphold(appealId, { reason: '恢复成绩', reinstate: true });
    expect([nothing.status, nothing.body.code]).toEqual([409, 'RESULTS_NOTHING_TO_REINSTATE']);
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM marks WHERE item_id = ? AND value IN ('95', '60') AND criterion = '技术'", [itemId]);
    expect(Number(n)).toBe(0);

    const upheld = await uphold(appealId, {
      reason: '经复核录像，一号评委技术分应为 95，二号评委规范分应为 90',
      marks: [
        { judgeId: world.judges[0].id, entryId: entryIds[0], criterion: '技术', value: '95' },
        { judgeId: world.judges[1].id, entryId: entryIds[0], criterion: '规范', value: '90' },
      ],
    });
    expect([upheld.status, upheld.body.status]).toEqual([200, 'upheld']);
    // 技术 (95 + 80 + 80) / 3 = 85, 规范 (72 + 90 + 72) / 3 = 78: 163.
    expect(standings(await afterTally(before.scoreVersion))).toEqual([
      [0, 'OK', '163.00'],
      [2, 'OK', '150.00'],
      [1, 'DQ', null],
    ]);
    const changes = (await http().get(`/api/v1/items/${itemId}/mark-changes`).set(organizer())).body;
    const mine = changes.filter((c: { reason: string }) => c.reason.startsWith(`申诉 #${appealId} 成立`));
    expect(mine.map((c: { judgeId: number; criterion: string; before: string; after: string }) => [c.judgeId, c.criterion, c.before, c.after]).sort()).toEqual(
      [
        [world.judges[0].id, '技术', '80', '95'],
        [world.judges[1].id, '规范', '72', '90'],
      ].sort(),
    );
  });

  it('reverses a disqualification on whichever sheet carries it, re-tallies, and the audit records it', async () => {
    const before = (await results()).body;
    const appealId = await appeal(1, '取消资格的判罚有误');
    const upheld = await uphold(appealId, { reason: '经仲裁委员会复核，取消资格的判罚不成立', reinstate: true });
    expect([upheld.status, upheld.body.status]).toEqual([200, 'upheld']);
    expect(standings(await afterTally(before.scoreVersion))).toEqual([
      [1, 'OK', '170.00'],
      [0, 'OK', '163.00'],
      [2, 'OK', '150.00'],
    ]);
    const audit = (await http().get(`/api/v1/items/${itemId}/publication/audit`).set(organizer())).body;
    const decision = audit.find((a: { action: string; appealId: number }) => a.action === 'UPHOLD_APPEAL' && a.appealId === appealId);
    expect(decision.detail).toMatchObject({ marks: [{ judgeId: world.judges[0].id, entryId: entryIds[1], criterion: 'status', value: 'OK' }], reinstated: true });
    const changes = (await http().get(`/api/v1/items/${itemId}/mark-changes`).set(organizer())).body;
    expect(changes.find((c: { entryId: number; criterion: string }) => c.entryId === entryIds[1] && c.criterion === 'status')).toMatchObject({ before: 'DQ', after: 'OK' });
  });
});
