import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { OptionalIdPipe, ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ChangeStatusDto, CreateEventDto, CreateItemDto, EventDetailDto, EventDto, ItemDto } from './events.dto';

@ApiTags('events')
@Controller({ path: 'events', version: '1' })
export class EventsController {
  constructor(private readonly events: EventsService) {}

  /** Organizers of the organising organisation (or above). */
  @Post()
  @Allow('organizer')
  @ApiCreatedResponse({ type: EventDto })
  create(@Caller() caller: Principal, @Body() dto: CreateEventDto) {
    return this.events.create(caller, dto);
  }

  /** Event listings are public. */
  @Get()
  @Public()
  @ApiQuery({ name: 'organisationId', required: false, type: Number })
  @ApiOkResponse({ type: [EventDto] })
  list(@Query('organisationId', OptionalIdPipe) organisationId?: number) {
    return this.events.list(organisationId);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: EventDetailDto })
  get(@Param('id', ParseIdPipe) id: number) {
    return this.events.get(id);
  }

  /** Organizers of the event: opens or closes registration, starts or finishes the event. */
  @Post(':id/status')
  @Allow('organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: EventDetailDto })
  move(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ChangeStatusDto) {
    return this.events.move(caller, id, dto.status);
  }

  @Post(':id/items')
  @Allow('organizer')
  @ApiCreatedResponse({ type: ItemDto })
  addItem(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: CreateItemDto) {
    return this.events.addItem(caller, id, dto.name);
  }
}
