import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { OptionalIdPipe, ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ChangeStatusDto, CreateEventDto, CreateItemDto, EventDetailDto, EventDto, ItemDto } from './events.dto';

@Tag('events')
@Controller({ path: 'events', version: '1' })
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** Organizers of the organising organisation (or above). */
  @Post()
  @Allow('organizer')
  @Operation('Create an event (a draft)')
  @ApiCreatedResponse({ type: EventDto })
  @Refuses({ 404: 'no such organisation' })
  createEvent(@Caller() caller: Principal, @Body() dto: CreateEventDto) {
    return this.events.create(caller, dto);
  }

  /** Event listings are public. */
  @Get()
  @Public()
  @ApiQuery({ name: 'organisationId', required: false, type: Number })
  @Operation('List events, optionally of one organisation')
  @ApiOkResponse({ type: [EventDto] })
  listEvents(@Query('organisationId', OptionalIdPipe) organisationId?: number) {
    return this.events.list(organisationId);
  }

  @Get(':id')
  @Public()
  @Operation('Read an event with its items')
  @ApiOkResponse({ type: EventDetailDto })
  @Refuses({ 404: 'no such event' })
  getEvent(@Param('id', ParseIdPipe) id: number) {
    return this.events.get(id);
  }

  /** Organizers of the event: opens or closes registration, starts or finishes the event. */
  @Post(':id/status')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Move an event to its next status')
  @ApiOkResponse({ type: EventDetailDto })
  @Refuses({ 404: 'no such event', 409: 'the event cannot move from its status to that one, or someone moved it meanwhile' })
  changeStatus(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ChangeStatusDto) {
    return this.events.move(caller, id, dto.status);
  }

  @Post(':id/items')
  @Allow('organizer')
  @Operation('Add an item (discipline) to an event')
  @ApiCreatedResponse({ type: ItemDto })
  @Refuses({ 404: 'no such event', 409: 'the event already has an item of this name' })
  addItem(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: CreateItemDto) {
    return this.events.addItem(caller, id, dto.name);
  }
}
