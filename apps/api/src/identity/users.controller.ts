import { type Principal, UsersService } from '@app/identity';
import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { CreateUserDto, RoleGrantDto, UserDto } from './identity.dto';

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
  get(@Caller() caller: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.users.get(caller, id);
  }

  @Post(':id/roles')
  @Allow('admin', 'organizer', 'delegation_leader')
  @ApiCreatedResponse({ type: UserDto })
  grant(@Caller() caller: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: RoleGrantDto) {
    return this.users.grant(caller, id, dto);
  }
}
