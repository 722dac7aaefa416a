/**
 * Every call the pages make, typed from the API's document. Pages import these, not paths, so a
 * changed route or body fails `tsc` here when the web is built.
 */
import { api, download, ok, type Schemas } from './client';

export { ApiError, download, token, setApiLanguage, type Schemas } from './client';

export type EventDto = Schemas['EventDto'];
export type EventDetail = Schemas['EventDetailDto'];
export type Item = Schemas['ItemDto'];
export type Board = Schemas['BoardDto'];
export type Entry = Schemas['EntryDto'];
export type Sheet = Schemas['SheetDto'];
export type User = Schemas['UserDto'];
export type EventKind = EventDto['kind'];

const id = (n: number | string) => Number(n);

export const auth = {
  login: (username: string, password: string) => ok(api.POST('/api/v1/auth/login', { body: { username, password } })),
  me: () => ok(api.GET('/api/v1/auth/me')),
  logout: () => ok(api.POST('/api/v1/auth/logout')),
};

export const organisations = {
  get: (orgId: number) => ok(api.GET('/api/v1/organisations/{id}', { params: { path: { id: orgId } } })),
  children: (orgId: number) => ok(api.GET('/api/v1/organisations/{id}/children', { params: { path: { id: orgId } } })),
};

export const events = {
  list: (organisationId?: number) => ok(api.GET('/api/v1/events', { params: { query: organisationId ? { organisationId } : {} } })),
  get: (eventId: number | string) => ok(api.GET('/api/v1/events/{id}', { params: { path: { id: id(eventId) } } })),
  create: (body: Schemas['CreateEventDto']) => ok(api.POST('/api/v1/events', { body })),
  setStatus: (eventId: number, body: Schemas['ChangeStatusDto']) => ok(api.POST('/api/v1/events/{id}/status', { params: { path: { id: eventId } }, body })),
  addItem: (eventId: number, body: Schemas['CreateItemDto']) => ok(api.POST('/api/v1/events/{id}/items', { params: { path: { id: eventId } }, body })),
  configureRegistration: (eventId: number, body: Schemas['EventRegistrationDto']) =>
    ok(api.PUT('/api/v1/events/{id}/registration', { params: { path: { id: eventId } }, body })),
  /** Places left in the event and each item (public). */
  places: (eventId: number | string) => ok(api.GET('/api/v1/events/{id}/places', { params: { path: { id: id(eventId) } } })),
  /** Capacities with places taken: all for organizers, a leader's own delegation for a leader. */
  quotas: (eventId: number) => ok(api.GET('/api/v1/events/{id}/quotas', { params: { path: { id: eventId } } })),
  /** An item's eligibility rules and places; fields left out stay as they are. */
  configureItem: (itemId: number, body: Schemas['ItemRegistrationDto']) => ok(api.PUT('/api/v1/items/{id}/registration', { params: { path: { id: itemId } }, body })),
};

export const registration = {
  register: (itemId: number, body: Schemas['RegisterDto'] = {}) => ok(api.POST('/api/v1/items/{itemId}/entries', { params: { path: { itemId } }, body })),
  entries: (eventId: number) => ok(api.GET('/api/v1/events/{eventId}/entries', { params: { path: { eventId } } })),
  entry: (entryId: number) => ok(api.GET('/api/v1/entries/{id}', { params: { path: { id: entryId } } })),
  approve: (entryId: number) => ok(api.POST('/api/v1/entries/{id}/approve', { params: { path: { id: entryId } } })),
  reject: (entryId: number, reason: string) => ok(api.POST('/api/v1/entries/{id}/reject', { params: { path: { id: entryId } }, body: { reason } })),
  withdraw: (entryId: number) => ok(api.POST('/api/v1/entries/{id}/withdraw', { params: { path: { id: entryId } } })),
  checkInCode: (entryId: number) => ok(api.GET('/api/v1/entries/{id}/check-in-code', { params: { path: { id: entryId } } })),
  /** Organizers of the event: approved entries and how many have checked in. */
  checkInSummary: (eventId: number) => ok(api.GET('/api/v1/events/{eventId}/check-ins', { params: { path: { eventId } } })),
  checkIn: (eventId: number, token: string) => ok(api.POST('/api/v1/events/{eventId}/check-ins', { params: { path: { eventId } }, body: { token } })),
  saveOwnProfile: (body: Schemas['ProfileDto']) => ok(api.PUT('/api/v1/me/profile', { body })),
};

export const scoring = {
  scheme: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/scheme', { params: { path: { itemId } } })),
  setScheme: (itemId: number, scheme: Record<string, unknown>) => ok(api.PUT('/api/v1/items/{itemId}/scheme', { params: { path: { itemId } }, body: { scheme } })),
  judges: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/judges', { params: { path: { itemId } } })),
  /** The calling judge's own panels. */
  mine: () => ok(api.GET('/api/v1/me/judging')),
  assignJudge: (itemId: number, body: Schemas['AssignJudgeDto']) => ok(api.POST('/api/v1/items/{itemId}/judges', { params: { path: { itemId } }, body })),
  sheet: (itemId: number, judgeId: number) => ok(api.GET('/api/v1/items/{itemId}/sheets/{judgeId}', { params: { path: { itemId, judgeId } } })),
  saveSheet: (itemId: number, judgeId: number, body: Schemas['SaveSheetDto']) =>
    ok(api.PUT('/api/v1/items/{itemId}/sheets/{judgeId}', { params: { path: { itemId, judgeId } }, body })),
  submitSheet: (itemId: number, judgeId: number, body: Schemas['SheetVersionDto']) =>
    ok(api.POST('/api/v1/items/{itemId}/sheets/{judgeId}/submit', { params: { path: { itemId, judgeId } }, body })),
  /** Organizers: every change to submitted marks, with before, after and the reason (an upheld appeal names itself in it). */
  markChanges: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/mark-changes', { params: { path: { itemId } } })),
  preview: (body: Schemas['PreviewDto']) => ok(api.POST('/api/v1/scoring/preview', { body })),
};

export const results = {
  board: (eventId: number | string) => ok(api.GET('/api/v1/events/{eventId}/board', { params: { path: { eventId: id(eventId) } } })),
  itemResults: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/results', { params: { path: { itemId } } })),
  publication: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/publication', { params: { path: { itemId } } })),
  startNotice: (itemId: number) => ok(api.POST('/api/v1/items/{itemId}/publication/notice', { params: { path: { itemId } } })),
  finalize: (itemId: number) => ok(api.POST('/api/v1/items/{itemId}/publication/finalize', { params: { path: { itemId } } })),
  settings: (eventId: number) => ok(api.GET('/api/v1/events/{eventId}/results-settings', { params: { path: { eventId } } })),
  setSettings: (eventId: number, body: Schemas['ResultsSettingsDto']) => ok(api.PUT('/api/v1/events/{eventId}/results-settings', { params: { path: { eventId } }, body })),
};

export const awards = {
  verify: (code: string) => ok(api.GET('/api/v1/verify/{code}', { params: { path: { code } } })),
  setItemRules: (itemId: number, body: Schemas['AwardRulesDto']) => ok(api.PUT('/api/v1/items/{itemId}/award-rules', { params: { path: { itemId } }, body })),
  run: (itemId: number) => ok(api.POST('/api/v1/items/{itemId}/awards/run', { params: { path: { itemId } } })),
  itemAwards: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/awards', { params: { path: { itemId } } })),
  revoke: (id: number, reason: string) => ok(api.POST('/api/v1/award-records/{id}/revoke', { params: { path: { id } }, body: { reason } })),
  record: (userId: number) => ok(api.GET('/api/v1/people/{userId}/record', { params: { path: { userId } } })),
};

export const inbox = {
  list: () => ok(api.GET('/api/v1/me/notifications')),
  markRead: (ids: string[]) => ok(api.POST('/api/v1/me/notifications/read', { body: { ids } })),
};

export const leader = {
  /** The spreadsheet as it is (xlsx or csv); the API checks every row and imports all or nothing. */
  importRoster: (eventId: number, organisationId: number, file: Blob, contentType: string) =>
    ok(
      api.POST('/api/v1/events/{id}/roster', {
        params: { path: { id: eventId }, query: { organisationId } },
        body: file as unknown as string,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': contentType },
      }),
    ),
  /** Self-signed-up people of the leader's union waiting to be confirmed as members. */
  pendingMembers: () => ok(api.GET('/api/v1/users/pending-members')),
  /** The contestants of the leader's organisations, by a part of the name, 20 at a time; mobiles masked. */
  members: (q: string) => ok(api.GET('/api/v1/delegation-members', { params: { query: { q: q.trim() || undefined, limit: 20 } } })),
  confirmMember: (id: number) => ok(api.POST('/api/v1/users/{id}/confirm-membership', { params: { path: { id } } })),
};

export const statistics = {
  get: (organisationId: number, year: number) => ok(api.GET('/api/v1/statistics', { params: { query: { organisationId, year } } })),
  /** The same figures as a workbook, saved by the browser. */
  workbook: (organisationId: number, year: number) => download(`/api/v1/statistics.xlsx?organisationId=${organisationId}&year=${year}`, `statistics-${organisationId}-${year}.xlsx`),
};

export type MatchView = Schemas['MatchViewDto'];
export type MatchResult = Schemas['MatchResultDto'];
export type Bracket = Schemas['BracketDto'];

export const matches = {
  /** The event's items played as matches (public). */
  ofEvent: (eventId: number | string) => ok(api.GET('/api/v1/matches/events/{eventId}/items', { params: { path: { eventId: id(eventId) } } })),
  /** The calling judge's match items. */
  mine: () => ok(api.GET('/api/v1/matches/mine')),
  item: (itemId: number | string) => ok(api.GET('/api/v1/matches/items/{itemId}', { params: { path: { itemId: id(itemId) } } })),
  bracket: (itemId: number | string) => ok(api.GET('/api/v1/matches/items/{itemId}/bracket', { params: { path: { itemId: id(itemId) } } })),
  orderOfPlay: (itemId: number | string) => ok(api.GET('/api/v1/matches/items/{itemId}/order-of-play', { params: { path: { itemId: id(itemId) } } })),
  crosstable: (itemId: number | string) => ok(api.GET('/api/v1/matches/items/{itemId}/crosstable', { params: { path: { itemId: id(itemId) } } })),
  crosstableWorkbook: (itemId: number) => download(`/api/v1/matches/items/${itemId}/crosstable.xlsx`, `crosstable-${itemId}.xlsx`),
  enter: (matchId: number, body: MatchResult) => ok(api.POST('/api/v1/matches/{matchId}/result', { params: { path: { matchId } }, body })),
  enterSwiss: (itemId: number, round: number, board: number, body: Schemas['SwissResultDto']) =>
    ok(api.POST('/api/v1/matches/items/{itemId}/swiss/rounds/{round}/boards/{board}/result', { params: { path: { itemId, round, board } }, body })),
};

export const signUp = {
  code: (mobile: string) => ok(api.POST('/api/v1/auth/sign-up/code', { body: { mobile } })),
  create: (body: Schemas['SignUpDto']) => ok(api.POST('/api/v1/auth/sign-up', { body })),
  resetCode: (mobile: string) => ok(api.POST('/api/v1/auth/password-reset/code', { body: { mobile } })),
  reset: (body: Schemas['ResetPasswordDto']) => ok(api.POST('/api/v1/auth/password-reset', { body })),
};

export const appeals = {
  file: (itemId: number, body: Schemas['AppealDto']) => ok(api.POST('/api/v1/items/{itemId}/appeals', { params: { path: { itemId } }, body })),
  ofItem: (itemId: number) => ok(api.GET('/api/v1/items/{itemId}/appeals', { params: { path: { itemId } } })),
  dismiss: (appealId: number, reason: string) => ok(api.POST('/api/v1/appeals/{appealId}/dismiss', { params: { path: { appealId } }, body: { reason } })),
  uphold: (appealId: number, body: Schemas['AppealDecisionDto']) => ok(api.POST('/api/v1/appeals/{appealId}/uphold', { params: { path: { appealId } }, body })),
};

export type ScanUpload = Schemas['ScanUploadDto'];
export type ScanUploadResult = Schemas['ScanUploadResultDto'];
export type SafetyBoard = Schemas['SafetyBoardDto'];
export type RouteOutline = Schemas['RouteOutlineDto'];
export type HikeWalker = Schemas['NamedWalkerDto'];
export type HikeRoute = Schemas['RouteViewDto'];
export type RouteStaff = Schemas['RouteStaffDto'];

export const hiking = {
  myCheckpoints: () => ok(api.GET('/api/v1/hiking/me/checkpoints')),
  myWalkers: () => ok(api.GET('/api/v1/hiking/me/walkers')),
  eventRoutes: (eventId: number) => ok(api.GET('/api/v1/hiking/events/{eventId}/routes', { params: { path: { eventId } } })),
  outline: (routeId: number) => ok(api.GET('/api/v1/hiking/routes/{routeId}/outline', { params: { path: { routeId } } })),
  board: (routeId: number) => ok(api.GET('/api/v1/hiking/routes/{routeId}/board', { params: { path: { routeId } } })),
  walkers: (routeId: number) => ok(api.GET('/api/v1/hiking/routes/{routeId}/walkers', { params: { path: { routeId } } })),
  results: (routeId: number) => ok(api.GET('/api/v1/hiking/routes/{routeId}/results', { params: { path: { routeId } } })),
  walker: (walkerId: number) => ok(api.GET('/api/v1/hiking/walkers/{walkerId}', { params: { path: { walkerId } } })),
  upload: (eventId: number, body: ScanUpload) => ok(api.POST('/api/v1/hiking/events/{eventId}/scans', { params: { path: { eventId } }, body })),
  setLost: (walkerId: number, lost: boolean) => ok(api.PUT('/api/v1/hiking/walkers/{walkerId}/lost', { params: { path: { walkerId } }, body: { lost } })),
  withdraw: (walkerId: number, reason: string, checkpointId?: number | null) =>
    ok(api.POST('/api/v1/hiking/walkers/{walkerId}/withdraw', { params: { path: { walkerId } }, body: { reason, checkpointId } })),
  regroup: (routeId: number, name: string, walkerIds: number[]) => ok(api.POST('/api/v1/hiking/routes/{routeId}/regroups', { params: { path: { routeId } }, body: { name, walkerIds } })),
  share: (walkerId: number) => ok(api.POST('/api/v1/hiking/walkers/{walkerId}/share', { params: { path: { walkerId } } })),
  follow: (token: string) => ok(api.GET('/api/v1/hiking/follow/{token}', { params: { path: { token } } })),
  // The organizer's route setup.
  createRoute: (itemId: number, body: Schemas['CreateRouteDto']) => ok(api.POST('/api/v1/hiking/items/{itemId}/route', { params: { path: { itemId } }, body })),
  route: (routeId: number) => ok(api.GET('/api/v1/hiking/routes/{routeId}', { params: { path: { routeId } } })),
  updateRoute: (routeId: number, body: Schemas['RouteSettingsDto']) => ok(api.PUT('/api/v1/hiking/routes/{routeId}', { params: { path: { routeId } }, body })),
  setCheckpoints: (routeId: number, checkpoints: Schemas['CheckpointDto'][]) =>
    ok(api.PUT('/api/v1/hiking/routes/{routeId}/checkpoints', { params: { path: { routeId } }, body: { checkpoints } })),
  addWave: (routeId: number, body: Schemas['WaveDto']) => ok(api.POST('/api/v1/hiking/routes/{routeId}/waves', { params: { path: { routeId } }, body })),
  moveWave: (waveId: number, startsAt: string) => ok(api.PUT('/api/v1/hiking/waves/{waveId}', { params: { path: { waveId } }, body: { startsAt } })),
  enrol: (routeId: number, waveId: number) => ok(api.POST('/api/v1/hiking/routes/{routeId}/walkers', { params: { path: { routeId } }, body: { waveId } })),
  staff: (routeId: number, q?: string) => ok(api.GET('/api/v1/hiking/routes/{routeId}/staff', { params: { path: { routeId }, query: q ? { q } : {} } })),
  assignStaff: (checkpointId: number, userId: number) => ok(api.POST('/api/v1/hiking/checkpoints/{checkpointId}/staff', { params: { path: { checkpointId } }, body: { userId } })),
};
