import { type Principal, ROLES, UsersService } from '@app/identity';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Allow, Caller } from '../auth/auth.decorators';
import { AuditEntryDto, CreateUserDto, PendingMemberDto, RoleGrantDto, UserDto } from './identity.dto';

const ROLE_PIPE = new ParseEnumPipe(Object.fromEntries(ROLES.map((r) => [r, r])));

@Tag('users')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Admins, organizers and delegation leaders, each granting only the roles they may grant in their own subtree. */
  @Post()
  @Allow('admin', 'organizer', 'delegation_leader')
  @Operation('Create a user account with its roles')
  @ApiCreatedResponse({ type: UserDto })
  @Refuses({ 404: 'no such organisation in a role', 409: 'the username is taken' })
  createUser(@Caller() caller: Principal, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  /** Self-signed-up people of the caller's organisations who wait to be confirmed as members. */
  @Get('pending-members')
  @Allow('organizer', 'delegation_leader')
  @Operation('People who signed up by themselves and wait for their organisation to confirm them')
  @ApiOkResponse({ type: [PendingMemberDto] })
  @Refuses({})
  pendingMembers(@Caller() caller: Principal) {
    return this.users.pendingMembers(caller);
  }

  /** A leader of the person's chosen organisation, or an organizer above it; once. */
  @Post(':id/confirm-membership')
  @HttpCode(200)
  @Allow('organizer', 'delegation_leader')
  @Operation('Confirm a self-signed-up person as a member of their organisation')
  @ApiOkResponse({ type: UserDto })
  @Refuses({ 404: 'no such user', 409: 'already confirmed' })
  confirmMembership(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.confirmMembership(caller, id);
  }

  /** The person themselves, or organizers over one of their organisations. */
  @Get(':id')
  @Allow('any')
  @Operation('Read a user')
  @ApiOkResponse({ type: UserDto })
  @Refuses({ 404: 'no such user' })
  getUser(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.get(caller, id);
  }

  /** Who granted and removed this person's roles and disabled the account, and when; for those who may read the person. */
  @Get(':id/audit')
  @Allow('any')
  @Operation("A user's role and account history")
  @ApiOkResponse({ type: [AuditEntryDto] })
  @Refuses({ 404: 'no such user' })
  userAudit(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.auditOf(caller, id);
  }

  /** A role at or below the granter's own, to a person of the granter's own subtree. */
  @Post(':id/roles')
  @Allow('admin', 'organizer', 'delegation_leader')
  @Operation('Grant a role in an organisation')
  @ApiCreatedResponse({ type: UserDto })
  @Refuses({ 404: 'no such user or organisation' })
  grantRole(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: RoleGrantDto) {
    return this.users.grant(caller, id, dto);
  }

  /** Removes a role the caller could grant; the person's tokens stop working within seconds. */
  @Delete(':id/roles/:organisationId/:role')
  @Allow('admin', 'organizer', 'delegation_leader')
  @Operation('Remove a role')
  @ApiOkResponse({ type: UserDto })
  @Refuses({ 404: 'no such user, or the user does not hold this role there', 422: 'callers cannot remove their own roles' })
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
  @Operation('Disable an account: no sign-in, its tokens end within seconds')
  @ApiOkResponse({ type: UserDto })
  @Refuses({ 404: 'no such user', 422: 'callers cannot disable themselves' })
  disableUser(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.setDisabled(caller, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Allow('admin', 'organizer', 'delegation_leader')
  @Operation('Enable a disabled account')
  @ApiOkResponse({ type: UserDto })
  @Refuses({ 404: 'no such user', 422: 'callers cannot enable themselves' })
  enableUser(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.users.setDisabled(caller, id, false);
  }
}
