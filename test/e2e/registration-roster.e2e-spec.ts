import { openDatabase } from './support/stack';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { residentIdCheckChar } from '../../libs/registration/src/domain/resident-id';
import { parseRosterFile } from '../../libs/registration/src/spreadsheet';
import { CSV, openEvent, rosterCsv, rosterPeople, uploadRoster, XLSX } from './support/registration';
import { adminToken, bearer, buildWorld, http, login, post, type World } from './support/world';

/** Roster import (all or nothing, every failing row reported) and entry export, with the files real users send. */
describe('registration roster import and export', () => {
  let world: World;
  let ds: DataSource;
  let leaderToken: string;

  const counts = async (eventId: number) => {
    const [row] = await ds.query(
      `SELECT (SELECT COUNT(*) FROM entries WHERE event_id = ?) AS entries, (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM person_profiles) AS profiles`,
      [eventId],
    );
    return row;
  };

  async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    ds = await openDatabase();
    world = await buildWorld({ judges: 0, contestants: 0 });
    const admin = await adminToken();
    const leader = await post(world.url, '/api/v1/users', admin, {
      username: `roster-leader-${world.tag}`,
      password: 'Qiantang-tide-2026',
      realName: '周领队',
      roles: [{ organisationId: world.enterprises[0].id, role: 'delegation_leader' }],
    });
    leaderToken = await login(leader.username);
  });

  afterAll(() => ds?.destroy());

  it('imports a leader’s roster in one transaction and exports it with Chinese intact (xlsx and csv)', async () => {
    const meet = await openEvent(world, { kind: 'sports_meet', item: '跳绳' });
    const people = rosterPeople(4, '跳绳');
    people[1].name = '阿依古丽·买买提';
    const res = await uploadRoster(world, leaderToken, meet.eventId, world.enterprises[0].id, rosterCsv(people));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ people: 4, created: 4, entries: 4, waitlisted: 0 });

    for (const format of ['xlsx', 'csv'] as const) {
      const file = await http(world.url).get(`/api/v1/events/${meet.eventId}/entries/export?format=${format}`).set(bearer(world.organizer.token)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toContain(format === 'xlsx' ? XLSX : CSV);
      const sheet = await parseRosterFile(file.body as Buffer, format);
      const names = sheet.rows.map((r) => r['姓名']);
      expect(names).toEqual(people.map((p) => p.name));
      // Organizers are entitled to the clear ID number; CSV cells carry Excel's keep-as-text tab.
      expect(sheet.rows.map((r) => String(r['身份证号']).trim())).toEqual(people.map((p) => p.residentId));
      expect(sheet.rows.every((r) => r['项目'] === '跳绳' && r['状态'] === '已通过')).toBe(true);
    }
    const byLeader = await http(world.url).get(`/api/v1/events/${meet.eventId}/entries/export?format=csv`).set(bearer(leaderToken));
    expect(byLeader.status).toBe(200);
    expect(byLeader.text).toContain(`${people[0].residentId.slice(0, 6)}********${people[0].residentId.slice(-4)}`);
    expect(byLeader.text).not.toContain(people[0].residentId);
  });

  it('writes nothing when any row fails, and lists every failing row with its reason', async () => {
    const meet = await openEvent(world, { kind: 'sports_meet', item: '拔河', event: { ageReferenceDate: '2026-12-01' }, itemRules: { maxAge: 60 } });
    const people = rosterPeople(6, '拔河');
    people[2].residentId = people[2].residentId.slice(0, 17) + (people[2].residentId[17] === '0' ? '1' : '0');
    people[4].items = '拔河、踢毽子';
    const before = await counts(meet.eventId);
    const res = await uploadRoster(world, world.organizer.token, meet.eventId, world.enterprises[1].id, rosterCsv(people));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ROSTER_INVALID');
    expect(res.body.details).toEqual([
      expect.objectContaining({ row: 4, field: '身份证号', code: 'RESIDENT_ID_CHECKSUM' }),
      expect.objectContaining({ row: 6, field: '项目', code: 'ITEM_UNKNOWN', message: '本赛事没有名为“踢毽子”的项目' }),
    ]);
    expect(res.body.message).toBe('名单有2行未通过校验，未导入任何数据');
    expect(await counts(meet.eventId)).toEqual(before);

    // Rows valid on their own but refused by an item's rule fail the same way, after the writes began: rolled back.
    const old = rosterPeople(3, '拔河');
    old[1].birth = '1950-02-02';
    old[1].residentId = old[1].residentId.slice(0, 6) + '19500202' + old[1].residentId.slice(14);
    old[1].residentId = old[1].residentId.slice(0, 17) + residentIdCheckChar(old[1].residentId.slice(0, 17));
    const refused = await uploadRoster(world, world.organizer.token, meet.eventId, world.enterprises[1].id, rosterCsv(old));
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ row: 3, code: 'REGISTRATION_NOT_ELIGIBLE' })]);
    expect(await counts(meet.eventId)).toEqual(before);
  });

  it('refuses bad files with a clear 4xx and writes nothing', async () => {
    const meet = await openEvent(world, { item: '5公里' });
    const before = await counts(meet.eventId);
    const send = (file: Buffer, type: string) => uploadRoster(world, world.organizer.token, meet.eventId, world.enterprises[0].id, file, type);

    const missing = await send(await xlsx([['姓名', '性别', '手机号'], ['王芳', '女', '13900001111']]), XLSX);
    expect([missing.status, missing.body.code]).toEqual([422, 'ROSTER_INVALID']);
    expect(missing.body.details.map((e: { code: string; field: string }) => `${e.code}:${e.field}`)).toEqual([
      'ROSTER_COLUMN_MISSING:出生日期',
      'ROSTER_COLUMN_MISSING:身份证号',
      'ROSTER_COLUMN_MISSING:工会会员号',
      'ROSTER_COLUMN_MISSING:项目',
    ]);

    const header = ['姓名', '性别', '出生日期', '手机号', '身份证号', '工会会员号', '项目'];
    const empty = await send(await xlsx([header, ...Array.from({ length: 10_000 }, () => header.map(() => ''))]), XLSX);
    expect([empty.status, empty.body.code]).toEqual([422, 'ROSTER_INVALID']);
    expect(empty.body.details).toEqual([expect.objectContaining({ code: 'ROSTER_EMPTY', message: '名单中没有任何数据行' })]);
    const emptyCsv = await send(Buffer.from(header.join(',') + '\r\n' + ',,,,,,\r\n'.repeat(10_000)), CSV);
    expect(emptyCsv.body.details[0].code).toBe('ROSTER_EMPTY');

    // '姓名,性别' in GBK, as Excel in China saves "CSV (comma delimited)" by default.
    const gbk = await send(Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd0, 0xd4, 0xb1, 0xf0, 0x0d, 0x0a]), CSV);
    expect([gbk.status, gbk.body.code, gbk.body.details[0].field]).toEqual([400, 'FILE_NOT_UTF8', 'file']);
    const notXlsx = await send(Buffer.from('this is not a spreadsheet'), XLSX);
    expect([notXlsx.status, notXlsx.body.code]).toEqual([400, 'FILE_UNREADABLE']);
    const wrongType = await http(world.url).post(`/api/v1/events/${meet.eventId}/roster?organisationId=${world.enterprises[0].id}`).set(bearer(world.organizer.token)).send({ rows: [] });
    expect([wrongType.status, wrongType.body.code]).toEqual([400, 'ROSTER_INVALID']);
    expect(await counts(meet.eventId)).toEqual(before);
  });

  it('lets a leader import only into their own organisation', async () => {
    const meet = await openEvent(world, { item: '3公里' });
    const res = await uploadRoster(world, leaderToken, meet.eventId, world.enterprises[1].id, rosterCsv(rosterPeople(1, '3公里')));
    expect(res.status).toBe(403);
    const contestantExport = await http(world.url).get(`/api/v1/events/${meet.eventId}/entries/export`).set(bearer(leaderToken));
    expect(contestantExport.status).toBe(200);
  });
});
