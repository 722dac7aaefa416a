import type { Principal } from '@app/identity';
import { EmployersService, PositionsService } from '@app/job-fair';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import {
  AddStaffDto,
  StaffDto,
  ApplyToFairDto,
  BoothDto,
  CreatePositionDto,
  FairDecisionDto,
  EmployerDto,
  EmployerQuery,
  ParticipationDto,
  PositionDto,
  PositionSearchQuery,
  PositionFiltersDto,
  PositionsOfferedDto,
  RegisterEmployerDto,
  SearchPageDto,
} from './job-fair.dto';

/**
 * Job fairs: employers (outside the union tree, acting through their staff), their taking part in a
 * fair, booths, and postings. Organizers of the fair's organisation review; seekers search.
 */
@Tag('job-fair')
@Controller({ version: '1' })
export class JobFairController {
  constructor(
    private readonly employers: EmployersService,
    private readonly positions: PositionsService,
  ) {}

  @Post('fair-employers')
  @Allow('employer')
  @Operation('Register an employer; the caller becomes its staff')
  @ApiCreatedResponse({ type: EmployerDto })
  @Refuses({ 409: 'the credit code is registered already' })
  registerEmployer(@Caller() caller: Principal, @Body() dto: RegisterEmployerDto) {
    return this.employers.register(caller, dto);
  }

  @Get('fair-employers/mine')
  @Allow('employer')
  @Operation('List the employers the caller acts for')
  @ApiOkResponse({ type: [EmployerDto] })
  listMyEmployers(@Caller() caller: Principal) {
    return this.employers.mine(caller);
  }

  /** Staff add a colleague to their own employer; staff of another employer are refused. */
  @Post('fair-employers/:id/staff')
  @Allow('employer')
  @Operation('Add a colleague to the staff of an employer the caller acts for')
  @ApiCreatedResponse({ type: StaffDto })
  @Refuses({ 404: 'no such employer or person', 409: 'staff already' })
  addEmployerStaff(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: AddStaffDto) {
    return this.employers.addStaff(caller, id, dto.userId);
  }

  @Get('fair-employers/:id/participations')
  @Allow('employer')
  @Operation("List an employer's applications to fairs, with decisions and booths")
  @ApiOkResponse({ type: [ParticipationDto] })
  @Refuses({ 404: 'no such employer' })
  listEmployerParticipations(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.employers.ofEmployer(caller, id);
  }

  @Post('fairs/:eventId/participations')
  @Allow('employer')
  @Operation('Apply for an employer to take part in a fair')
  @ApiCreatedResponse({ type: ParticipationDto })
  @Refuses({ 404: 'no such fair or employer', 409: 'the event is not a job fair, or the employer applied already' })
  applyToFair(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ApplyToFairDto) {
    return this.employers.apply(caller, eventId, dto.employerId);
  }

  @Get('fairs/:eventId/participations')
  @Allow('organizer')
  @Operation("List a fair's employers and their applications, for review")
  @ApiOkResponse({ type: [ParticipationDto] })
  @Refuses({ 404: 'no such fair', 409: 'the event is not a job fair' })
  listFairParticipations(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.employers.list(caller, eventId);
  }

  @Post('fair-participations/:id/decision')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Approve or refuse (with a reason) an employer's application to a fair")
  @ApiOkResponse({ type: ParticipationDto })
  @Refuses({ 404: 'no such application', 409: 'decided already' })
  decideParticipation(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: FairDecisionDto) {
    return this.employers.decide(caller, id, dto.decision, dto.reason);
  }

  @Put('fair-participations/:id/booth')
  @Allow('organizer')
  @Operation('Assign an approved employer its booth (hall and number)')
  @ApiOkResponse({ type: ParticipationDto })
  @Refuses({ 404: 'no such application', 409: 'not approved, or the booth is taken' })
  assignBooth(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: BoothDto) {
    return this.employers.assignBooth(caller, id, dto.hall, dto.number);
  }

  @Post('fairs/:eventId/positions')
  @Allow('employer')
  @Operation('Post a position at a fair (pending until approved)')
  @ApiCreatedResponse({ type: PositionDto })
  @Refuses({ 404: 'no such fair or employer', 409: 'the event is not a job fair', 422: 'the employer is not approved for the fair' })
  createPosition(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: CreatePositionDto) {
    return this.positions.create(caller, eventId, dto);
  }

  @Get('fairs/:eventId/positions/pending')
  @Allow('organizer')
  @Operation('List postings awaiting review, with the terms a public fair may not publish highlighted')
  @ApiOkResponse({ type: [PositionDto] })
  @Refuses({ 404: 'no such fair', 409: 'the event is not a job fair' })
  listPendingPositions(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.positions.pending(caller, eventId);
  }

  @Get('fairs/:eventId/positions/own')
  @Allow('employer')
  @Operation("List an employer's own postings at a fair, in every status")
  @ApiOkResponse({ type: [PositionDto] })
  @Refuses({ 404: 'no such fair or employer', 409: 'the event is not a job fair' })
  listEmployerPositions(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Query() q: EmployerQuery) {
    return this.positions.ofEmployer(caller, eventId, q.employerId);
  }

  @Post('fair-positions/:id/review')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Approve or refuse (with a reason) a posting')
  @ApiOkResponse({ type: PositionDto })
  @Refuses({ 404: 'no such posting', 409: 'reviewed already' })
  reviewPosition(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: FairDecisionDto) {
    return this.positions.review(caller, id, dto.decision, dto.reason);
  }

  /** Approved postings are what a public fair publishes. */
  @Get('fairs/:eventId/positions')
  @Public()
  @Operation("Search a fair's approved postings by Chinese keyword and filters, paged")
  @ApiOkResponse({ type: SearchPageDto })
  @Refuses({ 404: 'no such fair', 409: 'the event is not a job fair' })
  searchPositions(@Param('eventId', ParseIdPipe) eventId: number, @Query() q: PositionSearchQuery) {
    return this.positions.search(eventId, q);
  }

  @Get('fairs/:eventId/position-filters')
  @Public()
  @Operation("The districts and industries a fair's approved postings name, for the search's filters")
  @ApiOkResponse({ type: PositionFiltersDto })
  @Refuses({ 404: 'no such fair', 409: 'the event is not a job fair' })
  positionFilters(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.positions.filters(eventId);
  }

  @Get('fairs/:eventId/positions-offered')
  @Public()
  @Operation('Positions offered at a fair, as the reports count them')
  @ApiOkResponse({ type: PositionsOfferedDto })
  @Refuses({ 404: 'no such fair', 409: 'the event is not a job fair' })
  positionsOffered(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.positions.offered(eventId);
  }

  @Get('fair-positions/:id')
  @Public()
  @Operation('Read an approved posting')
  @ApiOkResponse({ type: PositionDto })
  @Refuses({ 404: 'no such posting' })
  getPosition(@Param('id', ParseIdPipe) id: number) {
    return this.positions.get(id);
  }
}
