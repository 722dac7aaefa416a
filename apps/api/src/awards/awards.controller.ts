import { AwardGrantsService, AwardRecordsService, AwardRulesService } from '@app/awards';
import type { Principal } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ReasonDto } from '../results/results.dto';
import { VerificationDto } from './award-lists.dto';
import { AwardRulesDto, CorrectionDto, LedgerQueryDto, PaymentDto, RecognitionDto } from './awards.dto';

@ApiTags('awards')
@Controller({ version: '1' })
export class AwardsController {
  constructor(
    private readonly rules: AwardRulesService,
    private readonly grants: AwardGrantsService,
    private readonly records: AwardRecordsService,
  ) {}

  /** Public: an event's award rules (for items without their own). */
  @Get('events/:eventId/award-rules')
  @Public()
  eventRules(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.rules.get(eventId, 0);
  }

  /** Organizers of the event. */
  @Put('events/:eventId/award-rules')
  @Allow('organizer')
  setEventRules(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: AwardRulesDto) {
    return this.rules.set(caller, eventId, 0, dto.rules);
  }

  /** Public: the rules an item is awarded by (its own, else its event's). */
  @Get('items/:itemId/award-rules')
  @Public()
  async itemRules(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.rules.get(await this.rules.eventOf(itemId), itemId);
  }

  /** Organizers of the event. */
  @Put('items/:itemId/award-rules')
  @Allow('organizer')
  async setItemRules(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: AwardRulesDto) {
    return this.rules.set(caller, await this.rules.eventOf(itemId), itemId, dto.rules);
  }

  /** Organizers of the event: grant again by the current rules (records already granted stay as they are). */
  @Post('items/:itemId/awards/run')
  @Allow('organizer')
  @HttpCode(202)
  run(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.rules.requestGrant(caller, itemId);
  }

  /** Organizers of the issuing organisation: a title conferred on a person, outside any event. */
  @Post('recognitions')
  @Allow('organizer')
  confer(@Caller() caller: Principal, @Body() dto: RecognitionDto) {
    return this.records.confer(caller, dto);
  }

  /** The person, and organizers over the issuer or the person's organisation. */
  @Get('award-records/:id')
  @Allow('any')
  record(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.records.view(caller, id);
  }

  /** Organizers over the record. */
  @Get('award-records/:id/audit')
  @Allow('organizer')
  audit(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.records.audit(caller, id);
  }

  /** The person, and organizers over the record: the certificate at the record's current revision. */
  @Get('award-records/:id/certificate.pdf')
  @Allow('any')
  async certificate(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Res() reply: FastifyReply) {
    const { serial, pdf } = await this.records.certificate(caller, id);
    return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="certificate-${serial}.pdf"`).send(pdf);
  }

  /** Organizers over the record, with a reason. */
  @Post('award-records/:id/revoke')
  @Allow('organizer')
  @HttpCode(200)
  revoke(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ReasonDto) {
    return this.records.revoke(caller, id, dto.reason);
  }

  /** Organizers over the record, with a reason. */
  @Post('award-records/:id/correct')
  @Allow('organizer')
  @HttpCode(200)
  correct(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: CorrectionDto) {
    return this.records.correct(caller, id, dto);
  }

  /** Organizers over the record: pending prize money paid or cancelled. */
  @Post('award-records/:id/payment')
  @Allow('organizer')
  @HttpCode(200)
  payment(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: PaymentDto) {
    return this.records.payment(caller, id, dto);
  }

  /** Organizers over the organisation: prize money of its subtree in a year, exact, with each line. */
  @Get('prize-ledger')
  @Allow('organizer')
  ledger(@Caller() caller: Principal, @Query() q: LedgerQueryDto) {
    return this.records.ledger(caller, q.organisationId, q.year);
  }

  /** Public, from the certificate's QR code: the name and award, and whether it stands. */
  @Get('verify/:code')
  @Public()
  @ApiOkResponse({ type: VerificationDto })
  verify(@Param('code') code: string) {
    return this.records.verify(code);
  }
}
