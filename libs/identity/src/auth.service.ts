import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { IdentityError, IdentityErrorCode } from './identity-error';
import { LoginLimiter } from './login-limiter';
import type { Principal } from './roles';
import { UsersService, type UserView } from './users.service';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

// Verifying against a real hash when the user does not exist keeps the timing
// of "no such user" and "wrong password" the same.
const DUMMY_HASH = argon2.hash('not-a-real-password');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
  ) {}

  async login(username: string, password: string): Promise<AccessToken> {
    const wait = await this.limiter.retryAfter(username);
    if (wait > 0) {
      throw new IdentityError('rate_limited', IdentityErrorCode.TooManyAttempts, `登录失败次数过多，请 ${wait} 秒后再试`, {
        retryAfterSeconds: wait,
      });
    }
    const user = await this.users.findByUsername(username);
    // People imported from a roster have no password yet ('!…' is no argon2 hash); they fail like a wrong password.
    const usable = user?.passwordHash.startsWith('$') ? user.passwordHash : null;
    const ok = await argon2.verify(usable ?? (await DUMMY_HASH), password);
    if (!user || !usable || !ok) {
      await this.limiter.recordFailure(username);
      throw new IdentityError('unauthenticated', IdentityErrorCode.BadCredentials, '用户名或密码错误');
    }
    await this.limiter.reset(username);
    return this.issue(user.id);
  }

  async issue(userId: number): Promise<AccessToken> {
    const user = await this.users.view(userId);
    const claims: Principal = { userId: user.id, username: user.username, roles: user.roles };
    const accessToken = await this.jwt.signAsync({ sub: String(user.id), name: user.username, roles: claims.roles });
    const { exp, iat } = this.jwt.decode(accessToken) as { exp: number; iat: number };
    return { accessToken, tokenType: 'Bearer', expiresIn: exp - iat, user };
  }

  /** Turns a bearer token into the caller; throws for a bad or expired token. */
  async verify(token: string): Promise<Principal> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string; name: string; roles: Principal['roles'] }>(token);
      return { userId: Number(payload.sub), username: payload.name, roles: payload.roles ?? [] };
    } catch (err) {
      const expired = (err as Error).name === 'TokenExpiredError';
      throw new IdentityError('unauthenticated', IdentityErrorCode.BadCredentials, expired ? '登录已过期，请重新登录' : '访问令牌无效', {
        reason: expired ? 'expired' : 'invalid',
      });
    }
  }
}
