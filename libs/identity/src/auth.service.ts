import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { loginName } from './domain/login-name';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { LoginLimiter } from './login-limiter';
import { Passwords } from './passwords';
import type { Principal } from './roles';
import { SessionsService } from './sessions.service';
import { UsersService, type UserView } from './users.service';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

const badCredentials = () => new IdentityError('unauthenticated', IdentityErrorCode.BadCredentials, '用户名或密码错误');
const revoked = (message: string) =>
  new IdentityError('unauthenticated', IdentityErrorCode.TokenRevoked, message, [{ field: 'authorization', code: IdentityErrorCode.TokenRevoked, message }]);

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    private readonly sessions: SessionsService,
    private readonly passwords: Passwords,
  ) {}

  /**
   * The name is resolved to an account first (the database matches "admin " and "ａｄｍｉｎ" to admin),
   * so every spelling of one account shares its limits; `address` is the client as the trusted proxies report it.
   */
  async login(username: string, password: string, address: string): Promise<AccessToken> {
    const user = await this.users.findByUsername(username);
    const account = user ? `u${user.id}` : `n:${loginName(username)}`;
    await this.limiter.attempt(account, address);
    // People imported from a roster have no password yet; they fail like a wrong password, and as slowly.
    if (!user || !(await this.passwords.verify(user.passwordHash, password))) {
      await this.limiter.failed(account);
      throw badCredentials();
    }
    await this.limiter.succeeded(account, address);
    if (user.disabledAt) throw new IdentityError('forbidden', IdentityErrorCode.UserDisabled, '该账号已停用，请联系所在组织的管理员');
    await this.upgradeHash(user.id, user.passwordHash, password);
    return this.issue(user.id);
  }

  /** A hash made with older parameters is replaced while the password is at hand; when the checks are busy, at a later login. */
  private async upgradeHash(userId: number, stored: string, password: string): Promise<void> {
    if (!this.passwords.outdated(stored)) return;
    const fresh = await this.passwords.hash(password).catch((err: unknown) => {
      if (err instanceof IdentityError && err.code === IdentityErrorCode.PasswordChecksBusy) return null;
      throw err;
    });
    if (fresh) await this.users.replaceHash(userId, stored, fresh);
  }

  async issue(userId: number): Promise<AccessToken> {
    const user = await this.users.view(userId);
    const version = await this.users.tokenVersion(userId);
    const accessToken = await this.jwt.signAsync({ sub: String(user.id), ver: version });
    const { exp, iat } = this.jwt.decode(accessToken) as { exp: number; iat: number };
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat, user };
  }

  /**
   * Turns a bearer token into the caller; throws for a bad, expired or revoked token. The caller's
   * roles are their roles now, not those they held when the token was issued.
   */
  async verify(token: string): Promise<Principal> {
    let payload: { sub: string; ver?: number };
    try {
      payload = await this.jwt.verifyAsync<{ sub: string; ver?: number }>(token);
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      const message = expired ? '登录已过期，请重新登录' : '访问令牌无效';
      throw new IdentityError('unauthenticated', IdentityErrorCode.BadCredentials, message, [
        { field: 'authorization', code: expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', message },
      ]);
    }
    const userId = Number(payload.sub);
    const standing = await this.sessions.standing(userId);
    if (!standing || standing.version !== payload.ver) throw revoked('登录已失效，请重新登录');
    if (standing.disabled) throw revoked('该账号已停用');
    return { userId, username: standing.username, roles: standing.roles };
  }
}
