import { isDuplicateKey } from '@app/database';
import { EventsService } from '@app/events';
import { AccessService, forbidden, type Principal, RoleAssignment, User } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ENTRY_STATUS_LABELS, GENDER_LABELS, shanghaiToday, type RosterError, type ValidRosterRow } from './domain';
import { beijingTime, DomainError } from '@app/common';
import { entryViews, readableEntries } from './entry-views';
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

/** Imported people cannot log in until someone gives them a password: no argon2 hash starts with '!'. */
const NO_PASSWORD = '!imported';

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
      for (const row of checked.rows) {
        const person = await this.upsertPerson(m, row, organisationId, orgPath, errors);
        if (!person) continue;
        if (person.created) report.created++;
        for (const name of row.items) wanted.push({ row: row.row, name, ctx: contexts.get(name)!, person: person.person });
      }
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
    const entries = await entryViews(this.dataSource.manager, { ...scope, eventId });
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
   * Finds the person by resident ID (its HMAC) or creates them as a contestant
   * of the organisation; someone already registered elsewhere is a row error,
   * not a silent move between delegations.
   */
  private async upsertPerson(
    m: EntityManager,
    row: ValidRosterRow,
    organisationId: number,
    orgPath: string,
    errors: RosterError[],
  ): Promise<{ person: Person; created: boolean } | null> {
    const sealed = this.profiles.sealValid(row.residentId, row.gender, row.birthDate, row.mobile, row.unionMemberNo);
    const [found]: { userId: number }[] = await m.query('SELECT user_id AS userId FROM person_profiles WHERE resident_id_hmac = ? FOR UPDATE', [
      sealed.residentIdHmac,
    ]);
    if (found) {
      const [home]: { orgId: number; path: string }[] = await m.query(
        `SELECT ra.organisation_id AS orgId, o.path FROM role_assignments ra JOIN organisations o ON o.id = ra.organisation_id
          WHERE ra.user_id = ? AND ra.role = 'contestant' AND o.path LIKE ? ORDER BY LENGTH(o.path) DESC LIMIT 1`,
        [found.userId, `${orgPath}%`],
      );
      if (!home) {
        errors.push({ row: row.row, field: '身份证号', code: 'PERSON_IN_OTHER_DELEGATION', message: '该人员已登记在其他单位，请联系组织者调整' });
        return null;
      }
      await m.update(PersonProfile, { userId: found.userId }, { mobileEnc: sealed.mobileEnc, unionMemberNo: sealed.unionMemberNo });
      return { person: { userId: found.userId, home: { role: 'contestant', orgId: home.orgId, path: home.path } }, created: false };
    }
    const username = `p${sealed.residentIdHmac.toString('hex').slice(0, 20)}`;
    const user = await m.insert(User, { username, passwordHash: NO_PASSWORD, realName: row.name });
    const userId = Number(user.identifiers[0].id);
    await m.insert(RoleAssignment, { userId, organisationId, role: 'contestant' });
    try {
      await m.insert(PersonProfile, { userId, ...sealed });
    } catch (err) {
      if (isDuplicateKey(err)) throw residentIdTaken();
      throw err;
    }
    return { person: { userId, home: { role: 'contestant', orgId: organisationId, path: orgPath } }, created: true };
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
