import type { Response } from 'supertest';
import { type Fixture, PASSWORD, type PersonName, ROLE_OF, rosterFile } from './matrix-fixture';
import { beijingDayAhead } from './beijing';
import { creditCode } from './job-fair';
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
  /**
   * Strangers of the operation's own kind, who hold the right role but not for this target (staff
   * of another employer, a seeker reading another seeker), and the status each must get.
   */
  kin?: Partial<Record<PersonName, number>>;
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

/** A seeker's operations on their own things: the neighbour, a seeker too, is served on theirs. */
const seekerSelf = (status: number): Pick<Guarded, 'refused' | 'why'> => ({
  refused: { contestant: status },
  why: "acts on the caller's own things only; the neighbour is served on theirs",
});
/** Another seeker's CV, consent or application: answered as if it did not exist. */
const anotherSeekers: Pick<Guarded, 'refused' | 'why' | 'hides'> = { refused: { contestant: 404 }, why: "another seeker's things are hidden", hides: 'id' };
const PNG_CV = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex').toString('base64');

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
  'GET /api/v1/delegation-members': {
    allowed: 'leaderA',
    request: () => ({ query: { limit: 100 } }),
    refused: { otherLeader: 200, siblingOrganizer: 200 },
    why: 'leaders and organizers list the contestants of their own organisations only',
    sees: (res, fx) => (res.body.items.some((p: { userId: number }) => p.userId === fx.people.entrant.id) ? 'a contestant of another organisation' : undefined),
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
  'GET /api/v1/events/:eventId/check-ins': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.events.main } }) },
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
  'PUT /api/v1/matches/items/:itemId': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchSetup }, body: { format: 'single_elimination', settings: { sport: 'tennis' } } }) },
  'GET /api/v1/matches/items/:itemId': { public: 'entrants and seeds are published, like start lists' },
  'PUT /api/v1/matches/items/:itemId/entrants': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.items.matchSetup }, body: { entrants: fx.matches.setupEntries.map((entryId, i) => ({ entryId, seed: i + 1 })) } }),
  },
  'POST /api/v1/matches/items/:itemId/draw': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchDraw }, body: { lotSeed: 7 } }) },
  'POST /api/v1/matches/items/:itemId/knockout': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchGroups } }) },
  'POST /api/v1/matches/items/:itemId/officials': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchSetup }, body: { userId: fx.people.judge2.id, court: '1号场' } }) },
  'POST /api/v1/matches/items/:itemId/reopen': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchSetup }, body: { open: true, reason: '记分员录错比分' } }) },
  'GET /api/v1/matches/items/:itemId/changes': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchPlay } }) },
  'GET /api/v1/matches/events/:eventId/items': { public: "which items are played as matches is part of the event's published programme" },
  'GET /api/v1/matches/mine': {
    allowed: 'judge1',
    request: () => ({}),
    refused: { unassignedJudge: 200 },
    why: 'every judge is answered with their own match assignments only',
    sees: (res, fx) => (res.body.some((a: { itemId: number }) => a.itemId === fx.items.matchPlay) ? "judge1's match item" : undefined),
  },
  'GET /api/v1/matches/items/:itemId/order-of-play': { public: 'the order of play is published for players and spectators' },
  'GET /api/v1/matches/items/:itemId/bracket': { public: 'the draw and its results are published, like results' },
  'POST /api/v1/matches/:matchId/result': { allowed: 'judge1', request: (fx) => ({ params: { matchId: fx.matches.play }, body: { score: '6-4 6-4' } }) },
  'PUT /api/v1/matches/:matchId/schedule': {
    allowed: 'organizer',
    request: (fx) => ({ params: { matchId: fx.matches.play }, body: { court: '中心球场', at: '2026-12-08T09:30:00+08:00' } }),
  },
  'POST /api/v1/matches/items/:itemId/swiss/rounds': { allowed: 'organizer', request: (fx) => ({ params: { itemId: fx.items.matchSwiss } }) },
  'PUT /api/v1/matches/items/:itemId/swiss/rounds/:round': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.items.matchSwissHand, round: 1 }, body: { boards: [{ first: fx.matches.handPair[0], second: fx.matches.handPair[1] }], reason: '裁判长人工编排' } }),
  },
  'POST /api/v1/matches/items/:itemId/swiss/rounds/:round/boards/:board/result': {
    allowed: 'judge1',
    request: (fx) => ({ params: { itemId: fx.items.matchSwissPlay, round: 1, board: 1 }, body: { result: '1-0' } }),
  },
  'GET /api/v1/matches/items/:itemId/crosstable': { public: 'the crosstable is published, like results' },
  'GET /api/v1/matches/items/:itemId/crosstable.xlsx': { public: 'the crosstable is published, like results' },
  'GET /api/v1/matches/items/:itemId/trf': { public: 'the crosstable is published; the file holds nothing more (no ratings, ids or birth dates)' },
  'POST /api/v1/matches/trf/standings': {
    allowed: 'judge1',
    request: () => ({ body: { trf: '012 外部赛事\n001    1 m    甲\n001    2 w    乙\n' } }),
    refused: { unassignedJudge: 200, siblingOrganizer: 200 },
    why: 'a computation on the file sent, about nobody on the platform: any organizer or arbiter may run it',
  },
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
  'GET /api/v1/statistics.xlsx': { allowed: 'organizer', request: (fx) => ({ query: { organisationId: fx.orgs.D, year: fx.year } }), kin: { employerStaff: 403 } },
  'GET /api/v1/statistics/job-fairs.xlsx': { allowed: 'organizer', request: (fx) => ({ query: { organisationId: fx.orgs.D, year: fx.year } }), kin: { employerStaff: 403 } },
  'GET /api/v1/people/:userId/record': { allowed: 'organizer', request: (fx) => ({ params: { userId: fx.people.entrant.id } }) },
  'GET /api/v1/people/:userId/record.xlsx': { allowed: 'organizer', request: (fx) => ({ params: { userId: fx.people.entrant.id } }) },
  'GET /api/v1/people/:userId/record.pdf': { allowed: 'organizer', request: (fx) => ({ params: { userId: fx.people.entrant.id } }) },

  // hiking
  'POST /api/v1/hiking/items/:itemId/route': {
    allowed: 'organizer',
    request: (fx) => ({ params: { itemId: fx.hiking.newRouteItem }, body: { distanceM: 10000, referenceStartAt: new Date().toISOString() } }),
  },
  'GET /api/v1/hiking/routes/:routeId': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId } }) },
  'PUT /api/v1/hiking/routes/:routeId': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId }, body: { overdueMarginMs: 1800000 } }) },
  'PUT /api/v1/hiking/routes/:routeId/checkpoints': {
    allowed: 'organizer',
    request: (fx) => ({ params: { routeId: fx.hiking.routeId }, body: { checkpoints: [{ name: '武林门', distanceM: 0 }, { name: '拱宸桥', distanceM: 20000 }] } }),
  },
  'PUT /api/v1/hiking/checkpoints/:checkpointId/cutoffs': {
    allowed: 'organizer',
    request: (fx) => ({ params: { checkpointId: fx.hiking.checkpointId }, body: { departureCutoffAt: new Date(Date.now() + 3600_000).toISOString() } }),
  },
  'POST /api/v1/hiking/routes/:routeId/waves': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId }, body: { name: '第二批', startsAt: new Date().toISOString() } }) },
  'PUT /api/v1/hiking/waves/:waveId': { allowed: 'organizer', request: (fx) => ({ params: { waveId: fx.hiking.waveId }, body: { startsAt: new Date(Date.now() - 3600_000).toISOString() } }) },
  'POST /api/v1/hiking/routes/:routeId/walkers': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId }, body: { waveId: fx.hiking.waveId } }) },
  'GET /api/v1/hiking/routes/:routeId/walkers': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId } }) },
  'POST /api/v1/hiking/routes/:routeId/regroups': {
    allowed: 'organizer',
    request: (fx) => ({ params: { routeId: fx.hiking.regroup.routeId }, body: { name: '结伴重组队', walkerIds: fx.hiking.regroup.walkerIds } }),
  },
  'POST /api/v1/hiking/checkpoints/:checkpointId/staff': { allowed: 'organizer', request: (fx) => ({ params: { checkpointId: fx.hiking.checkpointId }, body: { userId: fx.people.judge1.id } }) },
  // A walker reads their own track; a neighbour walking the same route, a judge or a leader is refused.
  'GET /api/v1/hiking/walkers/:walkerId': { allowed: 'entrant', request: (fx) => ({ params: { walkerId: fx.hiking.walkerId } }) },
  'POST /api/v1/hiking/walkers/:walkerId/withdraw': { allowed: 'entrant', request: (fx) => ({ params: { walkerId: fx.hiking.walkerId }, body: { reason: '身体不适，自行退出' } }) },
  'POST /api/v1/hiking/walkers/:walkerId/disqualify': {
    allowed: 'organizer',
    request: (fx) => ({ params: { walkerId: fx.hiking.disqualifyWalkerId }, body: { reason: '途中搭乘交通工具' } }),
  },
  'PUT /api/v1/hiking/walkers/:walkerId/lost': { allowed: 'organizer', request: (fx) => ({ params: { walkerId: fx.hiking.walkerId }, body: { lost: false } }) },
  'POST /api/v1/hiking/walkers/:walkerId/share': { allowed: 'entrant', request: (fx) => ({ params: { walkerId: fx.hiking.walkerId } }) },
  'GET /api/v1/hiking/follow/:token': { public: "a family follows a walker by the link's secret the walker sent, never by bib" },
  'GET /api/v1/hiking/routes/:routeId/export.xlsx': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId } }) },
  'GET /api/v1/hiking/routes/:routeId/board/live': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId } }) },
  'GET /api/v1/hiking/routes/:routeId/board': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId } }) },
  'GET /api/v1/hiking/me/checkpoints': { allowed: 'entrant', request: () => ({}), ...onSelf(200) },
  'GET /api/v1/hiking/me/walkers': { allowed: 'entrant', request: () => ({}), ...onSelf(200) },
  'GET /api/v1/hiking/events/:eventId/routes': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.hiking.eventId } }) },
  'GET /api/v1/hiking/routes/:routeId/staff': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId }, query: { q: '张' } }) },
  'GET /api/v1/hiking/routes/:routeId/outline': { allowed: 'organizer', request: (fx) => ({ params: { routeId: fx.hiking.routeId } }) },
  'GET /api/v1/hiking/routes/:routeId/results': { public: 'results are public like every result list; a walker still on the trail shows no splits' },
  'POST /api/v1/hiking/events/:eventId/scans': {
    allowed: 'organizer',
    request: (fx, caller) => ({
      params: { eventId: fx.hiking.eventId },
      body: { deviceId: `matrix-${caller}`, deviceNow: new Date().toISOString(), scans: [{ clientScanId: 'start-1', checkpointId: fx.hiking.checkpointId, direction: 'out', deviceAt: new Date(Date.now() - 60_000).toISOString(), walkerId: fx.hiking.walkerId }] },
    }),
  },
  // job fairs: employers act through their staff, scoped to their own employer
  'POST /api/v1/fair-employers': {
    allowed: 'employerStaff',
    request: (fx, caller) => ({ body: { name: `矩阵用人单位-${caller}-${fx.tag}`, creditCode: creditCode(Math.floor(Math.random() * 80_000_000)) } }),
  },
  'GET /api/v1/fair-employers/mine': { allowed: 'employerStaff', request: () => ({}) },
  'POST /api/v1/fair-employers/:id/staff': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { id: fx.fair.employers.approved }, body: { userId: fx.people.entrant.id } }),
    kin: { otherEmployerStaff: 403 },
  },
  'GET /api/v1/fair-employers/:id/participations': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { id: fx.fair.employers.approved } }),
    kin: { otherEmployerStaff: 403 },
  },
  'POST /api/v1/fairs/:eventId/participations': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { eventId: fx.fair.event }, body: { employerId: fx.fair.employers.fresh } }),
    kin: { otherEmployerStaff: 403 },
  },
  'GET /api/v1/fairs/:eventId/participations': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.fair.event } }), kin: { employerStaff: 403 } },
  'POST /api/v1/fair-participations/:id/decision': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.fair.participations.pending }, body: { decision: 'approve' } }),
    kin: { employerStaff: 403 },
  },
  'PUT /api/v1/fair-participations/:id/booth': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.fair.participations.approved }, body: { hall: '1号馆', number: 'A-01' } }),
    kin: { employerStaff: 403 },
  },
  'POST /api/v1/fairs/:eventId/positions': {
    allowed: 'employerStaff',
    request: (fx) => ({
      params: { eventId: fx.fair.event },
      body: { employerId: fx.fair.employers.approved, title: '数控车床操作工', headcount: 2, salaryPeriod: 'month', salaryMin: 7000, salaryMax: 9000, description: '操作数控车床加工轴类零件。' },
    }),
    kin: { otherEmployerStaff: 403 },
  },
  'GET /api/v1/fairs/:eventId/positions/pending': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.fair.event } }), kin: { employerStaff: 403 } },
  'GET /api/v1/fairs/:eventId/positions/own': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { eventId: fx.fair.event }, query: { employerId: fx.fair.employers.approved } }),
    kin: { otherEmployerStaff: 403 },
  },
  'POST /api/v1/fair-positions/:id/review': {
    allowed: 'organizer',
    request: (fx) => ({ params: { id: fx.fair.positions.pending }, body: { decision: 'approve' } }),
    kin: { employerStaff: 403 },
  },
  'POST /api/v1/fairs/:eventId/delegations/:organisationId/seekers': {
    allowed: 'leaderA',
    request: (fx) => ({ params: { eventId: fx.fair.event, organisationId: fx.orgs.A }, body: { userIds: [fx.people.subject.id] } }),
  },
  'PUT /api/v1/fairs/:eventId/eligibility': {
    allowed: 'organizer',
    request: (fx) => ({ params: { eventId: fx.fair.event }, body: { seekerEligibility: 'members' } }),
    kin: { employerStaff: 403 },
  },
  // seekers act on their own things; the neighbour, a seeker at the same fair, is the stranger of this kind
  'POST /api/v1/fairs/:eventId/seekers': {
    allowed: 'appellant',
    request: (fx) => ({ params: { eventId: fx.fair.event } }),
    refused: { contestant: 409 },
    why: 'registers the caller; the neighbour is registered already',
  },
  'GET /api/v1/fairs/:eventId/pass': { allowed: 'entrant', request: (fx) => ({ params: { eventId: fx.fair.event } }), ...seekerSelf(200) },
  'POST /api/v1/me/fair-cvs': { allowed: 'entrant', request: () => ({ body: { fileName: '简历.png', contentBase64: PNG_CV } }), ...seekerSelf(201) },
  'GET /api/v1/me/fair-cvs': { allowed: 'entrant', request: () => ({}), ...seekerSelf(200) },
  'POST /api/v1/me/fair-cvs/:id/withdraw': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.fair.cvs.withdraw } }), ...anotherSeekers },
  'DELETE /api/v1/me/fair-cvs/:id': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.fair.cvs.delete } }), ...anotherSeekers },
  'POST /api/v1/me/fair-consents': {
    allowed: 'entrant',
    request: (fx, caller) => ({ body: { employerId: fx.fair.employers.pending, cvId: caller === 'contestant' ? fx.fair.cvs.neighbour : fx.fair.cvs.entrant } }),
    ...seekerSelf(201),
  },
  'GET /api/v1/me/fair-consents': { allowed: 'entrant', request: () => ({}), ...seekerSelf(200) },
  'POST /api/v1/me/fair-consents/:id/revoke': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.fair.consent } }), ...anotherSeekers },
  'POST /api/v1/fair-positions/:id/applications': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.fair.positions.open }, body: {} }), ...seekerSelf(201) },
  'GET /api/v1/me/fair-applications': { allowed: 'entrant', request: () => ({}), ...seekerSelf(200) },
  'POST /api/v1/fair-applications/:id/withdraw': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.fair.applications.own }, body: {} }), ...anotherSeekers },
  'POST /api/v1/fair-applications/:id/cv': {
    allowed: 'entrant',
    request: (fx) => ({ params: { id: fx.fair.applications.scanned }, body: { cvId: fx.fair.cvs.entrant } }),
    ...anotherSeekers,
  },
  // the employer's pipeline: staff of another employer are answered as if the application did not exist
  'POST /api/v1/fairs/:eventId/booth-scans': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { eventId: fx.fair.event }, body: { positionId: fx.fair.positions.scanned, pass: fx.fair.neighbourPass } }),
    kin: { otherEmployerStaff: 403 },
  },
  'GET /api/v1/fair-positions/:id/applications': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { id: fx.fair.positions.applied } }),
    kin: { otherEmployerStaff: 403 },
  },
  'POST /api/v1/fair-applications/:id/stage': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { id: fx.fair.applications.employers }, body: { stage: 'screened', note: '证书齐全' } }),
    kin: { otherEmployerStaff: 404 },
  },
  'PUT /api/v1/fair-applications/:id/assessment': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { id: fx.fair.applications.employers }, body: { rating: 3, notes: '沟通顺畅' } }),
    kin: { otherEmployerStaff: 404 },
  },
  'GET /api/v1/fair-applications/:id/cv': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { id: fx.fair.applications.employers } }),
    kin: { otherEmployerStaff: 404 },
  },
  'GET /api/v1/fairs/:eventId/figures': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.fair.event } }), kin: { employerStaff: 403 } },
  'GET /api/v1/fairs/:eventId/figures.xlsx': { allowed: 'organizer', request: (fx) => ({ params: { eventId: fx.fair.event } }), kin: { employerStaff: 403 } },
  'POST /api/v1/fairs/:eventId/interview-slots': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { eventId: fx.fair.event }, body: { employerId: fx.fair.employers.approved, startsAt: `${beijingDayAhead(5)}T14:00:00+08:00`, endsAt: `${beijingDayAhead(5)}T14:20:00+08:00` } }),
    kin: { otherEmployerStaff: 403 },
  },
  'POST /api/v1/fair-interview-slots/:id/booking': {
    allowed: 'entrant',
    request: (fx, caller) => ({ params: { id: caller === 'contestant' ? fx.fair.slots.neighbours : fx.fair.slots.free } }),
    ...seekerSelf(200),
  },
  'DELETE /api/v1/fair-interview-slots/:id/booking': { allowed: 'entrant', request: (fx) => ({ params: { id: fx.fair.slots.booked } }), ...anotherSeekers },
  'GET /api/v1/fairs/:eventId/interview-slots/mine': {
    allowed: 'entrant',
    request: (fx) => ({ params: { eventId: fx.fair.event } }),
    ...seekerSelf(200),
    // By then the entrant holds the slot it booked above (`free`), and perhaps still `booked`.
    sees: (res, fx) => (res.body.some((s: { id: number }) => s.id === fx.fair.slots.free || s.id === fx.fair.slots.booked) ? "the entrant's booking" : undefined),
  },
  'GET /api/v1/fairs/:eventId/interview-slots/own': {
    allowed: 'employerStaff',
    request: (fx) => ({ params: { eventId: fx.fair.event }, query: { employerId: fx.fair.employers.approved } }),
    kin: { otherEmployerStaff: 403 },
  },
  'GET /api/v1/fairs/:eventId/interview-slots': { public: 'seekers pick a time; who booked it is not shown' },
  'GET /api/v1/fairs/:eventId/positions': { public: 'a public fair publishes its approved postings' },
  'GET /api/v1/fairs/:eventId/position-filters': { public: "a public fair's search filters name what its public postings say" },
  'GET /api/v1/fairs/:eventId/positions-offered': { public: 'a public fair publishes the positions it offers' },
  'GET /api/v1/fair-positions/:id': { public: 'a public fair publishes its approved postings' },

  // platform
  'GET /health': { public: 'for load balancers' },
};
