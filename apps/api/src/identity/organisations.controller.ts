import { OrganisationsService, type Principal } from '@app/identity';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { CreateOrganisationDto, OrganisationDto } from './identity.dto';

@Tag('organisations')
@Controller({ path: 'organisations', version: '1' })
export class OrganisationsController {
  constructor(private readonly orgs: OrganisationsService) {}

  /** Admins of the parent organisation (or above). */
  @Post()
  @Allow('admin')
  @Operation('Create an organisation under a parent')
  @ApiCreatedResponse({ type: OrganisationDto })
  @Refuses({ 404: 'no such parent organisation', 409: 'the parent already has an organisation of this name', 422: 'this kind of organisation cannot sit under that parent' })
  createOrganisation(@Caller() caller: Principal, @Body() dto: CreateOrganisationDto) {
    return this.orgs.create(caller, dto);
  }

  /** The organisation tree is public: people pick their union when they sign up. */
  @Get(':id')
  @Public()
  @Operation('Read an organisation')
  @ApiOkResponse({ type: OrganisationDto })
  @Refuses({ 404: 'no such organisation' })
  getOrganisation(@Param('id', ParseIdPipe) id: number) {
    return this.orgs.get(id);
  }

  @Get(':id/children')
  @Public()
  @Operation('List the organisations directly under one')
  @ApiOkResponse({ type: [OrganisationDto] })
  @Refuses({ 404: 'no such organisation' })
  listChildren(@Param('id', ParseIdPipe) id: number) {
    return this.orgs.children(id);
  }
}
