import { AwardsErrorCode } from '@app/awards';
import type { ErrorKind } from '@app/common';
import { EventsErrorCode } from '@app/events';
import { IdentityErrorCode } from '@app/identity';
import { NotificationsErrorCode } from '@app/notifications';
import { RegistrationErrorCode } from '@app/registration';
import { ResultsErrorCode } from '@app/results';
import { ScoringErrorCode } from '@app/scoring';

/**
 * English for a caller who asks for it (Accept-Language: en). Domain code writes its messages in
 * Chinese with the particulars in them; in English the code's sentence is given and the particulars
 * stay in `details` (the field, the current version, the row). Each context's record is typed on its
 * code enum, so a new code does not compile without its English.
 */
const IDENTITY: Record<IdentityErrorCode, string> = {
  [IdentityErrorCode.BadCredentials]: 'Wrong username or password, or a missing, invalid or expired access token',
  [IdentityErrorCode.TokenRevoked]: 'This sign-in has ended; please sign in again',
  [IdentityErrorCode.TooManyAttempts]: 'Too many failed sign-ins; wait before trying again',
  [IdentityErrorCode.PasswordChecksBusy]: 'Too many sign-ins at once; try again in a few seconds',
  [IdentityErrorCode.UserDisabled]: 'This account is disabled; contact the administrator of your organisation',
  [IdentityErrorCode.Forbidden]: 'You are not allowed to do this',
  [IdentityErrorCode.OrgNotFound]: 'No such organisation',
  [IdentityErrorCode.OrgKindMismatch]: 'An organisation of this kind cannot be created under that parent',
  [IdentityErrorCode.OrgNameTaken]: 'The parent already has an organisation of this name',
  [IdentityErrorCode.UserNotFound]: 'No such user',
  [IdentityErrorCode.UsernameTaken]: 'This username is taken',
  [IdentityErrorCode.RoleNotGrantable]: 'You may not grant or remove this role in that organisation',
  [IdentityErrorCode.PersonOutsideSubtree]: 'This person does not belong to an organisation you manage',
  [IdentityErrorCode.RoleNotHeld]: 'The person does not hold this role in that organisation',
  [IdentityErrorCode.NotOnYourself]: 'You cannot remove your own roles or disable your own account',
  [IdentityErrorCode.WeakPassword]: 'The password is too short or too easy to guess',
  [IdentityErrorCode.InvalidMobile]: 'The mobile number is not valid (11 digits starting with 1)',
  [IdentityErrorCode.TooManyCodes]: 'Too many codes asked for; try again later',
  [IdentityErrorCode.CodeInvalid]: 'The code is wrong or no longer valid; ask for a new one',
  [IdentityErrorCode.NotAnEnterprise]: "Choose your enterprise's union",
  [IdentityErrorCode.MembershipNotPending]: 'This person is already a confirmed member',
};

const EVENTS: Record<EventsErrorCode, string> = {
  [EventsErrorCode.EventNotFound]: 'No such event',
  [EventsErrorCode.ItemNotFound]: 'No such item',
  [EventsErrorCode.ItemNameTaken]: 'The event already has an item of this name',
  [EventsErrorCode.BadTransition]: 'The event cannot move to that status from its current one',
  [EventsErrorCode.DatesInverted]: 'endsOn must not be before startsOn',
};

const REGISTRATION: Record<RegistrationErrorCode, string> = {
  [RegistrationErrorCode.RegistrationClosed]: 'Registration for this event is not open',
  [RegistrationErrorCode.SelfRegistrationDisabled]: 'This event takes entries through delegation leaders only',
  [RegistrationErrorCode.NotEligible]: 'Not eligible to enter this item',
  [RegistrationErrorCode.MembershipUnconfirmed]: 'Their organisation has not yet confirmed this self-signed-up person as a member: a leader must confirm them before the delegation enters them',
  [RegistrationErrorCode.AlreadyEntered]: 'Already entered in this item',
  [RegistrationErrorCode.EntryNotFound]: 'No such entry',
  [RegistrationErrorCode.ProfileMissing]: 'The contestant has not filled in their profile (resident ID, mobile)',
  [RegistrationErrorCode.ProfileMismatch]: 'The profile does not agree with the resident ID number',
  [RegistrationErrorCode.ContactIncomplete]: 'An emergency contact needs both a name and a mobile number',
  [RegistrationErrorCode.ResidentIdTaken]: 'This resident ID number belongs to another person',
  [RegistrationErrorCode.BadTransition]: 'The entry cannot change that way from its current status',
  [RegistrationErrorCode.NoPlace]: 'No place is left',
  [RegistrationErrorCode.TeamInvalid]: 'The team is not valid for this item',
  [RegistrationErrorCode.NotTeamItem]: 'The entry does not match the item’s entry type (individual or team)',
  [RegistrationErrorCode.AgeGroupUnknown]: 'No such age group',
  [RegistrationErrorCode.SettingsInvalid]: 'The registration settings are not valid',
  [RegistrationErrorCode.CheckInTokenInvalid]: 'The check-in code is invalid or belongs to another event',
  [RegistrationErrorCode.CheckInNotApproved]: 'Only an approved entry can check in',
  [RegistrationErrorCode.IdempotencyKeyReused]: 'This Idempotency-Key was used for a different request',
  [RegistrationErrorCode.IdempotencyKeyInvalid]: 'Idempotency-Key must be 8 to 100 letters, digits or _ . : -',
  [RegistrationErrorCode.RosterInvalid]: 'Some rows of the roster failed; nothing was imported',
  [RegistrationErrorCode.RosterFileTooLarge]: 'The roster file has more rows than the import takes, or unpacks too large; nothing was imported',
  [RegistrationErrorCode.RosterBusy]: 'Many roster files are being read; try again shortly',
};

const SCORING: Record<ScoringErrorCode, string> = {
  [ScoringErrorCode.InvalidScheme]: 'The scoring scheme is not valid',
  [ScoringErrorCode.InvalidMark]: 'The mark is not valid',
  [ScoringErrorCode.NoScheme]: 'The item has no scoring scheme yet',
  [ScoringErrorCode.NotAJudge]: 'This person is not a judge of the event’s organisation',
  [ScoringErrorCode.NotAssigned]: 'This judge is not on the item’s panel',
  [ScoringErrorCode.EntryNotInItem]: 'The entry does not belong to this item or judge',
  [ScoringErrorCode.UnknownCriterion]: 'No such criterion in the item’s scheme',
  [ScoringErrorCode.WrongKind]: 'The item’s scheme does not take this kind of mark',
  [ScoringErrorCode.SheetChanged]: 'Someone else changed the score sheet; reload it and try again',
  [ScoringErrorCode.SheetIsDraft]: 'The score sheet is still a draft',
  [ScoringErrorCode.SheetSubmitted]: 'The score sheet has been submitted',
  [ScoringErrorCode.SheetNotSubmitted]: 'Only a submitted score sheet can be locked',
  [ScoringErrorCode.SheetBlocked]: 'The score sheet cannot be submitted yet',
  [ScoringErrorCode.ReasonRequired]: 'A reason is required for this change',
  [ScoringErrorCode.ConflictOfInterest]: 'The judge may not score a contestant of their own organisation in this event',
  [ScoringErrorCode.RoundRequired]: 'Name the round (?round=)',
  [ScoringErrorCode.RoundNotFound]: 'No such round in this item',
  [ScoringErrorCode.RoundClosed]: 'The round is closed; its marks no longer change',
  [ScoringErrorCode.RoundsExist]: 'The item already runs in rounds',
  [ScoringErrorCode.RoundIncomplete]: 'Some contestants have no complete result yet',
  [ScoringErrorCode.RoundIsFinal]: 'The final round has no next round',
  [ScoringErrorCode.InvalidLineup]: 'The start list is not valid',
  [ScoringErrorCode.DrawRequired]: 'A tie for the last places must be drawn by lot first',
  [ScoringErrorCode.ResultsFinal]: 'The results are final; marks no longer change',
};

const RESULTS: Record<Exclude<ResultsErrorCode, ResultsErrorCode.Publication>, string> = {
  [ResultsErrorCode.InvalidSettings]: 'The results settings are not valid',
  [ResultsErrorCode.InvalidRecord]: 'The record value is not valid',
  [ResultsErrorCode.AppealNotFound]: 'No such appeal',
  [ResultsErrorCode.AttachmentNotFound]: 'No such attachment',
  [ResultsErrorCode.InvalidAttachment]: 'The attachment is not accepted',
  [ResultsErrorCode.EntryNotInItem]: 'The entry does not belong to this item',
  [ResultsErrorCode.EntryNotFound]: 'No such entry',
  [ResultsErrorCode.CorrectionRequired]: 'Upholding an appeal needs the corrected marks or the reinstatement of the entry',
  [ResultsErrorCode.CorrectionOtherEntry]: 'A correction may change the appealed entry only',
  [ResultsErrorCode.CorrectionTwice]: 'The same mark is corrected twice',
  [ResultsErrorCode.NothingToReinstate]: 'The entry has no disqualification or penalty to reverse',
  [ResultsErrorCode.NoResults]: 'The item has no results yet, so they cannot go on public notice',
  [ResultsErrorCode.TooManyAppeals]: 'This result already has as many appeals as one entry may file',
  [ResultsErrorCode.AppealAlreadyOpen]: 'An appeal against this result is still undecided',
};

const NOTIFICATIONS: Record<NotificationsErrorCode, string> = {
  [NotificationsErrorCode.TemplateInvalid]: 'The template is not valid',
  [NotificationsErrorCode.TriggerUnknown]: 'No such notification',
  [NotificationsErrorCode.LocaleUnknown]: 'No such language',
  [NotificationsErrorCode.SettingsInvalid]: 'The notification settings are not valid',
  [NotificationsErrorCode.DeliveryNotFound]: 'No such delivery',
  [NotificationsErrorCode.DeliveryNotFailed]: 'Only a failed delivery can be retried',
};

const AWARDS: Record<AwardsErrorCode, string> = {
  [AwardsErrorCode.InvalidRules]: 'The award rules are not valid',
  [AwardsErrorCode.NotFinal]: 'The results are not final yet',
  [AwardsErrorCode.RecordNotFound]: 'No such award record',
  [AwardsErrorCode.Revoked]: 'The award record has been revoked',
  [AwardsErrorCode.NothingToCorrect]: 'The correction changes nothing',
  [AwardsErrorCode.PaymentState]: 'The prize payment cannot change that way in its current state',
  [AwardsErrorCode.CertificateNotReady]: 'The certificate is not ready yet',
  [AwardsErrorCode.PersonNotFound]: 'No such person',
  [AwardsErrorCode.DuplicateRecognition]: 'This person already holds this recognition for the year',
  [AwardsErrorCode.ItemNotInEvent]: 'The item does not belong to this event',
  [AwardsErrorCode.OutsideIssuer]: 'The person or organisation is outside the issuing organisation',
};

/** Codes of the HTTP layer itself (ids, bodies). */
const API: Record<string, string> = {
  INVALID_ID: 'Not an id: ids are decimal integers from 1 to 4294967295',
  BODY_TOO_DEEP: 'The body nests too deeply',
};

const CATALOG: Record<string, string> = { ...API, ...IDENTITY, ...EVENTS, ...REGISTRATION, ...SCORING, ...RESULTS, ...NOTIFICATIONS, ...AWARDS };

const BY_KIND: Record<ErrorKind, string> = {
  invalid: 'The request is not valid',
  unauthenticated: 'Sign-in required',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  conflict: 'This conflicts with the current state',
  too_large: 'Too large',
  unprocessable: 'This cannot be done',
  rate_limited: 'Too many requests; try again later',
  unavailable: 'Temporarily unavailable; try again later',
};

/** The English sentence of a code; a code without one (a rule's own code) reads by its kind, naming the field. */
export function englishMessage(code: string, kind: ErrorKind, field?: string | null): string {
  const known = CATALOG[code];
  if (known) return known;
  return field ? `${BY_KIND[kind]}: ${field}` : BY_KIND[kind];
}
