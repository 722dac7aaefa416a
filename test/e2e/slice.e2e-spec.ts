import { bearer, buildWorld, competitionWithEntries, http, JUDGE_PANEL, submitMark, submitSheet, type World } from './support/world';
import { waitFor } from './support/processes';

/**
 * The first vertical slice through the real API and the real worker:
 * organizer → event, item and scheme → registration → judges → marks →
 * submitted sheets → outbox → tally job in the worker → ranked results.
 */
describe('skill competition, end to end', () => {
  let world: World;
  let itemId: number;
  let entryIds: number[];

  beforeAll(async () => {
    world = await buildWorld({ judges: 3, contestants: 5 });
    ({ itemId, entryIds } = await competitionWithEntries(world));
  });

  it('ranks the item from the judges’ marks, dropping the highest and the lowest', async () => {
    // Marks by judge 1, 2, 3 per contestant, and the hand computation (drop 1 high, 1 low, mean of the rest):
    const marks: [string, string, string][] = [
      ['86', '90.5', '88'], //   drop 90.5 and 86 → 88.00
      ['92', '79', '85.25'], //  drop 92 and 79 → 85.25
      ['88', '88', '95'], //     drop 95 and 88 → 88.00 (ties contestant 1)
      ['70', '99', '75.5'], //   drop 99 and 70 → 75.50
      ['91', '90', '89.99'], //  drop 91 and 89.99 → 90.00
    ];
    for (const [e, row] of marks.entries()) {
      for (const [j, value] of row.entries()) {
        const res = await submitMark(world.url, world.judges[j], itemId, entryIds[e], value);
        expect(res.status).toBe(200);
      }
    }
    for (const judge of world.judges) expect((await submitSheet(world.url, judge, itemId)).status).toBe(200);
    const results = await waitFor('the worker to tally all 15 marks', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      return res.body.results?.every((r: { status: string }) => r.status === 'OK') && res.body.results.length === 5 ? res.body : undefined;
    });
    const table = results.results.map((r: { place: number; total: string; realName: string; entryId: number }) => [r.place, r.total, r.entryId]);
    expect(table).toEqual([
      [1, '90.00', entryIds[4]],
      [2, '88.00', entryIds[0]],
      [2, '88.00', entryIds[2]], // shared place: "1, 2, 2, 4"
      [4, '85.25', entryIds[1]],
      [5, '75.50', entryIds[3]],
    ]);
    expect(results.results[0].realName).toBe(world.contestants[4].realName);
    // The per-judge breakdown is the organizers' until the results are published.
    expect(results.results[0].breakdown).toBeNull();
    const full = await http().get(`/api/v1/items/${itemId}/results`).set(bearer(world.organizer.token));
    expect(full.body.results[0].breakdown.criteria[0].droppedHigh).toHaveLength(1);
    // Results keep each entry's input and compute the breakdown on request: every judge, drop and
    // rounding step as the scheme preview computes it for the same marks.
    const preview = await http()
      .post('/api/v1/scoring/preview')
      .set(bearer(world.organizer.token))
      .send({ scheme: JUDGE_PANEL, rows: marks.map((row, e) => ({ id: String(entryIds[e]), input: { marks: row } })) });
    expect(preview.status).toBe(200);
    const byEntry = new Map(preview.body.map((r: { id: string; breakdown: unknown }) => [Number(r.id), r.breakdown]));
    for (const r of full.body.results) expect(r.breakdown).toEqual(byEntry.get(r.entryId));
  });

  it('re-tallies after the organizer corrects submitted marks, with a reason', async () => {
    // Judge 2's mark for contestant 5 goes from 90 to 80: marks 91, 80, 89.99 → drop 91 and 80 → 89.99, still first.
    // Judge 3's mark for contestant 2 goes from 85.25 to 93: marks 92, 79, 93 → drop 93 and 79 → 92.00, now first.
    const correct = async (judge: number, entry: number, value: string) => {
      const path = `/api/v1/items/${itemId}/sheets/${world.judges[judge].id}`;
      const { version } = (await http().get(path).set(bearer(world.organizer.token))).body;
      return http().put(path).set(bearer(world.organizer.token)).send({ version, marks: [{ entryId: entryIds[entry], value }], reason: '按原始纸质评分表更正录入错误' });
    };
    expect((await correct(1, 4, '80')).status).toBe(200);
    expect((await correct(2, 1, '93')).status).toBe(200);
    const results = await waitFor('the corrected ranking', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      return res.body.results?.[0]?.entryId === entryIds[1] ? res.body : undefined;
    });
    expect(results.results.map((r: { place: number; total: string }) => [r.place, r.total])).toEqual([
      [1, '92.00'],
      [2, '89.99'],
      [3, '88.00'],
      [3, '88.00'],
      [5, '75.50'],
    ]);
  });
});
