import { AuthService, type Principal, UsersService } from '@app/identity';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ErrorBody } from '../http/error-body';
import { AccessTokenDto, LoginDto, UserDto } from './identity.dto';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'too many failed logins for this username' })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @Get('me')
  @Allow('any')
  @ApiOkResponse({ type: UserDto })
  me(@Caller() caller: Principal) {
    return this.users.view(caller.userId);
  }
}
