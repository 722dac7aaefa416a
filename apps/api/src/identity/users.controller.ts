import { type Principal, ROLES, UsersService } from '@app/identity';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { AuditEntryDto, CreateUserDto, RoleGrantDto, UserDto } from './identity.dto';

const ROLE_PIPE = new ParseEnumPipe(Object.fromEntries(ROLES.map((r) => [r, r])));

@ApiTags('users')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Admins, organizers and delegation leaders, each granting only the roles they may grant in their own subtree. */
  @Post()
  @Allow('admin', 'organizer', 'delegation_leader')
  @ApiCreatedResponse({ type: UserDto })
  create(@Caller() caller: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  /** The person themselves, or organizers over one of their organisations. */
  @Get(':id')
  @Allow('any')
  @ApiOkResponse({ type: UserDto })
  get(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.get(caller, id);
  }

  /** Who granted and removed this person's roles and disabled the account, and when; for those who may read the person. */
  @Get(':id/audit')
  @Allow('any')
  @ApiOkResponse({ type: [AuditEntryDto] })
  audit(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.auditOf(caller, id);
  }

  /** A role at or below the granter's own, to a person of the granter's own subtree. */
  @Post(':id/roles')
  @Allow('admin', 'organizer', 'delegation_leader')
  @ApiCreatedResponse({ type: UserDto })
  grant(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: RoleGrantDto) {
    return this.users.grant(caller, id, dto);
  }

  /** Removes a role the caller could grant; the person's tokens stop working within seconds. */
  @Delete(':id/roles/:organisationId/:role')
  @Allow('admin', 'organizer', 'delegation_leader')
  @ApiOkResponse({ type: UserDto })
  removeRole(
    @Caller() caller: Principal,
    @Param('id', ParseIdPipe) id: number,
    @Param('organisationId', ParseIdPipe) organisationId: number,
    @Param('role', ROLE_PIPE) role: (typeof ROLES)[number],
  ) {
    return this.users.removeRole(caller, id, { organisationId, role });
  }

  /** Disables the account: no login, and its tokens are refused within seconds. Only by one who could grant every role it holds. */
  @Post(':id/disable')
  @HttpCode(200)
  @Allow('admin', 'organizer', 'delegation_leader')
  @ApiOkResponse({ type: UserDto })
  disable(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.setDisabled(caller, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Allow('admin', 'organizer', 'delegation_leader')
  @ApiOkResponse({ type: UserDto })
  enable(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.setDisabled(caller, id, false);
  }
}
