import type { Principal } from '@app/identity';
import { ScoreSheetsService } from '@app/scoring';
import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { MarkChangeDto, SaveSheetDto, SheetDto, SheetVersionDto } from './sheets.dto';

@ApiTags('scoring')
@Controller({ path: 'items/:itemId', version: '1' })
export class SheetsController {
  constructor(private readonly sheets: ScoreSheetsService) {}

  /** The judge on the sheet, the item's chief judge, organizers of the event. */
  @Get('sheets/:judgeId')
  @Allow('judge', 'organizer')
  @ApiOkResponse({ type: SheetDto })
  get(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Param('judgeId', ParseIntPipe) judgeId: number) {
    return this.sheets.sheet(caller, itemId, judgeId);
  }

  /** A draft: the judge on it. Submitted or locked: the chief judge or an organizer, with a reason (kept in the audit trail). */
  @Put('sheets/:judgeId')
  @Allow('judge', 'organizer')
  @ApiOkResponse({ type: SheetDto })
  save(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Param('judgeId', ParseIntPipe) judgeId: number, @Body() dto: SaveSheetDto) {
    return this.sheets.save(caller, itemId, judgeId, dto);
  }

  /** The judge on the sheet. */
  @Post('sheets/:judgeId/submit')
  @HttpCode(200)
  @Allow('judge')
  @ApiOkResponse({ type: SheetDto })
  submit(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Param('judgeId', ParseIntPipe) judgeId: number, @Body() dto: SheetVersionDto) {
    return this.sheets.submit(caller, itemId, judgeId, dto.version);
  }

  /** The item's chief judge or an organizer of the event. */
  @Post('sheets/:judgeId/lock')
  @HttpCode(200)
  @Allow('judge', 'organizer')
  @ApiOkResponse({ type: SheetDto })
  lock(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Param('judgeId', ParseIntPipe) judgeId: number, @Body() dto: SheetVersionDto) {
    return this.sheets.lock(caller, itemId, judgeId, dto.version);
  }

  /** Organizers of the event: every change to a submitted mark, with who, when, before, after and why. */
  @Get('mark-changes')
  @Allow('organizer')
  @ApiOkResponse({ type: [MarkChangeDto] })
  changes(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number) {
    return this.sheets.changes(caller, itemId);
  }
}
