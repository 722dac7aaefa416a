import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type RunningApp, startApp, waitFor } from './support/processes';
import { openDatabase } from './support/stack';
import { importPeople, openEvent } from './support/registration';
import { testEnv, testPort } from './support/test-env';
import { bearer, buildWorld, http, put, type World } from './support/world';

describe('registration capacity: never oversold, waitlist promoted', () => {
  let world: World;
  let second: RunningApp;
  let ds: DataSource;
  let people: number[];

  beforeAll(async () => {
    // A second API (and worker) beside the one global setup started, on the same database and Redis.
    second = await startApp(testEnv({ HTTP_PORT: testPort(2) }));
    ds = await openDatabase();
    world = await buildWorld({ judges: 0, contestants: 0 });
    people = [...(await importPeople(world, world.enterprises[0].id, 250)), ...(await importPeople(world, world.enterprises[1].id, 250, 250))];
  }, 180_000);

  afterAll(async () => {
    await second?.stop();
    await ds?.destroy();
  });

  const register = (url: string, itemId: number, userId: number) =>
    http(url).post(`/api/v1/items/${itemId}/entries`).set(bearer(world.organizer.token)).send({ userId });

  it('500 parallel registrations for 100 places across two API processes: exactly 100 confirmed, 400 waitlisted', async () => {
    const hike = await openEvent(world, { event: { capacity: 100, bibPrefix: 'H' } });
    expect(people).toHaveLength(500);
    const answers = await Promise.all(people.map((id, i) => register(i % 2 ? second.baseUrl : world.url, hike.itemId, id)));

    expect(answers.map((a) => a.status)).toEqual(people.map(() => 201));
    const approved = answers.filter((a) => a.body.status === 'approved');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(approved).toHaveLength(100);
    expect(waitlisted).toHaveLength(400);
    expect(waitlisted[0].body.notice).toBe('本次活动名额已满，已为您登记候补');
    const bibs = approved.map((a) => a.body.bib);
    expect(new Set(bibs).size).toBe(100);
    expect(bibs.every((b) => /^H\d{5}$/.test(b))).toBe(true);

    const [db] = await ds.query(
      `SELECT SUM(status = 'approved') AS approved, SUM(status = 'waitlisted') AS waitlisted, COUNT(*) AS total FROM entries WHERE event_id = ?`,
      [hike.eventId],
    );
    expect(db).toEqual({ approved: '100', waitlisted: '400', total: 500 });
    const [quota] = await ds.query(`SELECT CAST(SUM(taken) AS SIGNED) AS taken, CAST(SUM(cap) AS SIGNED) AS cap FROM quotas WHERE event_id = ? AND scope = 'event'`, [hike.eventId]);
    expect(quota).toEqual({ taken: 100, cap: 100 });

    // A withdrawal frees a place; the worker promotes the first waitlisted entry (by registration order).
    const firstWaiting = waitlisted.map((a) => a.body.id).sort((a, b) => a - b)[0];
    const out = await http(world.url).post(`/api/v1/entries/${approved[0].body.id}/withdraw`).set(bearer(world.organizer.token));
    expect(out.status).toBe(200);
    expect(out.body.status).toBe('withdrawn');
    const promoted = await waitFor('the waitlist promotion', async () => {
      const res = await http(world.url).get(`/api/v1/entries/${firstWaiting}`).set(bearer(world.organizer.token));
      return res.body.status === 'approved' && res.body;
    });
    expect(promoted.bib).toMatch(/^H\d{5}$/);
    expect(bibs).not.toContain(promoted.bib);
    const [after] = await ds.query(`SELECT SUM(status = 'approved') AS approved FROM entries WHERE event_id = ?`, [hike.eventId]);
    expect(after.approved).toBe('100');
    const [quotaAfter] = await ds.query(`SELECT CAST(SUM(taken) AS SIGNED) AS taken FROM quotas WHERE event_id = ? AND scope = 'event'`, [hike.eventId]);
    expect(quotaAfter.taken).toBe(100);

    // The person who withdrew may enter again: to the waitlist, since the event is full.
    const again = await register(world.url, hike.itemId, approved[0].body.userId);
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('waitlisted');
  });

  it('registrations batched together: two items with their own caps, a person clicking five times at once gets one entry', async () => {
    // 10 km capped at 15, 5 km at 10, the event at 20: the batches must respect every level.
    const hike = await openEvent(world, { event: { capacity: 20, bibPrefix: 'B' }, itemRules: { capacity: 15 } });
    const short = await http(world.url).post(`/api/v1/events/${hike.eventId}/items`).set(bearer(world.organizer.token)).send({ name: '5公里健步行' });
    await put(world.url, `/api/v1/items/${short.body.id}/registration`, world.organizer.token, { capacity: 10 });
    const clicker = people[499];
    const attempts = [
      ...people.slice(235, 265).map((id, i) => ({ itemId: i % 2 ? short.body.id : hike.itemId, userId: id })),
      ...Array.from({ length: 5 }, () => ({ itemId: hike.itemId, userId: clicker })),
    ];
    const answers = await Promise.all(attempts.map((a, i) => register(i % 2 ? second.baseUrl : world.url, a.itemId, a.userId)));

    const clicks = answers.slice(30);
    expect(clicks.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(clicks.filter((a) => a.status === 409).every((a) => a.body.code === 'REGISTRATION_ALREADY_ENTERED')).toBe(true);
    expect(answers.slice(0, 30).map((a) => a.status)).toEqual(Array(30).fill(201));
    // Each answer names its own person and delegation, though the names are read for a batch at once.
    const names: { id: number; realName: string; organisationName: string }[] = await ds.query(
      `SELECT u.id, u.real_name AS realName, o.name AS organisationName FROM users u
         JOIN role_assignments ra ON ra.user_id = u.id AND ra.role = 'contestant' JOIN organisations o ON o.id = ra.organisation_id WHERE u.id IN (?)`,
      [attempts.slice(0, 30).map((a) => a.userId)],
    );
    const named = new Map(names.map((n) => [Number(n.id), [n.realName, n.organisationName]]));
    expect(answers.slice(0, 30).map((a) => [a.body.realName, a.body.organisationName])).toEqual(attempts.slice(0, 30).map((a) => named.get(a.userId)));
    expect(new Set(names.map((n) => n.organisationName)).size).toBe(2);
    const rows: { itemId: number; approved: string; total: number }[] = await ds.query(
      `SELECT item_id AS itemId, SUM(status = 'approved') AS approved, COUNT(*) AS total FROM entries WHERE event_id = ? GROUP BY item_id ORDER BY item_id`,
      [hike.eventId],
    );
    const approvedIn = (itemId: number) => Number(rows.find((r) => r.itemId === itemId)?.approved ?? 0);
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(31);
    expect(approvedIn(hike.itemId) + approvedIn(short.body.id)).toBe(20);
    expect(approvedIn(hike.itemId)).toBeLessThanOrEqual(15);
    expect(approvedIn(short.body.id)).toBeLessThanOrEqual(10);
    // By scope, not in the server's order of the scope text ('item:10' sorts before 'item:9').
    const quotas: { scope: string; taken: number }[] = await ds.query('SELECT scope, CAST(SUM(taken) AS SIGNED) AS taken FROM quotas WHERE event_id = ? GROUP BY scope', [hike.eventId]);
    expect(Object.fromEntries(quotas.map((q) => [q.scope, Number(q.taken)]))).toEqual({
      event: 20,
      [`item:${hike.itemId}`]: approvedIn(hike.itemId),
      [`item:${short.body.id}`]: approvedIn(short.body.id),
    });
    const bibs: { bib: string }[] = await ds.query(`SELECT bib FROM entries WHERE event_id = ? AND status = 'approved' ORDER BY bib`, [hike.eventId]);
    expect(bibs.map((b) => b.bib)).toEqual(Array.from({ length: 20 }, (_, i) => `B${String(i + 1).padStart(5, '0')}`));
  });

  it("a keyed request racing its key's first request in another process answers with that request's stored answer", async () => {
    const hike = await openEvent(world);
    const userId = people[450];
    const key = `cap-${world.tag}-held`;
    const path = `/api/v1/items/${hike.itemId}/entries`;
    const body = { userId };
    const fingerprint = createHash('sha256').update(`POST ${path}\n`).update(JSON.stringify(body)).digest('hex');
    const [{ orgId }]: { orgId: number }[] = await ds.query("SELECT organisation_id AS orgId FROM role_assignments WHERE user_id = ? AND role = 'contestant'", [userId]);
    const other = ds.createQueryRunner();
    await other.connect();
    try {
      // The first request's batch in the other process: its entry and its stored answer, not yet committed.
      await other.startTransaction('READ COMMITTED');
      const { insertId } = await other.query(
        "INSERT INTO entries (event_id, item_id, user_id, active_user_id, organisation_id, status, registered_by) VALUES (?, ?, ?, ?, ?, 'approved', ?)",
        [hike.eventId, hike.itemId, userId, userId, orgId, world.organizer.id],
      );
      const stored = { id: insertId, status: 'approved', userId, realName: '另一进程的答复' };
      await other.query('INSERT INTO idempotency_records (user_id, idem_key, fingerprint, status_code, response) VALUES (?, ?, ?, 201, ?)', [
        world.organizer.id,
        key,
        fingerprint,
        JSON.stringify(stored),
      ]);
      const answer = http(world.url).post(path).set(bearer(world.organizer.token)).set('Idempotency-Key', key).send(body).then((r) => r);
      // This request's batch waits on the entry row; once that commits, its batch fails and the fallback finds the answer.
      await waitFor('the batch to wait for the entry row', async () =>
        Number((await ds.query("SELECT COUNT(*) AS n FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'"))[0].n) > 0,
      );
      await other.commitTransaction();
      const res = await answer;
      expect([res.status, res.body]).toEqual([201, stored]);
    } finally {
      if (other.isTransactionActive) await other.rollbackTransaction();
      await other.release();
    }
  });

  it('a delegation quota sends that delegation to the waitlist while others still get places', async () => {
    const hike = await openEvent(world, { event: { capacity: 50 } });
    const quota = await put(world.url, `/api/v1/events/${hike.eventId}/delegations/${world.enterprises[0].id}/quota`, world.organizer.token, { capacity: 3 });
    expect(quota).toEqual(expect.arrayContaining([{ scope: `delegation:${world.enterprises[0].id}`, cap: 3, taken: 0 }]));
    const fromFirst = await Promise.all(people.slice(0, 6).map((id) => register(world.url, hike.itemId, id)));
    expect(fromFirst.map((a) => a.body.status).sort()).toEqual(['approved', 'approved', 'approved', 'waitlisted', 'waitlisted', 'waitlisted']);
    expect(fromFirst.find((a) => a.body.status === 'waitlisted')!.body.notice).toBe('本代表队名额已满，已为您登记候补');
    const fromSecond = await register(world.url, hike.itemId, people[300]);
    expect(fromSecond.body.status).toBe('approved');
  });

  it('manual review: entries wait as pending holding a place; approval gives a bib, rejection needs a reason and frees the place', async () => {
    const hike = await openEvent(world, { event: { capacity: 1, autoApprove: false } });
    const first = await register(world.url, hike.itemId, people[10]);
    const second = await register(world.url, hike.itemId, people[11]);
    expect([first.body.status, first.body.bib, second.body.status]).toEqual(['pending', null, 'waitlisted']);

    const noReason = await http(world.url).post(`/api/v1/entries/${first.body.id}/reject`).set(bearer(world.organizer.token)).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    const blank = await http(world.url).post(`/api/v1/entries/${first.body.id}/reject`).set(bearer(world.organizer.token)).send({ reason: '   ' });
    expect([blank.status, blank.body.code]).toEqual([400, 'ENTRY_REJECTION_REASON_REQUIRED']);

    const rejected = await http(world.url).post(`/api/v1/entries/${first.body.id}/reject`).set(bearer(world.organizer.token)).send({ reason: '工会会员证明材料不全' });
    expect([rejected.status, rejected.body.status, rejected.body.rejectionReason]).toEqual([200, 'rejected', '工会会员证明材料不全']);
    const promoted = await waitFor('promotion after rejection', async () => {
      const res = await http(world.url).get(`/api/v1/entries/${second.body.id}`).set(bearer(world.organizer.token));
      return res.body.status === 'pending' && res.body;
    });
    const approved = await http(world.url).post(`/api/v1/entries/${promoted.id}/approve`).set(bearer(world.organizer.token));
    expect([approved.status, approved.body.status, approved.body.bib]).toEqual([200, 'approved', '00001']);
    const twice = await http(world.url).post(`/api/v1/entries/${promoted.id}/approve`).set(bearer(world.organizer.token));
    expect([twice.status, twice.body.code]).toEqual([409, 'ENTRY_ALREADY_IN_STATUS']);
  });
});
