import type { Principal } from '@app/identity';
import { BoardService, ResultsSettingsService } from '@app/results';
import { Body, Controller, Get, HttpCode, type MessageEvent, Param, Post, Put, Sse } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import type { Observable } from 'rxjs';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { GuestDto, RecordsDto, ResultsSettingsDto } from './results.dto';
import { BoardDto, GuestViewDto, RecordsViewDto, ResultsSettingsViewDto } from './results-views.dto';

@Tag('results')
@Controller({ version: '1' })
export class BoardController {
  constructor(
    private readonly boards: BoardService,
    private readonly settings: ResultsSettingsService,
  ) {}

  /** Public: delegation points, medal table and items. While the board is frozen the public gets the snapshot; a signed-in organizer of the event, live data. */
  @Get('events/:eventId/board')
  @Public()
  @Operation("An event's board: delegation points, medal table, items")
  @ApiOkResponse({ type: BoardDto })
  @Refuses({ 404: 'no such event' })
  getBoard(@Param('eventId', ParseIdPipe) eventId: number, @Caller() caller?: Principal) {
    return this.boards.board(eventId, caller);
  }

  /**
   * Public Server-Sent Events: `board` at once (and on freeze/unfreeze), then `results` after every
   * tally of an item of the event ({eventId, itemId, scoreVersion, board}); `ping` every 25 s.
   * Quiet about tallies while the board is frozen.
   */
  @Sse('events/:eventId/live')
  @Public()
  @Operation("Live updates of an event's board (Server-Sent Events)")
  @ApiOkResponse({
    description: 'events `board` (BoardDto), `results` ({eventId, itemId, scoreVersion, board}) and `ping`, each `data:` a JSON text',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @Refuses({ 404: 'no such event' })
  streamBoard(@Param('eventId', ParseIdPipe) eventId: number): Promise<Observable<MessageEvent>> {
    return this.boards.stream(eventId);
  }

  /** Organizers of the event. */
  @Post('events/:eventId/board/freeze')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Freeze an event's public board")
  @ApiOkResponse({ type: BoardDto })
  @Refuses({ 404: 'no such event' })
  freezeBoard(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.boards.freeze(caller, eventId);
  }

  /** Organizers of the event. */
  @Post('events/:eventId/board/unfreeze')
  @Allow('organizer')
  @HttpCode(200)
  @Operation("Unfreeze an event's public board")
  @ApiOkResponse({ type: BoardDto })
  @Refuses({ 404: 'no such event' })
  unfreezeBoard(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.boards.unfreeze(caller, eventId);
  }

  /** Public: placing points, medal order, notice period. */
  @Get('events/:eventId/results-settings')
  @Public()
  @Operation("An event's placing points, medal order and notice period")
  @ApiOkResponse({ type: ResultsSettingsViewDto })
  @Refuses({ 404: 'no such event' })
  getResultsSettings(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.settings.get(eventId);
  }

  /** Organizers of the event; what is left out keeps its value. */
  @Put('events/:eventId/results-settings')
  @Allow('organizer')
  @Operation("Change an event's placing points, medal order or notice period")
  @ApiOkResponse({ type: ResultsSettingsViewDto })
  @Refuses({ 404: 'no such event' })
  setResultsSettings(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ResultsSettingsDto) {
    return this.settings.put(caller, eventId, dto);
  }

  /** Public: the records an item's marks are measured against. */
  @Get('items/:itemId/records')
  @Public()
  @Operation("An item's meet and all-time records")
  @ApiOkResponse({ type: RecordsViewDto })
  @Refuses({ 404: 'no such item' })
  getRecords(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.settings.records(itemId);
  }

  /** Organizers of the event; the item is re-tallied so its record flags follow. */
  @Put('items/:itemId/records')
  @Allow('organizer')
  @Operation("Set an item's records; the item is re-tallied")
  @ApiOkResponse({ type: RecordsViewDto })
  @Refuses({ 404: 'no such item', 409: 'the results are final' })
  setRecords(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: RecordsDto) {
    return this.settings.putRecords(caller, itemId, dto);
  }

  /** Organizers of the event: a guest (特邀) is ranked but scores no points, wins no medal and sets no record. */
  @Put('entries/:entryId/guest')
  @Allow('organizer')
  @Operation('Mark an entry a guest (ranked, no points, medal or record)')
  @ApiOkResponse({ type: GuestViewDto })
  @Refuses({ 404: 'no such entry', 409: 'the results are final' })
  setGuest(@Caller() caller: Principal, @Param('entryId', ParseIdPipe) entryId: number, @Body() dto: GuestDto) {
    return this.settings.setGuest(caller, entryId, dto.guest);
  }
}
