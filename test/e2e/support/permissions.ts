import type { Response } from 'supertest';
import { type Fixture, PASSWORD, type PersonName, ROLE_OF, rosterFile } from './matrix-fixture';
import { bearer, http, JUDGE_PANEL, mobile, residentId } from './world';

/**
 * Who may call each operation of the API, keyed by `METHOD /path` as test/e2e/support/routes.ts
 * reads it from Nest. The refusal matrix (test/e2e/refusal-matrix.e2e-spec.ts) fails while an
 * operation is missing here or an entry names one that no longer exists.
 *
 * A guarded operation names the one caller who must succeed and how to build a valid request
 * for it from the fixture (test/e2e/support/matrix-fixture.ts); every stranger sends the same
 * request. Strangers get 401 when signed out, with an expired token or with a revoked one, and
 * 403 otherwise, unless `refused` says what the product answers instead, and why.
 *
 * To add an operation: copy the entry of a similar one, point its request at a target in the
 * fixture (add one there if none fits; an operation that changes state gets a target of its own),
 * run the matrix and read the printed table.
 */

/** Everyone who must be refused: three without a valid token, and five signed in without the right. */
export const STRANGERS = ['anonymous', 'expired', 'roleRemoved', 'disabled', 'contestant', 'unassignedJudge', 'otherLeader', 'siblingOrganizer'] as const;
export type Stranger = (typeof STRANGERS)[number];

/** Who each stranger is in the fixture; `expired` is the organizer's token, an hour past its end. */
export const STRANGER_PERSON: Record<Exclude<Stranger, 'anonymous'>, PersonName> = {
  expired: 'organizer',
  roleRemoved: 'removedOrganizer', // an organizer of the district whose role was removed
  disabled: 'disabledOrganizer', // an organizer of the district whose account was disabled
  contestant: 'neighbour', // a contestant of the entrant's own enterprise
  unassignedJudge: 'unassignedJudge', // a judge of the district on no panel
  otherLeader: 'leaderB', // the leader of the district's other enterprise
  siblingOrganizer: 'siblingOrganizer', // an organizer of a sibling district
};

/** What a refused stranger gets when the table says nothing else. */
export const DEFAULT_REFUSAL: Record<Stranger, number> = {
  anonymous: 401,
  expired: 401,
  roleRemoved: 401,
  disabled: 401,
  contestant: 403,
  unassignedJudge: 403,
  otherLeader: 403,
  siblingOrganizer: 403,
};

export type Caller = Stranger | PersonName;

/** One request: path parameters by name, query, and a JSON body or a file. */
export interface Call {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: object;
  file?: { type: string; data: Buffer };
}

export interface Guarded {
  /** The caller who must succeed (2xx). */
  allowed: PersonName;
  /** A valid request, the same for every caller unless it depends on who calls. */
  request: (fx: Fixture, caller: Caller) => Call | Promise<Call>;
  /** Statuses that differ from DEFAULT_REFUSAL; say why in `why`. */
  refused?: Partial<Record<Stranger, number>>;
  why?: string;
  /** For strangers let through on purpose: what they must not see (a problem, or undefined). */
  sees?: (res: Response, fx: Fixture, caller: Caller) => string | undefined;
  /**
   * The path parameter whose 404 hides that the thing exists: a stranger answered 404 must get
   * the same status and code for an id that does not exist.
   */
  hides?: string;
  /** Ends the caller's sessions: runs after every other operation. */
  endsSessions?: boolean;
  /** After a 2xx answer, e.g. to keep the fresh token a password change hands out. */
  after?: (res: Response, fx: Fixture, caller: Caller) => void;
}

/** An operation anyone may call; the string says why it is public. */
export interface Open {
  public: string;
}

export type Permission = Guarded | Open;
export const isOpen = (p: Permission): p is Open => 'public' in p;

/** Operations on the caller's own account: every signed-in caller succeeds, on themselves. */
const onSelf = (status: number): Pick<Guarded, 'refused' | 'why'> => ({
  refused: { contestant: status, unassignedJudge: status, otherLeader: status, siblingOrganizer: status },
  why: "acts on the caller's own account only",
});

const reason = { reason: '成绩复核：计时设备故障' };
const RULES = [{ type: 'rank', tiers: [{ fromPlace: 1, award: { code: 'first', name: '一等奖', level: 1 } }] }];
const NEW_PASSWORD = 'Baidi-causeway-willow-9';
const profile = () => ({ residentId: residentId(), mobile: mobile() });
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The person behind a caller; anonymous is nobody. */
export const personOf = (caller: Caller): PersonName | undefined =>
  caller === 'anonymous' ? undefined : caller in STRANGER_PERSON ? STRANGER_PERSON[caller as Exclude<Stranger, 'anonymous'>] : (caller as PersonName);

/**
 * The organisation the caller acts for: where a request names the acting organisation besides
 * its target, a stranger names its own, as one trying its luck would.
 */
const homeOrg = (fx: Fixture, caller: Caller): number => {
  const person = personOf(caller);
  const at = person ? ROLE_OF[person].at : 'D';
  return at === 'root' ? fx.orgs.D : fx.orgs[at];
};

/** The current version of a judge's sheet, read by an organizer, for a write made from it. */
async function sheetVersion(fx: Fixture, judge: PersonName, itemId: number): Promise<number> {
  const res = await http(fx.url).get(`/api/v1/items/${itemId}/sheets/${fx.people[judge].id}`).set(bearer(fx.people.organizer.token));
  if (res.status !== 200) throw new Error(`sheet of ${judge}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.version;
}

export const PERMISSIONS: Record<string, Permission> = {
  // identity
  'POST /api/v1/auth/login': { public: 'signing in' },
  'POST /api/v1/auth/sign-up/code': { public: 'people sign up by themselves with a texted code' },
  'POST /api/v1/auth/sign-up': { public: 'people sign up by themselves with a texted code' },
  'POST /api/v1/auth/password-reset/code': { public: 'a forgotten password is reset with a texted code' },
  'POST /api/v1/auth/password-reset': { public: 'a forgotten password is reset with a texted code' },
  'GET /api/v1/auth/me': { allowed: 'entrant', request: () => ({}), ...onSelf(200) },
  'POST /api/v1/auth/password': {
    allowed: 'entrant',
    request: () => ({ body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }),
    ...onSelf(200),
    endsSessions: true,
    after: (res, fx, caller) => {
      fx.people[personOf(caller)!].token = res.body.accessToken;
    },
  },
  'POST /api/v1/auth/logout': { allowed: 'entrant', request: () => ({}), ...onSelf(204), endsSessions: true },
  'POST /api/v1/organisations': {
    allowed: 'admin',
    request: (fx, caller) => ({ body: { name: `矩阵新工会-${fx.tag}-${caller}`, kind: 'enterprise', parentId: fx.orgs.D } }),
  },
  'GET /api/v1/organisations/:id': { public: 'people pick their union when they sign up' },
  'GET /api/v1/organisations/:id/children': { public: 'people pick their union when they sign up' },
  'POST /api/v1/users': {
    allowed: 'organizer',
    request: (fx, caller) => ({
      body: { username: `mx-new-${caller}-${fx.tag}`, password: PASSWORD, realName: '新职工', roles: [{ organisationId: fx.orgs.A, role: 'contestant' }] },
    }),
  },
  'GET /api/v1/users/pending-members': {
    allowed: 'leaderA',
    request: () => ({}),
    refused: { otherLeader: 200, siblingOrganizer: 200 },
    why: 'leaders and organizers list the people waiting in their own organisations only',
    sees: (res, fx) => (res.body.some((p: { id: number }) => p.id === fx.people.pendingMember.id) ? 'a person waiting in another organisation' : undefined),
  },
  'POST /api/v1/users/:id/confirm-membership': { allowed: 'leaderA', request: (fx) => ({ params: { id: fx.people.pendingMember.id } }) },
  'GET /api/v1/users/:id': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.people.entrant.id } }) },
  'GET /api/v1/users/:id/audit': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.people.entrant.id } }) },
  'POST /api/v1/users/:id/roles': {
    allowed: 'organizer',
    request: (fx, caller) => ({
      params: { id: fx.people.subject.id },
      body: { organisationId: homeOrg(fx, caller), role: ROLE_OF[personOf(caller) ?? 'organizer'].role === 'delegation_leader' ? 'contestant' : 'judge' },
    }),
  },
  'DELETE /api/v1/users/:id/roles/:organisationId/:role': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.people.roleTarget.id, organisationId: fx.orgs.A, role: 'contestant' } }),
  },
  'POST /api/v1/users/:id/disable': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.people.disableTarget.id } }) },
  'POST /api/v1/users/:id/enable': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.people.enableTarget.id } }) },

  // events
  'GET /api/v1/events': { public: 'event listings' },
  'GET /api/v1/events/:id': { public: 'event listings' },
  'POST /api/v1/events': {
    allowed: 'organizer',
    request: (fx, caller) => ({ body: { organisationId: fx.orgs.D, kind: 'skill_competition', name: `矩阵新赛事-${caller}-${fx.tag}` } }),
  },
  'POST /api/v1/events/:id/status': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.events.draft }, body: { status: 'registration_open' } }) },
  'POST /api/v1/events/:id/items': { allowed: 'organizer', request: (fx, caller) => ({ params: { id: fx.events.main }, body: { name: `新项目-${caller}` } }) },

  // registration
  'PUT /api/v1/me/profile': { allowed: 'entrant', request: () => ({ body: profile() }), ...onSelf(200) },
  'PUT /api/v1/users/:id/profile': { allowed: 'leaderA', request: (fx) => ({ params: { id: fx.people.subject.id }, body: profile() }) },
  'GET /api/v1/users/:id/profile': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.people.entrant.id } }) },
  'PUT /api/v1/events/:id/registration': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.events.main }, body: { autoApprove: true } }) },
  'PUT /api/v1/items/:id/registration': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.items.settings }, body: { venue: '拱墅区运河体育公园' } }) },
  'PUT /api/v1/events/:id/delegations/:organisationId/quota': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.events.main, organisationId: fx.orgs.A }, body: { capacity: 100 } }),
  },
  'GET /api/v1/events/:id/places': { public: 'places left show on the public event page' },
  'GET /api/v1/events/:id/quotas': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.events.main } }),
    refused: { otherLeader: 200 },
    why: "a leader sees their own delegation's quota only",
    sees: (res, fx) => (res.body.some((q: { scope: string }) => q.scope !== `delegation:${fx.orgs.B}`) ? 'capacities beyond their own delegation' : undefined),
  },
  'POST /api/v1/events/:id/roster': {
    allowed: 'leaderA',
    request: (fx) => ({ params: { id: fx.events.main }, query: { organisationId: fx.orgs.A }, file: { type: 'text/csv', data: rosterFile(fx) } }),
  },
  'GET /api/v1/events/:id/entries/export': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.events.main }, query: { format: 'csv' } }),
    refused: { otherLeader: 200 },
    why: 'a leader exports the people of their own delegation only',
    sees: (res, fx) => (res.text.includes(fx.people.entrant.realName) ? "the entrant's row, of another delegation" : undefined),
  },
  'POST /api/v1/items/:itemId/entries': { allowed: 'leaderA', request: (fx) => ({ params: { itemId: fx.items.entries }, body: { userId: fx.people.subject.id } }) },
  'GET /api/v1/events/:eventId/entries': {
    allowed: 'organizer',
    request: (fx) => ({ params: { eventId: fx.events.main } }),
    refused: { otherLeader: 200 },
    why: 'a leader lists the entries of their own delegation only',
    sees: (res, fx) => (res.body.some((e: { organisationId: number }) => e.organisationId !== fx.orgs.B) ? 'entries of another delegation' : undefined),
  },
  'GET /api/v1/entries/:id': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.entries.main } }) },
  'POST /api/v1/entries/:id/approve': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.entries.toApprove } }) },
  'POST /api/v1/entries/:id/reject': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.entries.toReject }, body: { reason: '工会会员证明材料不全' } }) },
  'POST /api/v1/entries/:id/withdraw': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.entries.withdraw } }) },
  'GET /api/v1/entries/:id/check-in-code': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.entries.main } }) },
  'POST /api/v1/events/:eventId/check-ins': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.main }, body: { token: fx.checkInToken } }) },
  'POST /api/v1/events/:eventId/delegations/:organisationId/check-in': {
    allowed: 'organizer',
    request: (fx) => ({ params: { eventId: fx.events.main, organisationId: fx.orgs.A } }),
  },

  // notifications
  'GET /api/v1/me/notifications': { allowed: 'entrant', request: () => ({}), ...onSelf(200) },
  'GET /api/v1/me/notifications/unread-count': { allowed: 'entrant', request: () => ({}), ...onSelf(200) },
  'POST /api/v1/me/notifications/read': { allowed: 'entrant', request: () => ({ body: { all: true } }), ...onSelf(200) },
  'GET /api/v1/me/notification-settings': { allowed: 'entrant', request: () => ({}), ...onSelf(200) },
  'PUT /api/v1/me/notification-settings': { allowed: 'entrant', request: () => ({ body: { optedOut: [] } }), ...onSelf(200) },
  'GET /api/v1/notification-templates': { allowed: 'admin', request: () => ({}) },
  // Saves the built-in text as it is; the DELETE below puts the built-in one back.
  'PUT /api/v1/notification-templates/:trigger/:locale': {
    allowed: 'admin',
    request: (fx) => ({ params: { trigger: fx.template.trigger, locale: fx.template.locale }, body: { title: fx.template.title, body: fx.template.body } }),
  },
  'DELETE /api/v1/notification-templates/:trigger/:locale': {
    allowed: 'admin',
    request: (fx) => ({ params: { trigger: fx.template.trigger, locale: fx.template.locale } }),
  },
  'GET /api/v1/admin/notification-deliveries': { allowed: 'admin', request: () => ({}) },
  'POST /api/v1/admin/notification-deliveries/:id/retry': { allowed: 'admin', request: (fx) => ({ params: { id: fx.failedDelivery } }) },

  // scoring
  'POST /api/v1/scoring/preview': {
    allowed: 'organizer',
    request: () => ({ body: { scheme: JUDGE_PANEL, rows: [{ id: '选手甲', input: { marks: ['80', '82', '84'] } }] } }),
    refused: { siblingOrganizer: 200 },
    why: 'any organizer may try a scheme on sample marks: it reads nothing stored',
  },
  'GET /api/v1/items/:itemId/judge-deviation': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.scored } }) },
  'PUT /api/v1/events/:eventId/conflict-of-interest': {
    allowed: 'organizer',
    request: (fx) => ({ params: { eventId: fx.events.main }, body: { conflictOfInterest: 'warn' } }),
  },
  'GET /api/v1/items/:itemId/rounds': { public: 'start lists are published, like results' },
  'POST /api/v1/items/:itemId/rounds': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.rounds }, body: { name: '预赛', heats: 1 } }) },
  'POST /api/v1/items/:itemId/rounds/:roundId/qualify': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.items.qualify, roundId: fx.rounds.qualify }, body: { next: { name: '决赛' } } }),
  },
  'GET /api/v1/items/:itemId/scheme': { public: 'how an item is scored is part of its published rules' },
  'PUT /api/v1/items/:itemId/scheme': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.items.scheme }, body: { scheme: { kind: 'timed', rounding: { digits: 2, mode: 'up' } } } }),
  },
  'POST /api/v1/items/:itemId/judges': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.judges }, body: { userId: fx.people.judge2.id } }) },
  'GET /api/v1/me/judging': {
    allowed: 'judge1',
    request: () => ({}),
    refused: { unassignedJudge: 200 },
    why: 'every judge is answered with their own seats only, none on the scored item’s panel',
    sees: (res, fx) => (res.body.some((a: { itemId: number }) => a.itemId === fx.items.scored) ? "a seat on judge1's panel" : undefined),
  },
  'GET /api/v1/items/:itemId/judges': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.scored } }) },
  'PUT /api/v1/items/:itemId/marks': { allowed: 'judge1', request: (fx) => ({ params: { itemId: fx.items.scored }, body: { entryId: fx.entries.main, value: '85' } }) },
  'GET /api/v1/items/:itemId/sheets/:judgeId': { allowed: 'judge1', request: (fx) => ({ params: { itemId: fx.items.scored, judgeId: fx.people.judge1.id } }) },
  'PUT /api/v1/items/:itemId/sheets/:judgeId': {
    allowed: 'judge1',
    request: async (fx) => ({
      params: { itemId: fx.items.scored, judgeId: fx.people.judge1.id },
      body: { version: await sheetVersion(fx, 'judge1', fx.items.scored), marks: [{ entryId: fx.entries.neighbours, value: '81' }] },
    }),
  },
  'POST /api/v1/items/:itemId/sheets/:judgeId/submit': {
    allowed: 'judge2',
    request: async (fx) => ({ params: { itemId: fx.items.scored, judgeId: fx.people.judge2.id }, body: { version: await sheetVersion(fx, 'judge2', fx.items.scored) } }),
  },
  'POST /api/v1/items/:itemId/sheets/:judgeId/lock': {
    allowed: 'organizer',
    request: async (fx) => ({ params: { itemId: fx.items.scored, judgeId: fx.people.judge3.id }, body: { version: await sheetVersion(fx, 'judge3', fx.items.scored) } }),
  },
  'GET /api/v1/items/:itemId/mark-changes': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.scored } }) },

  // results
  'GET /api/v1/events/:eventId/board': { public: 'the results board' },
  'GET /api/v1/events/:eventId/live': { public: 'the results board, live' },
  'GET /api/v1/events/:eventId/results-settings': { public: 'placing points and notice period are part of the published rules' },
  'GET /api/v1/items/:itemId/results': { public: 'published results' },
  'GET /api/v1/items/:itemId/records': { public: 'the records marks are measured against' },
  'GET /api/v1/items/:itemId/publication': { public: 'whether results are provisional, on notice or final' },
  'POST /api/v1/events/:eventId/board/freeze': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.unfrozen } }) },
  'POST /api/v1/events/:eventId/board/unfreeze': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.frozen } }) },
  'PUT /api/v1/events/:eventId/results-settings': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.main }, body: { noticeDays: 5 } }) },
  'PUT /api/v1/items/:itemId/records': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.items.settings }, body: { meetRecord: '10.85', meetHolder: '张伟（2023）', allTimeRecord: null, allTimeHolder: null } }),
  },
  'PUT /api/v1/entries/:entryId/guest': { allowed: 'organizer', request: (fx) => ({ params: { entryId: fx.entries.main }, body: { guest: false } }) },
  'POST /api/v1/items/:itemId/publication/notice': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.notice } }) },
  'POST /api/v1/items/:itemId/publication/retract': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.retract }, body: reason }) },
  'POST /api/v1/items/:itemId/publication/finalize': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.finalize } }) },
  'POST /api/v1/items/:itemId/publication/reopen': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.reopen }, body: reason }) },
  'GET /api/v1/items/:itemId/publication/audit': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.appeal } }) },
  'POST /api/v1/items/:itemId/appeals': {
    allowed: 'entrant',
    request: (fx) => ({ params: { itemId: fx.items.appeal }, body: { entryId: fx.entries.appealed, reason: '对成绩有异议' } }),
  },
  'GET /api/v1/items/:itemId/appeals': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.items.appeal } }),
    refused: { contestant: 200, unassignedJudge: 200, otherLeader: 200, siblingOrganizer: 200 },
    why: 'everyone sees the appeals they filed, and only those',
    sees: (res) => (res.body.length ? `${res.body.length} appeals filed by others` : undefined),
  },
  'GET /api/v1/appeals/:appealId/attachments/:attachmentId': {
    allowed: 'appellant',
    request: (fx) => ({ params: { appealId: fx.appeals.withAttachment, attachmentId: fx.appeals.attachment } }),
  },
  'POST /api/v1/appeals/:appealId/uphold': {
    allowed: 'organizer',
    request: (fx) => ({
      params: { appealId: fx.appeals.uphold },
      body: { reason: '核对录像，成绩应为 12.10', marks: [{ judgeId: fx.people.judge1.id, entryId: fx.entries.upheld, criterion: 'time', value: '12.10' }] },
    }),
  },
  'POST /api/v1/appeals/:appealId/dismiss': { allowed: 'organizer', request: (fx) => ({ params: { appealId: fx.appeals.dismiss }, body: reason }) },

  // awards
  'GET /api/v1/events/:eventId/award-rules': { public: 'award rules are published with the event' },
  'GET /api/v1/items/:itemId/award-rules': { public: 'award rules are published with the event' },
  'GET /api/v1/verify/:code': { public: "the certificate's QR code: name, award and whether it stands" },
  'PUT /api/v1/events/:eventId/award-rules': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.main }, body: { rules: RULES } }) },
  'PUT /api/v1/items/:itemId/award-rules': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.settings }, body: { rules: RULES } }) },
  'GET /api/v1/events/:eventId/awards': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.main } }) },
  'GET /api/v1/events/:eventId/awards.xlsx': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.main } }) },
  'GET /api/v1/items/:itemId/awards': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.awards } }) },
  'GET /api/v1/items/:itemId/awards.xlsx': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.awards } }) },
  'POST /api/v1/items/:itemId/awards/run': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.awards } }) },
  'POST /api/v1/recognitions': {
    allowed: 'organizer',
    request: (fx, caller) => ({
      body: { issuerId: homeOrg(fx, caller), userId: fx.people.entrant.id, awardName: '区级五一劳动奖章', citation: '在数控加工领域技艺精湛', year: fx.year },
    }),
  },
  'GET /api/v1/award-records/:id': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.awardRecords.view } }) },
  'GET /api/v1/award-records/:id/audit': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.awardRecords.view } }) },
  'GET /api/v1/award-records/:id/certificate.pdf': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.awardRecords.view } }) },
  'POST /api/v1/award-records/:id/revoke': { allowed: 'organizer', request: (fx) => ({ params: { id: fx.awardRecords.revoke }, body: { reason: '经复核不符合条件' } }) },
  'POST /api/v1/award-records/:id/correct': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.awardRecords.correct }, body: { awardName: '区级优秀工匠（更正）', reason: '复核后更正奖项名称' } }),
  },
  'POST /api/v1/award-records/:id/payment': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.awardRecords.pay }, body: { status: 'paid', paidOn: today(), reference: '杭工财〔2026〕118号' } }),
  },
  'GET /api/v1/prize-ledger': { allowed: 'organizer', request: (fx) => ({ query: { organisationId: fx.orgs.D, year: fx.year } }) },
  'GET /api/v1/statistics': { allowed: 'organizer', request: (fx) => ({ query: { organisationId: fx.orgs.D, year: fx.year } }) },
  'GET /api/v1/people/:userId/record': { allowed: 'organizer', request: (fx) => ({ params: { userId: fx.people.entrant.id } }) },
  'GET /api/v1/people/:userId/record.xlsx': { allowed: 'organizer', request: (fx) => ({ params: { userId: fx.people.entrant.id } }) },
  'GET /api/v1/people/:userId/record.pdf': { allowed: 'organizer', request: (fx) => ({ params: { userId: fx.people.entrant.id } }) },

  // platform
  'GET /health': { public: 'for load balancers' },
};
