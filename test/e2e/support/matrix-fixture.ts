import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { beijingDayAhead } from './beijing';
import { waitFor } from './processes';
import { rosterCsv, rosterPeople } from './registration';
import { creditCode } from './job-fair';
import { TEST_JWT_SECRET } from './test-env';
import { adminToken, bearer, chineseName, http, JUDGE_PANEL, login, mobile, post, put, residentId } from './world';

export const PASSWORD = 'Qiantang-tide-2026';
const TIMED = { kind: 'timed', rounding: { digits: 2, mode: 'up' } };
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex').toString('base64');

/** Everyone the matrix calls as, and the people it acts on. Their roles are in ROLE_OF. */
export const PEOPLE = [
  'organizer',
  'removedOrganizer',
  'disabledOrganizer',
  'siblingOrganizer',
  'leaderA',
  'leaderB',
  'judge1',
  'judge2',
  'judge3',
  'unassignedJudge',
  'entrant',
  'neighbour',
  'subject',
  'roleTarget',
  'disableTarget',
  'enableTarget',
  'colleagueB',
  'appellant',
  'employerStaff',
  'otherEmployerStaff',
  'pendingMember',
] as const;
export type PersonName = (typeof PEOPLE)[number] | 'admin';

/** The role each person holds, and where: D is the event's district, A and B its enterprises, S a sibling district. */
export const ROLE_OF: Record<PersonName, { role: string; at: 'root' | 'D' | 'A' | 'B' | 'S' }> = {
  admin: { role: 'admin', at: 'root' },
  organizer: { role: 'organizer', at: 'D' },
  removedOrganizer: { role: 'organizer', at: 'D' },
  disabledOrganizer: { role: 'organizer', at: 'D' },
  siblingOrganizer: { role: 'organizer', at: 'S' },
  leaderA: { role: 'delegation_leader', at: 'A' },
  leaderB: { role: 'delegation_leader', at: 'B' },
  judge1: { role: 'judge', at: 'D' },
  judge2: { role: 'judge', at: 'D' },
  judge3: { role: 'judge', at: 'D' },
  unassignedJudge: { role: 'judge', at: 'D' },
  entrant: { role: 'contestant', at: 'A' },
  neighbour: { role: 'contestant', at: 'A' },
  subject: { role: 'contestant', at: 'A' },
  roleTarget: { role: 'contestant', at: 'A' },
  disableTarget: { role: 'contestant', at: 'A' },
  enableTarget: { role: 'contestant', at: 'A' },
  colleagueB: { role: 'contestant', at: 'B' },
  appellant: { role: 'contestant', at: 'A' },
  // Employer staff: the role opens the job fair's employer routes; the staff record scopes them to one employer.
  employerStaff: { role: 'employer', at: 'D' },
  otherEmployerStaff: { role: 'employer', at: 'D' },
  pendingMember: { role: 'contestant', at: 'A' },
};

export interface FixturePerson {
  id: number;
  username: string;
  realName: string;
  token: string;
}

/** The items of the main event, each in the state its operations need. */
export const ITEMS = [
  'scored', // judge panel: judge1 (chief) with a draft, judge2 with a full draft, judge3 submitted
  'appeal', // timed, on notice, appeals filed by the entrant (one with an attachment)
  'notice', // provisional
  'retract', // on notice
  'finalize', // on notice, the notice over
  'reopen', // final
  'awards', // final
  'rounds', // timed, approved entries, no round yet
  'qualify', // timed, a first round with a qualification rule, its sheet submitted
  'judges', // nobody on the panel
  // (`notice` has the unassigned judge as its chief)
  'scheme', // no scheme
  'settings', // item registration rules, award rules, records
  'entries', // the subject enters it
  'withdraw', // the entrant's entry, to withdraw
  'matchSetup', // a tennis knockout being set up: two entrants, no draw
  'matchDraw', // a tennis knockout with its entrants, ready to draw
  'matchPlay', // a tennis knockout of two, drawn, judge1 its umpire, the final unplayed
  'matchGroups', // two Go groups of two played out, judge1 their referee, ready for the knockout
  'matchSwiss', // a Go Swiss of two players, not yet paired
  'matchSwissPlay', // a Go Swiss, round 1 paired, judge1 its arbiter, no result yet
  'matchSwissHand', // a Go Swiss the arbiter pairs by hand
] as const;
export type ItemName = (typeof ITEMS)[number];

export interface Fixture {
  url: string;
  tag: string;
  db: DataSource;
  orgs: { D: number; A: number; B: number; S: number };
  people: Record<PersonName, FixturePerson>;
  /** A token of the organizer whose lifetime is over. */
  expiredToken: string;
  events: { main: number; pending: number; draft: number; frozen: number; unfrozen: number };
  items: Record<ItemName, number>;
  entries: {
    /** The entrant's entry in `scored`: read, coded, checked in, made a guest. */
    main: number;
    /** A colleague's entry in `appeal`, whose appeal is upheld (one open appeal per entry at a time). */
    upheld: number;
    /** The entrant's entry in `appeal`. */
    appealed: number;
    /** The neighbour's entry in `scored`. */
    neighbours: number;
    withdraw: number;
    toApprove: number;
    toReject: number;
  };
  appeals: { uphold: number; dismiss: number; withAttachment: number; attachment: number };
  rounds: { qualify: number };
  /** The entries of `matchSetup`, and the unplayed match of `matchPlay`. */
  matches: { setupEntries: number[]; play: number; handPair: [number, number] };
  checkInToken: string;
  awardRecords: { view: number; revoke: number; correct: number; pay: number };
  failedDelivery: string;
  template: { trigger: string; locale: string; title: string; body: string };
  rosterItem: string;
  year: number;
  /** A hiking event: an item not yet a route, a route with two checkpoints and a wave, the entrant walking it. */
  hiking: { eventId: number; newRouteItem: number; routeId: number; checkpointId: number; waveId: number; walkerId: number; disqualifyWalkerId: number; regroup: { routeId: number; walkerIds: number[] } };
  /** A job fair of the district: employerStaff's employers approved, pending and not yet applied; a pending posting. */
  fair: {
    event: number;
    employers: { approved: number; pending: number; fresh: number; other: number };
    participations: { approved: number; pending: number };
    positions: { pending: number; applied: number; open: number; scanned: number };
    /** The entrant's and the neighbour's CVs; the entrant's consent to revoke. */
    cvs: { entrant: number; neighbour: number; withdraw: number; delete: number };
    consent: number;
    /** The entrant's own application (to withdraw), the neighbour's (the employer moves it), the entrant's booth scan (a CV to share). */
    applications: { own: number; employers: number; scanned: number };
    /** The neighbour's pass, for a scan at the employer's booth. */
    neighbourPass: string;
    /** Interview slots: free ones for the entrant and the neighbour to book, one the entrant booked. */
    slots: { free: number; neighbours: number; booked: number };
  };
}

const CLAIMS: Record<string, keyof Fixture['orgs']> = { D: 'D', A: 'A', B: 'B', S: 'S' };

/**
 * One district with two enterprise unions and a sibling district, built through the API, with a
 * real target for every guarded operation: events and items in the states their operations need,
 * entries, sheets, appeals, award records. Two shortcuts go to the database: the five-day notice
 * period is ended by moving its end, and a failed webhook delivery is written as the worker
 * leaves one (making one through the worker takes its whole backoff).
 */
export async function buildFixture(url: string, db: DataSource): Promise<Fixture> {
  const tag = Math.random().toString(36).slice(2, 8);
  const admin = await adminToken(url);
  const orgs = {} as Fixture['orgs'];
  orgs.D = (await post(url, '/api/v1/organisations', admin, { name: `矩阵区总工会-${tag}`, kind: 'district', parentId: 1 })).id;
  orgs.S = (await post(url, '/api/v1/organisations', admin, { name: `邻区总工会-${tag}`, kind: 'district', parentId: 1 })).id;
  orgs.A = (await post(url, '/api/v1/organisations', admin, { name: `杭州钢铁集团工会-${tag}`, kind: 'enterprise', parentId: orgs.D })).id;
  orgs.B = (await post(url, '/api/v1/organisations', admin, { name: `浙江运河物流工会-${tag}`, kind: 'enterprise', parentId: orgs.D })).id;

  const adminUser = (await http(url).get('/api/v1/auth/me').set(bearer(admin))).body;
  const people = { admin: { id: adminUser.id, username: adminUser.username, realName: adminUser.realName, token: admin } } as Fixture['people'];
  const makePerson = async (name: (typeof PEOPLE)[number], i: number) => {
    const { role, at } = ROLE_OF[name];
    const username = `mx-${name}-${tag}`;
    const realName = chineseName(i + 3);
    const user = await post(url, '/api/v1/users', admin, { username, password: PASSWORD, realName, roles: [{ organisationId: orgs[CLAIMS[at]], role }] });
    people[name] = { id: user.id, username, realName, token: await login(username, PASSWORD, url) };
    if (role === 'contestant') await put(url, '/api/v1/me/profile', people[name].token, { residentId: residentId(), mobile: mobile(), unionMemberNo: `GH-${tag}-${name}` });
  };
  // A few at a time: each costs two password hashes, which the API runs on its thread pool.
  for (let i = 0; i < PEOPLE.length; i += 4) await Promise.all(PEOPLE.slice(i, i + 4).map((name, j) => makePerson(name, i + j)));
  const as = (who: PersonName) => people[who].token;

  // The main event: every item, open for registration with automatic approval.
  const org = as('organizer');
  const event = async (name: string, kind = 'skill_competition') =>
    (await post(url, '/api/v1/events', org, { organisationId: orgs.D, kind, name: `${name}-${tag}` })).id as number;
  const events = {} as Fixture['events'];
  events.main = await event('职工技能竞赛');
  const items = {} as Fixture['items'];
  const itemNames: Record<ItemName, string> = {
    scored: '电工（裁判组评分）',
    appeal: '100米（公示中）',
    notice: '跳远（暂定成绩）',
    retract: '跳高（公示中，待撤回）',
    finalize: '铅球（公示期满）',
    reopen: '铁饼（最终成绩）',
    awards: '标枪（最终成绩，待评奖）',
    rounds: '200米（未分轮次）',
    qualify: '400米（预赛已赛）',
    judges: '焊工（未设裁判）',
    scheme: '钳工（未设计分方案）',
    settings: '车工（设置）',
    entries: '围棋（报名）',
    withdraw: '象棋（待退赛）',
    matchSetup: '网球男单（编排中）',
    matchDraw: '网球女单（待抽签）',
    matchPlay: '网球混双（决赛待赛）',
    matchGroups: '围棋（小组赛已赛完）',
    matchSwiss: '围棋（积分编排，待编排）',
    matchSwissPlay: '围棋（积分编排，第一轮进行中）',
    matchSwissHand: '围棋（积分编排，人工编排）',
  };
  for (const name of ITEMS) items[name] = (await post(url, `/api/v1/events/${events.main}/items`, org, { name: itemNames[name] })).id;
  await put(url, `/api/v1/items/${items.scored}/scheme`, org, { scheme: JUDGE_PANEL });
  for (const name of ['appeal', 'rounds', 'qualify', 'retract', 'finalize', 'reopen', 'awards', 'notice'] as const) await put(url, `/api/v1/items/${items[name]}/scheme`, org, { scheme: TIMED });
  await put(url, `/api/v1/events/${events.main}/registration`, org, { autoApprove: true });
  await post(url, `/api/v1/events/${events.main}/status`, org, { status: 'registration_open' });

  const enter = async (who: PersonName, item: ItemName) => (await post(url, `/api/v1/items/${items[item]}/entries`, as(who), {})).id as number;
  const entries = {} as Fixture['entries'];
  entries.main = await enter('entrant', 'scored');
  entries.neighbours = await enter('neighbour', 'scored');
  entries.appealed = await enter('entrant', 'appeal');
  const neighbourAppeal = await enter('neighbour', 'appeal');
  entries.upheld = await enter('subject', 'appeal');
  const dismissed = await enter('colleagueB', 'appeal');
  const withFile = await enter('appellant', 'appeal');
  for (const who of ['entrant', 'neighbour'] as const) for (const item of ['rounds', 'qualify'] as const) await enter(who, item);
  entries.withdraw = await enter('entrant', 'withdraw');
  // Items that go on notice need results to publish: one timed finisher each.
  const published = ['retract', 'finalize', 'reopen', 'awards'] as const;
  const scoredForNotice = [...published, 'notice'] as const;
  const finishers = Object.fromEntries(await Promise.all(scoredForNotice.map(async (item) => [item, await enter('entrant', item)] as const)));
  await enter('colleagueB', 'entries');

  // Judges: a panel of three on `scored` (judge1 chief), judge1 timing `appeal` and `qualify`.
  for (const [who, chief] of [['judge1', true], ['judge2', false], ['judge3', false]] as const) {
    await post(url, `/api/v1/items/${items.scored}/judges`, org, { userId: people[who].id, chief });
  }
  for (const item of ['appeal', 'qualify', ...scoredForNotice] as const) await post(url, `/api/v1/items/${items[item]}/judges`, org, { userId: people.judge1.id });
  // The judge "not assigned" sits on another item's panel, as its chief: a seat elsewhere opens nothing here.
  await post(url, `/api/v1/items/${items.notice}/judges`, org, { userId: people.unassignedJudge.id, chief: true });
  const both = (value: (i: number) => string) => [entries.main, entries.neighbours].map((entryId, i) => ({ entryId, value: value(i) }));
  await put(url, `/api/v1/items/${items.scored}/sheets/${people.judge2.id}`, as('judge2'), { version: 0, marks: both((i) => String(80 + i)) });
  const judge3 = await put(url, `/api/v1/items/${items.scored}/sheets/${people.judge3.id}`, as('judge3'), { version: 0, marks: both((i) => String(82 + i)) });
  await post(url, `/api/v1/items/${items.scored}/sheets/${people.judge3.id}/submit`, as('judge3'), { version: judge3.version });
  const timed = [entries.appealed, neighbourAppeal, entries.upheld, dismissed, withFile].map((entryId, i) => ({ entryId, criterion: 'time', value: `12.${30 + i}` }));
  const appealSheet = await put(url, `/api/v1/items/${items.appeal}/sheets/${people.judge1.id}`, as('judge1'), { version: 0, marks: timed });
  await post(url, `/api/v1/items/${items.appeal}/sheets/${people.judge1.id}/submit`, as('judge1'), { version: appealSheet.version });
  for (const item of scoredForNotice) {
    const sheet = await put(url, `/api/v1/items/${items[item]}/sheets/${people.judge1.id}`, as('judge1'), { version: 0, marks: [{ entryId: finishers[item], criterion: 'time', value: '13.05' }] });
    await post(url, `/api/v1/items/${items[item]}/sheets/${people.judge1.id}/submit`, as('judge1'), { version: sheet.version });
  }
  for (const item of ['appeal', ...scoredForNotice] as const) {
    await waitFor(`results of ${item}`, async () => (await http(url).get(`/api/v1/items/${items[item]}/results`)).body.results?.length > 0, 30_000, 100);
  }

  // Match items, each in the state its operation starts from.
  const tennis = { format: 'single_elimination', settings: { sport: 'tennis' } };
  for (const item of ['matchSetup', 'matchDraw', 'matchPlay'] as const) await put(url, `/api/v1/matches/items/${items[item]}`, org, tennis);
  await put(url, `/api/v1/matches/items/${items.matchGroups}`, org, { format: 'groups_knockout', settings: { sport: 'go', groups: 2, advance: 1 } });
  const matchEntrants = async (item: ItemName, who: PersonName[]) => {
    const ids: number[] = [];
    for (const w of who) ids.push(await enter(w, item));
    await put(url, `/api/v1/matches/items/${items[item]}/entrants`, org, { entrants: ids.map((entryId) => ({ entryId })) });
    return ids;
  };
  const setupEntries = await matchEntrants('matchSetup', ['entrant', 'neighbour']);
  await matchEntrants('matchDraw', ['entrant', 'neighbour']);
  for (const item of ['matchPlay', 'matchGroups'] as const) {
    await matchEntrants(item, item === 'matchPlay' ? ['entrant', 'neighbour'] : ['entrant', 'neighbour', 'subject', 'colleagueB']);
    await post(url, `/api/v1/matches/items/${items[item]}/draw`, org, { lotSeed: 1 });
    await post(url, `/api/v1/matches/items/${items[item]}/officials`, org, { userId: people.judge1.id });
  }
  const unplayed = async (item: ItemName) => ((await http(url).get(`/api/v1/matches/items/${items[item]}/bracket`)).body.matches as { id: number; status: number }[]).filter((x) => x.status === 2);
  for (const x of await unplayed('matchGroups')) await post(url, `/api/v1/matches/${x.id}/result`, as('judge1'), { winner: 'a' });
  const swiss = { format: 'swiss', settings: { sport: 'go', rounds: 2 } };
  for (const item of ['matchSwiss', 'matchSwissPlay', 'matchSwissHand'] as const) {
    await put(url, `/api/v1/matches/items/${items[item]}`, org, swiss);
    await matchEntrants(item, ['entrant', 'neighbour']);
  }
  await post(url, `/api/v1/matches/items/${items.matchSwissPlay}/swiss/rounds`, org, {});
  await post(url, `/api/v1/matches/items/${items.matchSwissPlay}/officials`, org, { userId: people.judge1.id });
  const handPair = (await http(url).get(`/api/v1/matches/items/${items.matchSwissHand}`)).body.participants.map((p: { id: number }) => p.id) as [number, number];
  const matches = { setupEntries, play: (await unplayed('matchPlay'))[0].id, handPair };

  // A first round of `qualify`, timed and handed in: ready for its qualifiers to be drawn.
  const round = await post(url, `/api/v1/items/${items.qualify}/rounds`, org, { name: '预赛', heats: 1, qualification: { byPlace: 1, byPerformance: 0 } });
  const heat = round.entries.map((e: { entryId: number }, i: number) => ({ entryId: e.entryId, criterion: 'time', value: `55.${10 + i}` }));
  const heatSheet = await put(url, `/api/v1/items/${items.qualify}/sheets/${people.judge1.id}?round=${round.id}`, as('judge1'), { version: 0, marks: heat });
  await post(url, `/api/v1/items/${items.qualify}/sheets/${people.judge1.id}/submit?round=${round.id}`, as('judge1'), { version: heatSheet.version });

  // Publication: each item in the state its operation starts from.
  const notice = (item: ItemName) => post(url, `/api/v1/items/${items[item]}/publication/notice`, org, {});
  const noticeOver = (item: ItemName) => db.query('UPDATE result_publications SET notice_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE item_id = ?', [items[item]]);
  for (const item of ['appeal', 'retract', 'finalize', 'reopen', 'awards'] as const) await notice(item);
  for (const item of ['finalize', 'reopen', 'awards'] as const) await noticeOver(item);
  for (const item of ['reopen', 'awards'] as const) await post(url, `/api/v1/items/${items[item]}/publication/finalize`, org, {});
  // Each appeal on an entry of its own: an entry has one undecided appeal at a time.
  const appeal = (who: PersonName, entryId: number, reason: string, attachments?: object[]) =>
    post(url, `/api/v1/items/${items.appeal}/appeals`, as(who), { entryId, reason, attachments });
  const withAttachment = await appeal('appellant', withFile, '计时录像显示成绩有误', [{ fileName: '终点录像截图.png', contentType: 'image/png', contentBase64: PNG }]);
  const appeals = {
    uphold: (await appeal('subject', entries.upheld, '一号计时员的成绩录入有误')).id,
    dismiss: (await appeal('colleagueB', dismissed, '认为起跑犯规判罚有误')).id,
    withAttachment: withAttachment.id,
    attachment: withAttachment.attachments[0].id,
  };

  // A second event whose entries wait for review.
  events.pending = await event('职工书法比赛');
  const pendingItem = (await post(url, `/api/v1/events/${events.pending}/items`, org, { name: '硬笔书法' })).id;
  await put(url, `/api/v1/events/${events.pending}/registration`, org, { autoApprove: false });
  await post(url, `/api/v1/events/${events.pending}/status`, org, { status: 'registration_open' });
  entries.toApprove = (await post(url, `/api/v1/items/${pendingItem}/entries`, as('entrant'), {})).id;
  entries.toReject = (await post(url, `/api/v1/items/${pendingItem}/entries`, as('neighbour'), {})).id;
  events.draft = await event('职工摄影比赛');
  events.unfrozen = await event('职工篮球赛', 'sports_meet');
  events.frozen = await event('职工乒乓球赛', 'sports_meet');
  await post(url, `/api/v1/events/${events.frozen}/board/freeze`, org, {});

  const code = await http(url).get(`/api/v1/entries/${entries.main}/check-in-code`).set(bearer(org));
  if (code.status !== 200) throw new Error(`check-in code: ${code.status} ${JSON.stringify(code.body)}`);

  // Award records conferred on the entrant; the first one's certificate rendered by the worker.
  const year = new Date().getFullYear();
  const confer = async (awardName: string, prizeMoney?: string) =>
    (await post(url, '/api/v1/recognitions', org, { issuerId: orgs.D, userId: people.entrant.id, organisationId: orgs.A, awardName, citation: '技艺精湛，带徒传技成绩突出', prizeMoney, year })).id as number;
  const awardRecords = { view: await confer('区级技术能手'), revoke: await confer('区级岗位能手'), correct: await confer('区级优秀工匠'), pay: await confer('区级劳动模范', '800.00') };
  await waitFor(
    'the certificate',
    async () => (await http(url).get(`/api/v1/award-records/${awardRecords.view}/certificate.pdf`).set(bearer(as('entrant')))).status === 200,
    60_000,
  );

  // A person of A who signed up by themselves and waits for A's leader to confirm them.
  await db.query('UPDATE users SET membership_pending_since = NOW(3) WHERE id = ?', [people.pendingMember.id]);

  // Access taken away: a role removed, an account disabled; their tokens stop within 5 s.
  await http(url).delete(`/api/v1/users/${people.removedOrganizer.id}/roles/${orgs.D}/organizer`).set(bearer(org)).expect(200);
  await http(url).post(`/api/v1/users/${people.disabledOrganizer.id}/disable`).set(bearer(org)).expect(200);
  await http(url).post(`/api/v1/users/${people.enableTarget.id}/disable`).set(bearer(org)).expect(200);
  for (const who of ['removedOrganizer', 'disabledOrganizer'] as const) {
    await waitFor(`${who}'s token to stop`, async () => (await http(url).get('/api/v1/auth/me').set(bearer(as(who)))).status === 401, 5_000);
  }

  const message = await db.query('INSERT INTO notifications (user_id, ref, `trigger`, locale, title, body, vars) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    people.entrant.id,
    `matrix-${tag}`,
    'entry.approved',
    'zh-CN',
    '报名已通过',
    '您的报名已通过审核。',
    '{}',
  ]);
  const delivery = await db.query("INSERT INTO notification_deliveries (notification_id, channel, status, attempts, last_error) VALUES (?, 'webhook', 'failed', 5, 'HTTP 500')", [
    message.insertId,
  ]);

  const templates = (await http(url).get('/api/v1/notification-templates').set(bearer(admin))).body as Fixture['template'][];
  const { trigger, locale, title, body } = templates[0];

  // A hiking event: the entrant walks its route; a second item waits to be made a route.
  const hikeEvent = await event('职工运河毅行', 'hiking');
  const hikeItem = (await post(url, `/api/v1/events/${hikeEvent}/items`, org, { name: '20公里毅行' })).id;
  const newRouteItem = (await post(url, `/api/v1/events/${hikeEvent}/items`, org, { name: '10公里毅行' })).id;
  await put(url, `/api/v1/events/${hikeEvent}/registration`, org, { autoApprove: true });
  await post(url, `/api/v1/events/${hikeEvent}/status`, org, { status: 'registration_open' });
  await post(url, `/api/v1/items/${hikeItem}/entries`, as('entrant'), {});
  await post(url, `/api/v1/items/${hikeItem}/entries`, as('neighbour'), {});
  const startAt = new Date(Date.now() - 3600_000);
  const hikeRoute = await post(url, `/api/v1/hiking/items/${hikeItem}/route`, org, { distanceM: 20000, referenceStartAt: startAt });
  const withCheckpoints = await put(url, `/api/v1/hiking/routes/${hikeRoute.id}/checkpoints`, org, { checkpoints: [{ name: '武林门', distanceM: 0 }, { name: '拱宸桥', distanceM: 20000 }] });
  const wave = await post(url, `/api/v1/hiking/routes/${hikeRoute.id}/waves`, org, { name: '第一批', startsAt: startAt });
  await post(url, `/api/v1/hiking/routes/${hikeRoute.id}/walkers`, org, { waveId: wave.id });
  const hikers = (await http(url).get(`/api/v1/hiking/routes/${hikeRoute.id}/walkers`).set(bearer(org))).body as { id: number; userId: number }[];
  // Two teams of two on a 5 km route (teams of 2–4), each broken by a withdrawal: their members
  // still walking may regroup.
  const pairItem = (await post(url, `/api/v1/events/${hikeEvent}/items`, org, { name: '5公里结伴走' })).id;
  await put(url, `/api/v1/items/${pairItem}/registration`, org, { entryType: 'team', teamMin: 2, teamMax: 4 });
  for (const pair of [['subject', 'appellant'], ['neighbour', 'entrant']] as const) {
    await post(url, `/api/v1/items/${pairItem}/entries`, org, { teamName: `结伴${people[pair[0]].realName}`, memberIds: pair.map((p) => people[p].id), captainId: people[pair[0]].id });
  }
  const pairRoute = await post(url, `/api/v1/hiking/items/${pairItem}/route`, org, { distanceM: 5000, referenceStartAt: startAt, teamMin: 2, teamMax: 4 });
  await put(url, `/api/v1/hiking/routes/${pairRoute.id}/checkpoints`, org, { checkpoints: [{ name: '西湖文化广场', distanceM: 0 }, { name: '武林广场', distanceM: 5000 }] });
  await post(url, `/api/v1/hiking/routes/${pairRoute.id}/walkers`, org, { waveId: wave.id });
  const pairs = (await http(url).get(`/api/v1/hiking/routes/${pairRoute.id}/walkers`).set(bearer(org))).body as { id: number; userId: number }[];
  const pairWalker = (who: PersonName) => pairs.find((w) => w.userId === people[who].id)!.id;
  for (const who of ['appellant', 'entrant'] as const) await post(url, `/api/v1/hiking/walkers/${pairWalker(who)}/withdraw`, org, { reason: '体力不支，退出' });
  const hiking = {
    eventId: hikeEvent,
    regroup: { routeId: pairRoute.id as number, walkerIds: [pairWalker('subject'), pairWalker('neighbour')] },
    newRouteItem,
    routeId: hikeRoute.id as number,
    checkpointId: withCheckpoints.checkpoints[0].id as number,
    waveId: wave.id as number,
    walkerId: hikers.find((w) => w.userId === people.entrant.id)!.id,
    disqualifyWalkerId: hikers.find((w) => w.userId === people.neighbour.id)!.id,
  };
  // A job fair: employerStaff acts for three employers (approved, pending, not yet applied), otherEmployerStaff for one of its own.
  const fairEvent = await event('春风行动专场招聘会', 'job_fair');
  const seq = Math.floor(Math.random() * 80_000_000);
  const employer = async (who: PersonName, i: number, name: string) =>
    (await post(url, '/api/v1/fair-employers', as(who), { name: `${name}-${tag}`, creditCode: creditCode(seq + i) })).id as number;
  const fairEmployers = {
    approved: await employer('employerStaff', 0, '杭州精工数控机床有限公司'),
    pending: await employer('employerStaff', 1, '杭州精工电气有限公司'),
    fresh: await employer('employerStaff', 2, '杭州精工物流有限公司'),
    other: await employer('otherEmployerStaff', 3, '浙江运河物流有限公司'),
  };
  const participate = async (who: PersonName, employerId: number) => (await post(url, `/api/v1/fairs/${fairEvent}/participations`, as(who), { employerId })).id as number;
  const participations = { approved: await participate('employerStaff', fairEmployers.approved), pending: await participate('employerStaff', fairEmployers.pending) };
  await participate('otherEmployerStaff', fairEmployers.other);
  await post(url, `/api/v1/fair-participations/${participations.approved}/decision`, org, { decision: 'approve' });
  const posting = (title: string) =>
    post(url, `/api/v1/fairs/${fairEvent}/positions`, as('employerStaff'), {
      employerId: fairEmployers.approved,
      title,
      headcount: 3,
      salaryPeriod: 'month',
      salaryMin: 6000,
      salaryMax: 9000,
      description: '负责厂区低压配电设备的巡检与维修。',
    }).then((p) => p.id as number);
  const fairPositions = { pending: await posting('低压电工（持证）'), applied: await posting('维修电工'), open: await posting('数控车床操作工'), scanned: await posting('仓库管理员') };
  for (const key of ['applied', 'open', 'scanned'] as const) await post(url, `/api/v1/fair-positions/${fairPositions[key]}/review`, org, { decision: 'approve' });
  // The entrant and the neighbour are seekers at the fair, each with a CV.
  for (const who of ['entrant', 'neighbour'] as const) await post(url, `/api/v1/fairs/${fairEvent}/seekers`, as(who), {});
  const cv = async (who: PersonName) => (await post(url, '/api/v1/me/fair-cvs', as(who), { fileName: '简历.png', contentBase64: PNG })).id as number;
  const fairCvs = { entrant: await cv('entrant'), neighbour: await cv('neighbour'), withdraw: await cv('entrant'), delete: await cv('entrant') };
  const consent = (await post(url, '/api/v1/me/fair-consents', as('entrant'), { employerId: fairEmployers.other, cvId: fairCvs.entrant })).id as number;
  const passOf = async (who: PersonName) => (await http(url).get(`/api/v1/fairs/${fairEvent}/pass`).set(bearer(as(who)))).body.token as string;
  const fairApplications = {
    own: (await post(url, `/api/v1/fair-positions/${fairPositions.applied}/applications`, as('entrant'), {})).id as number,
    employers: (await post(url, `/api/v1/fair-positions/${fairPositions.applied}/applications`, as('neighbour'), { cvId: fairCvs.neighbour, consent: true })).id as number,
    scanned: (await post(url, `/api/v1/fairs/${fairEvent}/booth-scans`, as('employerStaff'), { positionId: fairPositions.scanned, pass: await passOf('entrant') })).id as number,
  };
  const neighbourPass = await passOf('neighbour');
  const slot = async (hour: number) =>
    (await post(url, `/api/v1/fairs/${fairEvent}/interview-slots`, as('employerStaff'), { employerId: fairEmployers.approved, startsAt: `${beijingDayAhead(5)}T${String(hour).padStart(2, '0')}:00:00+08:00`, endsAt: `${beijingDayAhead(5)}T${String(hour).padStart(2, '0')}:20:00+08:00` })).id as number;
  const fairSlots = { free: await slot(9), neighbours: await slot(10), booked: await slot(11) };
  await post(url, `/api/v1/fair-interview-slots/${fairSlots.booked}/booking`, as('entrant'), {});

  // The organizer's own token, signed as the API signs it, but an hour past its end.
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  const { sub, ver } = jwt.decode(org) as { sub: string; ver: number };
  const hourAgo = Math.floor(Date.now() / 1000) - 3600;
  const expiredToken = await jwt.signAsync({ sub, ver, iat: hourAgo - 3600, exp: hourAgo });

  return {
    url,
    tag,
    db,
    orgs,
    people,
    expiredToken,
    events,
    items,
    entries,
    appeals,
    rounds: { qualify: round.id },
    matches,
    checkInToken: code.body.token,
    awardRecords,
    failedDelivery: String(delivery.insertId),
    template: { trigger, locale, title, body },
    rosterItem: itemNames.entries,
    year,
    hiking,
    fair: {
      event: fairEvent,
      employers: fairEmployers,
      participations,
      positions: fairPositions,
      cvs: fairCvs,
      consent,
      applications: fairApplications,
      neighbourPass,
      slots: fairSlots,
    },
  };
}

/** A roster of one new person of enterprise A entering the `entries` item, as a CSV file. */
export const rosterFile = (fx: Fixture) => rosterCsv(rosterPeople(1, fx.rosterItem, 40));
