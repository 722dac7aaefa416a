import { verifyWebhook } from '@app/notifications';
import type { QueueName } from '@app/queue';
import type { Job, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { type RunningApp, waitFor } from './support/processes';
import { openQueue, startStack, stopStack } from './support/stack';
import { type ReceivedMail, type ReceivedPost, startReceiver, startSmtp } from './support/receivers';
import { importPeople, openEvent } from './support/registration';
import { ADMIN, testEnv, testPort, testDbName } from './support/test-env';
import { adminToken, bearer, buildWorld, http, type Person, post, put, type World } from './support/world';
import { beijingClock } from './support/beijing';

const ATTEMPTS = 3;
/** Recipients per inbox job, small so that a handful of people makes several batches. */
const BATCH = 2;
const WANG_SECRET = 'wang-webhook-secret-0123';
const JUDGE_SECRET = 'judge-webhook-secret-0123';

interface InboxMessage {
  id: string;
  trigger: string;
  title: string;
  body: string;
  readAt: string | null;
}

describe('notifications: inbox, e-mail, SMS and signed webhooks through the worker', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let app: RunningApp;
  let ds: DataSource;
  let url: string;
  let world: World;
  let admin: string;
  let wang: Person, li: Person, zhao: Person, judge: Person, prober: Person;
  let env: Record<string, string>;

  const inbox = async (p: Person): Promise<{ unread: number; messages: InboxMessage[] }> => {
    const res = await http(url).get('/api/v1/me/notifications').set(bearer(p.token));
    if (res.status !== 200) throw new Error(`inbox: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const inboxOf = (p: Person, n: number) => waitFor(`${n} messages for ${p.realName}`, async () => ((await inbox(p)).messages.length >= n ? inbox(p) : undefined), 30_000, 200);
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address));
  const smsFor = (p: Person) => receiver.posts.filter((r) => r.path === '/sms' && JSON.parse(r.body).text.includes(p.realName));
  const sorted = (xs: string[]) => [...xs].sort();
  const queues = new Map<QueueName, Queue>();
  const queue = (name: QueueName) => queues.get(name) ?? queues.set(name, openQueue(name, env)).get(name)!;
  /** Once nothing is left to send: no delivery pending and no job of the external channels waiting, delayed or running. */
  const deliveriesSettled = () =>
    waitFor('every delivery to settle', async () => {
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM notification_deliveries WHERE status = 'pending'");
      const counts = await Promise.all((['notify-inbox', 'notify-email', 'notify-sms', 'notify-webhook'] as const).map((q) => queue(q).getJobCounts('waiting', 'delayed', 'active', 'prioritized')));
      return Number(n) === 0 && counts.every((c) => Object.values(c).every((x) => x === 0));
    });

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    env = testEnv({
      DB_NAME: testDbName('union_events_notify_test'),
      HTTP_PORT: testPort(5),
      QUEUE_PREFIX: `ue-notify-${process.pid}-${Date.now().toString(36)}`,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMS_GATEWAY_URL: `${receiver.url}/sms`,
      NOTIFY_ATTEMPTS: String(ATTEMPTS),
      NOTIFY_BACKOFF_MS: '200',
      NOTIFY_BATCH: String(BATCH),
    });
    ({ app, ds } = await startStack(env));
    url = app.baseUrl;
    world = await buildWorld({ url, judges: 2, contestants: 3 });
    [wang, li, zhao] = world.contestants;
    // The prober takes the judge posts that show the worker's state; no e-mail, SMS or webhook until a test gives one.
    [judge, prober] = world.judges;
    admin = await adminToken(url);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await stopStack(env, app, ds);
    await smtp?.close();
    await receiver?.close();
  });

  it('each trigger reaches the inbox, e-mail, SMS and webhook in the recipient language, once', async () => {
    const org = world.organizer.token;
    // An admin's own text for judges (checked on save); workers pick saved texts up within five seconds.
    await put(url, '/api/v1/notification-templates/judge.assigned/zh-CN', admin, { title: '【裁判通知】{{item}}', body: '{{name}}：请于赛前一小时到场，担任{{role}}。' });
    await put(url, '/api/v1/me/notification-settings', wang.token, { email: 'wang@example.com', webhookUrl: `${receiver.url}/hooks/wang`, webhookSecret: WANG_SECRET });
    await put(url, '/api/v1/me/notification-settings', li.token, { language: 'en', email: 'li@example.com' });
    const zhaoSettings = await put(url, '/api/v1/me/notification-settings', zhao.token, { email: 'zhao@example.com', optedOut: ['email', 'sms'] });
    expect(zhaoSettings).toMatchObject({ language: 'zh-CN', email: 'zhao@example.com', optedOut: ['email', 'sms'], available: ['inbox', 'webhook', 'email', 'sms'] });

    // One place, manual approval: 王 takes it, 李 and 赵 wait; rejecting 王 promotes 李.
    const hike = await openEvent(world, { event: { autoApprove: false }, itemRules: { capacity: 1 } });
    const enter = (p: Person) => post(url, `/api/v1/items/${hike.itemId}/entries`, p.token, {});
    const [e0, e1, e2] = [await enter(wang), await enter(li), await enter(zhao)];
    expect([e0.status, e1.status, e2.status]).toEqual(['pending', 'waitlisted', 'waitlisted']);
    await post(url, `/api/v1/entries/${e0.id}/reject`, org, { reason: '工会会员证明材料不全' });
    await waitFor('李 promoted', async () => (await http(url).get(`/api/v1/entries/${e1.id}`).set(bearer(org))).body.status === 'pending', 30_000, 100);
    const approved = await post(url, `/api/v1/entries/${e1.id}/approve`, org, {});
    await put(url, `/api/v1/items/${hike.itemId}/registration`, org, { venue: '拱墅区运河文化广场', startsAt: '2026-05-01T00:30:00.000Z' });
    // The worker has the saved text once a judge post of the prober's arrives in it.
    const probe = await openEvent(world, { name: '模板生效探测', item: '探测' });
    await waitFor(
      'the worker to use the saved judge text',
      async () => {
        await post(url, `/api/v1/items/${probe.itemId}/judges`, org, { userId: prober.id });
        return (await inbox(prober)).messages.some((m) => m.title === '【裁判通知】探测');
      },
      30_000,
      500,
    );
    await post(url, `/api/v1/items/${hike.itemId}/judges`, org, { userId: judge.id });
    await tallyOne(hike.itemId, e1.id);
    const notice = await post(url, `/api/v1/items/${hike.itemId}/publication/notice`, org, {});
    const appeal = await post(url, `/api/v1/items/${hike.itemId}/appeals`, li.token, { entryId: e1.id, reason: '终点计时与手表记录相差两分钟' });
    await post(url, `/api/v1/appeals/${appeal.id}/dismiss`, org, { reason: '经复核录像，计时无误' });

    // Inbox: every happening once, in each person's language.
    const item = hike.itemName;
    const wangBox = await inboxOf(wang, 2);
    expect(sorted(wangBox.messages.map((m) => m.title))).toEqual(sorted([`报名已收到：${item}`, `报名未通过：${item}`]));
    expect(wangBox.messages.find((m) => m.trigger === 'entry.rejected')!.body).toBe(
      `${wang.realName}，您在「${(await eventName(hike.eventId))}」${item}的报名未通过审核。原因：工会会员证明材料不全`,
    );
    const liBox = await inboxOf(li, 6);
    expect(sorted(liBox.messages.map((m) => m.title))).toEqual(
      sorted([
        `Waitlisted: ${item}`,
        `Promoted from the waitlist: ${item}`,
        `Entry approved: ${item}`,
        `Schedule change: ${item}`,
        `Results published: ${item}`,
        `Appeal decided: ${item}`,
      ]),
    );
    expect(liBox.messages.find((m) => m.trigger === 'entry.approved')!.body).toContain(`Your bib is ${approved.bib}.`);
    expect(liBox.messages.find((m) => m.trigger === 'item.changed')!.body).toContain('venue 拱墅区运河文化广场, starts 2026-05-01 08:30.');
    // The end of the notice as people in Beijing read it; the API gives the same instant with its offset.
    expect(notice.noticeEndsAt).toMatch(/\+08:00$/);
    expect(liBox.messages.find((m) => m.trigger === 'results.published')!.body).toContain(`on public notice until ${beijingClock(notice.noticeEndsAt)}.`);
    expect(liBox.messages.find((m) => m.trigger === 'appeal.decided')!.body).toContain('经复核录像，计时无误');
    const zhaoBox = await inboxOf(zhao, 2);
    expect(sorted(zhaoBox.messages.map((m) => m.trigger))).toEqual(['entry.waitlisted', 'item.changed']);
    const judgeBox = await inboxOf(judge, 1);
    expect(judgeBox.messages.map((m) => [m.title, m.body])).toEqual([[`【裁判通知】${item}`, `${judge.realName}：请于赛前一小时到场，担任裁判 (judge)。`]]);

    // E-mail over real SMTP: 王 and 李 get all theirs; 赵 opted out, so only the mandatory schedule change.
    await waitFor('the e-mails', async () => smtp.mails.length >= 9, 30_000, 200);
    await deliveriesSettled(); // nothing more can come
    expect(sorted(mailsTo('wang@example.com').map((m) => m.subject))).toEqual(sorted([`报名已收到：${item}`, `报名未通过：${item}`]));
    expect(sorted(mailsTo('li@example.com').map((m) => m.subject))).toEqual(sorted(liBox.messages.map((m) => m.title)));
    expect(mailsTo('zhao@example.com').map((m) => m.subject)).toEqual([`赛程变更：${item}`]);
    expect(smtp.mails).toHaveLength(9);
    const rejectedMail = mailsTo('wang@example.com').find((m) => m.subject.startsWith('报名未通过')) as ReceivedMail;
    const rejectedId = wangBox.messages.find((m) => m.trigger === 'entry.rejected')!.id;
    expect(rejectedMail.text).toContain('原因：工会会员证明材料不全');
    expect(rejectedMail.messageId).toBe(`<notification-${rejectedId}@union-events>`);
    expect(rejectedMail.idempotencyKey).toBe(`notification-${rejectedId}-email`);

    // SMS through the gateway adapter: everyone with a mobile on their profile, 赵 only for the mandatory one.
    await waitFor('the SMS', async () => receiver.posts.filter((r) => r.path === '/sms').length >= 9, 30_000, 200);
    expect(smsFor(wang)).toHaveLength(2);
    expect(smsFor(li)).toHaveLength(6);
    expect(smsFor(zhao).map((r) => JSON.parse(r.body).text)).toEqual([expect.stringContaining('赛程变更')]);
    for (const r of smsFor(li)) {
      const sms = JSON.parse(r.body);
      expect(sms.to).toMatch(/^139\d{8}$/);
      expect(sms.idempotencyKey).toMatch(/^notification-\d+-sms$/);
      expect(r.headers['idempotency-key']).toBe(sms.idempotencyKey);
    }

    // 王's webhook: signed JSON, the idempotency key in header and body.
    const hooks = await waitFor('王’s webhooks', async () => {
      const got = receiver.posts.filter((r) => r.path === '/hooks/wang');
      return got.length >= 2 ? got : undefined;
    });
    for (const h of hooks) {
      expect(verifyWebhook(WANG_SECRET, String(h.headers['x-ue-timestamp']), h.body, String(h.headers['x-ue-signature']))).toBe(true);
      expect(verifyWebhook('some-other-secret-000', String(h.headers['x-ue-timestamp']), h.body, String(h.headers['x-ue-signature']))).toBe(false);
      expect(h.headers['idempotency-key']).toBe(JSON.parse(h.body).id);
    }
    expect(sorted(hooks.map((h) => JSON.parse(h.body).trigger))).toEqual(['entry.received', 'entry.rejected']);
    expect(JSON.parse(hooks.find((h) => JSON.parse(h.body).trigger === 'entry.rejected')!.body)).toMatchObject({
      id: `notification-${rejectedId}-webhook`,
      locale: 'zh-CN',
      title: `报名未通过：${item}`,
      vars: { reason: '工会会员证明材料不全', name: wang.realName },
    });

    // Every delivery went out exactly once.
    const states = await ds.query("SELECT channel, status, COUNT(*) AS n, MAX(attempts) AS maxAttempts FROM notification_deliveries GROUP BY channel, status ORDER BY channel");
    expect(states.map((s: { channel: string; status: string; n: string; maxAttempts: number }) => [s.channel, s.status, Number(s.n), Number(s.maxAttempts)])).toEqual([
      ['email', 'sent', 9, 1],
      ['sms', 'sent', 9, 1],
      ['webhook', 'sent', 2, 1],
    ]);
  });

  /** A result to put on notice: the judge times one finisher and the tally runs. */
  async function tallyOne(itemId: number, entryId: number): Promise<void> {
    await put(url, `/api/v1/items/${itemId}/scheme`, world.organizer.token, { scheme: { kind: 'timed', rounding: { digits: 2, mode: 'up' } } });
    const mark = await http(url).put(`/api/v1/items/${itemId}/marks`).set(bearer(judge.token)).send({ entryId, criterion: 'time', value: '3605.20' });
    if (mark.status !== 200) throw new Error(`mark: ${mark.status} ${JSON.stringify(mark.body)}`);
    await waitFor('the tally', async () => (await http(url).get(`/api/v1/items/${itemId}/results`)).body.results?.length > 0, 30_000, 100);
  }

  async function eventName(eventId: number): Promise<string> {
    const [r] = await ds.query('SELECT name FROM events WHERE id = ?', [eventId]);
    return r.name;
  }

  it('retries a failing webhook with backoff, marks it failed, and lets an admin send it again', async () => {
    receiver.statusFor.set('/hooks/judge', 500);
    await put(url, '/api/v1/me/notification-settings', judge.token, { webhookUrl: `${receiver.url}/hooks/judge`, webhookSecret: JUDGE_SECRET });
    const hike = await openEvent(world, { name: '职工登山赛' });
    await post(url, `/api/v1/items/${hike.itemId}/judges`, world.organizer.token, { userId: judge.id, chief: true });

    const failed = await waitFor('the webhook delivery to fail', async () => {
      const res = await http(url).get('/api/v1/admin/notification-deliveries?status=failed&channel=webhook').set(bearer(admin));
      return res.body.length ? res.body : undefined;
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ channel: 'webhook', status: 'failed', attempts: ATTEMPTS, lastError: expect.stringContaining('HTTP 500'), userId: judge.id, trigger: 'judge.assigned' });
    const tries = (): ReceivedPost[] => receiver.posts.filter((r) => r.path === '/hooks/judge');
    expect(tries()).toHaveLength(ATTEMPTS);
    expect(new Set(tries().map((t) => t.headers['idempotency-key']))).toEqual(new Set([`notification-${failed[0].notificationId}-webhook`]));
    // Exponential backoff: 200 ms before the second try, 400 ms before the third (BullMQ's timer may add a little).
    const [t1, t2, t3] = tries().map((t) => t.at);
    expect(t2 - t1).toBeGreaterThanOrEqual(180);
    expect(t3 - t2).toBeGreaterThanOrEqual(380);

    // Only admins see deliveries and retry them.
    expect((await http(url).get('/api/v1/admin/notification-deliveries').set(bearer(world.organizer.token))).status).toBe(403);
    expect((await http(url).post(`/api/v1/admin/notification-deliveries/${failed[0].id}/retry`).set(bearer(world.organizer.token))).status).toBe(403);

    receiver.statusFor.set('/hooks/judge', 204);
    const retried = await http(url).post(`/api/v1/admin/notification-deliveries/${failed[0].id}/retry`).set(bearer(admin));
    expect(retried.status).toBe(200);
    const sent = await waitFor('the retried delivery', async () => {
      const res = await http(url).get(`/api/v1/admin/notification-deliveries?channel=webhook&status=sent`).set(bearer(admin));
      return res.body.find((d: { id: string }) => d.id === failed[0].id);
    });
    expect(sent).toMatchObject({ status: 'sent', attempts: ATTEMPTS + 1, lastError: null });
    expect(tries()).toHaveLength(ATTEMPTS + 1);
    expect(verifyWebhook(JUDGE_SECRET, String(tries()[ATTEMPTS].headers['x-ue-timestamp']), tries()[ATTEMPTS].body, String(tries()[ATTEMPTS].headers['x-ue-signature']))).toBe(true);

    const again = await http(url).post(`/api/v1/admin/notification-deliveries/${failed[0].id}/retry`).set(bearer(admin));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('NOTIFY_DELIVERY_NOT_FAILED');
  });

  it('checks templates when saved and keeps them to admins', async () => {
    const bad = await http(url).put('/api/v1/notification-templates/entry.approved/zh-CN').set(bearer(admin)).send({ title: '通过：{{item}}', body: '{{name}}，号码 {{bibb}}' });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('NOTIFY_TEMPLATE_INVALID');
    expect(bad.body.message).toContain('{{bibb}}');
    expect(bad.body.details[0].field).toBe('body');
    const broken = await http(url).put('/api/v1/notification-templates/entry.approved/en').set(bearer(admin)).send({ title: 'Approved {{item', body: 'ok' });
    expect(broken.status).toBe(422);
    expect(broken.body.details[0].field).toBe('title');
    const unknown = await http(url).put('/api/v1/notification-templates/entry.lost/zh-CN').set(bearer(admin)).send({ title: 'x', body: 'y' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOTIFY_TRIGGER_UNKNOWN']);
    const missing = await http(url).put('/api/v1/notification-templates/entry.approved/zh-CN').set(bearer(admin)).send({ title: '通过' });
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await http(url).put('/api/v1/notification-templates/entry.approved/zh-CN').set(bearer(world.organizer.token)).send({ title: 'x', body: 'y' })).status).toBe(403);
    expect((await http(url).get('/api/v1/notification-templates')).status).toBe(401);

    const list = await http(url).get('/api/v1/notification-templates').set(bearer(admin));
    expect(list.body).toHaveLength(24);
    expect(list.body.find((t: { trigger: string; locale: string }) => t.trigger === 'judge.assigned' && t.locale === 'zh-CN')).toMatchObject({ custom: true, title: '【裁判通知】{{item}}' });
    expect(list.body.find((t: { trigger: string; locale: string }) => t.trigger === 'entry.rejected' && t.locale === 'en')).toMatchObject({
      custom: false,
      mandatory: true,
      vars: ['name', 'event', 'item', 'reason'],
    });
    const reset = await http(url).delete('/api/v1/notification-templates/judge.assigned/zh-CN').set(bearer(admin));
    expect(reset.body).toMatchObject({ custom: false, title: '裁判任命：{{item}}' });
  });

  it('refuses bad settings by field and keeps each inbox to its owner', async () => {
    const settings = (p: Person, body: object) => http(url).put('/api/v1/me/notification-settings').set(bearer(p.token)).send(body);
    const inboxOut = await settings(zhao, { optedOut: ['inbox'] });
    expect([inboxOut.status, inboxOut.body.code, inboxOut.body.details[0].field]).toEqual([400, 'NOTIFY_SETTINGS_INVALID', 'optedOut']);
    const noSecret = await settings(zhao, { webhookUrl: 'https://oa.example.com/hook' });
    expect([noSecret.status, noSecret.body.details[0].field]).toEqual([400, 'webhookSecret']);
    const badMail = await settings(zhao, { email: '赵六@' });
    expect([badMail.status, badMail.body.code, badMail.body.details[0].field]).toEqual([400, 'VALIDATION_FAILED', 'email']);
    const badChannel = await settings(zhao, { optedOut: ['pigeon'] });
    expect([badChannel.status, badChannel.body.details[0].field]).toEqual([400, 'optedOut']);
    const own = await http(url).get('/api/v1/me/notification-settings').set(bearer(wang.token));
    expect(own.body).toMatchObject({ email: 'wang@example.com', webhookSecretSet: true });
    expect(JSON.stringify(own.body)).not.toContain(WANG_SECRET);

    expect((await http(url).get('/api/v1/me/notifications')).status).toBe(401);
    const before = await inbox(li);
    const wangIds = (await inbox(wang)).messages.map((m) => m.id);
    const foreign = await http(url).post('/api/v1/me/notifications/read').set(bearer(li.token)).send({ ids: wangIds });
    expect(foreign.body.marked).toBe(0);
    expect((await inbox(wang)).unread).toBe(wangIds.length);
    const one = await http(url).post('/api/v1/me/notifications/read').set(bearer(li.token)).send({ ids: [before.messages[0].id] });
    expect(one.body).toEqual({ marked: 1, unread: before.unread - 1 });
    expect((await http(url).get('/api/v1/me/notifications/unread-count').set(bearer(li.token))).body).toEqual({ unread: before.unread - 1 });
    const unreadOnly = await http(url).get('/api/v1/me/notifications?unread=true').set(bearer(li.token));
    expect(unreadOnly.body.messages.map((m: InboxMessage) => m.id)).not.toContain(before.messages[0].id);
    const all = await http(url).post('/api/v1/me/notifications/read').set(bearer(li.token)).send({ all: true });
    expect(all.body).toEqual({ marked: before.unread - 1, unread: 0 });
    const neither = await http(url).post('/api/v1/me/notifications/read').set(bearer(li.token)).send({});
    expect([neither.status, neither.body.details[0].field]).toEqual([400, 'ids']);
  });

  it('fans a broadcast out as inbox jobs of a batch of recipients each, not one call per recipient', async () => {
    const hike = await openEvent(world, { name: '职工迷你马拉松' });
    const people = await importPeople(world, world.enterprises[1].id, 5);
    const entries = [];
    for (const userId of people) entries.push(await post(url, `/api/v1/items/${hike.itemId}/entries`, world.organizer.token, { userId }));
    await post(url, `/api/v1/items/${hike.itemId}/judges`, world.organizer.token, { userId: judge.id });
    await tallyOne(hike.itemId, entries[0].id);
    await post(url, `/api/v1/items/${hike.itemId}/publication/notice`, world.organizer.token, {});
    const [fanout] = await ds.query(
      "SELECT JSON_UNQUOTE(JSON_EXTRACT(payload, '$.key')) AS k FROM outbox WHERE job_name = 'notify.fanout' AND JSON_EXTRACT(payload, '$.audience.id') = ? AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.trigger')) = 'results.published'",
      [hike.itemId],
    );
    const written = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM notifications WHERE ref = ?', [fanout.k]))[0].n);
    await waitFor('the five messages', async () => (await written()) === 5, 30_000, 200);
    // The messages commit inside each job; BullMQ records the job complete a moment later.
    // Job ids begin with the database's instance id.
    const [{ id: instance }] = await ds.query('SELECT id FROM platform_instance');
    const jobs = await waitFor('the three batches completed', async () => {
      const done = (await queue('notify-inbox').getJobs(['completed'])).filter((j) => j.id!.startsWith(`${instance}.notify.inbox-${fanout.k}.`));
      return done.length >= 3 ? done : undefined;
    });
    expect(jobs.map((j) => [j.id, j.data.to.length]).sort()).toEqual([
      [`${instance}.notify.inbox-${fanout.k}.0`, 2],
      [`${instance}.notify.inbox-${fanout.k}.1`, 2],
      [`${instance}.notify.inbox-${fanout.k}.2`, 1],
    ]);
    expect(jobs.flatMap((j) => j.data.to.map((t: { userId: number }) => t.userId)).sort()).toEqual([...people].sort());
  });

  describe('a notification job run twice (a redelivery after a crash)', () => {
    const address = 'prober@example.com';
    /** A judge post for the prober on an item of its own; its e-mail is the one to count. */
    async function assignProber(item: string) {
      const hike = await openEvent(world, { name: '职工篮球联赛', item });
      await post(url, `/api/v1/items/${hike.itemId}/judges`, world.organizer.token, { userId: prober.id });
      return hike;
    }
    const jobsOf = async (name: QueueName, states: ('waiting' | 'completed')[], match: (j: Job) => boolean) => (await queue(name).getJobs(states)).filter(match);
    const forProber = (item: string) => (j: Job) => j.data.vars?.item === item && j.data.to.some((t: { userId: number }) => t.userId === prober.id);
    /** What the prober holds of the post: inbox rows, delivery rows (status, attempts) and e-mails received. */
    async function outcome(item: string) {
      const rows: { id: string }[] = await ds.query("SELECT id FROM notifications WHERE user_id = ? AND JSON_UNQUOTE(JSON_EXTRACT(vars, '$.item')) = ?", [prober.id, item]);
      const deliveries = rows.length ? await ds.query('SELECT channel, status, attempts FROM notification_deliveries WHERE notification_id IN (?)', [rows.map((r) => r.id)]) : [];
      return {
        inbox: rows.length,
        deliveries: deliveries.map((d: { channel: string; status: string; attempts: number }) => [d.channel, d.status, Number(d.attempts)]),
        mails: mailsTo(address).filter((m) => m.subject.includes(item)).length,
      };
    }
    const completed = (name: QueueName, ids: string[]) =>
      waitFor(`${ids.join(', ')} to complete`, async () => (await Promise.all(ids.map(async (id) => (await queue(name).getJob(id))?.getState()))).every((s) => s === 'completed'));

    beforeAll(async () => {
      await put(url, '/api/v1/me/notification-settings', prober.token, { email: address });
    });

    it('after the first run finished: the inbox job and the e-mail job again leave one inbox row and one e-mail', async () => {
      const item = `裁判员一-${world.tag}`;
      await assignProber(item);
      await waitFor('the e-mail', async () => (await outcome(item)).mails === 1);
      await deliveriesSettled();
      const [inboxJob] = await jobsOf('notify-inbox', ['completed'], forProber(item));
      const [{ id: deliveryId }] = await ds.query(
        "SELECT d.id FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id WHERE n.user_id = ? AND d.channel = 'email' AND JSON_UNQUOTE(JSON_EXTRACT(n.vars, '$.item')) = ?",
        [prober.id, item],
      );
      const [emailJob] = await jobsOf('notify-email', ['completed'], (j) => j.data.deliveryId === String(deliveryId));
      expect([inboxJob, emailJob].every(Boolean)).toBe(true);

      // BullMQ runs a job again when its worker died before acknowledging it; the same data under a new id here.
      await queue('notify-inbox').add(inboxJob.name, inboxJob.data, { jobId: `${inboxJob.id}-redelivered` });
      await queue('notify-email').add(emailJob.name, emailJob.data, { jobId: `${emailJob.id}-redelivered` });
      await completed('notify-inbox', [`${inboxJob.id}-redelivered`]);
      await completed('notify-email', [`${emailJob.id}-redelivered`]);
      await deliveriesSettled();
      expect(await outcome(item)).toEqual({ inbox: 1, deliveries: [['email', 'sent', 1]], mails: 1 });
    });

    it('beside the first run: the inbox job and the e-mail job each run twice at once, and still one inbox row and one e-mail', async () => {
      const item = `裁判员二-${world.tag}`;
      // Held in their queues (paused for every worker of this stack) until each has its twin beside it.
      await queue('notify-inbox').pause();
      await queue('notify-email').pause();
      try {
        await assignProber(item);
        const inboxJob = await waitFor('the inbox job', async () => (await jobsOf('notify-inbox', ['waiting'], forProber(item)))[0]);
        await queue('notify-inbox').add(inboxJob.name, inboxJob.data, { jobId: `${inboxJob.id}-twin` });
        await queue('notify-inbox').resume();
        await completed('notify-inbox', [inboxJob.id!, `${inboxJob.id}-twin`]);

        const emailJobs = await jobsOf('notify-email', ['waiting'], () => true);
        expect(emailJobs).toHaveLength(1); // both inbox runs named the same delivery job
        await queue('notify-email').add(emailJobs[0].name, emailJobs[0].data, { jobId: `${emailJobs[0].id}-twin` });
        await queue('notify-email').resume();
        await completed('notify-email', [emailJobs[0].id!, `${emailJobs[0].id}-twin`]);
      } finally {
        await queue('notify-inbox').resume();
        await queue('notify-email').resume();
      }
      await deliveriesSettled();
      expect(await outcome(item)).toEqual({ inbox: 1, deliveries: [['email', 'sent', 1]], mails: 1 });
    });
  });

  it('shows the queue dashboard to admins only', async () => {
    const anonymous = await http(url).get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Basic /);
    expect((await http(url).get('/admin/queues').set(bearer(world.organizer.token))).status).toBe(403);
    const wrong = Buffer.from(`${ADMIN.username}:not-the-password`).toString('base64');
    expect((await http(url).get('/admin/queues').set({ Authorization: `Basic ${wrong}` })).status).toBe(401);
    const basic = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64');
    const page = await http(url).get('/admin/queues').set({ Authorization: `Basic ${basic}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const queues = await http(url).get('/admin/queues/api/queues').set(bearer(admin));
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['notify', 'notify-inbox', 'notify-email', 'notify-sms', 'notify-webhook', 'tally']));
  });
});
