import { JOBS } from '@app/queue';
import ExcelJS from 'exceljs';
import { waitFor } from './support/processes';
import { openDatabase, openQueue } from './support/stack';
import { openSse } from './support/sse';
import { nthTextTo, textsTo } from './support/sms-sink';
import { adminToken, baseUrl, bearer, buildWorld, http, login, mobile, type Person, post, put, type World } from './support/world';

const MIN = 60_000;
const PASSWORD = 'Qiantang-tide-2026';

type Scan = { walkerId?: number; bib?: string; present?: number[]; checkpointId: number; direction?: 'in' | 'out'; at: number; clientScanId?: string };
type Walker = { id: number; userId: number; bib: string | null; regroupId: number | null; entryId: number; status: string; lastCheckpointSeq: number | null; dropReason: string | null; dropCheckpointId: number | null; droppedAt: string | null };

/**
 * The Grand Canal workers' walk (大运河职工毅行): one 28 km route of 15 checkpoints, three teams of
 * four (A and B from one enterprise union, C from the other), walked three hours ago and replayed
 * through the API as the staff devices would upload it, with the night's usual trouble: two devices
 * at one checkpoint, an offline device with a wrong clock, a scan at another route's checkpoint,
 * one out of order, a walker with no start scan, a withdrawal; then cut-offs fired by the worker.
 */
describe('hiking: scans from devices, cut-offs, team finish and the safety board', () => {
  let world: World;
  let eventId: number;
  let itemId: number;
  let routeId: number;
  let shortCheckpoint: number;
  let shortRoute: number;
  let shortItem: number;
  let otherCheckpoint: number;
  let waveId: number;
  let cps: number[] = [];
  const staff: Record<'one' | 'two' | 'other', Person> = {} as never;
  const team: Record<'A' | 'B' | 'C', { entryId: number; members: Person[]; walkers: number[] }> = {} as never;
  // The gun, three hours ago; checkpoint k is reached k×10 min after it (team B k×12, team C k×11).
  const T0 = Math.floor((Date.now() - 3 * 3600_000) / 1000) * 1000;
  let n = 0;
  let cutoff10 = 0;
  let contactOfC0 = '';

  const org = () => bearer(world.organizer.token);
  const upload = (token: string, deviceId: string, scans: Scan[], skewMs = 0, deviceNow?: Date) =>
    http()
      .post(`/api/v1/hiking/events/${eventId}/scans`)
      .set(bearer(token))
      .send({
        deviceId,
        deviceNow: deviceNow ?? new Date(Date.now() + skewMs),
        scans: scans.map((s) => ({
          clientScanId: s.clientScanId ?? `${deviceId}-${++n}`,
          checkpointId: s.checkpointId,
          direction: s.direction ?? 'in',
          deviceAt: new Date(s.at + skewMs),
          ...(s.walkerId ? { walkerId: s.walkerId } : { bib: s.bib }),
          ...(s.present ? { present: s.present } : {}),
        })),
      });
  const ok = async (res: Awaited<ReturnType<typeof upload>>) => {
    expect([res.status, res.body.refused]).toEqual([200, 0]);
    return res.body;
  };
  const walkers = async (): Promise<Map<number, Walker>> => {
    const res = await http().get(`/api/v1/hiking/routes/${routeId}/walkers`).set(org());
    expect(res.status).toBe(200);
    return new Map(res.body.map((w: Walker) => [w.id, w]));
  };
  const walker = async (id: number) => (await http().get(`/api/v1/hiking/walkers/${id}`).set(org())).body;
  const statuses = async (ids: number[]) => {
    const all = await walkers();
    return ids.map((id) => all.get(id)!.status);
  };
  const at = (k: number, perKmMin = 10, jitterS = 0) => T0 + k * perKmMin * MIN + jitterS * 1000;
  const scansAt = (k: number, ids: number[], perKmMin = 10): Scan[] => ids.map((walkerId, i) => ({ walkerId, checkpointId: cps[k], at: at(k, perKmMin, i * 7) }));

  beforeAll(async () => {
    world = await buildWorld({ judges: 0, contestants: 32 });
    const admin = await adminToken();
    for (const key of ['one', 'two', 'other'] as const) {
      const username = `staff-${key}-${world.tag}`;
      const user = await post(world.url, '/api/v1/users', admin, { username, password: PASSWORD, realName: `打卡员${key}`, roles: [{ organisationId: world.district.id, role: 'checkpoint_staff' }] });
      staff[key] = { id: user.id, username, realName: user.realName, token: await login(username) };
    }
    const token = world.organizer.token;
    eventId = (await post(world.url, '/api/v1/events', token, { organisationId: world.district.id, kind: 'hiking', name: `大运河职工毅行-${world.tag}` })).id;
    itemId = (await post(world.url, `/api/v1/events/${eventId}/items`, token, { name: '28公里毅行' })).id;
    shortItem = (await post(world.url, `/api/v1/events/${eventId}/items`, token, { name: '5公里健步走' })).id;
    await put(world.url, `/api/v1/items/${itemId}/registration`, token, { entryType: 'team', teamMin: 4, teamMax: 6 });
    await put(world.url, `/api/v1/events/${eventId}/registration`, token, { autoApprove: true });
    await post(world.url, `/api/v1/events/${eventId}/status`, token, { status: 'registration_open' });
    // Contestants alternate between the two enterprise unions: A and B from the first, C from the second.
    const c = world.contestants;
    const members = { A: [c[0], c[2], c[4], c[6]], B: [c[8], c[10], c[12], c[14]], C: [c[1], c[3], c[5], c[7]] };
    const names = { A: '杭钢毅行一队', B: '杭钢毅行二队', C: '运河物流队' };
    for (const key of ['A', 'B', 'C'] as const) {
      const m = members[key];
      const entry = await post(world.url, `/api/v1/items/${itemId}/entries`, token, { teamName: names[key], memberIds: m.map((p) => p.id), captainId: m[0].id });
      team[key] = { entryId: entry.id, members: m, walkers: [] };
    }

    const route = await post(world.url, `/api/v1/hiking/items/${itemId}/route`, token, { distanceM: 28000, referenceStartAt: new Date(T0), teamGapMs: 4 * 3600_000, notifyContacts: true });
    routeId = route.id;
    expect([route.teamMin, route.teamMax, route.name, route.notifyContacts]).toEqual([4, 6, '28公里毅行', true]);
    contactOfC0 = await addContact(members.C[0], '李秀英');
    const heritage = ['武林门码头', '富义仓', '香积寺', '大兜路', '拱宸桥', '小河直街', '桥西历史街区', '运河文化广场', '杭州工艺美术博物馆', '刀剪剑博物馆', '伞博物馆', '扇博物馆', '通益公纱厂', '乾隆御碑', '塘栖古镇'];
    const set = await http()
      .put(`/api/v1/hiking/routes/${routeId}/checkpoints`)
      .set(org())
      .send({ checkpoints: heritage.map((name, i) => ({ name, distanceM: i * 2000, location: `京杭大运河杭州段 第${i}站` })) });
    expect(set.status).toBe(200);
    cps = set.body.checkpoints.map((cp: { id: number }) => cp.id);
    waveId = (await post(world.url, `/api/v1/hiking/routes/${routeId}/waves`, token, { name: '第一批', startsAt: new Date(T0) })).id;
    const enrolled = await post(world.url, `/api/v1/hiking/routes/${routeId}/walkers`, token, { waveId });
    expect(enrolled).toEqual({ enrolled: 12, refused: [] });
    const byUser = new Map([...(await walkers()).values()].map((w) => [w.userId, w.id]));
    for (const key of ['A', 'B', 'C'] as const) team[key].walkers = team[key].members.map((p) => byUser.get(p.id)!);

    // A second route of the same event (for an off-route scan), and another event whose staff scans nothing here.
    const short = await post(world.url, `/api/v1/hiking/items/${shortItem}/route`, token, { distanceM: 5000, referenceStartAt: new Date(T0), incompleteTeamScan: 'refuse' });
    shortRoute = short.id;
    shortCheckpoint = (await put(world.url, `/api/v1/hiking/routes/${short.id}/checkpoints`, token, { checkpoints: [{ name: '西湖文化广场', distanceM: 0 }, { name: '武林广场', distanceM: 5000 }] })).checkpoints[1].id;
    const other = (await post(world.url, '/api/v1/events', token, { organisationId: world.district.id, kind: 'hiking', name: `青年毅行大赛-${world.tag}` })).id;
    const otherItem = (await post(world.url, `/api/v1/events/${other}/items`, token, { name: '20公里' })).id;
    const otherRoute = await post(world.url, `/api/v1/hiking/items/${otherItem}/route`, token, { distanceM: 20000, referenceStartAt: new Date(T0) });
    otherCheckpoint = (await put(world.url, `/api/v1/hiking/routes/${otherRoute.id}/checkpoints`, token, { checkpoints: [{ name: '钱江新城', distanceM: 0 }, { name: '六和塔', distanceM: 20000 }] })).checkpoints[0].id;
    await post(world.url, `/api/v1/hiking/checkpoints/${otherCheckpoint}/staff`, token, { userId: staff.other.id });

    // Staff one works every checkpoint of the long route; staff two only the third, beside them.
    for (const cp of cps) await post(world.url, `/api/v1/hiking/checkpoints/${cp}/staff`, token, { userId: staff.one.id });
    await post(world.url, `/api/v1/hiking/checkpoints/${cps[3]}/staff`, token, { userId: staff.two.id });
  }, 180_000);

  it('refuses what is not theirs to strangers of this kind', async () => {
    const a0 = team.A.walkers[0];
    // A walker reads their own track, not another's; staff of another event see neither walkers nor board.
    expect((await http().get(`/api/v1/hiking/walkers/${a0}`).set(bearer(team.A.members[0].token))).status).toBe(200);
    expect((await http().get(`/api/v1/hiking/walkers/${a0}`).set(bearer(team.C.members[0].token))).status).toBe(403);
    expect((await http().get(`/api/v1/hiking/walkers/${a0}`).set(bearer(staff.other.token))).status).toBe(403);
    expect((await http().get(`/api/v1/hiking/routes/${routeId}/board`).set(bearer(staff.other.token))).status).toBe(403);
    expect((await http().get(`/api/v1/hiking/routes/${routeId}/board`).set(bearer(team.A.members[0].token))).status).toBe(403);
    expect((await http().post(`/api/v1/hiking/walkers/${a0}/withdraw`).set(bearer(team.C.members[1].token)).send({ reason: '替别人退出' })).status).toBe(403);
    // Staff of another event's checkpoint scan nothing here, and change no route.
    const stranger = await upload(staff.other.token, 'pad-x', [{ walkerId: a0, checkpointId: cps[0], at: at(0) }]);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'HIKING_STAFF_NOT_ASSIGNED']);
    expect((await http().put(`/api/v1/hiking/routes/${routeId}/checkpoints`).set(bearer(staff.one.token)).send({ checkpoints: [] })).status).toBe(403);
    expect((await walker(a0)).scans).toEqual([]);
  });

  it('replays the walk: duplicates, an offline batch, off-route, out of order, no start scan, a withdrawal', async () => {
    const [A, B, C] = [team.A.walkers, team.B.walkers, team.C.walkers];
    // Start scans for everyone but C1, who slipped past the start.
    const start = await ok(await upload(staff.one.token, 'pad-1', [...A, ...B, C[0], C[2], C[3]].map((walkerId, i) => ({ walkerId, checkpointId: cps[0], direction: 'out' as const, at: at(0, 10, i) }))));
    expect(start.accepted).toBe(11);
    for (let k = 1; k <= 14; k++) {
      const scans = [...scansAt(k, k === 14 ? A.slice(0, 3) : A)];
      if (k <= 8 && (k < 6 || k > 8)) scans.push(...scansAt(k, B, 12));
      if (k <= 5) scans.push(...scansAt(k, [C[0]], 11));
      if (k <= 11) scans.push(...scansAt(k, C.slice(1), 11));
      await ok(await upload(staff.one.token, 'pad-1', scans));
    }
    // C1 walked without a start scan: counted, flagged, net time unknown.
    const c1 = await walker(C[1]);
    expect(c1.startedAt).toBeNull();
    expect(c1.scans.find((s: { seq: number }) => s.seq === 1).flags).toEqual(['no_start_scan']);

    // Two devices at the third checkpoint: staff two's scans 30 s later are duplicates; A0's 20 s earlier now counts.
    const second = await ok(await upload(staff.two.token, 'pad-2', [...scansAt(3, A.slice(1)).map((s) => ({ ...s, at: s.at + 30_000 })), { walkerId: A[0], checkpointId: cps[3], at: at(3) - 20_000 }]));
    expect(second.results.map((r: { counted: boolean[]; flags: string[][] }) => [r.counted[0], r.flags[0]])).toEqual([
      [false, ['duplicate']],
      [false, ['duplicate']],
      [false, ['duplicate']],
      [true, []],
    ]);
    const a0cp3 = (await walker(A[0])).scans.filter((s: { seq: number }) => s.seq === 3);
    // Corrected times are on the server's clock: each upload's few milliseconds of latency read as skew.
    const seconds = (t: string | number) => Math.round(new Date(t).getTime() / 1000);
    expect(a0cp3.map((s: { counted: boolean; flags: string[]; correctedAt: string }) => [s.counted, s.flags, seconds(s.correctedAt)])).toEqual([
      [true, [], seconds(at(3) - 20_000)],
      [false, ['duplicate'], seconds(at(3))],
    ]);

    // Staff two at a checkpoint they are not assigned to: that scan refused by its index, the other kept.
    const mixed = await upload(staff.two.token, 'pad-2', [
      { walkerId: A[0], checkpointId: cps[4], at: at(4) + 5000 },
      { walkerId: A[1], checkpointId: cps[3], at: at(3) + 90_000 },
    ]);
    expect([mixed.status, mixed.body.accepted, mixed.body.results[0]]).toEqual([
      200,
      1,
      { index: 0, outcome: 'refused', code: 'HIKING_STAFF_NOT_ASSIGNED', field: 'scans[0].checkpointId', message: expect.stringContaining('拱宸桥') },
    ]);

    // Off route: the organizer scans A1 at the short route's checkpoint; a checkpoint of another event is refused.
    const off = await upload(world.organizer.token, 'pad-org', [
      { walkerId: A[1], checkpointId: shortCheckpoint, at: at(5) },
      { walkerId: A[1], checkpointId: otherCheckpoint, at: at(5) },
    ]);
    expect(off.body.results.map((r: { outcome: string; flags?: string[][]; code?: string }) => [r.outcome, r.flags?.[0] ?? r.code])).toEqual([
      ['accepted', ['off_route']],
      ['refused', 'HIKING_CHECKPOINT_OF_OTHER_EVENT'],
    ]);

    // Out of order: C2 scanned at the seventh checkpoint at a time before their counted sixth.
    const late = await ok(await upload(staff.one.token, 'pad-1', [{ walkerId: C[2], checkpointId: cps[7], at: at(6, 11) - 60_000 }]));
    expect([late.results[0].counted, late.results[0].flags]).toEqual([[false], [['out_of_order']]]);

    // An offline device, its clock 3 min fast, uploads team B's sixth to eighth checkpoints with one unknown walker.
    const backlog: Scan[] = [6, 7, 8].flatMap((k) => scansAt(k, B, 12));
    backlog.splice(5, 0, { walkerId: 999_999_999, checkpointId: cps[7], at: at(7, 12) });
    const offline = await upload(staff.one.token, 'pad-offline', backlog.map((s, i) => ({ ...s, clientScanId: `offline-${i}` })), 3 * MIN);
    expect([offline.status, offline.body.accepted, offline.body.refused, offline.body.skewFlagged]).toEqual([200, 12, 1, true]);
    expect(offline.body.results[5]).toMatchObject({ index: 5, outcome: 'refused', code: 'HIKING_UNKNOWN_BIB', field: 'scans[5].walkerId' });
    expect(Math.round(offline.body.skewMs / 1000)).toBe(180);
    const b0 = await walker(B[0]);
    const b0cp8 = b0.scans.find((s: { seq: number }) => s.seq === 8);
    // Both times kept: raw on the device's clock, corrected on the server's.
    expect(new Date(b0cp8.rawAt).getTime() - new Date(b0cp8.correctedAt).getTime()).toBeGreaterThan(3 * MIN - 2000);
    expect(Math.abs(new Date(b0cp8.correctedAt).getTime() - at(8, 12))).toBeLessThan(2000);
    expect(b0cp8.flags).toEqual(['clock_skew']);
    // The same upload again is one scan: every one a repeat, nothing new written.
    const again = await upload(staff.one.token, 'pad-offline', backlog.map((s, i) => ({ ...s, clientScanId: `offline-${i}` })), 3 * MIN);
    expect([again.body.accepted, again.body.repeats, again.body.refused]).toEqual([0, 12, 1]);
    expect((await walker(B[0])).scans.length).toBe(b0.scans.length);
    // A device clock days off is a device to fix, not a skew to correct.
    const future = await upload(staff.one.token, 'pad-broken', [{ walkerId: A[0], checkpointId: cps[1], at: at(1) }], 0, new Date(Date.now() + 3 * 86_400_000));
    expect([future.status, future.body.code, future.body.details[0].field]).toEqual([400, 'HIKING_DEVICE_CLOCK_INVALID', 'deviceNow']);

    // Team B's QR at the ninth checkpoint with B3 lagging behind: this walk flags an incomplete team (the
    // route's default) and scans the three present.
    const bibB = (await walkers()).get(B[0])!.bib!;
    const partial = await ok(await upload(staff.one.token, 'pad-1', [{ bib: bibB, present: B.slice(0, 3), checkpointId: cps[9], at: at(9, 12) }]));
    expect([partial.results[0].walkerIds, partial.results[0].counted, partial.results[0].flags]).toEqual([B.slice(0, 3), [true, true, true], [['team_incomplete'], ['team_incomplete'], ['team_incomplete']]]);
    expect((await walker(B[3])).scans.some((s: { seq: number }) => s.seq === 9)).toBe(false);

    // C0 is out, from their own phone, at the fifth checkpoint.
    const out = await http().post(`/api/v1/hiking/walkers/${C[0]}/withdraw`).set(bearer(team.C.members[0].token)).send({ reason: '脚踝扭伤，自行退出', checkpointId: cps[5] });
    expect([out.status, out.body.status, out.body.dropReason, out.body.dropCheckpointId]).toEqual([200, 'withdrawn', '脚踝扭伤，自行退出', cps[5]]);
    // The route texts their emergency contact, naming the walker and where they stopped.
    const text = await nthTextTo(contactOfC0, 1);
    expect(text).toContain(`李秀英您好，您是${team.C.members[0].realName}（28公里毅行，号码 ${out.body.bib}）的紧急联系人`);
    expect(text).toContain('已退出比赛，地点：小河直街');
    const twice = await http().post(`/api/v1/hiking/walkers/${C[0]}/withdraw`).set(org()).send({ reason: '重复' });
    expect([twice.status, twice.body.code]).toEqual([409, 'HIKING_BAD_STATUS_TRANSITION']);

    expect(await statuses([...A, ...B, ...C])).toEqual([
      ...['finished', 'finished', 'finished', 'on_course'],
      ...['on_course', 'on_course', 'on_course', 'on_course'],
      ...['withdrawn', 'on_course', 'on_course', 'on_course'],
    ]);
    await expectBoardAddsUp({ finished: 3, on_course: 8, withdrawn: 1 });
  });

  it('times out at a cut-off exactly the walkers short of it, and a late offline scan from before it reverses one', async () => {
    const [A, B, C] = [team.A.walkers, team.B.walkers, team.C.walkers];
    // The tenth checkpoint's arrival cut-off, a few seconds from now: team B (at the eighth) is short of it.
    const cutoff = (cutoff10 = Date.now() + 4000);
    expect((await http().put(`/api/v1/hiking/checkpoints/${cps[10]}/cutoffs`).set(org()).send({ arrivalCutoffAt: new Date(cutoff) })).status).toBe(200);
    await waitFor('team B timed out', async () => (await statuses(B)).every((s) => s === 'timed_out'), 30_000, 200);
    expect(Date.now()).toBeGreaterThanOrEqual(cutoff);
    const all = await walkers();
    expect([...all.values()].filter((w) => w.status === 'timed_out').map((w) => w.id).sort()).toEqual([...B].sort());
    expect([all.get(B[0])!.dropReason, all.get(B[0])!.dropCheckpointId, new Date(all.get(B[0])!.droppedAt!).getTime()]).toEqual(['missed_arrival_cutoff', cps[10], cutoff]);
    expect([all.get(A[3])!.status, all.get(C[1])!.status, all.get(C[0])!.status]).toEqual(['on_course', 'on_course', 'withdrawn']);

    // B3 made it: an offline device uploads their ninth and tenth checkpoints, scanned before the cut-off.
    await ok(await upload(staff.one.token, 'pad-b3', [
      { walkerId: B[3], checkpointId: cps[9], at: cutoff - 3000 },
      { walkerId: B[3], checkpointId: cps[10], at: cutoff - 1000 },
    ]));
    // B0's tenth-checkpoint scan came after the cut-off: it changes nothing.
    await ok(await upload(staff.one.token, 'pad-b3', [{ walkerId: B[0], checkpointId: cps[10], at: Math.min(Date.now(), cutoff + 2000) }]));
    expect(await statuses(B)).toEqual(['timed_out', 'timed_out', 'timed_out', 'on_course']);
    const b3 = await walker(B[3]);
    // Enrolled after the gun, every walker was started by it; the audit keeps each step.
    expect(b3.changes.map((c: { fromStatus: string; toStatus: string; actorId: number | null }) => [c.fromStatus, c.toStatus, c.actorId])).toEqual([
      ['registered', 'started', null],
      ['on_course', 'timed_out', null],
      ['timed_out', 'on_course', null],
    ]);
    await expectBoardAddsUp({ finished: 3, on_course: 5, withdrawn: 1, timed_out: 3 });
  });

  it('fires a moved cut-off at its new time only', async () => {
    const [A, B, C] = [team.A.walkers, team.B.walkers, team.C.walkers];
    // B3 and then A3 walk in, so only team C (at the eleventh checkpoint) is short of the twelfth.
    const base = Math.max(Date.now() - 2000, cutoff10 + 200);
    await ok(await upload(staff.one.token, 'pad-1', [11, 12, 13, 14].map((k, i) => ({ walkerId: B[3], checkpointId: cps[k], at: base + i * 300 }))));
    await ok(await upload(staff.one.token, 'pad-1', [{ walkerId: A[3], checkpointId: cps[14], at: base + 2000 }]));
    expect(await statuses([A[3], B[3]])).toEqual(['finished', 'finished']);

    const first = Date.now() + 2000;
    const moved = first + 6000;
    await http().put(`/api/v1/hiking/checkpoints/${cps[12]}/cutoffs`).set(org()).send({ arrivalCutoffAt: new Date(first) }).expect(200);
    await http().put(`/api/v1/hiking/checkpoints/${cps[12]}/cutoffs`).set(org()).send({ arrivalCutoffAt: new Date(moved) }).expect(200);
    // Nothing to wait on but time: the stale job's instant passes, and it must do nothing.
    await new Promise((resolve) => setTimeout(resolve, first + 2500 - Date.now()));
    expect(await statuses(C.slice(1))).toEqual(['on_course', 'on_course', 'on_course']);
    await waitFor('team C timed out at the moved cut-off', async () => (await statuses(C.slice(1))).every((s) => s === 'timed_out'), 30_000, 200);
    expect(Date.now()).toBeGreaterThanOrEqual(moved);
    const c1 = await walker(C[1]);
    expect([c1.dropCheckpointId, new Date(c1.droppedAt).getTime(), c1.changes.length]).toEqual([cps[12], moved, 2]);
  });

  it('ranks complete teams above incomplete ones by the last member in', async () => {
    const [A, B] = [team.A.walkers, team.B.walkers];
    const finish = async (id: number) => new Date((await walker(id)).scans.filter((s: { seq: number; counted: boolean }) => s.seq === 14 && s.counted)[0].correctedAt).getTime();
    const aTime = (await finish(A[3])) - T0;
    const bTime = (await finish(B[3])) - T0;
    // Team A walked in over 40 minutes, within the route's gap; B's only finisher came in before A's last
    // member, but B lost three to the cut-off: faster, and incomplete.
    expect(bTime).toBeLessThan(aTime);
    const results = await waitFor('the route results', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/results`);
      const rows = res.body.results as { entryId: number; place: number | null; total: string | null; status: string }[] | undefined;
      return rows?.length === 3 && rows.some((r) => r.entryId === team.C.entryId && r.status === 'DNF') ? rows : undefined;
    });
    const hms = (ms: number) => {
      const s = Math.round(ms / 1000);
      return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    };
    expect(results.map((r) => [r.entryId, r.place, r.total, r.status])).toEqual([
      [team.A.entryId, 1, hms(aTime), 'OK'],
      [team.B.entryId, 2, hms(bTime), 'OK'],
      [team.C.entryId, null, null, 'DNF'],
    ]);

    // The batches that moved a place asked for a bump each; the relay sent the route's jobs the least gap apart.
    const db = await openDatabase();
    const queue = openQueue('hiking');
    try {
      const [{ asked }] = await db.query("SELECT COUNT(*) AS asked FROM outbox WHERE job_name = 'hiking.standings' AND JSON_EXTRACT(payload, '$.routeId') = ?", [routeId]);
      const sent = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((j) => j.name === 'hiking.standings' && j.data.routeId === routeId).sort((a, b) => a.timestamp - b.timestamp);
      expect(sent.length).toBeGreaterThanOrEqual(2);
      expect(Number(asked)).toBeGreaterThan(sent.length);
      expect(sent.slice(1).map((j, i) => j.timestamp - sent[i].timestamp).filter((gap) => gap < JOBS['hiking.standings'].minGapMs!)).toEqual([]);
    } finally {
      await queue.close();
      await db.destroy();
    }
  });

  it('gives the pages what they read: results with splits, a walker their walks, staff their checkpoints, the board its outline', async () => {
    const [A, , C] = [team.A.walkers, team.B.walkers, team.C.walkers];
    const results = (await http().get(`/api/v1/hiking/routes/${routeId}/results`)).body;
    expect(results.teams.map((t: { entryId: number; place: number | null; complete: boolean }) => [t.entryId, t.place, t.complete])).toEqual([
      [team.A.entryId, 1, true],
      [team.B.entryId, 2, false],
      [team.C.entryId, null, false],
    ]);
    const a0 = results.teams[0].members.find((m: { walkerId: number }) => m.walkerId === A[0]);
    expect([a0.realName, a0.splits.length, Math.round(a0.splits[14].elapsedMs / 60_000)]).toEqual([team.A.members[0].realName, 15, 140]);
    // C0 withdrew at the fifth checkpoint: splits up to where they stopped.
    const c0 = results.teams[2].members.find((m: { walkerId: number }) => m.walkerId === C[0]);
    expect([c0.status, c0.splits.map((x: { seq: number }) => x.seq)]).toEqual(['withdrawn', [0, 1, 2, 3, 4, 5]]);

    const mine = (await http().get('/api/v1/hiking/me/walkers').set(bearer(team.A.members[0].token))).body;
    expect(mine).toEqual([expect.objectContaining({ id: A[0], routeId, routeName: '28公里毅行', status: 'finished', lastCheckpointName: '塘栖古镇', eventId })]);
    const cps2 = (await http().get('/api/v1/hiking/me/checkpoints').set(bearer(staff.two.token))).body;
    expect(cps2).toEqual([expect.objectContaining({ checkpointId: cps[3], seq: 3, name: '大兜路', routeId, eventId })]);
    const outline = await http().get(`/api/v1/hiking/routes/${routeId}/outline`).set(bearer(staff.two.token));
    expect([outline.status, outline.body.organizer, outline.body.checkpoints.filter((c: { assigned: boolean }) => c.assigned).map((c: { id: number }) => c.id)]).toEqual([200, false, [cps[3]]]);
    expect((await http().get(`/api/v1/hiking/routes/${routeId}/outline`).set(bearer(staff.other.token))).status).toBe(403);
    const routes = (await http().get(`/api/v1/hiking/events/${eventId}/routes`).set(org())).body;
    expect(routes.map((r: { id: number }) => r.id)).toEqual([routeId, shortRoute]);
  });

  it('places checkpoints by WGS-84 coordinates, both or neither and within range, for the board\'s map', async () => {
    const setShort = (first: Record<string, unknown>) =>
      http()
        .put(`/api/v1/hiking/routes/${shortRoute}/checkpoints`)
        .set(org())
        .send({ checkpoints: [{ name: '西湖文化广场', distanceM: 0, ...first }, { name: '武林广场', distanceM: 5000, latitude: 30.2712, longitude: 120.1636 }] });
    const halfway = await setShort({ latitude: 30.2755 });
    expect([halfway.status, halfway.body.code, halfway.body.details[0].field]).toEqual([400, 'HIKING_CHECKPOINTS_INVALID', 'checkpoints[0].longitude']);
    const english = await setShort({ longitude: 120.1614 }).set('Accept-Language', 'en');
    expect([english.status, english.body.details[0].field, /[\u4e00-\u9fff]/.test(english.body.message)]).toEqual([400, 'checkpoints[0].latitude', false]);
    for (const outside of [{ latitude: 90.5, longitude: 120.16 }, { latitude: 30.27, longitude: -180.01 }]) {
      const refused = await setShort(outside);
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const placed = await setShort({ latitude: 30.2755, longitude: 120.1614 });
    expect(placed.status).toBe(200);
    const outline = (await http().get(`/api/v1/hiking/routes/${shortRoute}/outline`).set(org())).body;
    expect(outline.checkpoints.map((c: { latitude: number; longitude: number }) => [c.latitude, c.longitude])).toEqual([
      [30.2755, 120.1614],
      [30.2712, 120.1636],
    ]);
    expect(outline.mapTiles).toBe('');
    // A route without coordinates says so: the board keeps its schematic.
    const unplaced = (await http().get(`/api/v1/hiking/routes/${routeId}/outline`).set(org())).body;
    expect(unplaced.checkpoints[0]).toEqual(expect.objectContaining({ latitude: null, longitude: null }));
  });

  it("gives every walker who finished a completion certificate that verifies, once the route's results are final", async () => {
    const rules = [{ type: 'completion', award: { code: 'finisher', name: '完赛证书', level: 9, title: '大运河毅行完赛者' } }];
    expect((await http().put(`/api/v1/items/${itemId}/award-rules`).set(org()).send({ rules })).status).toBe(200);
    expect((await http().post(`/api/v1/items/${itemId}/publication/notice`).set(org())).status).toBe(200);
    const db = await openDatabase();
    try {
      await db.query('UPDATE result_publications SET notice_ends_at = NOW(3) - INTERVAL 1 SECOND WHERE item_id = ?', [itemId]); // five days pass
    } finally {
      await db.destroy();
    }
    expect((await http().post(`/api/v1/items/${itemId}/publication/finalize`).set(org())).status).toBe(200);
    // Team A finished, all four; of team B only B3 walked in (the others were timed out); C did not.
    const awards = await waitFor('the certificates', async () => {
      const res = await http().get(`/api/v1/items/${itemId}/awards`).set(org());
      return res.body.awards?.length >= 5 ? res.body.awards : undefined;
    }, 60_000);
    const got = awards.map((a: { userId: number }) => a.userId).sort((x: number, y: number) => x - y);
    expect(got).toEqual([...team.A.members, team.B.members[3]].map((p) => p.id).sort((x, y) => x - y));
    const a0 = awards.find((a: { userId: number }) => a.userId === team.A.members[0].id);
    const verified = await http().get(`/api/v1/verify/${a0.verifyCode}`);
    expect([verified.status, verified.body.name, verified.body.awardName, verified.body.itemName]).toEqual([200, team.A.members[0].realName, '完赛证书', '28公里毅行']);
  });

  it('lets a family follow a walker by the link the walker sent, never by bib; organizers export every scan', async () => {
    const a0 = team.A.walkers[0];
    expect((await http().post(`/api/v1/hiking/walkers/${a0}/share`).set(bearer(team.A.members[1].token))).status).toBe(403);
    const first = await http().post(`/api/v1/hiking/walkers/${a0}/share`).set(bearer(team.A.members[0].token));
    expect(first.status).toBe(200);
    const seen = await http().get(`/api/v1/hiking/follow/${first.body.token}`);
    const name = team.A.members[0].realName;
    expect(seen.body).toEqual({
      name: `${name[0]}${'*'.repeat(name.length - 1)}`,
      routeName: '28公里毅行',
      status: 'finished',
      lastCheckpoint: { seq: 14, name: '塘栖古镇' },
      lastSeenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      splits: expect.any(Array),
    });
    // Every checkpoint passed, each segment 10 min (the third's scan was 20 s early: it counts).
    const splits = seen.body.splits as { seq: number; name: string; segmentMs: number }[];
    expect(splits.map((x) => x.seq)).toEqual([...Array(15).keys()]);
    expect(splits.slice(1, 5).map((x) => [x.name, Math.round(x.segmentMs / 1000)])).toEqual([
      ['富义仓', 600],
      ['香积寺', 600],
      ['大兜路', 580],
      ['拱宸桥', 620],
    ]);
    // A new link ends the old one.
    const second = await http().post(`/api/v1/hiking/walkers/${a0}/share`).set(bearer(team.A.members[0].token));
    expect([(await http().get(`/api/v1/hiking/follow/${first.body.token}`)).status, (await http().get(`/api/v1/hiking/follow/${second.body.token}`)).status]).toEqual([404, 200]);

    expect((await http().get(`/api/v1/hiking/routes/${routeId}/export.xlsx`).set(bearer(staff.one.token))).status).toBe(403);
    const file = await http().get(`/api/v1/hiking/routes/${routeId}/export.xlsx`).set(org()).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect([file.status, file.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as Parameters<typeof book.xlsx.load>[0]);
    const scans = book.getWorksheet('扫码记录')!;
    const stored = (await walker(team.A.walkers[0])).scans.length;
    expect(scans.rowCount - 1).toBeGreaterThan(stored);
    const flags = scans.getColumn(10).values.slice(2).map(String);
    for (const f of ['重复', '非本路线', '顺序异常', '无出发记录', '设备时钟偏差']) expect(flags.some((v) => v.includes(f))).toBe(true);
    expect(book.getWorksheet('队员')!.rowCount).toBe(13);
  });

  it('lets organizers disqualify, not staff; a scan after it is kept and questionable', async () => {
    const a2 = team.A.walkers[2];
    const body = { reason: '途中搭乘交通工具，违反毅行规则', checkpointId: cps[9] };
    expect((await http().post(`/api/v1/hiking/walkers/${a2}/disqualify`).set(bearer(staff.one.token)).send(body)).status).toBe(403);
    const dq = await http().post(`/api/v1/hiking/walkers/${a2}/disqualify`).set(org()).send(body);
    expect([dq.status, dq.body.status, dq.body.dropReason, dq.body.dropCheckpointId]).toEqual([200, 'disqualified', body.reason, cps[9]]);
    const again = await http().post(`/api/v1/hiking/walkers/${a2}/disqualify`).set(org()).send(body);
    expect([again.status, again.body.code]).toEqual([409, 'HIKING_BAD_STATUS_TRANSITION']);
    const after = await ok(await upload(staff.one.token, 'pad-1', [{ walkerId: a2, checkpointId: cps[14], direction: 'out', at: Date.now() }]));
    expect([after.results[0].counted, after.results[0].flags]).toEqual([[false], [['questionable']]]);
    expect((await statuses([a2]))[0]).toBe('disqualified');
  });

  it('pushes the safety board live to staff after each upload, and to no stranger', async () => {
    const url = `${baseUrl()}/api/v1/hiking/routes/${routeId}/board/live`;
    expect((await http().get(`/api/v1/hiking/routes/${routeId}/board/live`).set(bearer(team.A.members[0].token))).status).toBe(403);
    const stream = openSse(url, bearer(staff.two.token));
    try {
      const first = await stream.next((m) => m.type === 'board');
      expect(first.data.total).toBe(12);
      const lost = team.B.walkers[1];
      await http().put(`/api/v1/hiking/walkers/${lost}/lost`).set(bearer(staff.one.token)).send({ lost: true }).expect(200);
      await ok(await upload(staff.one.token, 'pad-1', [{ walkerId: team.C.walkers[3], checkpointId: cps[12], at: Date.now() }]));
      // The next board after the upload: the lost walker shown, the late scan counted nowhere new.
      const next = await stream.next((m) => m.type === 'board');
      expect(next.data.lost.map((w: { walkerId: number }) => w.walkerId)).toEqual([lost]);
    } finally {
      stream.close();
    }
    // A lost walker raises an alert to the event's organizers, through notifications; a walker learns nothing of it.
    const lostWalker = (await walkers()).get(team.B.walkers[1])!;
    const alerts = await waitFor('the lost alert', async () => {
      const inbox = await http().get('/api/v1/me/notifications').set(org());
      const found = inbox.body.messages.filter((n: { title: string }) => n.title.startsWith('安全预警') && n.title.endsWith('失联'));
      return found.length ? found : undefined;
    });
    expect(alerts.map((n: { title: string }) => n.title)).toEqual([`安全预警：${team.B.members[1].realName}（${lostWalker.bib}）失联`]);
    expect(alerts[0].body).toContain('最后经过：刀剪剑博物馆');
    const theirs = await http().get('/api/v1/me/notifications').set(bearer(team.B.members[0].token));
    expect(theirs.body.messages.some((n: { title: string }) => n.title.startsWith('安全预警'))).toBe(false);
  });

  it("starts at its wave's gun a team that never scanned, expects it on the board, and times out who then misses a cut-off", async () => {
    // The 5 km walk's late wave: a team registers and walks off without a single scan.
    const c = world.contestants;
    const members = [c[9], c[11], c[13], c[15]];
    await put(world.url, `/api/v1/items/${shortItem}/registration`, world.organizer.token, { entryType: 'team', teamMin: 4, teamMax: 6 });
    await post(world.url, `/api/v1/items/${shortItem}/entries`, world.organizer.token, { teamName: '运河健步走队', memberIds: members.map((p) => p.id), captainId: members[0].id });
    const gun = Date.now() + 3000;
    const late = (await post(world.url, `/api/v1/hiking/routes/${shortRoute}/waves`, world.organizer.token, { name: '第二批', startsAt: new Date(gun) })).id;
    expect(await post(world.url, `/api/v1/hiking/routes/${shortRoute}/walkers`, world.organizer.token, { waveId: late })).toEqual({ enrolled: 4, refused: [] });
    const shortWalkers = async () => (await http().get(`/api/v1/hiking/routes/${shortRoute}/walkers`).set(org())).body as Walker[];
    const ids = (await shortWalkers()).map((w) => w.id);
    const board = async () => (await http().get(`/api/v1/hiking/routes/${shortRoute}/board`).set(org())).body;
    const before = await board();
    expect([before.byStatus, before.checkpoints[1].expected, before.segments[0].onTrail]).toEqual([{ registered: 4 }, 0, 0]);

    // The gun: registered → started, though nobody scanned; the board expects them at the finish.
    await waitFor('the gun starts the wave', async () => (await shortWalkers()).every((w) => w.status === 'started'), 30_000, 200);
    expect(Date.now()).toBeGreaterThanOrEqual(gun);
    const after = await board();
    expect([after.byStatus, after.checkpoints[1].expected, after.segments[0].onTrail]).toEqual([{ started: 4 }, 4, 4]);
    const first = await walker(ids[0]);
    expect([first.startedAt, first.changes.map((x: { fromStatus: string; toStatus: string; actorId: number | null }) => [x.fromStatus, x.toStatus, x.actorId])]).toEqual([null, [['registered', 'started', null]]]);

    // The team's QR at the finish with only its captain there: this walk refuses an incomplete team, and
    // a walker named present who is not of the team; nothing is written.
    const finish = shortCheckpoint;
    const bibD = (await shortWalkers())[0].bib!;
    const partial = await upload(world.organizer.token, 'pad-org', [
      { bib: bibD, present: [ids[0]], checkpointId: finish, at: Date.now() - 1000 },
      { bib: bibD, present: [ids[0], team.A.walkers[0]], checkpointId: finish, at: Date.now() - 1000 },
    ]);
    expect([partial.status, partial.body.accepted, partial.body.results.map((r: { code: string; field: string }) => [r.code, r.field])]).toEqual([
      200,
      0,
      [
        ['HIKING_TEAM_INCOMPLETE', 'scans[0].present'],
        ['HIKING_NOT_TEAM_MEMBER', 'scans[1].present'],
      ],
    ]);
    expect((await walker(ids[0])).scans).toEqual([]);

    // One walks in before the finish's cut-off; the three who never scanned anywhere miss it.
    const cutoff = Date.now() + 3000;
    await http().put(`/api/v1/hiking/checkpoints/${finish}/cutoffs`).set(org()).send({ arrivalCutoffAt: new Date(T0 + (cutoff - gun)) }).expect(200);
    await ok(await upload(world.organizer.token, 'pad-org', [{ walkerId: ids[0], checkpointId: finish, at: Date.now() - 500 }]));
    await waitFor('the cut-off times out who never scanned', async () => (await shortWalkers()).filter((w) => w.status === 'timed_out').length === 3, 30_000, 200);
    const end = new Map((await shortWalkers()).map((w) => [w.id, w]));
    expect(ids.map((id) => end.get(id)!.status)).toEqual(['finished', 'timed_out', 'timed_out', 'timed_out']);
    expect([end.get(ids[1])!.dropReason, end.get(ids[1])!.dropCheckpointId, new Date(end.get(ids[1])!.droppedAt!).getTime()]).toEqual(['missed_arrival_cutoff', finish, cutoff]);
    expect((await board()).byStatus).toEqual({ finished: 1, timed_out: 3 });
  });

  it('lets staff regroup the members still walking of teams broken by withdrawals, keeping each walker\'s history', async () => {
    // Two late teams of four join the long walk after the gun; each loses two members to withdrawals.
    const c = world.contestants;
    const sets = { E: [c[16], c[18], c[20], c[22]], F: [c[17], c[19], c[21], c[23]] };
    for (const [key, m] of Object.entries(sets)) {
      await post(world.url, `/api/v1/items/${itemId}/entries`, world.organizer.token, { teamName: `运河${key}队`, memberIds: m.map((p) => p.id), captainId: m[0].id });
    }
    expect(await post(world.url, `/api/v1/hiking/routes/${routeId}/walkers`, world.organizer.token, { waveId })).toEqual({ enrolled: 8, refused: [] });
    const byUser = new Map([...(await walkers()).values()].map((w) => [w.userId, w]));
    const [E, F] = [sets.E.map((p) => byUser.get(p.id)!.id), sets.F.map((p) => byUser.get(p.id)!.id)];
    await ok(await upload(staff.one.token, 'pad-1', [...E, ...F].map((walkerId) => ({ walkerId, checkpointId: cps[1], at: Date.now() - 60_000 }))));
    for (const id of [E[2], E[3], F[2], F[3]]) await http().post(`/api/v1/hiking/walkers/${id}/withdraw`).set(org()).send({ reason: '体力不支，退出' }).expect(200);
    const regroup = (token: string, walkerIds: number[]) => http().post(`/api/v1/hiking/routes/${routeId}/regroups`).set(bearer(token)).send({ name: '运河重组队', walkerIds });
    const refusal = async (token: string, ids: number[]) => {
      const res = await regroup(token, ids);
      return [res.status, res.body.code];
    };

    // A walker of the team, and staff of another event, approve nothing.
    expect(await refusal(sets.E[0].token, [E[0], E[1], F[0], F[1]])).toEqual([403, expect.any(String)]);
    expect(await refusal(staff.other.token, [E[0], E[1], F[0], F[1]])).toEqual([403, 'HIKING_NOT_STAFF']);
    // Too few, a walker who finished, a walker of a whole team, a walker of another route.
    expect(await refusal(staff.two.token, [E[0], E[1], F[0]])).toEqual([400, 'HIKING_TEAM_SIZE']);
    expect(await refusal(staff.two.token, [E[0], E[1], F[0], team.A.walkers[0]])).toEqual([409, 'HIKING_WALKER_NOT_WALKING']);
    const shortWalker = (await http().get(`/api/v1/hiking/routes/${shortRoute}/walkers`).set(org())).body[1].id;
    expect(await refusal(staff.two.token, [E[0], E[1], F[0], shortWalker])).toEqual([404, 'HIKING_WALKER_NOT_FOUND']);
    expect((await walkers()).get(E[0])!.regroupId).toBeNull();

    // Staff at the third checkpoint approves the new team of four.
    const before = await walker(E[0]);
    const made = await regroup(staff.two.token, [F[1], E[0], F[0], E[1]]);
    expect([made.status, made.body.name, made.body.approvedBy, made.body.walkerIds]).toEqual([201, '运河重组队', staff.two.id, [E[0], E[1], F[0], F[1]].sort((a, b) => a - b)]);
    const now = await walkers();
    for (const id of [E[0], E[1], F[0], F[1]]) expect([now.get(id)!.regroupId, now.get(id)!.status]).toEqual([made.body.id, 'on_course']);
    // Each keeps their history: the entry, the scans, the status changes, with the regrouping audited.
    const after = await walker(E[0]);
    expect([after.teamEntryId, after.scans, after.changes.slice(0, -1)]).toEqual([before.teamEntryId, before.scans, before.changes]);
    expect(after.changes.at(-1)).toMatchObject({ fromStatus: 'on_course', toStatus: 'on_course', actorId: staff.two.id, reason: expect.stringContaining('运河重组队') });
    // The new team is whole: its members regroup no further.
    expect(await refusal(staff.two.token, [E[0], E[1], F[0], F[1]])).toEqual([409, 'HIKING_TEAM_NOT_BROKEN']);
    // The new team has its own QR, scanned like an entry's bib: it scans the four at the next checkpoint.
    expect(made.body.bib).toBe(`RG-${made.body.id}`);
    const four = [E[0], E[1], F[0], F[1]].sort((a, b) => a - b);
    const scanned = await ok(await upload(staff.two.token, 'pad-2', [{ bib: made.body.bib, checkpointId: cps[3], at: Date.now() - 2000 }]));
    expect(scanned.results[0].walkerIds).toEqual(four);
    // The broken teams' QR codes no longer scan the members who moved (the rest withdrew): refused, with or without them named.
    const bibE = (await walkers()).get(E[0])!.bib!;
    const old = await upload(staff.two.token, 'pad-2', [{ bib: bibE, checkpointId: cps[3], at: Date.now() - 1000 }, { bib: bibE, present: [E[0]], checkpointId: cps[3], at: Date.now() - 1000 }]);
    expect([old.status, old.body.refused, old.body.results.map((r: { code: string }) => r.code)]).toEqual([200, 2, ['HIKING_UNKNOWN_BIB', 'HIKING_UNKNOWN_BIB']]);
    expect((await walker(E[0])).scans.filter((x: { seq: number }) => x.seq === 3)).toHaveLength(1);
  });

  it("gives the year's statistics: walkers started and finished, and the completion rate, per route and organisation", async () => {
    const year = new Date(T0 + 8 * 3600_000).getUTCFullYear();
    const res = await http().get(`/api/v1/statistics?organisationId=${world.district.id}&year=${year}`).set(org());
    expect(res.status).toBe(200);
    // The long walk: 20 walkers, all started by the gun; A0, A1, A3 and B3 finished (A2 was disqualified).
    // The 5 km walk: team D, one finisher. The other event's route has no walkers.
    expect(res.body.hiking.routes).toEqual([
      { itemId, route: '28公里毅行', event: `大运河职工毅行-${world.tag}`, started: 20, finished: 4, completionRate: 0.2 },
      { itemId: shortItem, route: '5公里健步走', event: `大运河职工毅行-${world.tag}`, started: 4, finished: 1, completionRate: 0.25 },
    ]);
    // Teams A, B and E entered for the steelworks' union, C, D and F for the canal logistics union.
    const [steel, canal] = world.enterprises;
    expect(res.body.hiking.organisations).toEqual([
      { organisationId: steel.id, name: steel.name, started: 12, finished: 4, completionRate: 0.3333 },
      { organisationId: canal.id, name: canal.name, started: 12, finished: 1, completionRate: 0.0833 },
    ]);
    // An enterprise sees its own walkers only.
    const own = await http().get(`/api/v1/statistics?organisationId=${canal.id}&year=${year}`).set(org());
    expect([own.body.hiking.routes, own.body.hiking.organisations.map((o: { organisationId: number }) => o.organisationId)]).toEqual([[], [canal.id]]);
  });

  it('alerts the organizers once to each walker the board calls overdue, however many sweeps follow', async () => {
    // Last, as it adds a route to the year's figures. A 10 km walk of the same night: team G started with the gun three hours ago and was last seen
    // at its first checkpoint twenty minutes later; at that pace it was due at the second long ago.
    const token = world.organizer.token;
    const item = (await post(world.url, `/api/v1/events/${eventId}/items`, token, { name: '10公里毅行' })).id;
    await put(world.url, `/api/v1/items/${item}/registration`, token, { entryType: 'team', teamMin: 4, teamMax: 6 });
    const c = world.contestants;
    const members = [c[24], c[26], c[28], c[30]];
    await post(world.url, `/api/v1/items/${item}/entries`, token, { teamName: '拱墅夜行队', memberIds: members.map((p) => p.id), captainId: members[0].id });
    const route = (await post(world.url, `/api/v1/hiking/items/${item}/route`, token, { distanceM: 10000, referenceStartAt: new Date(T0) })).id;
    expect(await post(world.url, `/api/v1/hiking/routes/${route}/walkers`, token, { waveId })).toEqual({ enrolled: 4, refused: [] });
    const stops = ['北新关', '祥符桥', '勾庄'];
    const points = (await put(world.url, `/api/v1/hiking/routes/${route}/checkpoints`, token, { checkpoints: stops.map((name, i) => ({ name, distanceM: i * 5000 })) })).checkpoints.map((p: { id: number }) => p.id);
    const ids: number[] = (await http().get(`/api/v1/hiking/routes/${route}/walkers`).set(org())).body.map((w: Walker) => w.id);
    // One upload (so no sweep sees them in between): three of them walked in just now; the fourth is overdue.
    const walked = ids.flatMap((walkerId) => [{ walkerId, checkpointId: points[0], direction: 'out' as const, at: T0 }, { walkerId, checkpointId: points[1], at: T0 + 20 * MIN }]);
    await ok(await upload(token, 'pad-g', [...walked, ...ids.slice(0, 3).map((walkerId) => ({ walkerId, checkpointId: points[2], at: Date.now() - 1000 }))]));
    const board = (await http().get(`/api/v1/hiking/routes/${route}/board`).set(org())).body;
    expect([board.overdue.map((o: { walkerId: number }) => o.walkerId), board.checkpoints.map((p: { overdue: number }) => p.overdue)]).toEqual([[ids[3]], [0, 0, 1]]);

    const bib = (await walker(ids[3])).bib;
    const expected = [`安全预警：${members[3].realName}（${bib}）超时未到「勾庄」`];
    // The long walk's replay went through the night's past too, so its walkers were alerted as they fell behind.
    const overdueAlerts = async (route = '10公里毅行') => {
      const inbox = await http().get('/api/v1/me/notifications').set(org());
      return inbox.body.messages.filter((n: { title: string; body: string }) => n.title.includes('超时未到') && n.body.includes(route)).map((n: { title: string }) => n.title);
    };
    await waitFor('the sweep alerts the overdue walker', async () => ((await overdueAlerts()).length ? true : undefined), 30_000, 200);
    // Two more sweeps (each names the next, which the worker queues) alert nobody again.
    // A sweep that finds nothing new writes nothing: no outbox row, no alert.
    const queue = openQueue('hiking');
    const db = await openDatabase();
    try {
      const sweeps = async () => (await queue.getJobs(['completed'])).filter((j) => j.name === 'hiking.sweep' && j.data.routeId === route).length;
      const rows = async () => Number((await db.query("SELECT COUNT(*) AS n FROM outbox WHERE job_name = 'hiking.sweep' AND payload LIKE ?", [`{"routeId":${route},%`]))[0].n);
      const [seen, written] = [await sweeps(), await rows()];
      await waitFor('two more sweeps', async () => ((await sweeps()) >= seen + 2 ? true : undefined), 30_000, 200);
      expect(await rows()).toBe(written);
    } finally {
      await queue.close();
      await db.destroy();
    }
    expect(await overdueAlerts()).toEqual(expected);
    // Once per walker and checkpoint on the long walk too, however many sweeps saw them behind.
    const long = await overdueAlerts('28公里毅行');
    expect([long.length > 0, new Set(long).size]).toEqual([true, long.length]);
    const theirs = await http().get('/api/v1/me/notifications').set(bearer(members[0].token));
    expect(theirs.body.messages.some((n: { title: string }) => n.title.startsWith('安全预警'))).toBe(false);

  });

  it("texts no emergency contact on a route that leaves them alone (the default)", async () => {
    const token = world.organizer.token;
    const item = (await post(world.url, `/api/v1/events/${eventId}/items`, token, { name: '8公里健步走' })).id;
    await put(world.url, `/api/v1/items/${item}/registration`, token, { entryType: 'team', teamMin: 4, teamMax: 6 });
    const c = world.contestants;
    const members = [c[25], c[27], c[29], c[31]];
    await post(world.url, `/api/v1/items/${item}/entries`, token, { teamName: '良渚徒步队', memberIds: members.map((p) => p.id), captainId: members[0].id });
    const route = await post(world.url, `/api/v1/hiking/items/${item}/route`, token, { distanceM: 8000, referenceStartAt: new Date(T0) });
    expect(route.notifyContacts).toBe(false);
    expect(await post(world.url, `/api/v1/hiking/routes/${route.id}/walkers`, token, { waveId })).toEqual({ enrolled: 4, refused: [] });
    const contact = await addContact(members[0], '赵桂兰');
    const mine = (await http().get(`/api/v1/hiking/routes/${route.id}/walkers`).set(org())).body.find((w: Walker) => w.userId === members[0].id);
    await http().post(`/api/v1/hiking/walkers/${mine.id}/withdraw`).set(bearer(members[0].token)).send({ reason: '临时有事，自行退出' }).expect(200);
    // The text would be queued with the withdrawal, in its transaction: the one queued all night is C0's.
    const db = await openDatabase();
    try {
      const queued = await db.query("SELECT job_id AS id FROM outbox WHERE job_name = 'sms.code' AND job_id LIKE 'sms.code-hiking-contact-%'");
      expect(queued.map((r: { id: string }) => r.id)).toEqual([`sms.code-hiking-contact-${team.C.walkers[0]}-withdrawn`]);
    } finally {
      await db.destroy();
    }
    expect([textsTo(contact), textsTo(contactOfC0).length]).toEqual([[], 1]);
  });

  it('refuses to move or remove a checkpoint that has scans, and changes nothing', async () => {
    const before = (await http().get(`/api/v1/hiking/routes/${routeId}`).set(org())).body.checkpoints;
    const body = (list: typeof before) => ({
      checkpoints: list.map((c: Record<string, unknown>) => ({ id: c.id, name: c.name, distanceM: c.distanceM, location: c.location, opensAt: c.opensAt, arrivalCutoffAt: c.arrivalCutoffAt, departureCutoffAt: c.departureCutoffAt })),
    });
    // 富义仓 and 香积寺 swapped (their distances with them, so the order itself is valid).
    const swapped = [...before];
    [swapped[1], swapped[2]] = [{ ...before[2], distanceM: before[1].distanceM }, { ...before[1], distanceM: before[2].distanceM }];
    const moved = await http().put(`/api/v1/hiking/routes/${routeId}/checkpoints`).set(org()).send(body(swapped));
    expect([moved.status, moved.body.code, moved.body.message]).toEqual([409, 'HIKING_CHECKPOINTS_INVALID', expect.stringContaining('不能调整顺序')]);
    const removed = await http().put(`/api/v1/hiking/routes/${routeId}/checkpoints`).set(org()).send(body(before.filter((_: unknown, i: number) => i !== 1)));
    expect([removed.status, removed.body.message]).toEqual([409, expect.stringContaining('不能删除')]);
    expect((await http().get(`/api/v1/hiking/routes/${routeId}`).set(org())).body.checkpoints).toEqual(before);
  });

  /** Gives a contestant an emergency contact on their own profile (sent whole, as the profile form does); answers its mobile. */
  async function addContact(p: Person, name: string): Promise<string> {
    const mine = await http().get(`/api/v1/users/${p.id}/profile`).set(bearer(p.token)).expect(200);
    const contact = mobile();
    const saved = await put(world.url, '/api/v1/me/profile', p.token, { residentId: mine.body.residentId, mobile: mine.body.mobile, emergencyContactName: name, emergencyContactMobile: contact });
    expect([saved.emergencyContactName, saved.emergencyContactMobile]).toEqual([name, contact]);
    // Organizers over the person read it whole; a stranger reads nothing.
    expect((await http().get(`/api/v1/users/${p.id}/profile`).set(org())).body.emergencyContactMobile).toBe(contact);
    expect((await http().get(`/api/v1/users/${p.id}/profile`).set(bearer(world.contestants.find((c) => c.id !== p.id)!.token))).status).toBe(403);
    return contact;
  }

  /** The board's counts add up: statuses to the total, segments to those still walking, arrivals to the scans. */
  async function expectBoardAddsUp(byStatus: Record<string, number>) {
    const res = await http().get(`/api/v1/hiking/routes/${routeId}/board`).set(bearer(staff.two.token));
    expect(res.status).toBe(200);
    const board = res.body;
    expect(board.byStatus).toEqual(byStatus);
    expect(board.total).toBe(12);
    const walking = (byStatus.on_course ?? 0) + (byStatus.started ?? 0);
    expect(board.segments.reduce((sum: number, s: { onTrail: number }) => sum + s.onTrail, 0)).toBe(walking);
    expect(board.checkpoints).toHaveLength(15);
    // Everyone but C1 has a start scan; everyone passed the third checkpoint.
    expect([board.checkpoints[0].arrived, board.checkpoints[3].arrived, board.checkpoints[14].arrived]).toEqual([11, 12, byStatus.finished]);
    for (const cp of board.checkpoints) expect(cp.expected).toBeLessThanOrEqual(walking);
  }
});
