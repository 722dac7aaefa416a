import type { Principal } from '@app/identity';
import { AwardListsService, type AwardListFile } from '@app/reporting';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Caller } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import { XLSX_TYPE } from '../http/raw-body';
import { AwardListDto } from './award-lists.dto';

/** Who won what: for the organizers of the event (their role covers the event's organisation), nobody else. */
@Tag('awards')
@Controller({ version: '1' })
export class AwardListsController {
  constructor(private readonly lists: AwardListsService) {}

  /** Every award of the event's items: place, prize money, certificate serial and verification code. */
  @Get('events/:eventId/awards')
  @Allow('organizer')
  @Operation('Who won what in an event', { name: 'listEventAwards' })
  @ApiOkResponse({ type: AwardListDto })
  @Refuses({ 404: 'no such event' })
  event(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.lists.forEvent(caller, eventId);
  }

  /** The same list as a workbook (sheet 获奖名单; times in Beijing time). */
  @Get('events/:eventId/awards.xlsx')
  @Allow('organizer')
  @Operation('Who won what in an event, as a workbook', { name: 'eventAwardsWorkbook' })
  @FileResponse('sheet 获奖名单, a Chinese header row, times in Beijing time', XLSX_TYPE)
  @Refuses({ 404: 'no such event' })
  async eventXlsx(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.lists.eventWorkbook(caller, eventId));
  }

  /** The awards of one item. */
  @Get('items/:itemId/awards')
  @Allow('organizer')
  @Operation('Who won what in an item', { name: 'listItemAwards' })
  @ApiOkResponse({ type: AwardListDto })
  @Refuses({ 404: 'no such item' })
  item(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.lists.forItem(caller, itemId);
  }

  /** The awards of one item as a workbook. */
  @Get('items/:itemId/awards.xlsx')
  @Allow('organizer')
  @Operation('Who won what in an item, as a workbook', { name: 'itemAwardsWorkbook' })
  @FileResponse('sheet 获奖名单, a Chinese header row, times in Beijing time', XLSX_TYPE)
  @Refuses({ 404: 'no such item' })
  async itemXlsx(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.lists.itemWorkbook(caller, itemId));
  }
}

function send(reply: FastifyReply, file: AwardListFile): Buffer {
  void reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.localName)}`);
  return file.body;
}
