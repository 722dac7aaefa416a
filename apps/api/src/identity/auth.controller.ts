import { AuthService, type Principal, UsersService } from '@app/identity';
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ErrorBody } from '../http/error-body';
import { EmptyResponse, Operation, Tag } from '../http/openapi-decorators';
import { AccessTokenDto, ChangePasswordDto, LoginDto, UserDto } from './identity.dto';

@Tag('auth')
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
  @Operation('Sign in with username and password; answers an access token')
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorBody, description: 'wrong username or password, or the account is disabled' })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'too many failed logins for this account from this address, or from this address; or too many sign-ins at once' })
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest) {
    return this.auth.login(dto.username, dto.password, req.ip);
  }

  @Get('me')
  @Allow('any')
  @Operation('The signed-in user, with their roles')
  @ApiOkResponse({ type: UserDto })
  currentUser(@Caller() caller: Principal) {
    return this.users.view(caller.userId);
  }

  /** Ends every token of the caller, on every device. */
  @Post('logout')
  @Allow('any')
  @HttpCode(204)
  @Operation('Sign out everywhere: end every token of the caller')
  @EmptyResponse('every token of the caller is ended')
  async logout(@Caller() caller: Principal) {
    await this.users.endSessions(caller.userId);
  }

  /** Ends every earlier token and answers with a fresh one for this device. */
  @Post('password')
  @Allow('any')
  @HttpCode(200)
  @Operation('Change the password; answers a fresh token, earlier ones end')
  @ApiOkResponse({ type: AccessTokenDto })
  async changePassword(@Caller() caller: Principal, @Body() dto: ChangePasswordDto) {
    await this.users.changePassword(caller.userId, dto.currentPassword, dto.newPassword);
    return this.auth.issue(caller.userId);
  }
}
