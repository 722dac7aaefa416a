import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Principal, Role } from '@app/identity';
import { ErrorBody } from '../http/error-body';

export const ACCESS_KEY = 'access';
export type AccessRule = { public: true } | { roles: Role[] | 'any' };

/** Anyone, signed in or not, may call this endpoint. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/**
 * Who may call this endpoint: a signed-in user holding one of these roles
 * somewhere ('any': every signed-in user). Whether the role covers the
 * organisation being acted on is checked by the service, per resource.
 */
export const Allow = (...roles: Role[] | ['any']) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { roles: roles[0] === 'any' ? 'any' : (roles as Role[]) } satisfies AccessRule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBody, description: 'no token, or a bad or expired one' }),
    ApiForbiddenResponse({ type: ErrorBody, description: `needs role: ${roles.join(' | ')} over the organisation acted on` }),
  );

/** The authenticated caller; on a @Public route, the caller if signed in, else undefined. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest().principal);
