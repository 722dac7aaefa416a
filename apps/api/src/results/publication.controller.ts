import type { Principal } from '@app/identity';
import { AppealsService, PublicationService } from '@app/results';
import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { BodyLimit } from '../http/body-limits';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import type { FastifyReply } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { APPEAL_BODY_LIMIT, AppealDto, AppealDecisionDto, PublicationDto, ReasonDto } from './results.dto';
import { AppealViewDto, PublicationAuditDto } from './results-views.dto';

@Tag('results')
@Controller({ version: '1' })
export class PublicationController {
  constructor(
    private readonly publication: PublicationService,
    private readonly appealsService: AppealsService,
  ) {}

  /** Public: provisional, on notice (until when appeals are accepted) or final. */
  @Get('items/:itemId/publication')
  @Public()
  @Operation("An item's publication state", { name: 'getPublication' })
  @ApiOkResponse({ type: PublicationDto })
  @Refuses({ 404: 'no such item' })
  get(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.publication.get(itemId);
  }

  /** Organizers of the event: start the public notice (公示) for the event's notice period. */
  @Post('items/:itemId/publication/notice')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Put an item's results on public notice (公示)", { name: 'startNotice' })
  @ApiOkResponse({ type: PublicationDto })
  @Refuses({ 404: 'no such item', 409: 'not from the current state (details: status)' })
  notice(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.publication.publish(caller, itemId);
  }

  /** Organizers of the event: withdraw the notice, back to provisional. */
  @Post('items/:itemId/publication/retract')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Withdraw the notice, back to provisional', { name: 'retractNotice' })
  @ApiOkResponse({ type: PublicationDto })
  @Refuses({ 404: 'no such item', 409: 'not from the current state (details: status)' })
  retract(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: ReasonDto) {
    return this.publication.retract(caller, itemId, dto.reason);
  }

  /** Organizers of the event: after the notice, with every appeal decided. */
  @Post('items/:itemId/publication/finalize')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Make an item's results final", { name: 'finalizeResults' })
  @ApiOkResponse({ type: PublicationDto })
  @Refuses({ 404: 'no such item', 409: 'the notice is not over, appeals are open, or not from the current state' })
  finalize(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.publication.finalize(caller, itemId);
  }

  /** Organizers of the event: reopen final results for correction, with a reason. */
  @Post('items/:itemId/publication/reopen')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Reopen final results for correction, with a reason', { name: 'reopenResults' })
  @ApiOkResponse({ type: PublicationDto })
  @Refuses({ 404: 'no such item', 409: 'the results are not final' })
  reopen(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: ReasonDto) {
    return this.publication.reopen(caller, itemId, dto.reason);
  }

  /** Organizers of the event: every publication step and appeal decision, with who, when and why. */
  @Get('items/:itemId/publication/audit')
  @Allow('organizer')
  @Operation("Every publication step and appeal decision of an item", { name: 'listPublicationAudit' })
  @ApiOkResponse({ type: [PublicationAuditDto] })
  @Refuses({ 404: 'no such item' })
  audit(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.publication.audit(caller, itemId);
  }

  /** The contestant (or a team member) and delegation leaders over the entry, during the notice. */
  @Post('items/:itemId/appeals')
  @BodyLimit(APPEAL_BODY_LIMIT)
  @Allow('any')
  @Operation('File an appeal against a result during the notice')
  @ApiCreatedResponse({ type: AppealViewDto })
  @Refuses({ 404: 'no such item or entry', 409: 'the results are not on notice', 422: 'the entry is not in this item' })
  fileAppeal(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: AppealDto) {
    const attachments = (dto.attachments ?? []).map((a) => ({ fileName: a.fileName, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') }));
    return this.appealsService.fileAppeal(caller, itemId, { entryId: dto.entryId, reason: dto.reason, attachments });
  }

  /** Organizers of the event see every appeal of the item; anyone else, those they filed. */
  @Get('items/:itemId/appeals')
  @Allow('any')
  @Operation("An item's appeals", { name: 'listAppeals' })
  @ApiOkResponse({ type: [AppealViewDto] })
  @Refuses({ 404: 'no such item' })
  appeals(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.appealsService.appeals(caller, itemId);
  }

  /** Organizers of the event and whoever filed the appeal. */
  @Get('appeals/:appealId/attachments/:attachmentId')
  @Allow('any')
  @Operation("Download an appeal's attachment", { name: 'getAppealAttachment' })
  @FileResponse('the file as uploaded', 'image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4')
  @Refuses({ 404: 'no such appeal or attachment' })
  async attachment(
    @Caller() caller: Principal,
    @Param('appealId', ParseIdPipe) appealId: number,
    @Param('attachmentId', ParseIdPipe) attachmentId: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const file = await this.appealsService.attachment(caller, appealId, attachmentId);
    // A download, never a page: the browser neither renders it in our origin nor guesses another type.
    void reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(file.fileName, { type: 'attachment' }));
    return file.content;
  }

  /** Organizers of the event: uphold with the corrected marks and/or the entry reinstated (audited, re-tallied), in one step. */
  @Post('appeals/:appealId/uphold')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Uphold an appeal: correct the appealed entry's marks and/or reverse its disqualification or penalty (audited, re-tallied)", { name: 'upholdAppeal' })
  @ApiOkResponse({ type: AppealViewDto })
  @Refuses({ 404: 'no such appeal', 409: 'the appeal is decided already, or nothing to reinstate', 422: 'a corrected mark the judge does not score' })
  uphold(@Caller() caller: Principal, @Param('appealId', ParseIdPipe) appealId: number, @Body() dto: AppealDecisionDto) {
    return this.appealsService.decide(caller, appealId, 'uphold', dto.reason, { marks: dto.marks, reinstate: dto.reinstate, round: dto.round });
  }

  /** Organizers of the event: dismiss, with the reason given to the appellant. */
  @Post('appeals/:appealId/dismiss')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Dismiss an appeal, with the reason given to the appellant', { name: 'dismissAppeal' })
  @ApiOkResponse({ type: AppealViewDto })
  @Refuses({ 404: 'no such appeal', 409: 'the appeal is decided already' })
  dismiss(@Caller() caller: Principal, @Param('appealId', ParseIdPipe) appealId: number, @Body() dto: ReasonDto) {
    return this.appealsService.decide(caller, appealId, 'dismiss', dto.reason);
  }
}
