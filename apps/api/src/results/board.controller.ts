import type { Principal } from '@app/identity';
import { BoardService, ResultsSettingsService } from '@app/results';
import { Body, Controller, Get, HttpCode, type MessageEvent, Param, Post, Put, Sse } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { GuestDto, RecordsDto, ResultsSettingsDto } from './results.dto';

@ApiTags('results')
@Controller({ version: '1' })
export class BoardController {
  constructor(
    private readonly boards: BoardService,
    private readonly settings: ResultsSettingsService,
  ) {}

  /** Public: delegation points, medal table and items. While the board is frozen the public gets the snapshot; a signed-in organizer of the event, live data. */
  @Get('events/:eventId/board')
  @Public()
  board(@Param('eventId', ParseIdPipe) eventId: number, @Caller() caller?: Principal) {
    return this.boards.board(eventId, caller);
  }

  /**
   * Public Server-Sent Events: `board` at once (and on freeze/unfreeze), then `results` after every
   * tally of an item of the event ({eventId, itemId, scoreVersion, board}); `ping` every 25 s.
   * Quiet about tallies while the board is frozen.
   */
  @Sse('events/:eventId/live')
  @Public()
  @ApiProduces('text/event-stream')
  live(@Param('eventId', ParseIdPipe) eventId: number): Promise<Observable<MessageEvent>> {
    return this.boards.stream(eventId);
  }

  /** Organizers of the event. */
  @Post('events/:eventId/board/freeze')
  @Allow('organizer')
  @HttpCode(200)
  freeze(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.boards.freeze(caller, eventId);
  }

  /** Organizers of the event. */
  @Post('events/:eventId/board/unfreeze')
  @Allow('organizer')
  @HttpCode(200)
  unfreeze(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.boards.unfreeze(caller, eventId);
  }

  /** Public: placing points, medal order, notice period. */
  @Get('events/:eventId/results-settings')
  @Public()
  @ApiOkResponse({ type: ResultsSettingsDto })
  getSettings(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.settings.get(eventId);
  }

  /** Organizers of the event; what is left out keeps its value. */
  @Put('events/:eventId/results-settings')
  @Allow('organizer')
  @ApiOkResponse({ type: ResultsSettingsDto })
  putSettings(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ResultsSettingsDto) {
    return this.settings.put(caller, eventId, dto);
  }

  /** Public: the records an item's marks are measured against. */
  @Get('items/:itemId/records')
  @Public()
  @ApiOkResponse({ type: RecordsDto })
  records(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.settings.records(itemId);
  }

  /** Organizers of the event; the item is re-tallied so its record flags follow. */
  @Put('items/:itemId/records')
  @Allow('organizer')
  @ApiOkResponse({ type: RecordsDto })
  putRecords(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: RecordsDto) {
    return this.settings.putRecords(caller, itemId, dto);
  }

  /** Organizers of the event: a guest (特邀) is ranked but scores no points, wins no medal and sets no record. */
  @Put('entries/:entryId/guest')
  @Allow('organizer')
  guest(@Caller() caller: Principal, @Param('entryId', ParseIdPipe) entryId: number, @Body() dto: GuestDto) {
    return this.settings.setGuest(caller, entryId, dto.guest);
  }
}
