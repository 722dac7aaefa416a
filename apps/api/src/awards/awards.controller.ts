import { AwardRecordsService, AwardRulesService, PrizeLedgerService, RecognitionsService, RecordChangesService } from '@app/awards';
import type { Principal } from '@app/identity';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import type { FastifyReply } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ReasonDto } from '../results/results.dto';
import {
  AwardAuditDto,
  AwardRecordDto,
  AwardRulesDto,
  AwardRulesViewDto,
  AwardRunDto,
  CorrectionDto,
  LedgerDto,
  LedgerQueryDto,
  PaymentDto,
  RecognitionDto,
} from './awards.dto';
import { VerificationDto } from './verification.dto';

@Tag('awards')
@Controller({ version: '1' })
export class AwardsController {
  constructor(
    private readonly rules: AwardRulesService,
    private readonly recognitions: RecognitionsService,
    private readonly records: AwardRecordsService,
    private readonly changes: RecordChangesService,
    private readonly prizes: PrizeLedgerService,
  ) {}

  /** Public: an event's award rules (for items without their own). */
  @Get('events/:eventId/award-rules')
  @Public()
  @Operation("An event's award rules")
  @ApiOkResponse({ type: AwardRulesViewDto })
  @Refuses({ 404: 'no such event' })
  getEventAwardRules(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.rules.get(eventId, 0);
  }

  /** Organizers of the event. */
  @Put('events/:eventId/award-rules')
  @Allow('organizer')
  @Operation("Set an event's award rules (for items without their own)")
  @ApiOkResponse({ type: AwardRulesViewDto })
  @Refuses({ 404: 'no such event' })
  setEventAwardRules(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: AwardRulesDto) {
    return this.rules.set(caller, eventId, 0, dto.rules);
  }

  /** Public: the rules an item is awarded by (its own, else its event's). */
  @Get('items/:itemId/award-rules')
  @Public()
  @Operation('The award rules an item is awarded by')
  @ApiOkResponse({ type: AwardRulesViewDto })
  @Refuses({ 404: 'no such item' })
  async getItemAwardRules(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.rules.get(await this.rules.eventOf(itemId), itemId);
  }

  /** Organizers of the event. */
  @Put('items/:itemId/award-rules')
  @Allow('organizer')
  @Operation("Set an item's own award rules")
  @ApiOkResponse({ type: AwardRulesViewDto })
  @Refuses({ 404: 'no such item' })
  async setItemAwardRules(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: AwardRulesDto) {
    return this.rules.set(caller, await this.rules.eventOf(itemId), itemId, dto.rules);
  }

  /** Organizers of the event: grant again by the current rules (records already granted stay as they are). */
  @Post('items/:itemId/awards/run')
  @Allow('organizer')
  @HttpCode(202)
  @Operation("Grant an item's awards again by the current rules")
  @ApiAcceptedResponse({ type: AwardRunDto })
  @Refuses({ 404: 'no such item', 409: 'the results are not final' })
  runAwards(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.rules.requestGrant(caller, itemId);
  }

  /** Organizers of the issuing organisation: a title conferred on a person, outside any event. */
  @Post('recognitions')
  @Allow('organizer')
  @Operation('Confer a title on a person (杭州工匠…), outside any event')
  @ApiCreatedResponse({ type: AwardRecordDto })
  @Refuses({ 404: 'no such person or organisation', 409: 'the person already holds this title for the year' })
  conferRecognition(@Caller() caller: Principal, @Body() dto: RecognitionDto) {
    return this.recognitions.confer(caller, dto);
  }

  /** The person, and organizers over the issuer or the person's organisation. */
  @Get('award-records/:id')
  @Allow('any')
  @Operation('Read an award record')
  @ApiOkResponse({ type: AwardRecordDto })
  @Refuses({ 404: 'no such award record' })
  getAwardRecord(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.records.view(caller, id);
  }

  /** Organizers over the record. */
  @Get('award-records/:id/audit')
  @Allow('organizer')
  @Operation("An award record's history: who, when, why, before, after")
  @ApiOkResponse({ type: [AwardAuditDto] })
  @Refuses({ 404: 'no such award record' })
  awardRecordAudit(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.changes.audit(caller, id);
  }

  /** The person, and organizers over the record: the certificate at the record's current revision. */
  @Get('award-records/:id/certificate.pdf')
  @Allow('any')
  @Operation("Download the certificate (PDF) at the record's current revision")
  @FileResponse('the certificate, A4', 'application/pdf')
  @Refuses({ 404: 'no such award record', 409: 'the certificate is still being rendered; try again shortly' })
  async downloadCertificate(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Res() reply: FastifyReply) {
    const { serial, pdf } = await this.records.certificate(caller, id);
    return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `attachment; filename="certificate-${serial}.pdf"`).send(pdf);
  }

  /** Organizers over the record, with a reason. */
  @Post('award-records/:id/revoke')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Revoke an award, with a reason (it stays on record)')
  @ApiOkResponse({ type: AwardRecordDto })
  @Refuses({ 404: 'no such award record', 409: 'revoked already' })
  revokeAward(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ReasonDto) {
    return this.changes.revoke(caller, id, dto.reason);
  }

  /** Organizers over the record, with a reason. */
  @Post('award-records/:id/correct')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Correct an award record, with a reason')
  @ApiOkResponse({ type: AwardRecordDto })
  @Refuses({ 404: 'no such award record', 409: 'revoked, or the prize money is paid already', 422: 'nothing differs from the record' })
  correctAward(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: CorrectionDto) {
    return this.changes.correct(caller, id, dto);
  }

  /** Organizers over the record: pending prize money paid or cancelled. */
  @Post('award-records/:id/payment')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Record prize money as paid or cancelled')
  @ApiOkResponse({ type: AwardRecordDto })
  @Refuses({ 404: 'no such award record', 409: 'the prize money is not pending' })
  recordPayment(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: PaymentDto) {
    return this.changes.payment(caller, id, dto);
  }

  /** Organizers over the organisation: prize money of its subtree in a year, exact, with each line. */
  @Get('prize-ledger')
  @Allow('organizer')
  @Operation("Prize money of an organisation's subtree in a year")
  @ApiOkResponse({ type: LedgerDto })
  @Refuses({ 404: 'no such organisation' })
  prizeLedger(@Caller() caller: Principal, @Query() q: LedgerQueryDto) {
    return this.prizes.ledger(caller, q.organisationId, q.year);
  }

  /** Public, from the certificate's QR code: the name and award, and whether it stands. */
  @Get('verify/:code')
  @Public()
  @Operation("Verify a certificate by its QR code's code")
  @ApiOkResponse({ type: VerificationDto })
  @Refuses({ 404: 'no certificate has this code' })
  verifyCertificate(@Param('code') code: string) {
    return this.records.verify(code);
  }
}
