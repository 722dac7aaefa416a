import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { pdfText, renderFirstPage } from '../support/pdf-inspect';
import { waitFor } from './support/processes';
import { openDatabase } from './support/stack';
import { testEnv } from './support/test-env';
import { bearer, buildWorld, competitionWithEntries, http, submitMark, submitSheet, type World } from './support/world';

const RULES = [
  {
    type: 'rank',
    tiers: [
      { fromPlace: 1, award: { code: 'first', name: '一等奖', level: 1, title: '技术能手', prizeMoneyPerPerson: '669.30' } },
      { fromPlace: 2, toPlace: 3, award: { code: 'second', name: '二等奖', level: 2, prizeMoneyPerPerson: '670.10' } },
    ],
  },
  { type: 'threshold', thresholds: [{ minTotal: '80', award: { code: 'excellence', name: '优秀奖章', level: 3 } }] },
];

/** Final results → award job → records → certificates → verification; revocation audited; statistics by SQL. */
describe('awards: records, certificates, verification', () => {
  let world: World;
  let ds: DataSource;
  let queue: Queue;
  let itemId: number;
  let entryIds: number[];
  const organizer = () => bearer(world.organizer.token);
  const records = () => ds.query('SELECT id, user_id AS userId, award_code AS awardCode, serial, verify_code AS verifyCode, prize_money AS prizeMoney FROM award_records WHERE item_id = ? ORDER BY id', [itemId]);

  beforeAll(async () => {
    world = await buildWorld({ judges: 3, contestants: 5 });
    ({ itemId, entryIds } = await competitionWithEntries(world));
    // Three judges, the highest and lowest dropped: the middle mark is the total.
    const totals = ['90', '85', '80', '70', '60'];
    for (const [e, t] of totals.entries()) for (const j of world.judges) await submitMark(world.url, j, itemId, entryIds[e], t);
    for (const j of world.judges) await submitSheet(world.url, j, itemId);
    await waitFor('the results', async () => (await http().get(`/api/v1/items/${itemId}/results`)).body.results?.filter((r: { status: string }) => r.status === 'OK').length === 5);
    ds = await openDatabase();
    queue = new Queue('awards', { connection: { host: '127.0.0.1', port: 6379 }, prefix: testEnv().QUEUE_PREFIX });
  }, 120_000);

  afterAll(async () => {
    await queue?.close();
    await ds?.destroy();
  });

  it('keeps award rules as data: organizers only, a broken rule refused naming the field', async () => {
    const stranger = await http().put(`/api/v1/items/${itemId}/award-rules`).set(bearer(world.contestants[0].token)).send({ rules: RULES });
    expect(stranger.status).toBe(403);
    const broken = await http()
      .put(`/api/v1/items/${itemId}/award-rules`)
      .set(organizer())
      .send({ rules: [{ type: 'band', bands: [{ percent: '80', award: { code: 'a', name: '一等奖', level: 1 } }, { percent: '30', award: { code: 'b', name: '二等奖', level: 2 } }], rounding: 'floor', tiePolicy: 'include' }] });
    expect([broken.status, broken.body.code, broken.body.details[0].field]).toEqual([400, 'AWARDS_INVALID_RULES', 'rules']);
    const saved = await http().put(`/api/v1/items/${itemId}/award-rules`).set(organizer()).send({ rules: RULES });
    expect([saved.status, saved.body.source, saved.body.rules.length]).toEqual([200, 'item', 2]);
    expect((await http().get(`/api/v1/items/${itemId}/award-rules`)).body.rules).toEqual(RULES);
    const early = await http().post(`/api/v1/items/${itemId}/awards/run`).set(organizer());
    expect([early.status, early.body.code]).toEqual([409, 'AWARDS_RESULTS_NOT_FINAL']);
  });

  it('grants one record per person and award when the results become final, with a certificate each', async () => {
    expect((await http().post(`/api/v1/items/${itemId}/publication/notice`).set(organizer())).status).toBe(200);
    await ds.query('UPDATE result_publications SET notice_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE item_id = ?', [itemId]); // five days pass
    expect((await http().post(`/api/v1/items/${itemId}/publication/finalize`).set(organizer())).status).toBe(200);

    const rows = await waitFor('the award records', async () => ((await records()).length === 6 ? records() : undefined), 60_000);
    const byPerson = (i: number) => rows.filter((r: { userId: number }) => r.userId === world.contestants[i].id).map((r: { awardCode: string }) => r.awardCode).sort();
    expect([byPerson(0), byPerson(1), byPerson(2), byPerson(3), byPerson(4)]).toEqual([['excellence', 'first'], ['excellence', 'second'], ['excellence', 'second'], [], []]);
    for (const r of rows) expect(r.serial).toMatch(/^ZS\d{4}-\d{6}$/);
    await waitFor('the certificates', async () => Number((await ds.query('SELECT COUNT(*) AS n FROM award_certificates c JOIN award_records r ON r.id = c.record_id WHERE r.item_id = ?', [itemId]))[0].n) === 6, 60_000);

    const titles = await waitFor('the award notices', async () => {
      const inbox = await http().get('/api/v1/me/notifications').set(bearer(world.contestants[0].token));
      const t = inbox.body.messages.map((n: { title: string }) => n.title).filter((x: string) => x.startsWith('获奖通知'));
      return t.length === 2 ? t.sort() : undefined;
    });
    expect(titles).toEqual(['获奖通知：一等奖', '获奖通知：优秀奖章']);
  });

  it('renders a certificate with the Chinese name and serial, and verifies it publicly with the name and award only', async () => {
    const [first] = (await records()).filter((r: { awardCode: string }) => r.awardCode === 'first');
    expect((await http().get(`/api/v1/award-records/${first.id}/certificate.pdf`).set(bearer(world.contestants[1].token))).status).toBe(403);
    const res = await http().get(`/api/v1/award-records/${first.id}/certificate.pdf`).set(bearer(world.contestants[0].token)).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    const pdf = res.body as Buffer;
    const page = await renderFirstPage(pdf);
    expect(page.inkRatio).toBeGreaterThan(0.01);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(world.contestants[0].realName);
    expect(text).toContain(first.serial);
    expect(text).toContain('一等奖');

    const verified = await http().get(`/api/v1/verify/${first.verifyCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({
      serial: first.serial,
      name: world.contestants[0].realName,
      awardName: '一等奖',
      title: '技术能手',
      eventName: expect.stringContaining('职工电工技能竞赛'),
      itemName: '低压电工（职工组）',
      issuer: world.district.name,
      grantedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      status: 'active',
      revokedAt: null,
    });
    expect(JSON.stringify(verified.body)).not.toMatch(/residentId|mobile|userId|prize/);
    expect((await http().get('/api/v1/verify/not-a-real-code')).status).toBe(404);
  });

  it('creates nothing when the award job runs again', async () => {
    const before = await records();
    const run = await http().post(`/api/v1/items/${itemId}/awards/run`).set(organizer());
    expect(run.status).toBe(202);
    const job = await waitFor('the re-run', async () => {
      const j = await queue.getJob(run.body.jobId);
      return j?.finishedOn ? j : undefined;
    }, 60_000);
    expect(job.returnvalue).toEqual({ itemId, created: 0 });
    expect(await records()).toEqual(before);
  });

  it('revokes an award with an audited reason, cancels its unpaid money, and verification says revoked', async () => {
    const [second] = (await records()).filter((r: { userId: number; awardCode: string }) => r.awardCode === 'second' && r.userId === world.contestants[2].id);
    expect((await http().post(`/api/v1/award-records/${second.id}/revoke`).set(bearer(world.contestants[2].token)).send({ reason: '自撤' })).status).toBe(403);
    const noReason = await http().post(`/api/v1/award-records/${second.id}/revoke`).set(organizer()).send({});
    expect([noReason.status, noReason.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['reason']]);
    const revoked = await http().post(`/api/v1/award-records/${second.id}/revoke`).set(organizer()).send({ reason: '经查实该选手资格不符，撤销奖项' });
    expect([revoked.status, revoked.body.status, revoked.body.paymentStatus, revoked.body.revision]).toEqual([200, 'revoked', 'cancelled', 1]);
    const again = await http().post(`/api/v1/award-records/${second.id}/revoke`).set(organizer()).send({ reason: '重复' });
    expect([again.status, again.body.code]).toEqual([409, 'AWARDS_RECORD_REVOKED']);

    const audit = (await http().get(`/api/v1/award-records/${second.id}/audit`).set(organizer())).body;
    expect(audit.map((a: { action: string; by: number | null; reason: string | null }) => [a.action, a.by, a.reason])).toEqual([
      ['granted', null, null],
      ['revoked', world.organizer.id, '经查实该选手资格不符，撤销奖项'],
    ]);
    expect(audit[1].byName).toBe(world.organizer.realName);
    const verified = (await http().get(`/api/v1/verify/${second.verifyCode}`)).body;
    expect([verified.status, typeof verified.revokedAt]).toEqual(['revoked', 'string']);
    // The certificate is rendered again at the new revision, marked revoked.
    await waitFor('the revoked certificate', async () => Number((await ds.query('SELECT revision FROM award_certificates WHERE record_id = ?', [second.id]))[0]?.revision) === 1, 60_000);
    const pdf = (await ds.query('SELECT pdf FROM award_certificates WHERE record_id = ?', [second.id]))[0].pdf;
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain('已撤销');
  });

  it('keeps the prize money ledger exact: paid with date and reference, totals of the subtree', async () => {
    const money = (await records()).filter((r: { prizeMoney: string | null }) => r.prizeMoney !== null);
    const first = money.find((r: { awardCode: string }) => r.awardCode === 'first');
    const unpaid = await http().post(`/api/v1/award-records/${first.id}/payment`).set(organizer()).send({ status: 'paid' });
    expect([unpaid.status, unpaid.body.code, unpaid.body.details[0].field]).toEqual([400, 'AWARDS_PAYMENT_STATE', 'paidOn']);
    for (const r of money) {
      const res = await http().post(`/api/v1/award-records/${r.id}/payment`).set(organizer()).send({ status: 'paid', paidOn: '2026-12-01', reference: `杭工财〔2026〕${r.id}号` });
      // The revoked award's money was cancelled with it.
      expect(res.status).toBe(r.userId === world.contestants[2].id ? 409 : 200);
    }
    const year = Number((await ds.query('SELECT year FROM award_records WHERE id = ?', [first.id]))[0].year);
    const ledger = await http().get(`/api/v1/prize-ledger?organisationId=${world.district.id}&year=${year}`).set(organizer());
    expect(ledger.status).toBe(200);
    // 669.30 + 670.10 paid, 670.10 cancelled with the revoked award.
    expect([ledger.body.total.paid, ledger.body.total.pending, ledger.body.total.cancelled, ledger.body.total.counts]).toEqual(['1339.40', '0.00', '670.10', { paid: 2, pending: 0, cancelled: 1 }]);
    expect((await http().get(`/api/v1/prize-ledger?organisationId=${world.district.id}&year=${year}`).set(bearer(world.contestants[0].token))).status).toBe(403);
    const bad = await http().get(`/api/v1/prize-ledger?organisationId=abc&year=${year}`).set(organizer());
    expect([bad.status, bad.body.details.map((d: { field: string }) => d.field)]).toEqual([400, ['organisationId']]);
  });

  it('confers a recognition through the same records, once per year', async () => {
    const body = { issuerId: world.district.id, userId: world.contestants[3].id, organisationId: world.enterprises[1].id, awardName: '杭州工匠', citation: '在数控加工领域技艺精湛，带徒传技成绩突出', prizeMoney: '20000' };
    expect((await http().post('/api/v1/recognitions').set(bearer(world.contestants[0].token)).send(body)).status).toBe(403);
    const made = await http().post('/api/v1/recognitions').set(organizer()).send(body);
    expect([made.status, made.body.kind, made.body.awardName, made.body.prizeMoney, made.body.paymentStatus]).toEqual([201, 'recognition', '杭州工匠', '20000.00', 'pending']);
    const twice = await http().post('/api/v1/recognitions').set(organizer()).send(body);
    expect([twice.status, twice.body.code]).toEqual([409, 'AWARDS_DUPLICATE_RECOGNITION']);
    const mine = await http().get(`/api/v1/award-records/${made.body.id}`).set(bearer(world.contestants[3].token));
    expect([mine.status, mine.body.citation]).toEqual([200, body.citation]);
    expect((await http().get(`/api/v1/award-records/${made.body.id}`).set(bearer(world.contestants[4].token))).status).toBe(403);
  });

  it('confers only on people of the issuer’s subtree, counted for an organisation of it', async () => {
    // A record opens the person's history to the organizers over its organisation: it may not reach another district.
    const other = await buildWorld({ judges: 0, contestants: 1 });
    const body = { issuerId: world.district.id, userId: world.contestants[3].id, awardName: '区级岗位能手', citation: '爱岗敬业，技术过硬' };
    const outsider = await http().post('/api/v1/recognitions').set(organizer()).send({ ...body, userId: other.contestants[0].id });
    expect([outsider.status, outsider.body.code, outsider.body.details?.[0]?.field]).toEqual([403, 'AWARDS_OUTSIDE_ISSUER', 'userId']);
    expect((await http().get(`/api/v1/people/${other.contestants[0].id}/record`).set(organizer())).status).toBe(403);
    const elsewhere = await http().post('/api/v1/recognitions').set(organizer()).send({ ...body, organisationId: other.enterprises[0].id });
    expect([elsewhere.status, elsewhere.body.code, elsewhere.body.details?.[0]?.field]).toEqual([403, 'AWARDS_OUTSIDE_ISSUER', 'organisationId']);
    const written = await ds.query('SELECT id FROM award_records WHERE award_name = ? AND user_id IN (?)', [body.awardName, [body.userId, other.contestants[0].id]]);
    expect(written).toEqual([]);
  });
});
