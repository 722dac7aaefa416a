import type { Principal } from '@app/identity';
import { ScoreSheetsService } from '@app/scoring';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { MarkChangeDto, RoundQueryDto, SaveSheetDto, SheetDto, SheetVersionDto } from './sheets.dto';

@ApiTags('scoring')
@Controller({ path: 'items/:itemId', version: '1' })
export class SheetsController {
  constructor(private readonly sheets: ScoreSheetsService) {}

  /** The judge on the sheet, the item's chief judge, organizers of the event. `?round=` for an item run in rounds, on every sheet route. */
  @Get('sheets/:judgeId')
  @Allow('judge', 'organizer')
  @ApiOkResponse({ type: SheetDto })
  get(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto) {
    return this.sheets.sheet(caller, itemId, judgeId, q.round);
  }

  /** A draft: the judge on it. Submitted or locked: the chief judge or an organizer, with a reason (kept in the audit trail). */
  @Put('sheets/:judgeId')
  @Allow('judge', 'organizer')
  @ApiOkResponse({ type: SheetDto })
  save(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto, @Body() dto: SaveSheetDto) {
    return this.sheets.save(caller, itemId, judgeId, dto, q.round);
  }

  /** The judge on the sheet. */
  @Post('sheets/:judgeId/submit')
  @HttpCode(200)
  @Allow('judge')
  @ApiOkResponse({ type: SheetDto })
  submit(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto, @Body() dto: SheetVersionDto) {
    return this.sheets.submit(caller, itemId, judgeId, dto.version, q.round);
  }

  /** The item's chief judge or an organizer of the event. */
  @Post('sheets/:judgeId/lock')
  @HttpCode(200)
  @Allow('judge', 'organizer')
  @ApiOkResponse({ type: SheetDto })
  lock(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto, @Body() dto: SheetVersionDto) {
    return this.sheets.lock(caller, itemId, judgeId, dto.version, q.round);
  }

  /** Organizers of the event: every change to a submitted mark, with who, when, before, after and why. */
  @Get('mark-changes')
  @Allow('organizer')
  @ApiOkResponse({ type: [MarkChangeDto] })
  changes(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.sheets.changes(caller, itemId);
  }
}
