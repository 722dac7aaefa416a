import { AuthService, forbidden, IdentityError, IdentityErrorCode } from '@app/identity';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from './auth.decorators';

/**
 * Global guard: every route must declare who may call it (@Public or @Allow);
 * a route that declares nothing is refused, so forgetting is never an open door.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (rule && 'public' in rule) {
      // A public page may show more to a signed-in caller (organizers see live results); a bad token just reads as anonymous.
      if (token) req.principal = await this.auth.verify(token).catch(() => undefined);
      return true;
    }
    if (!token) throw new IdentityError('unauthenticated', IdentityErrorCode.BadCredentials, '需要登录：缺少 Authorization: Bearer 访问令牌');
    req.principal = await this.auth.verify(token);
    if (!rule) throw forbidden('该接口未声明访问规则');
    // Coarse check only (an admin may call what any role may); the service checks the organisation scope.
    if (rule.roles !== 'any' && !req.principal.roles.some((r: { role: string }) => (rule.roles as string[]).includes(r.role) || r.role === 'admin')) {
      throw forbidden(`需要以下角色之一：${rule.roles.join('、')}`);
    }
    return true;
  }
}
