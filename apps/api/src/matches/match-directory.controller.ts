import type { Principal } from '@app/identity';
import { MatchDirectory } from '@app/matches';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { MatchAssignmentDto, MatchItemSummaryDto } from './matches-views.dto';

/** Where the match pages start: an event's match items, and a judge's own. */
@Tag('matches')
@Controller({ path: 'matches', version: '1' })
export class MatchDirectoryController {
  constructor(private readonly directory: MatchDirectory) {}

  @Get('events/:eventId/items')
  @Public()
  @Operation("An event's items played as matches")
  @ApiOkResponse({ type: [MatchItemSummaryDto] })
  @Refuses({ 404: 'no such event' })
  ofEvent(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.directory.ofEvent(eventId);
  }

  @Get('mine')
  @Allow('judge')
  @Operation('The match items the calling judge is assigned to')
  @ApiOkResponse({ type: [MatchAssignmentDto] })
  myMatchItems(@Caller() caller: Principal) {
    return this.directory.assignedTo(caller);
  }
}
