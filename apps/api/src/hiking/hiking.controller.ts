import { BoardService, RoutesService, WalkersService } from '@app/hiking';
import type { Principal } from '@app/identity';
import { Body, Controller, Get, HttpCode, type MessageEvent, Param, Post, Put, Sse } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import {
  SafetyBoardDto,
  CheckpointStaffDto,
  CheckpointViewDto,
  CreateRouteDto,
  EnrolDto,
  EnrolResultDto,
  LostDto,
  LostViewDto,
  MoveCutoffsDto,
  MoveWaveDto,
  NamedWalkerDto,
  RegroupDto,
  RegroupViewDto,
  RouteViewDto,
  RouteSettingsDto,
  SetCheckpointsDto,
  StaffAssignmentDto,
  WalkerDetailDto,
  WalkerDto,
  WaveDto,
  WaveViewDto,
  WithdrawDto,
} from './hiking.dto';

/** Organizers set up routes, checkpoints, waves and staff; staff and organizers watch the board. */
@Tag('hiking')
@Controller({ path: 'hiking', version: '1' })
export class HikingController {
  constructor(
    private readonly routes: RoutesService,
    private readonly walkers: WalkersService,
    private readonly boards: BoardService,
  ) {}

  @Post('items/:itemId/route')
  @Allow('organizer')
  @Operation('Make an item of a hiking event a route')
  @ApiCreatedResponse({ type: RouteViewDto })
  @Refuses({ 404: 'no such item', 409: 'the item is a route already', 422: 'the event is not a hiking event' })
  createRoute(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: CreateRouteDto) {
    return this.routes.create(caller, itemId, dto);
  }

  @Get('routes/:routeId')
  @Allow('organizer')
  @Operation('Read a route with its checkpoints and waves')
  @ApiOkResponse({ type: RouteViewDto })
  @Refuses({ 404: 'no such route' })
  getRoute(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number) {
    return this.routes.get(caller, routeId);
  }

  @Put('routes/:routeId')
  @Allow('organizer')
  @Operation("Change a route's settings (all but its reference start)")
  @ApiOkResponse({ type: RouteViewDto })
  @Refuses({ 404: 'no such route' })
  updateRoute(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Body() dto: RouteSettingsDto) {
    return this.routes.update(caller, routeId, dto);
  }

  @Put('routes/:routeId/checkpoints')
  @Allow('organizer')
  @Operation("Set a route's checkpoints in order (an existing one named by its id), scheduling their cut-offs")
  @ApiOkResponse({ type: RouteViewDto })
  @Refuses({ 404: 'no such route', 409: 'a checkpoint to remove or move has scans' })
  setCheckpoints(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Body() dto: SetCheckpointsDto) {
    return this.routes.setCheckpoints(caller, routeId, dto.checkpoints);
  }

  @Put('checkpoints/:checkpointId/cutoffs')
  @Allow('organizer')
  @Operation("Move a checkpoint's cut-offs; the stale cut-off jobs do nothing")
  @ApiOkResponse({ type: CheckpointViewDto })
  @Refuses({ 404: 'no such checkpoint' })
  moveCutoffs(@Caller() caller: Principal, @Param('checkpointId', ParseIdPipe) checkpointId: number, @Body() dto: MoveCutoffsDto) {
    return this.routes.moveCutoffs(caller, checkpointId, dto);
  }

  @Post('routes/:routeId/waves')
  @Allow('organizer')
  @Operation("Add a start wave to the route's event")
  @ApiCreatedResponse({ type: WaveViewDto })
  @Refuses({ 404: 'no such route' })
  addWave(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Body() dto: WaveDto) {
    return this.routes.addWave(caller, routeId, dto);
  }

  @Put('waves/:waveId')
  @Allow('organizer')
  @Operation("Move a wave's start; its walkers' cut-offs move with it")
  @ApiOkResponse({ type: WaveViewDto })
  @Refuses({ 404: 'no such wave' })
  moveWave(@Caller() caller: Principal, @Param('waveId', ParseIdPipe) waveId: number, @Body() dto: MoveWaveDto) {
    return this.routes.moveWave(caller, waveId, dto.startsAt);
  }

  @Post('routes/:routeId/walkers')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Enrol the route item's approved entries as walkers of a wave")
  @ApiOkResponse({ type: EnrolResultDto })
  @Refuses({ 404: 'no such route or wave' })
  enrol(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Body() dto: EnrolDto) {
    return this.walkers.enrol(caller, routeId, dto.waveId);
  }

  @Get('routes/:routeId/walkers')
  @Allow('organizer', 'checkpoint_staff')
  @Operation("List a route's walkers with their status")
  @ApiOkResponse({ type: [NamedWalkerDto] })
  @Refuses({ 404: 'no such route' })
  listWalkers(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number) {
    return this.walkers.list(caller, routeId);
  }

  @Post('routes/:routeId/regroups')
  @Allow('organizer', 'checkpoint_staff')
  @Operation('Approve a new team from the members still walking of teams broken by withdrawals')
  @ApiCreatedResponse({ type: RegroupViewDto })
  @Refuses({ 404: 'no such route or walker', 409: 'a walker no longer walking, or from a team not broken by withdrawals' })
  regroup(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Body() dto: RegroupDto) {
    return this.walkers.regroup(caller, routeId, dto);
  }

  @Post('checkpoints/:checkpointId/staff')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Assign a checkpoint staff member to a checkpoint')
  @ApiOkResponse({ type: StaffAssignmentDto })
  @Refuses({ 404: 'no such checkpoint or user' })
  assignStaff(@Caller() caller: Principal, @Param('checkpointId', ParseIdPipe) checkpointId: number, @Body() dto: CheckpointStaffDto) {
    return this.walkers.assignStaff(caller, checkpointId, dto.userId);
  }

  @Get('walkers/:walkerId')
  @Allow('any')
  @Operation("A walker's status and scans: the walker themself, the event's staff and organizers")
  @ApiOkResponse({ type: WalkerDetailDto })
  @Refuses({ 404: 'no such walker' })
  getWalker(@Caller() caller: Principal, @Param('walkerId', ParseIdPipe) walkerId: number) {
    return this.walkers.get(caller, walkerId);
  }

  @Post('walkers/:walkerId/withdraw')
  @Allow('any')
  @HttpCode(200)
  @Operation('Withdraw a walker: "I am out" from their phone, or by staff and organizers')
  @ApiOkResponse({ type: WalkerDto })
  @Refuses({ 404: 'no such walker or checkpoint', 409: 'the walker has finished or dropped already' })
  withdraw(@Caller() caller: Principal, @Param('walkerId', ParseIdPipe) walkerId: number, @Body() dto: WithdrawDto) {
    return this.walkers.withdraw(caller, walkerId, dto.reason, dto.checkpointId ?? null);
  }

  @Post('walkers/:walkerId/disqualify')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Disqualify a walker, with the reason and where (organizers of the event)')
  @ApiOkResponse({ type: WalkerDto })
  @Refuses({ 404: 'no such walker or checkpoint', 409: 'the walker is withdrawn or disqualified already' })
  disqualify(@Caller() caller: Principal, @Param('walkerId', ParseIdPipe) walkerId: number, @Body() dto: WithdrawDto) {
    return this.walkers.disqualify(caller, walkerId, dto.reason, dto.checkpointId ?? null);
  }

  @Put('walkers/:walkerId/lost')
  @Allow('organizer', 'checkpoint_staff')
  @Operation('Flag a walker lost, or clear it (any later scan clears it too)')
  @ApiOkResponse({ type: LostViewDto })
  @Refuses({ 404: 'no such walker' })
  setLost(@Caller() caller: Principal, @Param('walkerId', ParseIdPipe) walkerId: number, @Body() dto: LostDto) {
    return this.walkers.setLost(caller, walkerId, dto.lost);
  }

  /** Server-Sent Events for staff screens: `board` at once and after changes (at most one a second), `ping` every 25 s. */
  @Sse('routes/:routeId/board/live')
  @Allow('organizer', 'checkpoint_staff')
  @Operation('The safety board live (Server-Sent Events)')
  @ApiOkResponse({ description: 'events `board` (SafetyBoardDto) and `ping`, each `data:` a JSON text', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @Refuses({ 404: 'no such route' })
  liveBoard(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number): Promise<Observable<MessageEvent>> {
    return this.boards.stream(caller, routeId);
  }

  @Get('routes/:routeId/board')
  @Allow('organizer', 'checkpoint_staff')
  @Operation('The safety board: expected, arrived, missed and overdue per checkpoint, head-counts per segment')
  @ApiOkResponse({ type: SafetyBoardDto })
  @Refuses({ 404: 'no such route' })
  board(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number) {
    return this.boards.board(caller, routeId);
  }
}
