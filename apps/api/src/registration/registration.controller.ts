import type { Principal } from '@app/identity';
import { CheckInService, EntryWorkflowService, type IdempotencyKey, RegistrationService } from '@app/registration';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { Idempotency } from './idempotency-key';
import {
  CheckInCodeDto,
  CheckInDto,
  CheckInResultDto,
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

@ApiTags('registration')
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
  @ApiCreatedResponse({ type: RegisteredEntryDto })
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
  @ApiOkResponse({ type: [EntryDto] })
  list(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Query() query: EntryListQuery) {
    return this.workflow.list(caller, eventId, { limit: 500, ...query });
  }

  /** The entrant, leaders over their organisation, organizers of the event. */
  @Get('entries/:id')
  @Allow('any')
  @ApiOkResponse({ type: EntryDto })
  get(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.get(caller, id);
  }

  /** Organizers of the event. */
  @Post('entries/:id/approve')
  @Allow('organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryDto })
  approve(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.decide(caller, id, 'approved');
  }

  /** Organizers of the event; the reason is shown to the contestant. */
  @Post('entries/:id/reject')
  @Allow('organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryDto })
  reject(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: RejectDto) {
    return this.workflow.decide(caller, id, 'rejected', dto.reason);
  }

  /** The entrant, leaders over their organisation, organizers of the event. */
  @Post('entries/:id/withdraw')
  @Allow('any')
  @HttpCode(200)
  @ApiOkResponse({ type: EntryDto })
  withdraw(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.workflow.withdraw(caller, id);
  }

  /** The entrant, leaders over their organisation, organizers of the event: the QR code to show at the gate. */
  @Get('entries/:id/check-in-code')
  @Allow('any')
  @ApiOkResponse({ type: CheckInCodeDto })
  code(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.checkIn.code(caller, id);
  }

  /** Organizers of the event (gate staff). A repeated scan answers "already checked in at …". */
  @Post('events/:eventId/check-ins')
  @Allow('organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultDto })
  scan(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: CheckInDto) {
    return this.checkIn.scan(caller, eventId, dto.token);
  }

  /** Organizers of the event: every approved entry of one delegation at once. */
  @Post('events/:eventId/delegations/:organisationId/check-in')
  @Allow('organizer')
  @HttpCode(200)
  @ApiOkResponse({ type: DelegationCheckInDto })
  scanDelegation(
    @Caller() caller: Principal,
    @Param('eventId', ParseIdPipe) eventId: number,
    @Param('organisationId', ParseIdPipe) organisationId: number,
  ) {
    return this.checkIn.scanDelegation(caller, eventId, organisationId);
  }
}
