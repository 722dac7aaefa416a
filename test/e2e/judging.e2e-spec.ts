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
    await post(world.url, `/api/v1/events/${eventId}/status`, world.organizer.token, { status: 'registration_open' }).catch(() => undefined);
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
    expect([noReason.status, noReason.body.code, noReason.body.details.field]).toEqual([400, 'SCORING_REASON_REQUIRED', 'reason']);
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
    expect([lost.body.code, lost.body.details.currentVersion]).toEqual(['SCORING_SHEET_CHANGED', version + 1]);
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
});
