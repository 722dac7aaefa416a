import { AuthService, type Principal, UsersService } from '@app/identity';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ErrorBody } from '../http/error-body';
import { AccessTokenDto, ChangePasswordDto, LoginDto, UserDto } from './identity.dto';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** The client address is the socket's, or what a proxy named in TRUST_PROXY reports: a client cannot choose it. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'too many failed logins for this account from this address, or from this address' })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, req.ip);
  }

  @Get('me')
  @Allow('any')
  @ApiOkResponse({ type: UserDto })
  me(@Caller() caller: Principal) {
    return this.users.view(caller.userId);
  }

  /** Ends every token of the caller, on every device. */
  @Post('logout')
  @Allow('any')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@Caller() caller: Principal) {
    await this.users.endSessions(caller.userId);
  }

  /** Ends every earlier token and answers with a fresh one for this device. */
  @Post('password')
  @Allow('any')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  async changePassword(@Caller() caller: Principal, @Body() dto: ChangePasswordDto) {
    await this.users.changePassword(caller.userId, dto.currentPassword, dto.newPassword);
    return this.auth.issue(caller.userId);
  }
}
