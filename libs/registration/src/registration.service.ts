import { Batcher, DomainError, type ErrorDetail } from '@app/common';
import { inTransactionClosing, isDuplicateKey, type SqlRunner, type Statement } from '@app/database';
import { coversPath, forbidden, PeopleDirectory, type Principal, type RoleClaim, UsersService } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { BIB_WIDTH, parseSeen, type PlaceScopes, quotasSeenSql, takePlaces } from './capacity';
import { enteredStatements, notifyEntered } from './entry-notices';
import { type SimpleEntry, writeBatch, type WrittenEntry } from './entry-batch';
import { PendingCounts } from './pending-counts';
import { checkEligibility, formatBibNumber, resolveAgeGroup, validateTeam, type AgeGroup, type CountsSnapshot, type EntryStatus } from './domain';
import { Entry } from './entry.entity';
import { type Entrant, EntrantReads } from './entrant-reads';
import { EntryViews, type EntryView } from './entry-views';
import { answerStatements, keyReused, runIdempotent, StoredAnswers, type IdempotencyKey } from './idempotency';
import { RegistrationContext, type ItemContext } from './registration-context';
import { RegistrationError, RegistrationErrorCode } from './registration-error';
import { delegationScope } from './quota.entity';
import { TeamMembership } from './team-membership.entity';

export interface RegisterInput {
  /** Individual items: the contestant; default the caller. */
  userId?: number;
  /** Relay and team items. */
  teamName?: string;
  memberIds?: number[];
  captainId?: number;
  /** An organizer's manual age-group choice, overriding the computed one. */
  ageGroup?: string;
}

export interface RegisteredEntry extends EntryView {
  /** Why the entry waits, when it went to the waitlist. */
  notice: string | null;
}

/** Entries per inbox job when many are written at once (a roster import), as a fan-out batches them. */
const NOTE_BATCH = 500;

const WAITLIST_NOTICE = {
  event: '本次活动名额已满，已为您登记候补',
  item: '该项目名额已满，已为您登记候补',
  delegation: '本代表队名额已满，已为您登记候补',
} as const;

/** What the checks found: the entry's age group and its first member's profile as read (with the entry's quota rows as seen). */
interface Checked {
  ageGroup: AgeGroup | null;
  first: Entrant;
}

/** What an individual's answer shows of the person beyond the entry: names, read from identity. */
interface Names {
  realName: string;
  organisationName: string;
}

export interface Person {
  userId: number;
  home: RoleClaim;
}

/** An individual registration waiting for its event's batch, which checks it. */
interface Pending {
  ctx: ItemContext;
  principal: Principal;
  person: Person;
  input: RegisterInput;
  idem?: IdempotencyKey;
}

@Injectable()
export class RegistrationService {
  private readonly batches = new Batcher<Pending, RegisteredEntry>((jobs) => this.enterBatch(jobs));
  /** Keyed registrations of this process in flight, by caller and key: a double click waits for the first. */
  private readonly keyed = new Map<string, { fingerprint: string; answer: Promise<RegisteredEntry> }>();
  private readonly entrants: EntrantReads;
  private readonly stored: StoredAnswers<RegisteredEntry>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RegistrationContext,
    private readonly users: UsersService,
    private readonly directory: PeopleDirectory,
    private readonly views: EntryViews,
  ) {
    this.entrants = new EntrantReads(dataSource);
    this.stored = new StoredAnswers(dataSource);
  }

  /**
   * Enters a contestant (or a team) in an item: themselves where the event
   * allows it, or their people by a delegation leader or organizer. Eligibility
   * is checked and the place taken in one transaction; without a place the
   * entry goes to the waitlist. Refusals name every rule that failed.
   */
  async register(principal: Principal, itemId: number, input: RegisterInput, idem?: IdempotencyKey): Promise<RegisteredEntry> {
    const ctx = await this.context.load(itemId);
    this.context.assertOpen(ctx.event);
    const isTeam = ctx.item.entryType !== 'individual';
    if (isTeam !== (input.memberIds !== undefined)) {
      throw new RegistrationError('invalid', RegistrationErrorCode.NotTeamItem, isTeam ? '该项目为团体/接力项目，须提交队员名单 memberIds' : '该项目为个人项目，不能提交队员名单', {
        field: 'memberIds',
      });
    }
    const memberIds = isTeam ? (input.memberIds ?? []) : [input.userId ?? principal.userId];
    const captainId = isTeam ? (input.captainId ?? null) : memberIds[0];
    if (isTeam) this.assertTeamShape(ctx, memberIds, captainId);
    const people = await Promise.all(memberIds.map((id) => this.personIn(ctx, id, principal)));
    const delegation = people[0].home;
    if (people.some((p) => p.home.orgId !== delegation.orgId)) {
      throw new RegistrationError('unprocessable', RegistrationErrorCode.TeamInvalid, '队员须属于同一代表队（同一单位）', { field: 'memberIds' });
    }
    this.assertMayEnter(principal, ctx, people);
    if (input.ageGroup !== undefined && !coversPath(principal.roles, ['organizer'], ctx.eventPath)) throw forbidden('只有组织者可以指定年龄组');

    // Without limits to count, the checks are plain reads, and under READ COMMITTED a plain read
    // sees the same inside a transaction as before it. An individual's entry then joins its
    // event's batch, which checks all its entries with one read before its transaction and takes
    // places for them under one lock of a shard of each quota: under a rush the event's quota is
    // the one every registration needs.
    const plain = !ctx.rules.personLimits && !ctx.rules.delegationLimits;
    if (plain && !isTeam) return this.joinBatch({ ctx, principal, person: people[0], input, idem });
    const checked = plain ? await this.checkPeople(this.dataSource.manager, ctx, principal, people, input.ageGroup) : undefined;
    return runIdempotent(this.dataSource, principal.userId, idem, (m) => this.enter(m, ctx, principal, people, input, checked));
  }

  /**
   * Checks and writes one entry inside the caller's transaction and answers with its view;
   * the roster import calls it once per row and item.
   */
  async enter(m: EntityManager, ctx: ItemContext, principal: Principal, people: Person[], input: RegisterInput, checked?: Checked): Promise<RegisteredEntry> {
    const isTeam = ctx.item.entryType !== 'individual';
    const delegation = people[0].home;
    const { ageGroup, first } = checked ?? (await this.checkPeople(m, ctx, principal, people, input.ageGroup));
    const captainId = isTeam ? input.captainId! : people[0].userId;
    // Read before the place is taken, so the quota rows are not held for it.
    const names = isTeam ? null : (await this.namesOf([people[0]], m)).get(people[0].userId)!;
    const [place] = await takePlaces(m, ctx.event.id, [{ scopes: this.scopesOf(ctx, people), withBib: ctx.event.autoApprove, seen: first.quotas }]);
    let status: EntryStatus = 'waitlisted';
    let bib: string | null = null;
    if (place.taken) {
      status = ctx.event.autoApprove ? 'approved' : 'pending';
      bib = place.bibSeq === null ? null : formatBibNumber(ctx.event.bibPrefix, place.bibSeq, BIB_WIDTH);
    }
    const entry = {
      userId: captainId,
      organisationId: delegation.orgId,
      status,
      bib,
      registeredBy: principal.userId,
      teamName: isTeam ? input.teamName?.trim() || null : null,
      ageGroup: ageGroup?.code ?? null,
      ageGroupOverride: input.ageGroup !== undefined,
      createdAt: new Date(),
    };
    // Written after the place is taken, with its final status: the event's quota row (the one row
    // every confirmed registration of the rush locks) is held for this insert and the commit only.
    // A repeated entry fails here on the unique key and its place goes back with the rollback.
    const id = await this.insertEntry(m, ctx, entry);
    if (isTeam) await this.insertMembers(m, ctx.item.id, id, people.map((p) => p.userId), captainId);
    await notifyEntered(m, [{ entryId: id, status, bib, userIds: people.map((p) => p.userId), event: ctx.event.name, item: ctx.item.name }]);
    const notice = place.taken ? null : WAITLIST_NOTICE[place.full];
    // A team's answer lists its members by name: read back. An individual's is all known here,
    // which spares the hottest path a read.
    if (isTeam) return { ...(await this.views.list({ id }, m))[0], notice };
    return individualAnswer(ctx, people[0], names!, { id, status, bib, ageGroup: entry.ageGroup, createdAt: entry.createdAt, notice });
  }

  /**
   * Individual entries of one event, many at once, inside the caller's transaction (the roster
   * import): every entry is checked first, counting those before it in the list against the
   * limits, then all are written by one batch. The quota rows every registration of the event
   * locks are therefore held for that one write and the commit, not while thousands of entries are
   * checked. Answers each entry's outcome in list order; refusals are DomainErrors, not thrown.
   */
  async enterAll(m: EntityManager, principal: Principal, list: { ctx: ItemContext; person: Person }[]): Promise<(WrittenEntry | DomainError)[]> {
    const answers: (WrittenEntry | DomainError | null)[] = [];
    const simple: SimpleEntry[] = [];
    const pending = new PendingCounts();
    // Athletes per delegation count people, once each: whether a person is counted already matters only under such a limit.
    const athletesLimited = list.some((e) => e.ctx.rules.delegationLimits);
    for (const { ctx, person } of list) {
      try {
        const checked = await this.checkPeople(m, ctx, principal, [person], undefined, pending);
        const stored = athletesLimited && !pending.hasEntry(person.userId) ? await this.counted(m, ctx.event.id, person.userId) : true;
        pending.add(ctx.item.id, person, stored);
        simple.push({
          ctx,
          userId: person.userId,
          organisationId: person.home.orgId,
          registeredBy: principal.userId,
          ageGroup: checked.ageGroup?.code ?? null,
          ageGroupOverride: false,
          quotas: checked.first.quotas ?? [],
        });
        answers.push(null);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        answers.push(err);
      }
    }
    const written = simple.length
      ? await writeBatch(m, simple).catch((err: unknown) => {
          // Someone entered one of these people in the meantime: the whole list goes back, as any refusal does.
          if (isDuplicateKey(err)) throw new RegistrationError('conflict', RegistrationErrorCode.AlreadyEntered, '名单中有人员刚刚已被报名，请重新导入', { field: null });
          throw err;
        })
      : [];
    const notes = written.flatMap((w, i) =>
      w instanceof Error ? [] : [{ entryId: w.id, status: w.status, bib: w.bib, userIds: [simple[i].userId], event: simple[i].ctx.event.name, item: simple[i].ctx.item.name }],
    );
    // Inbox jobs of a few hundred people each, as a fan-out makes them.
    for (let at = 0; at < notes.length; at += NOTE_BATCH) await notifyEntered(m, notes.slice(at, at + NOTE_BATCH));
    let k = 0;
    return answers.map((a) => a ?? (written[k++] as WrittenEntry | DomainError));
  }

  /**
   * An individual entry goes in its event's batch, where a keyed one is answered from its stored
   * answer when there is one. A second request with a key already in flight in this process waits
   * for the first's answer; in another process, the batch's fallback finds the stored answer.
   */
  private joinBatch(job: Pending): Promise<RegisteredEntry> {
    const { idem } = job;
    if (!idem) return this.batches.add(job.ctx.event.id, job);
    const key = `${job.principal.userId}:${idem.key}`;
    const running = this.keyed.get(key);
    if (running) {
      if (running.fingerprint !== idem.fingerprint) return Promise.reject(keyReused());
      return running.answer;
    }
    const answer = this.batches.add(job.ctx.event.id, job);
    this.keyed.set(key, { fingerprint: idem.fingerprint, answer });
    const done = () => void this.keyed.delete(key);
    answer.then(done, done);
    return answer;
  }

  /**
   * A batch of individual entries of one event. First, for all of them at once and before the
   * transaction: the keyed requests' stored answers, the checks (one read of the entrants'
   * profiles and quotas) and the names the answers show; a refusal answers its own request only.
   * Then the entries that passed are written in one transaction.
   */
  private async enterBatch(jobs: Pending[]): Promise<(RegisteredEntry | Error)[]> {
    const [stored, checks, names] = await Promise.all([
      Promise.all(jobs.map((j) => (j.idem ? this.stored.answer(j.principal.userId, j.idem).catch((err: Error) => err) : undefined))),
      Promise.all(jobs.map((j) => this.checkPeople(this.dataSource.manager, j.ctx, j.principal, [j.person], j.input.ageGroup).catch((err: Error) => err))),
      this.namesOf(jobs.map((j) => j.person)),
    ]);
    const answers = jobs.map((_, i) => stored[i] ?? (checks[i] instanceof Error ? checks[i] : undefined));
    const ready = jobs.flatMap((job, i) => (answers[i] === undefined ? [{ ...job, checked: checks[i] as Checked, at: i }] : []));
    if (ready.length) (await this.writeChecked(ready, names)).forEach((answer, k) => (answers[ready[k].at] = answer));
    return answers as (RegisteredEntry | Error)[];
  }

  /**
   * Checked entries of one event in one transaction. A batch that fails as a whole (a duplicate
   * that raced past its check, a lock wait given up) is retried entry by entry, each answering for
   * itself, so one bad entry never costs the others their answer.
   */
  private async writeChecked(jobs: (Pending & { checked: Checked })[], names: Map<number, Names>): Promise<(RegisteredEntry | Error)[]> {
    const simple = jobs.map((j) => ({
      ctx: j.ctx,
      userId: j.person.userId,
      organisationId: j.person.home.orgId,
      registeredBy: j.principal.userId,
      ageGroup: j.checked.ageGroup?.code ?? null,
      ageGroupOverride: j.input.ageGroup !== undefined,
      quotas: j.checked.first.quotas ?? [],
    }));
    // The batch's writes after its entries (the quotas' counts, the notices, the keyed answers) go
    // with its COMMIT, in one round trip while the quota shards are held.
    const attempt = () =>
      inTransactionClosing(
        this.dataSource,
        async (m) => {
          const closing: Statement[] = [];
          const batch = await writeBatch(m, simple, closing);
          const notes = batch.flatMap((w, i) =>
            w instanceof Error ? [] : [{ entryId: w.id, status: w.status, bib: w.bib, userIds: [simple[i].userId], event: jobs[i].ctx.event.name, item: jobs[i].ctx.item.name }],
          );
          const answered = batch.map((w, i) => {
            if (w instanceof Error) return w;
            const { ctx, person } = jobs[i];
            const notice = w.full ? WAITLIST_NOTICE[w.full] : null;
            return individualAnswer(ctx, person, names.get(person.userId)!, { id: w.id, status: w.status, bib: w.bib, ageGroup: simple[i].ageGroup, createdAt: w.createdAt, notice });
          });
          closing.push(
            ...enteredStatements(notes),
            ...answerStatements(answered.flatMap((answer, i) => (answer instanceof Error || !jobs[i].idem ? [] : [{ userId: jobs[i].principal.userId, idem: jobs[i].idem!, answer }]))),
          );
          return { value: answered, closing };
        },
        // A deadlock is possible only when every shard with room is held and one is waited for.
        3,
      );
    // A duplicate key: the other half of a double click, committed by another API process after
    // this batch looked. Run again, the batch sees it and refuses that entry alone.
    const answers = await attempt()
      .catch((err: unknown) => (isDuplicateKey(err) ? attempt() : Promise.reject(err)))
      .catch(() => null);
    if (!answers) {
      return Promise.all(
        jobs.map((j) =>
          runIdempotent(this.dataSource, j.principal.userId, j.idem, (m) => this.enter(m, j.ctx, j.principal, [j.person], j.input, j.checked)).catch(
            (err: Error) => err,
          ),
        ),
      );
    }
    // A keyed entry found already entered was entered by its own first request from another
    // process, committed since this one looked: that request's answer is this one's.
    return Promise.all(
      answers.map(async (a, i) => {
        const { idem, principal } = jobs[i];
        if (!(a instanceof Error) || !idem) return a;
        return (await this.stored.answer(principal.userId, idem).catch((err: Error) => err)) ?? a;
      }),
    );
  }

  /** Each person's name and the name of the delegation they enter for, in one read whatever their number. */
  private async namesOf(people: Person[], sql: SqlRunner = this.dataSource): Promise<Map<number, Names>> {
    const names = await this.directory.names(
      people.map((p) => p.userId),
      people.map((p) => p.home.orgId),
      sql,
    );
    return new Map(people.map((p) => [p.userId, { realName: names.people.get(p.userId) ?? '', organisationName: names.organisations.get(p.home.orgId) ?? '' }]));
  }

  private scopesOf(ctx: ItemContext, people: Person[]): PlaceScopes {
    return { eventId: ctx.event.id, itemId: ctx.item.id, organisationId: people[0].home.orgId };
  }

  /** The person's contestant role inside the event's organisation tree: the delegation they enter for. */
  private async personIn(ctx: ItemContext, userId: number, principal: Principal): Promise<Person> {
    // One's own roles are in the access token: no lookup on the hot path of self-registration.
    const claims = userId === principal.userId ? principal.roles : await this.users.claimsOf(userId);
    const home = claims.find((c) => c.role === 'contestant' && c.path.startsWith(ctx.eventPath));
    if (!home) {
      throw new RegistrationError('unprocessable', RegistrationErrorCode.NotEligible, `用户${userId}不是本赛事举办组织范围内的参赛选手`, [
        { field: 'userId', code: 'ORGANISATION_NOT_ALLOWED', rule: 'organisation', userId, message: '不是本赛事举办组织范围内的参赛选手' },
      ]);
    }
    return { userId, home };
  }

  /** Oneself where the event allows self-registration; others only by a leader or organizer over their organisation. */
  private assertMayEnter(principal: Principal, ctx: ItemContext, people: Person[]): void {
    for (const p of people) {
      if (coversPath(principal.roles, ['delegation_leader', 'organizer'], p.home.path)) continue;
      if (p.userId === principal.userId && people.length === 1) {
        if (!ctx.event.selfRegistration) {
          throw new RegistrationError('forbidden', RegistrationErrorCode.SelfRegistrationDisabled, '本赛事须由代表队领队统一报名');
        }
        continue;
      }
      throw forbidden('只能为本单位（代表队）的人员报名');
    }
  }

  private assertTeamShape(ctx: ItemContext, memberIds: number[], captainId: number | null): void {
    const errors = validateTeam({
      members: memberIds.map((id) => ({ personId: String(id), name: `用户${id}` })),
      captainPersonId: captainId === null ? null : String(captainId),
      minMembers: ctx.item.teamMin ?? 1,
      maxMembers: ctx.item.teamMax ?? 100,
    });
    if (errors.length) {
      throw new RegistrationError('invalid', RegistrationErrorCode.TeamInvalid, errors.map((e) => e.message).join('；'), errors.map((e) => ({ field: 'memberIds', code: e.code, message: e.message })),
      );
    }
  }

  /**
   * Every member against every rule, with counts read under locks so that two
   * registrations of one person or one delegation cannot both pass a limit:
   * the person's profile row and the delegation's quota row are locked first.
   */
  private async checkPeople(m: EntityManager, ctx: ItemContext, principal: Principal, people: Person[], ageGroupOverride?: string, pending?: PendingCounts): Promise<Checked> {
    const { personLimits, delegationLimits } = ctx.rules;
    // A self-signed-up person is a member only once their organisation confirms them: until then
    // they may enter an open event themselves, but no delegation enters them (a leader vouches
    // for the people they enter) and no rule that asks for union membership counts them.
    // Read only where it can matter, so a self-registration rush pays nothing for it.
    const matters = ctx.rules.unionMemberRequired || people.some((p) => p.userId !== principal.userId);
    const named = matters ? await this.directory.people(people.map((p) => p.userId), m) : new Map();
    const unconfirmed = new Set(people.filter((p) => named.get(p.userId)?.membershipConfirmed === false).map((p) => p.userId));
    const enteredByOthers = people.filter((p) => unconfirmed.has(p.userId) && p.userId !== principal.userId);
    if (enteredByOthers.length) {
      const message = '该人员自行注册后尚未经所在单位确认会员身份，须先由领队确认，方可由代表队报名';
      throw new RegistrationError(
        'unprocessable',
        RegistrationErrorCode.MembershipUnconfirmed,
        message,
        enteredByOthers.map((p) => ({ field: p.userId === people[0].userId && people.length === 1 ? 'userId' : 'memberIds', code: RegistrationErrorCode.MembershipUnconfirmed, userId: p.userId, message })),
      );
    }
    const orgId = people[0].home.orgId;
    let delegationCounts: CountsSnapshot['delegation'] = null;
    if (delegationLimits) {
      const stored = await this.delegationCounts(m, ctx, orgId);
      delegationCounts = pending ? pending.delegation(ctx.item.id, orgId, stored) : stored;
    }
    const failures: ErrorDetail[] = [];
    let first: Entrant | null = null;
    for (const p of people) {
      const profile = await this.entrant(m, ctx, p, Boolean(personLimits), !first);
      if (!profile) {
        throw new RegistrationError('unprocessable', RegistrationErrorCode.ProfileMissing, `用户${p.userId}尚未填写参赛资料（身份证号、手机号）`, {
          field: 'userId',
          userId: p.userId,
        });
      }
      first ??= profile;
      const result = checkEligibility({
        candidate: { gender: profile.gender, birthDate: profile.birthDate, unionMember: Boolean(profile.unionMemberNo) && !unconfirmed.has(p.userId), orgPath: p.home.path },
        rules: ctx.rules,
        referenceDate: ctx.referenceDate,
        counts: {
          person: {
            activeEntries: personLimits ? await this.personCounts(m, ctx, p.userId, pending) : { individual: 0, relay: 0, team: 0 },
            alreadyEnteredThisItem: false,
          },
          delegation: delegationCounts && {
            ...delegationCounts,
            candidateAlreadyCounted: Boolean(pending?.hasEntry(p.userId)) || (await this.counted(m, ctx.event.id, p.userId)),
          },
        },
      });
      if (!result.ok) failures.push(...result.failures.map((f) => ({ field: 'userId', ...f, userId: p.userId })));
    }
    if (failures.length) {
      const messages = [...new Set(failures.map((f) => f.message))];
      throw new RegistrationError('unprocessable', RegistrationErrorCode.NotEligible, `不符合报名条件：${messages.join('；')}`, failures);
    }
    const groups = ctx.item.ageGroups ?? [];
    if (!groups.length) return { ageGroup: null, first: first! };
    if (ageGroupOverride !== undefined && !groups.some((g) => g.code === ageGroupOverride)) {
      throw new RegistrationError('invalid', RegistrationErrorCode.AgeGroupUnknown, `年龄组“${ageGroupOverride}”不存在`, { field: 'ageGroup' });
    }
    return { ageGroup: resolveAgeGroup(groups, first!.birthDate, ctx.referenceDate, ageGroupOverride)?.group ?? null, first: first! };
  }

  /**
   * The profile an entry is judged on; for the first member also the quota rows the entry would
   * occupy. One read inside the entry's transaction: under a rush every statement counts, on both
   * sides of the connection.
   */
  private async entrant(m: EntityManager, ctx: ItemContext, p: Person, lock: boolean, withQuotas: boolean): Promise<Entrant | null> {
    // Outside a transaction (the rush's path) the reads of concurrent requests are shared.
    if (!lock && !m.queryRunner) return this.entrants.entrant(p.userId, withQuotas ? this.scopesOf(ctx, [p]) : null);
    if (lock) await m.query('SELECT user_id FROM person_profiles WHERE user_id = ? FOR UPDATE', [p.userId]);
    const quotas = withQuotas ? quotasSeenSql({ eventId: ctx.event.id, itemId: ctx.item.id, organisationId: p.home.orgId }) : null;
    const rows: (Omit<Entrant, 'quotas'> & { quotas: unknown })[] = await m.query(
      `SELECT p.gender, DATE_FORMAT(p.birth_date, '%Y-%m-%d') AS birthDate, p.union_member_no AS unionMemberNo, ${quotas ? `(${quotas.sql})` : 'NULL'} AS quotas
         FROM person_profiles p WHERE p.user_id = ?`,
      [...(quotas?.params ?? []), p.userId],
    );
    return rows[0] ? { ...rows[0], quotas: withQuotas ? parseSeen(rows[0].quotas) : undefined } : null;
  }

  /** The person's active entries in the event by kind: their own individual entries and the teams and relays they are on. */
  private async personCounts(m: EntityManager, ctx: ItemContext, userId: number, pending?: PendingCounts) {
    const eventId = ctx.event.id;
    const rows: { own: number; itemId: number; n: number }[] = await m.query(
      `SELECT 1 AS own, item_id AS itemId, COUNT(*) AS n FROM entries WHERE event_id = ? AND active_user_id = ? GROUP BY item_id
       UNION ALL
       SELECT 0, e.item_id, COUNT(*) FROM team_members tm JOIN entries e ON e.id = tm.entry_id
        WHERE tm.user_id = ? AND tm.active_item_id IS NOT NULL AND e.event_id = ? GROUP BY e.item_id`,
      [eventId, userId, userId, eventId],
    );
    const counts = { individual: 0, relay: 0, team: 0 };
    for (const r of rows) {
      const kind = ctx.itemKinds.get(Number(r.itemId));
      // A team's entry is its captain's too: counted once, through the team's members.
      if (!kind || (Number(r.own) && kind !== 'individual')) continue;
      counts[kind] += Number(r.n);
    }
    counts.individual += pending?.entriesOf(userId) ?? 0;
    return counts;
  }

  private async delegationCounts(m: EntityManager, ctx: ItemContext, orgId: number) {
    // The delegation's quota row serialises its registrations while limits are counted.
    await m.query('INSERT IGNORE INTO quotas (event_id, scope, cap) VALUES (?, ?, NULL)', [ctx.event.id, delegationScope(orgId)]);
    await m.query('SELECT id FROM quotas WHERE event_id = ? AND scope = ? FOR UPDATE', [ctx.event.id, delegationScope(orgId)]);
    const individualItems = [...ctx.itemKinds].filter(([, kind]) => kind === 'individual').map(([id]) => id);
    const [row]: { athletes: number; inItem: number }[] = await m.query(
      `SELECT (SELECT COUNT(*) FROM (
                 SELECT e.user_id AS person FROM entries e
                  WHERE e.event_id = ? AND e.organisation_id = ? AND e.active_user_id IS NOT NULL AND e.item_id IN (?)
                 UNION
                 SELECT tm.user_id FROM team_members tm JOIN entries e ON e.id = tm.entry_id
                  WHERE e.event_id = ? AND e.organisation_id = ? AND tm.active_item_id IS NOT NULL) people) AS athletes,
              (SELECT COUNT(*) FROM entries WHERE item_id = ? AND organisation_id = ? AND active_user_id IS NOT NULL) AS inItem`,
      [ctx.event.id, orgId, individualItems.length ? individualItems : [0], ctx.event.id, orgId, ctx.item.id, orgId],
    );
    const inItem = Number(row.inItem);
    return { athletes: Number(row.athletes), candidateAlreadyCounted: false, entriesInItem: inItem, teamsInItem: inItem };
  }

  private async counted(m: EntityManager, eventId: number, userId: number): Promise<boolean> {
    const [row] = await m.query(
      `SELECT EXISTS(SELECT 1 FROM entries WHERE event_id = ? AND active_user_id = ?)
           OR EXISTS(SELECT 1 FROM team_members tm JOIN entries e ON e.id = tm.entry_id WHERE e.event_id = ? AND tm.user_id = ? AND tm.active_item_id IS NOT NULL) AS yes`,
      [eventId, userId, eventId, userId],
    );
    return Boolean(Number(row.yes));
  }

  private async insertEntry(
    m: EntityManager,
    ctx: ItemContext,
    e: Pick<Entry, 'userId' | 'organisationId' | 'status' | 'bib' | 'registeredBy' | 'teamName' | 'ageGroup' | 'ageGroupOverride' | 'createdAt'>,
  ): Promise<number> {
    try {
      // Plain SQL: the query builder cost more CPU than the database did on the hottest path.
      const res: { insertId: number } = await m.query(
        `INSERT INTO entries (event_id, item_id, user_id, active_user_id, organisation_id, status, bib, registered_by, team_name, age_group, age_group_override, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [ctx.event.id, ctx.item.id, e.userId, e.userId, e.organisationId, e.status, e.bib, e.registeredBy, e.teamName, e.ageGroup, e.ageGroupOverride, e.createdAt],
      );
      return Number(res.insertId);
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new RegistrationError('conflict', RegistrationErrorCode.AlreadyEntered, '已报名该项目，不能重复报名', { field: 'userId', userId: e.userId });
      }
      throw err;
    }
  }

  private async insertMembers(m: EntityManager, itemId: number, entryId: number, memberIds: number[], captainId: number): Promise<void> {
    try {
      await m.insert(
        TeamMembership,
        memberIds.map((userId) => ({ entryId, userId, activeItemId: itemId, captain: userId === captainId })),
      );
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw new RegistrationError('conflict', RegistrationErrorCode.AlreadyEntered, '有队员已在该项目的其他队伍中', { field: 'memberIds' });
      }
      throw err;
    }
  }
}

/** An individual's answer, all known after the write: the hottest path spares a read-back. */
function individualAnswer(
  ctx: ItemContext,
  person: Person,
  names: Names,
  e: { id: number; status: EntryStatus; bib: string | null; ageGroup: string | null; createdAt: Date; notice: string | null },
): RegisteredEntry {
  return {
    ...e,
    eventId: ctx.event.id,
    itemId: ctx.item.id,
    itemName: ctx.item.name,
    userId: person.userId,
    realName: names.realName,
    organisationId: person.home.orgId,
    organisationName: names.organisationName,
    teamName: null,
    members: null,
    rejectionReason: null,
    checkedInAt: null,
  };
}
