import type { Principal } from '@app/identity';
import { MarkChangesService, ScoreSheetsService, SheetSubmissionService, SheetViews } from '@app/scoring';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Allow, Caller } from '../auth/auth.decorators';
import { MarkChangeDto, RoundQueryDto, SaveSheetDto, SheetDto, SheetVersionDto } from './sheets.dto';

@Tag('scoring')
@Controller({ path: 'items/:itemId', version: '1' })
export class SheetsController {
  constructor(
    private readonly views: SheetViews,
    private readonly sheets: ScoreSheetsService,
    private readonly submission: SheetSubmissionService,
    private readonly markChanges: MarkChangesService,
  ) {}

  /** The judge on the sheet, the item's chief judge, organizers of the event. `?round=` for an item run in rounds, on every sheet route. */
  @Get('sheets/:judgeId')
  @Allow('judge', 'organizer')
  @Operation("Read a judge's score sheet")
  @ApiOkResponse({ type: SheetDto })
  @Refuses({ 404: 'no such item, judge or round', 409: 'the item has no scheme yet' })
  getSheet(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto) {
    return this.views.sheet(caller, itemId, judgeId, q.round);
  }

  /** A draft: the judge on it. Submitted or locked: the chief judge or an organizer, with a reason (kept in the audit trail). */
  @Put('sheets/:judgeId')
  @Allow('judge', 'organizer')
  @Operation("Save a judge's score sheet (a draft, or a reasoned correction)")
  @ApiOkResponse({ type: SheetDto })
  @Refuses({
    404: 'no such item, judge or round',
    409: 'the sheet changed since `version` (details: currentVersion), it is submitted and needs the chief judge, the round is closed, or the results are final',
    422: 'a mark for an entry this judge does not score',
  })
  saveSheet(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto, @Body() dto: SaveSheetDto) {
    return this.sheets.save(caller, itemId, judgeId, dto, q.round);
  }

  /** The judge on the sheet. */
  @Post('sheets/:judgeId/submit')
  @HttpCode(200)
  @Allow('judge')
  @Operation('Hand in a score sheet; only submitted sheets count')
  @ApiOkResponse({ type: SheetDto })
  @Refuses({
    404: 'no such item, judge or round',
    409: 'the sheet changed since `version`, or is already submitted',
    422: 'the sheet cannot be submitted yet (details: each problem, e.g. aspect scores too far apart)',
  })
  submitSheet(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto, @Body() dto: SheetVersionDto) {
    return this.submission.submit(caller, itemId, judgeId, dto.version, q.round);
  }

  /** The item's chief judge or an organizer of the event. */
  @Post('sheets/:judgeId/lock')
  @HttpCode(200)
  @Allow('judge', 'organizer')
  @Operation('Lock a submitted score sheet')
  @ApiOkResponse({ type: SheetDto })
  @Refuses({ 404: 'no such item, judge or round', 409: 'the sheet changed since `version`, or is not submitted' })
  lockSheet(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('judgeId', ParseIdPipe) judgeId: number, @Query() q: RoundQueryDto, @Body() dto: SheetVersionDto) {
    return this.submission.lock(caller, itemId, judgeId, dto.version, q.round);
  }

  /** Organizers of the event: every change to a submitted mark, with who, when, before, after and why. */
  @Get('mark-changes')
  @Allow('organizer')
  @Operation("Every change to an item's submitted marks")
  @ApiOkResponse({ type: [MarkChangeDto] })
  @Refuses({ 404: 'no such item' })
  listMarkChanges(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.markChanges.changes(caller, itemId);
  }
}
