import { type DetailsInput, DomainError, type ErrorKind } from '@app/common';

export enum IdentityErrorCode {
  BadCredentials = 'IDENTITY_BAD_CREDENTIALS',
  TokenRevoked = 'IDENTITY_TOKEN_REVOKED',
  TooManyAttempts = 'IDENTITY_TOO_MANY_LOGIN_ATTEMPTS',
  PasswordChecksBusy = 'IDENTITY_PASSWORD_CHECKS_BUSY',
  UserDisabled = 'IDENTITY_USER_DISABLED',
  Forbidden = 'IDENTITY_FORBIDDEN',
  OrgNotFound = 'IDENTITY_ORGANISATION_NOT_FOUND',
  OrgKindMismatch = 'IDENTITY_ORGANISATION_KIND_MISMATCH',
  OrgNameTaken = 'IDENTITY_ORGANISATION_NAME_TAKEN',
  UserNotFound = 'IDENTITY_USER_NOT_FOUND',
  UsernameTaken = 'IDENTITY_USERNAME_TAKEN',
  RoleNotGrantable = 'IDENTITY_ROLE_NOT_GRANTABLE',
  PersonOutsideSubtree = 'IDENTITY_PERSON_OUTSIDE_SUBTREE',
  RoleNotHeld = 'IDENTITY_ROLE_NOT_HELD',
  NotOnYourself = 'IDENTITY_NOT_ON_YOURSELF',
  WeakPassword = 'IDENTITY_WEAK_PASSWORD',
  InvalidMobile = 'IDENTITY_INVALID_MOBILE',
  TooManyCodes = 'IDENTITY_TOO_MANY_CODES',
  CodeInvalid = 'IDENTITY_CODE_INVALID',
  NotAnEnterprise = 'IDENTITY_NOT_AN_ENTERPRISE',
  MembershipNotPending = 'IDENTITY_MEMBERSHIP_NOT_PENDING',
}

export class IdentityError extends DomainError {
  constructor(kind: ErrorKind, code: IdentityErrorCode, message: string, details?: DetailsInput) {
    super(kind, code, message, details);
  }
}

/** A refusal that names the field it is about, in the one shape of `details`. */
export function fieldError(kind: ErrorKind, code: IdentityErrorCode, field: string, message: string): IdentityError {
  return new IdentityError(kind, code, message, [{ field, code, message }]);
}

export const forbidden = (message = '无权执行此操作') => new IdentityError('forbidden', IdentityErrorCode.Forbidden, message);
