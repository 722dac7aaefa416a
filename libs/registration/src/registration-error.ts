import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

export enum RegistrationErrorCode {
  RegistrationClosed = 'REGISTRATION_CLOSED',
  SelfRegistrationDisabled = 'REGISTRATION_SELF_DISABLED',
  NotEligible = 'REGISTRATION_NOT_ELIGIBLE',
  MembershipUnconfirmed = 'REGISTRATION_MEMBERSHIP_UNCONFIRMED',
  AlreadyEntered = 'REGISTRATION_ALREADY_ENTERED',
  EntryNotFound = 'REGISTRATION_ENTRY_NOT_FOUND',
  ProfileMissing = 'PROFILE_MISSING',
  ProfileMismatch = 'PROFILE_MISMATCH',
  ContactIncomplete = 'PROFILE_CONTACT_INCOMPLETE',
  ResidentIdTaken = 'RESIDENT_ID_TAKEN',
  BadTransition = 'ENTRY_TRANSITION_NOT_ALLOWED',
  NoPlace = 'REGISTRATION_NO_PLACE',
  TeamInvalid = 'TEAM_INVALID',
  NotTeamItem = 'REGISTRATION_ENTRY_TYPE_MISMATCH',
  AgeGroupUnknown = 'AGE_GROUP_UNKNOWN',
  SettingsInvalid = 'REGISTRATION_SETTINGS_INVALID',
  CheckInTokenInvalid = 'CHECK_IN_TOKEN_INVALID',
  CheckInNotApproved = 'CHECK_IN_NOT_APPROVED',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyInvalid = 'IDEMPOTENCY_KEY_INVALID',
  RosterInvalid = 'ROSTER_INVALID',
  RosterFileTooLarge = 'ROSTER_FILE_TOO_LARGE',
  RosterBusy = 'ROSTER_BUSY',
}

export class RegistrationError extends DomainError {
  constructor(kind: ErrorKind, code: RegistrationErrorCode | string, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}
