import { insertRows, isDuplicateKey } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, forbidden, PeopleDirectory, type Principal, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ENTRY_STATUS_LABELS, GENDER_LABELS, shanghaiToday, type RosterError, type ValidRosterRow } from './domain';
import { beijingTime, DomainError } from '@app/common';
import { EntryViews, readableEntries } from './entry-views';
import { runIdempotent, type IdempotencyKey } from './idempotency';
import { PersonProfile } from './person-profile.entity';
import { ProfilesService, residentIdTaken } from './profiles.service';
import { RegistrationContext, type ItemContext } from './registration-context';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { RegistrationService, type Person } from './registration.service';
import { RosterReader } from './roster-reader';
import { writeTable } from './spreadsheet';

export type SheetFormat = 'xlsx' | 'csv';

export interface ImportReport {
  people: number;
  created: number;
  entries: number;
  waitlisted: number;
}

/**
 * Roster import and entry export. An import is all or nothing: every row is
 * validated first, then every entry is checked by the same code as a single
 * registration inside one transaction; any failure rolls everything back and
 * the answer lists every failing row.
 */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly access: AccessService,
    private readonly context: RegistrationContext,
    private readonly registration: RegistrationService,
    private readonly profiles: ProfilesService,
    private readonly reader: RosterReader,
    private readonly views: EntryViews,
    private readonly users: UsersService,
    private readonly directory: PeopleDirectory,
  ) {}

  /** Delegation leaders and organizers over `organisationId`, which must lie inside the event's organisation. */
  async import(principal: Principal, eventId: number, organisationId: number, file: Buffer, format: SheetFormat, idem?: IdempotencyKey): Promise<ImportReport> {
    const event = await this.events.get(eventId);
    const eventPath = await this.access.pathOf(event.organisationId);
    const orgPath = await this.access.pathOf(organisationId);
    if (!orgPath.startsWith(eventPath)) throw forbidden('该单位不在本赛事举办组织范围内');
    this.access.assertPath(principal, ['delegation_leader', 'organizer'], orgPath);

    // Read and checked on a worker thread; a file over the row limit is refused before anything is written.
    const checked = await this.reader.read(file, format, shanghaiToday(new Date()));
    const contexts = new Map<string, ItemContext>();
    // Row errors and item-name errors are reported together, so one round of fixes is enough.
    const errors: RosterError[] = [...checked.errors];
    for (const item of event.items) contexts.set(item.name, await this.context.load(item.id));
    for (const row of checked.rows) {
      for (const name of row.items) {
        const ctx = contexts.get(name);
        if (!ctx) errors.push({ row: row.row, field: '项目', code: 'ITEM_UNKNOWN', message: `本赛事没有名为“${name}”的项目` });
        else if (ctx.item.entryType !== 'individual') {
          errors.push({ row: row.row, field: '项目', code: 'ITEM_NOT_INDIVIDUAL', message: `“${name}”是团体/接力项目，请在系统中组队报名` });
        }
      }
    }
    if (errors.length) throw rosterInvalid(errors);
    if (checked.rows.some((r) => r.items.length)) this.context.assertOpen(event);

    return runIdempotent(this.dataSource, principal.userId, idem, async (m) => {
      const report: ImportReport = { people: checked.rows.length, created: 0, entries: 0, waitlisted: 0 };
      const wanted: { row: number; name: string; ctx: ItemContext; person: Person }[] = [];
      const people = await this.upsertPeople(m, checked.rows, organisationId, orgPath, errors);
      checked.rows.forEach((row, i) => {
        const person = people[i];
        if (!person) return;
        if (person.created) report.created++;
        for (const name of row.items) wanted.push({ row: row.row, name, ctx: contexts.get(name)!, person: person.person });
      });
      // Checked one by one, written in one batch: the event's quota row, which every registration of
      // the event waits for, is held for that write only, not while thousands of rows are checked.
      const outcomes = await this.registration.enterAll(m, principal, wanted);
      outcomes.forEach((outcome, i) => {
        const { row, name } = wanted[i];
        if (outcome instanceof DomainError) errors.push({ row, field: '项目', code: outcome.code, message: `${name}：${outcome.message}` });
        else {
          report.entries++;
          if (outcome.full) report.waitlisted++;
        }
      });
      // Rolls back every row written so far: the import is all or nothing.
      if (errors.length) throw rosterInvalid(errors);
      return report;
    });
  }

  /** Organizers get every entry with full personal data; delegation leaders their own people, masked. */
  async export(principal: Principal, eventId: number, format: SheetFormat): Promise<Buffer> {
    const event = await this.events.event(eventId);
    const eventPath = await this.access.pathOf(event.organisationId);
    const scope = readableEntries(principal, eventPath);
    if (!scope) throw forbidden();
    const organizer = !scope.orgPaths;
    const entries = await this.views.list({ ...scope, eventId });
    const profiles = await this.profilesOf(entries.map((e) => e.userId));
    const rows = entries.map((e) => {
      const stored = profiles.get(e.userId);
      // Organizers are entitled to the clear ID and mobile; leaders get them masked, as on screen.
      const p = stored && this.profiles.present(stored, e.realName, !organizer);
      return {
        entryId: e.id,
        bib: e.bib,
        name: e.realName,
        gender: p ? GENDER_LABELS[p.gender] : '',
        birthDate: p?.birthDate ?? '',
        residentId: p?.residentId ?? '',
        mobile: p?.mobile ?? '',
        unionMemberNo: p?.unionMemberNo ?? '',
        organisation: e.organisationName,
        item: e.itemName,
        team: e.teamName,
        ageGroup: e.ageGroup,
        status: ENTRY_STATUS_LABELS[e.status],
        // Read by the people at the gate, beside the check-in screen's '已于… 签到': Beijing time, to the second.
        checkedInAt: beijingTime(e.checkedInAt, 'second') ?? '',
      };
    });
    return writeTable(format, EXPORT_COLUMNS, rows);
  }

  private async profilesOf(userIds: number[]): Promise<Map<number, PersonProfile>> {
    const map = new Map<number, PersonProfile>();
    for (let i = 0; i < userIds.length; i += 1000) {
      const chunk = [...new Set(userIds.slice(i, i + 1000))];
      if (!chunk.length) continue;
      const rows = await this.dataSource.manager.createQueryBuilder(PersonProfile, 'p').where('p.user_id IN (:...ids)', { ids: chunk }).getMany();
      for (const p of rows) map.set(p.userId, p);
    }
    return map;
  }

  /**
   * Finds each person by resident ID (its HMAC) or creates them as a contestant of the
   * organisation, in a few statements whatever the number of rows; someone already registered
   * elsewhere is a row error, not a silent move between delegations. Answers by row, null for a
   * row in error.
   */
  private async upsertPeople(
    m: EntityManager,
    rows: readonly ValidRosterRow[],
    organisationId: number,
    orgPath: string,
    errors: RosterError[],
  ): Promise<({ person: Person; created: boolean } | null)[]> {
    const sealed = rows.map((row) => this.profiles.sealValid(row.residentId, row.gender, row.birthDate, row.mobile, row.unionMemberNo));
    const owners = new Map<string, number>();
    for (let at = 0; at < sealed.length; at += 1000) {
      const hmacs = sealed.slice(at, at + 1000).map((p) => p.residentIdHmac);
      const found: { userId: number; hmac: Buffer }[] = await m.query(
        'SELECT user_id AS userId, resident_id_hmac AS hmac FROM person_profiles WHERE resident_id_hmac IN (?) FOR UPDATE',
        [hmacs],
      );
      for (const f of found) owners.set(Buffer.from(f.hmac).toString('hex'), Number(f.userId));
    }
    const ownerOf = (i: number) => owners.get(sealed[i].residentIdHmac.toString('hex'));
    const homes = await this.directory.contestantHomes(owners.values(), orgPath, m);

    const answers: ({ person: Person; created: boolean } | null)[] = [];
    const fresh: number[] = [];
    for (const [i, row] of rows.entries()) {
      const userId = ownerOf(i);
      if (userId === undefined) {
        fresh.push(i);
        answers.push(null);
        continue;
      }
      const home = homes.get(userId);
      if (!home) {
        errors.push({ row: row.row, field: '身份证号', code: 'PERSON_IN_OTHER_DELEGATION', message: '该人员已登记在其他单位，请联系组织者调整' });
        answers.push(null);
        continue;
      }
      await m.update(PersonProfile, { userId }, { mobileEnc: sealed[i].mobileEnc, unionMemberNo: sealed[i].unionMemberNo });
      answers.push({ person: { userId, home: { role: 'contestant', orgId: home.orgId, path: home.path } }, created: false });
    }

    const ids = await this.users.createContestants(
      m,
      fresh.map((i) => ({ username: `p${sealed[i].residentIdHmac.toString('hex').slice(0, 20)}`, realName: rows[i].name })),
      organisationId,
    );
    try {
      await insertRows(
        m,
        'person_profiles',
        ['user_id', 'gender', 'birth_date', 'resident_id_hmac', 'resident_id_enc', 'mobile_enc', 'union_member_no'],
        fresh.map((i, k) => {
          const p = sealed[i];
          return [ids[k], p.gender, p.birthDate, p.residentIdHmac, p.residentIdEnc, p.mobileEnc, p.unionMemberNo];
        }),
      );
    } catch (err) {
      if (isDuplicateKey(err)) throw residentIdTaken();
      throw err;
    }
    fresh.forEach((i, k) => (answers[i] = { person: { userId: ids[k], home: { role: 'contestant', orgId: organisationId, path: orgPath } }, created: true }));
    return answers;
  }
}

const EXPORT_COLUMNS = [
  { header: '报名编号', key: 'entryId', width: 10 },
  { header: '号码布', key: 'bib', width: 10 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '身份证号', key: 'residentId', width: 22 },
  { header: '手机号', key: 'mobile', width: 14 },
  { header: '工会会员号', key: 'unionMemberNo', width: 14 },
  { header: '单位', key: 'organisation', width: 24 },
  { header: '项目', key: 'item', width: 20 },
  { header: '队名', key: 'team', width: 12 },
  { header: '年龄组', key: 'ageGroup', width: 8 },
  { header: '状态', key: 'status', width: 8 },
  { header: '签到时间', key: 'checkedInAt', width: 22 },
] as const;

function rosterInvalid(errors: readonly RosterError[]): RegistrationError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new RegistrationError(
    'unprocessable',
    RegistrationErrorCode.RosterInvalid,
    `名单有${rows}行未通过校验，未导入任何数据`,
    [...errors].sort((a, b) => a.row - b.row).map((e) => ({ field: e.field, code: e.code, message: e.message, row: e.row })),
  );
}
