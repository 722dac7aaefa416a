import { HikingViews, RouteStaff } from '@app/hiking';
import type { Principal } from '@app/identity';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { EventRouteDto, MyWalkerDto, RouteOutlineDto, RouteResultsDto, RouteStaffDto, StaffCheckpointDto, StaffQuery } from './hiking-views.dto';

/** What the hiking pages read: a staff member's checkpoints, a walker's own walks, a route's outline, staff to pick and results. */
@Tag('hiking')
@Controller({ path: 'hiking', version: '1' })
export class HikingViewsController {
  constructor(
    private readonly views: HikingViews,
    private readonly staff: RouteStaff,
  ) {}

  @Get('me/checkpoints')
  @Allow('any')
  @Operation('The checkpoints the caller is assigned to as staff')
  @ApiOkResponse({ type: [StaffCheckpointDto] })
  myCheckpoints(@Caller() caller: Principal) {
    return this.views.myCheckpoints(caller);
  }

  @Get('me/walkers')
  @Allow('any')
  @Operation("The caller's own walks, with where they were last scanned")
  @ApiOkResponse({ type: [MyWalkerDto] })
  myWalkers(@Caller() caller: Principal) {
    return this.views.myWalkers(caller);
  }

  @Get('events/:eventId/routes')
  @Allow('organizer')
  @Operation("An event's routes (organizers of the event)")
  @ApiOkResponse({ type: [EventRouteDto] })
  @Refuses({ 404: 'the event has no route' })
  eventRoutes(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.views.eventRoutes(caller, eventId);
  }

  @Get('routes/:routeId/outline')
  @Allow('organizer', 'checkpoint_staff')
  @Operation("A route's checkpoints for the board's map, and which the caller staffs")
  @ApiOkResponse({ type: RouteOutlineDto })
  @Refuses({ 404: 'no such route' })
  outline(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number) {
    return this.views.outline(caller, routeId);
  }

  @Get('routes/:routeId/staff')
  @Allow('organizer')
  @Operation("Checkpoint staff to assign on a route, by name, and who staffs which checkpoint (organizers of the event)")
  @ApiOkResponse({ type: RouteStaffDto })
  @Refuses({ 404: 'no such route' })
  routeStaff(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Query() query: StaffQuery) {
    return this.staff.of(caller, routeId, query.q);
  }

  /** Public like every result list; a walker still on the trail shows no splits, so nobody locates them here. */
  @Get('routes/:routeId/results')
  @Public()
  @Operation('Results: teams by rank with gun, net and team time, members with splits per segment')
  @ApiOkResponse({ type: RouteResultsDto })
  @Refuses({ 404: 'no such route' })
  results(@Param('routeId', ParseIdPipe) routeId: number) {
    return this.views.results(routeId);
  }
}
