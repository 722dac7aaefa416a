import { Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { pdfText, renderFirstPage } from '../support/pdf-inspect';
import { waitFor } from './support/processes';
import { openDatabase } from './support/stack';
import { beijingClock } from './support/beijing';
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
  let eventId: number;
  let itemId: number;
  let entryIds: number[];
  const organizer = () => bearer(world.organizer.token);
  const records = () => ds.query('SELECT id, user_id AS userId, award_code AS awardCode, serial, verify_code AS verifyCode, prize_money AS prizeMoney FROM award_records WHERE item_id = ? ORDER BY id', [itemId]);

  beforeAll(async () => {
    world = await buildWorld({ judges: 3, contestants: 5 });
    ({ eventId, itemId, entryIds } = await competitionWithEntries(world));
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

  it('lists who won what, per item and per event, for the organizers of the event only: JSON and a workbook in Beijing time', async () => {
    const rows = await ds.query(
      'SELECT id, user_id AS userId, award_code AS awardCode, serial, verify_code AS verifyCode, prize_money AS prizeMoney, granted_at AS grantedAt FROM award_records WHERE item_id = ?',
      [itemId],
    );
    const record = (userIndex: number, code: string) => rows.find((r: { userId: number; awardCode: string }) => r.userId === world.contestants[userIndex].id && r.awardCode === code);
    const list = await http().get(`/api/v1/items/${itemId}/awards`).set(organizer());
    expect(list.status).toBe(200);
    expect([list.body.eventId, list.body.itemId, list.body.itemName]).toEqual([eventId, itemId, '低压电工（职工组）']);
    // By level, then place: 一等奖, the two 二等奖, then the three medals.
    const expected: [number, string, number, string | null][] = [
      [0, 'first', 1, '669.30'],
      [1, 'second', 2, '670.10'],
      [2, 'second', 3, '670.10'],
      [0, 'excellence', 1, null],
      [1, 'excellence', 2, null],
      [2, 'excellence', 3, null],
    ];
    expect(list.body.awards.map((a: { userId: number; awardCode: string; place: number; prizeMoney: string | null }) => [a.userId, a.awardCode, a.place, a.prizeMoney])).toEqual(
      expected.map(([i, code, place, money]) => [world.contestants[i].id, code, place, money]),
    );
    for (const a of list.body.awards) {
      const r = record(world.contestants.findIndex((c) => c.id === a.userId), a.awardCode);
      expect([a.recordId, a.serial, a.verifyCode, a.status, a.name]).toEqual([r.id, r.serial, r.verifyCode, 'active', world.contestants.find((c) => c.id === a.userId)!.realName]);
      expect(a.verifyUrl).toMatch(new RegExp(`/verify/${r.verifyCode}$`));
      // The instant granted, with the Beijing offset.
      expect([Date.parse(a.grantedAt), a.grantedAt.endsWith('+08:00')]).toEqual([new Date(r.grantedAt).getTime(), true]);
    }
    const whole = await http().get(`/api/v1/events/${eventId}/awards`).set(organizer());
    expect([whole.status, whole.body.itemId, whole.body.awards.map((a: { recordId: number }) => a.recordId)]).toEqual([200, null, list.body.awards.map((a: { recordId: number }) => a.recordId)]);

    const file = await http()
      .get(`/api/v1/events/${eventId}/awards.xlsx`)
      .set(organizer())
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect([file.status, file.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(file.headers['content-disposition']).toContain(`filename="awards-event-${eventId}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as ArrayBuffer);
    const sheet = workbook.getWorksheet('获奖名单')!;
    const header = sheet.getRow(1).values as string[];
    const col = (name: string) => header.indexOf(name);
    expect(sheet.rowCount).toBe(7);
    for (const [n, a] of list.body.awards.entries()) {
      const row = sheet.getRow(n + 2);
      const r = record(world.contestants.findIndex((c) => c.id === a.userId), a.awardCode);
      expect([row.getCell(col('姓名')).value, row.getCell(col('名次')).value, row.getCell(col('证书编号')).value, row.getCell(col('验证码')).value]).toEqual([
        a.name,
        a.place,
        r.serial,
        r.verifyCode,
      ]);
      expect(row.getCell(col('授予时间（北京时间）')).value).toBe(beijingClock(r.grantedAt));
    }
    const itemFile = await http().get(`/api/v1/items/${itemId}/awards.xlsx`).set(organizer());
    expect([itemFile.status, itemFile.headers['content-disposition']]).toEqual([200, expect.stringContaining(`filename="awards-item-${itemId}.xlsx"`)]);

    // Nobody else: a contestant, the organizer of another district, the public.
    const elsewhere = await buildWorld({ judges: 0, contestants: 0 });
    for (const path of [`/api/v1/items/${itemId}/awards`, `/api/v1/events/${eventId}/awards.xlsx`]) {
      expect((await http().get(path).set(bearer(world.contestants[0].token))).status).toBe(403);
      expect((await http().get(path).set(bearer(elsewhere.organizer.token))).status).toBe(403);
      expect((await http().get(path)).status).toBe(401);
    }
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
    // When it was revoked, with the Beijing offset the verification page shows it in.
    expect([verified.status, verified.revokedAt.endsWith('+08:00'), Date.parse(verified.revokedAt)]).toEqual(['revoked', true, Date.parse(audit[1].at)]);
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

/** Awards count places as the results board does: guests (特邀) and DNS skipped, ties shared. */
describe('awards: places as the board counts them', () => {
  let world: World;
  let ds: DataSource;
  let itemId: number;
  let entryIds: number[];
  const organizer = () => bearer(world.organizer.token);

  beforeAll(async () => {
    world = await buildWorld({ judges: 3, contestants: 5 });
    ({ itemId, entryIds } = await competitionWithEntries(world));
    ds = await openDatabase();
    // c0 is a guest (特邀) and the best of the day; c2 and c3 tie; c4 does not start.
    expect((await http().put(`/api/v1/entries/${entryIds[0]}/guest`).set(organizer()).send({ guest: true })).status).toBe(200);
    for (const [e, t] of ['95', '90', '85', '85'].entries()) for (const j of world.judges) await submitMark(world.url, j, itemId, entryIds[e], t);
    const dns = await http().put(`/api/v1/items/${itemId}/marks`).set(bearer(world.judges[0].token)).send({ entryId: entryIds[4], criterion: 'status', value: 'DNS' });
    expect(dns.status).toBe(200);
    for (const j of world.judges) await submitSheet(world.url, j, itemId);
  }, 120_000);

  afterAll(async () => ds?.destroy());

  it('gives the first prize to the first official contestant when a guest finishes first', async () => {
    const results = await waitFor('the results', async () => {
      const res = (await http().get(`/api/v1/items/${itemId}/results`).set(organizer())).body;
      const statuses = res.results?.map((r: { status: string }) => r.status).sort().join();
      return statuses === 'DNS,OK,OK,OK,OK' ? res : undefined;
    });
    // The sheet ranks the guest first; the board counts the official contestants only.
    const byEntry = Object.fromEntries(results.results.map((r: { entryId: number; place: number | null; scoringPlace: number | null }) => [r.entryId, [r.place, r.scoringPlace]]));
    expect(entryIds.map((id) => byEntry[id])).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
      [3, 2],
      [null, null],
    ]);

    const rules = [
      {
        type: 'rank',
        tiers: [
          { fromPlace: 1, award: { code: 'first', name: '一等奖', level: 1 } },
          { fromPlace: 2, award: { code: 'second', name: '二等奖', level: 2 } },
          { fromPlace: 3, award: { code: 'third', name: '三等奖', level: 3 } },
        ],
      },
    ];
    expect((await http().put(`/api/v1/items/${itemId}/award-rules`).set(organizer()).send({ rules })).status).toBe(200);
    expect((await http().post(`/api/v1/items/${itemId}/publication/notice`).set(organizer())).status).toBe(200);
    await ds.query('UPDATE result_publications SET notice_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE item_id = ?', [itemId]); // five days pass
    expect((await http().post(`/api/v1/items/${itemId}/publication/finalize`).set(organizer())).status).toBe(200);

    const list = await waitFor('the award records', async () => {
      const res = (await http().get(`/api/v1/items/${itemId}/awards`).set(organizer())).body;
      return res.awards?.length === 3 ? res.awards : undefined;
    }, 60_000);
    expect(list.map((a: { userId: number; awardName: string; place: number }) => [a.userId, a.awardName, a.place])).toEqual([
      [world.contestants[1].id, '一等奖', 1],
      [world.contestants[2].id, '二等奖', 2],
      [world.contestants[3].id, '二等奖', 2],
    ]);
  });
});
