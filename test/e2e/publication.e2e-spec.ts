import type { DataSource } from 'typeorm';
import { waitFor } from './support/processes';
import { openDatabase } from './support/stack';
import { beijingClock } from './support/beijing';
import { bearer, buildWorld, competitionWithEntries, http, post, submitMark, submitSheet, type World } from './support/world';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex').toString('base64');

/** Provisional → notice (公示) with appeals → final, frozen until an audited reopening. */
describe('publication: notice, appeals, final results', () => {
  let world: World;
  let ds: DataSource;
  let itemId: number;
  let entryIds: number[];
  let appealId: number;
  let eventId: number;

  const organizer = () => bearer(world.organizer.token);
  const as = (i: number) => bearer(world.contestants[i].token);
  const results = (token?: string) => http().get(`/api/v1/items/${itemId}/results`).set(token ? bearer(token) : {});
  const appeal = (i: number, body: object) => http().post(`/api/v1/items/${itemId}/appeals`).set(as(i)).send(body);
  const appealsOf = async (entryId: number) => Number((await ds.query('SELECT COUNT(*) AS n FROM result_appeals WHERE entry_id = ?', [entryId]))[0].n);

  beforeAll(async () => {
    world = await buildWorld({ judges: 3, contestants: 4 });
    ({ eventId, itemId, entryIds } = await competitionWithEntries(world));
    const marks = [
      ['80', '82', '84'],
      ['85', '86', '87'],
      ['70', '90', '75'],
      ['60', '65', '70'],
    ];
    for (const [e, row] of marks.entries()) for (const [j, v] of row.entries()) await submitMark(world.url, world.judges[j], itemId, entryIds[e], v);
    for (const j of world.judges) await submitSheet(world.url, j, itemId);
    await waitFor('the results', async () => (await results()).body.results?.filter((r: { status: string }) => r.status === 'OK').length === 4);
    ds = await openDatabase();
  }, 120_000);

  afterAll(async () => ds?.destroy());

  it('refuses to put an item on notice while it has no results', async () => {
    const empty = await post(world.url, `/api/v1/events/${eventId}/items`, world.organizer.token, { name: '高压电工（职工组）' });
    const notice = await http().post(`/api/v1/items/${empty.id}/publication/notice`).set(organizer());
    expect([notice.status, notice.body.code]).toEqual([409, 'RESULTS_NONE_TO_PUBLISH']);
    expect((await http().get(`/api/v1/items/${empty.id}/publication`)).body.status).toBe('PROVISIONAL');
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM result_audit WHERE item_id = ?', [empty.id]);
    expect(Number(n)).toBe(0);
  });

  it('accepts no appeal before the notice, and lets only organizers publish', async () => {
    const early = await appeal(0, { entryId: entryIds[0], reason: '评分有误' });
    expect([early.status, early.body.code]).toEqual([409, 'RESULTS_APPEAL_NOT_IN_NOTICE']);
    expect((await http().post(`/api/v1/items/${itemId}/publication/notice`).set(as(0))).status).toBe(403);
    expect((await http().post(`/api/v1/items/${itemId}/publication/notice`).set(bearer(world.judges[0].token))).status).toBe(403);
    expect((await results()).body.results[0].breakdown).toBeNull();

    const notice = await http().post(`/api/v1/items/${itemId}/publication/notice`).set(organizer());
    expect([notice.status, notice.body.status]).toEqual([200, 'NOTICE']);
    const days = (Date.parse(notice.body.noticeEndsAt) - Date.parse(notice.body.noticeStartedAt)) / 86_400_000;
    expect(days).toBe(5);
    // Published: the per-judge breakdown is public now, for transparency.
    const pub = (await results()).body;
    expect([pub.publication.status, pub.results[0].breakdown.criteria.length]).toEqual(['NOTICE', 1]);
  });

  it('takes an appeal with its reason and attachment from the contestant, and refuses strangers and bad files by field', async () => {
    const stranger = await appeal(1, { entryId: entryIds[0], reason: '替他人申诉' });
    expect(stranger.status).toBe(403);
    const badFile = await appeal(0, { entryId: entryIds[0], reason: '评分有误', attachments: [{ fileName: '说明.exe', contentType: 'application/x-msdownload', contentBase64: PNG }] });
    expect([badFile.status, badFile.body.code, badFile.body.details[0].field]).toEqual([400, 'RESULTS_INVALID_ATTACHMENT', 'attachments[0].contentType']);
    // The type is read from the bytes: a page or script sent as an image, or a PDF declared as PNG, is refused by field.
    const html = Buffer.from('<html><script>fetch("/api/v1/auth/me")</script></html>').toString('base64');
    const script = await appeal(0, { entryId: entryIds[0], reason: '评分有误', attachments: [{ fileName: '截图.png', contentType: 'image/png', contentBase64: html }] });
    expect([script.status, script.body.code, script.body.details[0].field]).toEqual([400, 'RESULTS_INVALID_ATTACHMENT', 'attachments[0].contentBase64']);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n').toString('base64');
    const mislabelled = await appeal(0, {
      entryId: entryIds[0],
      reason: '评分有误',
      attachments: [{ fileName: '截图.png', contentType: 'image/png', contentBase64: PNG }, { fileName: '评分表.png', contentType: 'image/png', contentBase64: pdf }],
    });
    expect([mislabelled.status, mislabelled.body.code, mislabelled.body.details[0].field]).toEqual([400, 'RESULTS_INVALID_ATTACHMENT', 'attachments[1].contentType']);
    const four = await appeal(0, { entryId: entryIds[0], reason: '评分有误', attachments: Array.from({ length: 4 }, () => ({ fileName: 'a.png', contentType: 'image/png', contentBase64: PNG })) });
    expect([four.status, four.body.details[0].field]).toEqual([400, 'attachments']);
    // The body limit admits three files at their largest (5 MB each, 4/3 of that in base64): each is read and checked.
    const big = Buffer.alloc(5 * 1024 * 1024);
    Buffer.from(PNG, 'base64').copy(big);
    const largest = big.toString('base64');
    const full = await appeal(0, {
      entryId: entryIds[0],
      reason: '评分有误',
      attachments: [
        { fileName: '录像截图1.png', contentType: 'image/png', contentBase64: largest },
        { fileName: '录像截图2.png', contentType: 'image/png', contentBase64: largest },
        { fileName: '录像截图3.pdf', contentType: 'application/pdf', contentBase64: largest },
      ],
    });
    expect([full.status, full.body.details?.[0].field]).toEqual([400, 'attachments[2].contentType']);
    expect(await appealsOf(entryIds[0])).toBe(0);
    const noReason = await appeal(0, { entryId: entryIds[0] });
    expect([noReason.status, noReason.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['reason']]);

    const filed = await appeal(0, { entryId: entryIds[0], reason: '一号评委的分数录入有误，原始评分表为 88 分', attachments: [{ fileName: '原始评分表.png', contentType: 'image/png', contentBase64: PNG }] });
    expect([filed.status, filed.body.status, filed.body.attachments.length]).toEqual([201, 'open', 1]);
    appealId = filed.body.id;
    const file = await http().get(`/api/v1/appeals/${appealId}/attachments/${filed.body.attachments[0].id}`).set(organizer()).buffer(true);
    expect([file.status, file.headers['content-type'], Buffer.from(file.body).toString('base64')]).toEqual([200, 'image/png', PNG]);
    // Downloaded, never rendered in our origin, and never taken for another type.
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment; /);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('原始评分表.png')}`);
    // One undecided appeal per entry at a time.
    const again = await appeal(0, { entryId: entryIds[0], reason: '再次申诉' });
    expect([again.status, again.body.code, again.body.details[0].field]).toEqual([409, 'RESULTS_APPEAL_ALREADY_OPEN', 'entryId']);
    expect((await http().get(`/api/v1/appeals/${appealId}/attachments/${filed.body.attachments[0].id}`).set(as(1))).status).toBe(403);
    expect((await http().get(`/api/v1/items/${itemId}/appeals`).set(as(1))).body).toEqual([]);
    expect((await http().get(`/api/v1/items/${itemId}/appeals`).set(organizer())).body.map((a: { id: number }) => a.id)).toEqual([appealId]);

    const early = await http().post(`/api/v1/items/${itemId}/publication/finalize`).set(organizer());
    expect([early.status, early.body.code]).toEqual([409, 'RESULTS_NOTICE_NOT_ENDED']);
    // The end of the notice, as people read it: Beijing time.
    const { noticeEndsAt } = (await http().get(`/api/v1/items/${itemId}/publication`)).body;
    expect(early.body.message).toBe(`公示期至 ${beijingClock(noticeEndsAt)}（北京时间）结束，尚不能确认`);
  });

  it('upholds the appeal with a correction that re-tallies the results, and the audit says who, when and why', async () => {
    const before = (await results()).body;
    expect(before.results.find((r: { entryId: number }) => r.entryId === entryIds[0]).total).toBe('82.00');
    const noMarks = await http().post(`/api/v1/appeals/${appealId}/uphold`).set(organizer()).send({ reason: '申诉成立' });
    expect([noMarks.status, noMarks.body.code]).toEqual([400, 'RESULTS_CORRECTION_REQUIRED']);
    expect((await http().post(`/api/v1/appeals/${appealId}/uphold`).set(as(0)).send({ reason: '自己判自己', marks: [] })).status).toBe(403);

    const upheld = await http()
      .post(`/api/v1/appeals/${appealId}/uphold`)
      .set(organizer())
      .send({ reason: '核对原始评分表，一号评委实为 88 分', marks: [{ judgeId: world.judges[0].id, entryId: entryIds[0], value: '88' }] });
    expect([upheld.status, upheld.body.status, upheld.body.resolvedBy]).toEqual([200, 'upheld', world.organizer.id]);

    // The middle of three marks counts: 80, 82, 84 gave 82; 88, 82, 84 gives 84.
    const after = await waitFor('the re-tally', async () => {
      const res = await results(world.organizer.token);
      return res.body.scoreVersion > before.scoreVersion ? res.body : undefined;
    });
    const changes = (await http().get(`/api/v1/items/${itemId}/mark-changes`).set(organizer())).body;
    const change = changes.find((c: { entryId: number; judgeId: number }) => c.entryId === entryIds[0] && c.judgeId === world.judges[0].id);
    expect([change.before, change.after, change.reason]).toEqual(['80', '88', `申诉 #${appealId} 成立：核对原始评分表，一号评委实为 88 分`]);
    expect(after.results.map((r: { entryId: number; place: number; total: string }) => [r.entryId, r.place, r.total])).toEqual([
      [entryIds[1], 1, '86.00'],
      [entryIds[0], 2, '84.00'],
      [entryIds[2], 3, '75.00'],
      [entryIds[3], 4, '65.00'],
    ]);

    const audit = (await http().get(`/api/v1/items/${itemId}/publication/audit`).set(organizer())).body;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['PUBLISH_NOTICE', 'FILE_APPEAL', 'UPHOLD_APPEAL']);
    const decision = audit[2];
    expect([decision.by, decision.byName, decision.reason, decision.appealId, decision.detail.marks[0].value]).toEqual([
      world.organizer.id,
      world.organizer.realName,
      '核对原始评分表，一号评委实为 88 分',
      appealId,
      '88',
    ]);
    expect(Math.abs(Date.parse(decision.at) - Date.now())).toBeLessThan(60_000);
    expect((await http().get(`/api/v1/items/${itemId}/publication/audit`).set(as(0))).status).toBe(403);
  });

  it('takes at most three appeals per entry in all', async () => {
    for (const reason of ['复核后仍有疑问', '补充新的录像证据']) {
      const next = await appeal(0, { entryId: entryIds[0], reason });
      expect(next.status).toBe(201);
      expect((await http().post(`/api/v1/appeals/${next.body.id}/dismiss`).set(organizer()).send({ reason: '维持更正后的成绩' })).status).toBe(200);
    }
    const fourth = await appeal(0, { entryId: entryIds[0], reason: '第四次申诉' });
    expect([fourth.status, fourth.body.code, fourth.body.details[0]]).toEqual([409, 'RESULTS_TOO_MANY_APPEALS', expect.objectContaining({ field: 'entryId', maxAppeals: 3 })]);
    expect(await appealsOf(entryIds[0])).toBe(3);
  });

  it('dismisses an appeal with a reason, finalizes after the notice, and freezes the marks until an audited reopening', async () => {
    const second = await appeal(3, { entryId: entryIds[3], reason: '认为评分偏低' });
    expect(second.status).toBe(201);
    await ds.query('UPDATE result_publications SET notice_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE item_id = ?', [itemId]); // five days pass
    const open = await http().post(`/api/v1/items/${itemId}/publication/finalize`).set(organizer());
    expect([open.status, open.body.code]).toEqual([409, 'RESULTS_OPEN_APPEALS']);
    const dismissed = await http().post(`/api/v1/appeals/${second.body.id}/dismiss`).set(organizer()).send({ reason: '评分符合评分标准，维持原成绩' });
    expect([dismissed.status, dismissed.body.status, dismissed.body.resolutionReason]).toEqual([200, 'dismissed', '评分符合评分标准，维持原成绩']);
    const late = await appeal(1, { entryId: entryIds[1], reason: '逾期申诉' });
    expect([late.status, late.body.code]).toEqual([409, 'RESULTS_APPEAL_WINDOW_CLOSED']);

    const final = await http().post(`/api/v1/items/${itemId}/publication/finalize`).set(organizer());
    expect([final.status, final.body.status]).toEqual([200, 'FINAL']);
    const sheet = await http().get(`/api/v1/items/${itemId}/sheets/${world.judges[0].id}`).set(organizer());
    const frozen = await http()
      .put(`/api/v1/items/${itemId}/sheets/${world.judges[0].id}`)
      .set(organizer())
      .send({ version: sheet.body.version, marks: [{ entryId: entryIds[1], value: '99' }], reason: '赛后更改' });
    expect([frozen.status, frozen.body.code]).toEqual([409, 'SCORING_RESULTS_FINAL']);
    const [{ v }] = await ds.query('SELECT value AS v FROM marks WHERE item_id = ? AND judge_id = ? AND entry_id = ?', [itemId, world.judges[0].id, entryIds[1]]);
    expect(v).toBe('85');

    const noReason = await http().post(`/api/v1/items/${itemId}/publication/reopen`).set(organizer()).send({ reason: '' });
    expect([noReason.status, noReason.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['reason']]);
    const reopened = await http().post(`/api/v1/items/${itemId}/publication/reopen`).set(organizer()).send({ reason: '发现计分软件取整错误，需更正' });
    expect([reopened.status, reopened.body.status, reopened.body.reopenCount]).toEqual([200, 'PROVISIONAL', 1]);
    const fresh = await http().get(`/api/v1/items/${itemId}/sheets/${world.judges[0].id}`).set(organizer());
    const thawed = await http()
      .put(`/api/v1/items/${itemId}/sheets/${world.judges[0].id}`)
      .set(organizer())
      .send({ version: fresh.body.version, marks: [{ entryId: entryIds[1], value: '86' }], reason: '重新开放后更正' });
    expect(thawed.status).toBe(200);
    const audit = (await http().get(`/api/v1/items/${itemId}/publication/audit`).set(organizer())).body;
    expect(audit.slice(-4).map((a: { action: string; reason: string | null }) => [a.action, a.reason])).toEqual([
      ['FILE_APPEAL', '认为评分偏低'],
      ['DISMISS_APPEAL', '评分符合评分标准，维持原成绩'],
      ['FINALIZE', null],
      ['REOPEN', '发现计分软件取整错误，需更正'],
    ]);
  });

  it('lets an event do without a notice period (0 days): published results can be final at once, with no appeal window', async () => {
    const demo = await competitionWithEntries(world);
    for (const [e, entryId] of demo.entryIds.entries()) for (const judge of world.judges) await submitMark(world.url, judge, demo.itemId, entryId, String(70 + e));
    for (const judge of world.judges) await submitSheet(world.url, judge, demo.itemId);
    const tallied = async () => (await http().get(`/api/v1/items/${demo.itemId}/results`)).body.results?.length === demo.entryIds.length;
    await waitFor('the results', tallied);
    const negative = await http().put(`/api/v1/events/${demo.eventId}/results-settings`).set(organizer()).send({ noticeDays: -1 });
    expect([negative.status, negative.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['noticeDays']]);
    const none = await http().put(`/api/v1/events/${demo.eventId}/results-settings`).set(organizer()).send({ noticeDays: 0 });
    expect([none.status, none.body.noticeDays]).toEqual([200, 0]);

    const notice = await http().post(`/api/v1/items/${demo.itemId}/publication/notice`).set(organizer());
    expect([notice.status, notice.body.status, notice.body.noticeEndsAt]).toEqual([200, 'NOTICE', notice.body.noticeStartedAt]);
    const appealed = await http().post(`/api/v1/items/${demo.itemId}/appeals`).set(as(0)).send({ entryId: demo.entryIds[0], reason: '评分有误' });
    expect([appealed.status, appealed.body.code]).toEqual([409, 'RESULTS_APPEAL_WINDOW_CLOSED']);
    const final = await http().post(`/api/v1/items/${demo.itemId}/publication/finalize`).set(organizer());
    expect([final.status, final.body.status]).toEqual([200, 'FINAL']);
  });
});
