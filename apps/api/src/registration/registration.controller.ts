import type { Principal } from '@app/identity';
import { CheckInService, EntryWorkflowService, type IdempotencyKey, RegistrationService } from '@app/registration';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Allow, Caller } from '../auth/auth.decorators';
import { Idempotency } from './idempotency-key';
import {
  CheckInCodeDto,
  CheckInDto,
  CheckInResultDto,
  CheckInSummaryDto,
  DelegationCheckInDto,
  EntryDto,
  EntryListQuery,
  RegisterDto,
  RegisteredEntryDto,
  RejectDto,
} from './registration.dto';

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'a retry with the same key returns the first answer and creates nothing new',
};

@Tag('registration')
@Controller({ version: '1' })
export class RegistrationController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly workflow: EntryWorkflowService,
    private readonly checkIn: CheckInService,
  ) {}

  /** Contestants for themselves (where the event allows it); delegation leaders and organizers for the people of their organisations. */
  @Post('items/:itemId/entries')
  @Allow('contestant', 'delegation_leader', 'organizer')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @Operation("Register for an item: oneself, one of one's people, or a team")
  @ApiCreatedResponse({ type: RegisteredEntryDto })
  @Refuses({
    404: 'no such item or person',
    409: 'not in the registration period, or already entered',
    422: 'not eligible (details list every failed rule), no profile, an invalid team, or an Idempotency-Key reused for another body',
  })
  register(
    @Caller() caller: Principal,
    @Param('itemId', ParseIdPipe) itemId: number,
    @Body() dto: RegisterDto,
    @Idempotency() idem: IdempotencyKey | undefined,
  ) {
    return this.registration.register(caller, itemId, dto, idem);
  }

  /** Organizers see every entry of the event; delegation leaders those of their organisations. */
  @Get('events/:eventId/entries')
  @Allow('organizer', 'delegation_leader')
  @Operation("List an event's entries")
  @ApiOkResponse({ type: [EntryDto] })
  @Refuses({ 404: 'no such event' })
  listEntries(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Query() query: EntryListQuery) {
    return this.workflow.list(caller, eventId, { limit: 500, ...query });
  }

  /** The entrant, leaders over their organisation, organizers of the event. */
  @Get('entries/:id')
  @Allow('any')
  @Operation('Read an entry')
  @ApiOkResponse({ type: EntryDto })
  @Refuses({ 404: 'no such entry' })
  getEntry(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.get(caller, id);
  }

  /** Organizers of the event. */
  @Post('entries/:id/approve')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Approve an entry; hands out its bib')
  @ApiOkResponse({ type: EntryDto })
  @Refuses({ 404: 'no such entry', 409: 'the entry cannot be approved from its status, or no place is left' })
  approveEntry(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.decide(caller, id, 'approved');
  }

  /** Organizers of the event; the reason is shown to the contestant. */
  @Post('entries/:id/reject')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Reject an entry, with the reason')
  @ApiOkResponse({ type: EntryDto })
  @Refuses({ 404: 'no such entry', 409: 'the entry cannot be rejected from its status' })
  rejectEntry(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: RejectDto) {
    return this.workflow.decide(caller, id, 'rejected', dto.reason);
  }

  /** The entrant, leaders over their organisation, organizers of the event. */
  @Post('entries/:id/withdraw')
  @Allow('any')
  @HttpCode(200)
  @Operation('Withdraw an entry; its place goes to the waitlist')
  @ApiOkResponse({ type: EntryDto })
  @Refuses({ 404: 'no such entry', 409: 'the entry cannot be withdrawn from its status' })
  withdrawEntry(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.withdraw(caller, id);
  }

  /** The entrant, leaders over their organisation, organizers of the event: the QR code to show at the gate. */
  @Get('entries/:id/check-in-code')
  @Allow('any')
  @Operation("An entry's check-in code (signed token and QR code)")
  @ApiOkResponse({ type: CheckInCodeDto })
  @Refuses({ 404: 'no such entry', 409: 'the entry is not approved' })
  checkInCode(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.checkIn.code(caller, id);
  }

  /** Organizers of the event (gate staff). A repeated scan answers "already checked in at …". */
  @Post('events/:eventId/check-ins')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Check an entrant in by their code')
  @ApiOkResponse({ type: CheckInResultDto })
  @Refuses({ 404: 'no such event', 409: 'the entry is not approved' })
  checkInEntrant(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: CheckInDto) {
    return this.checkIn.scan(caller, eventId, dto.token);
  }

  /** Organizers of the event: the gate's counter, and the check-in page's test of who may scan. */
  @Get('events/:eventId/check-ins')
  @Allow('organizer')
  @Operation('How many approved entries of the event have checked in')
  @ApiOkResponse({ type: CheckInSummaryDto })
  @Refuses({ 404: 'no such event' })
  checkInSummary(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.checkIn.summary(caller, eventId);
  }

  /** Organizers of the event: every approved entry of one delegation at once. */
  @Post('events/:eventId/delegations/:organisationId/check-in')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Check in a delegation's approved entries at once")
  @ApiOkResponse({ type: DelegationCheckInDto })
  @Refuses({ 404: 'no such event or organisation' })
  checkInDelegation(
    @Caller() caller: Principal,
    @Param('eventId', ParseIdPipe) eventId: number,
    @Param('organisationId', ParseIdPipe) organisationId: number,
  ) {
    return this.checkIn.scanDelegation(caller, eventId, organisationId);
  }
}
