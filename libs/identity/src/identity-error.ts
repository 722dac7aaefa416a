import { DomainError, type ErrorKind } from '@app/common';

export enum IdentityErrorCode {
  BadCredentials = 'IDENTITY_BAD_CREDENTIALS',
  TooManyAttempts = 'IDENTITY_TOO_MANY_LOGIN_ATTEMPTS',
  Forbidden = 'IDENTITY_FORBIDDEN',
  OrgNotFound = 'IDENTITY_ORGANISATION_NOT_FOUND',
  OrgKindMismatch = 'IDENTITY_ORGANISATION_KIND_MISMATCH',
  OrgNameTaken = 'IDENTITY_ORGANISATION_NAME_TAKEN',
  UserNotFound = 'IDENTITY_USER_NOT_FOUND',
  UsernameTaken = 'IDENTITY_USERNAME_TAKEN',
  RoleNotGrantable = 'IDENTITY_ROLE_NOT_GRANTABLE',
}

export class IdentityError extends DomainError {
  constructor(kind: ErrorKind, code: IdentityErrorCode, message: string, details?: unknown) {
    super(kind, code, message, details);
  }
}

export const forbidden = (message = '无权执行此操作') => new IdentityError('forbidden', IdentityErrorCode.Forbidden, message);
