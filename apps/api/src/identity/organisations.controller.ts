import { OrganisationsService, type Principal } from '@app/identity';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { CreateOrganisationDto, OrganisationDto } from './identity.dto';

@ApiTags('organisations')
@Controller({ path: 'organisations', version: '1' })
export class OrganisationsController {
  constructor(private readonly orgs: OrganisationsService) {}

  /** Admins of the parent organisation (or above). */
  @Post()
  @Allow('admin')
  @ApiCreatedResponse({ type: OrganisationDto })
  create(@Caller() caller: Principal, @Body() dto: CreateOrganisationDto) {
    return this.orgs.create(caller, dto);
  }

  /** The organisation tree is public: people pick their union when they sign up. */
  @Get(':id')
  @Public()
  @ApiOkResponse({ type: OrganisationDto })
  get(@Param('id', ParseIdPipe) id: number) {
    return this.orgs.get(id);
  }

  @Get(':id/children')
  @Public()
  @ApiOkResponse({ type: [OrganisationDto] })
  children(@Param('id', ParseIdPipe) id: number) {
    return this.orgs.children(id);
  }
}
