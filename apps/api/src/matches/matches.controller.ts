import type { Principal } from '@app/identity';
import { MatchesService, MatchResultsService, MatchStandings, SwissService } from '@app/matches';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { BodyLimit } from '../http/body-limits';
import { ParseIdPipe } from '../http/ids';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import { XLSX_TYPE } from '../http/raw-body';
import {
  BracketDto,
  MatchChangeViewDto,
  CrosstableDto,
  MatchItemViewDto,
  MatchViewDto,
  OfficialViewDto,
  OrderOfPlayRowDto,
  ReopenViewDto,
  SwissBoardViewDto,
  SwissManualRoundDto,
  SwissRoundViewDto,
  TrfStandingsDto,
} from './matches-views.dto';
import { ConfigureMatchItemDto, MatchDrawDto, EntrantsDto, MatchResultDto, OfficialDto, ReopenDto, ScheduleDto, SwissResultDto, SwissRoundDto, TRF_BODY_LIMIT, TrfImportDto } from './matches.dto';

@Tag('matches')
@Controller({ path: 'matches', version: '1' })
export class MatchesController {
  constructor(
    private readonly matches: MatchesService,
    private readonly results: MatchResultsService,
    private readonly standings: MatchStandings,
    private readonly swiss: SwissService,
  ) {}

  /** Organizers of the event: the item is played as matches, in this format. */
  @Put('items/:itemId')
  @Allow('organizer')
  @Operation('Make an item a match item, or change its format before the draw')
  @ApiOkResponse({ type: MatchItemViewDto })
  @Refuses({ 404: 'no such item', 409: 'already drawn' })
  configure(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: ConfigureMatchItemDto) {
    return this.matches.configure(caller, itemId, dto.format, dto.settings);
  }

  @Get('items/:itemId')
  @Public()
  @Operation("A match item's format, status and entrants with their seeds")
  @ApiOkResponse({ type: MatchItemViewDto })
  @Refuses({ 404: 'not a match item' })
  view(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.matches.view(itemId);
  }

  /** Organizers of the event: who plays and the seeds, before the draw. */
  @Put('items/:itemId/entrants')
  @Allow('organizer')
  @Operation('Set the entrants and seeds of a match item')
  @ApiOkResponse({ type: MatchItemViewDto })
  @Refuses({ 404: 'not a match item', 409: 'already drawn, or results exist', 422: 'an entry not approved for this item' })
  entrants(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: EntrantsDto) {
    return this.matches.setEntrants(caller, itemId, dto.entrants);
  }

  @Post('items/:itemId/draw')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Make the draw (seeds, byes, lot recorded) or the groups')
  @ApiOkResponse({ type: MatchItemViewDto })
  @Refuses({ 404: 'not a match item', 409: 'already drawn, or a Swiss item', 422: 'too few entrants' })
  draw(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: MatchDrawDto) {
    return this.matches.draw(caller, itemId, dto);
  }

  @Post('items/:itemId/knockout')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Make the knockout from the finished groups')
  @ApiOkResponse({ type: MatchItemViewDto })
  @Refuses({ 404: 'not a match item', 409: 'not groups feeding a knockout, a group match unplayed, or already drawn' })
  knockout(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.matches.drawKnockout(caller, itemId);
  }

  @Post('items/:itemId/officials')
  @Allow('organizer')
  @Operation('Assign a judge to a match, a court or the whole item')
  @ApiCreatedResponse({ type: [OfficialViewDto] })
  @Refuses({ 404: 'not a match item, or no such match', 422: 'not a judge of the event' })
  assign(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: OfficialDto) {
    return this.results.assign(caller, itemId, dto);
  }

  @Post('items/:itemId/reopen')
  @Allow('organizer')
  @HttpCode(200)
  @Operation('Reopen a match item for corrections after later matches, or close it again')
  @ApiOkResponse({ type: ReopenViewDto })
  @Refuses({ 404: 'not a match item' })
  reopen(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: ReopenDto) {
    return this.results.reopen(caller, itemId, dto.open, dto.reason);
  }

  @Get('items/:itemId/changes')
  @Allow('organizer')
  @Operation("A match item's audit: draws, results, corrections, reopenings, hand pairings")
  @ApiOkResponse({ type: [MatchChangeViewDto] })
  @Refuses({ 404: 'not a match item' })
  changes(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.matches.changes(caller, itemId);
  }

  @Get('items/:itemId/order-of-play')
  @Public()
  @Operation('The order of play: courts, times (Beijing) and players')
  @ApiOkResponse({ type: [OrderOfPlayRowDto] })
  @Refuses({ 404: 'not a match item' })
  orderOfPlay(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.results.orderOfPlay(itemId);
  }

  @Get('items/:itemId/bracket')
  @Public()
  @Operation('The draw as brackets-viewer reads it')
  @ApiOkResponse({ type: BracketDto })
  @Refuses({ 404: 'not a match item' })
  bracket(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.standings.bracket(itemId);
  }

  /** Judges assigned to the match, its court or the item. */
  @Post(':matchId/result')
  @Allow('judge')
  @HttpCode(200)
  @Operation("Enter or correct a match's result; the winner moves on")
  @ApiOkResponse({ type: MatchViewDto })
  @Refuses({
    404: 'no such match',
    409: 'players not known yet, or later matches already played',
  })
  result(@Caller() caller: Principal, @Param('matchId', ParseIdPipe) matchId: number, @Body() dto: MatchResultDto) {
    return this.results.enter(caller, matchId, dto);
  }

  @Put(':matchId/schedule')
  @Allow('organizer')
  @Operation('Put a match on a court at a time')
  @ApiOkResponse({ type: MatchViewDto })
  @Refuses({ 404: 'no such match', 409: 'the court is taken, or a player plays elsewhere, in that slot' })
  schedule(@Caller() caller: Principal, @Param('matchId', ParseIdPipe) matchId: number, @Body() dto: ScheduleDto) {
    return this.results.schedule(caller, matchId, dto.court ?? null, dto.at ? new Date(dto.at) : null);
  }

  @Post('items/:itemId/swiss/rounds')
  @Allow('organizer')
  @Operation('Pair the next Swiss round')
  @ApiCreatedResponse({ type: SwissRoundViewDto })
  @Refuses({ 404: 'not a match item', 409: 'not Swiss, the last round unfinished, or every round paired', 422: 'too few entrants' })
  pairNext(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.swiss.pairNext(caller, itemId);
  }

  @Put('items/:itemId/swiss/rounds/:round')
  @Allow('organizer')
  @Operation("Pair a round by hand; the rules' breaches are reported, not enforced (audited)")
  @ApiOkResponse({ type: SwissManualRoundDto })
  @Refuses({ 404: 'not a match item', 409: 'the round has results or the one before is unfinished', 422: 'a player not in the item' })
  setRound(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('round', ParseIdPipe) round: number, @Body() dto: SwissRoundDto) {
    return this.swiss.setRound(
      caller,
      itemId,
      round,
      dto.boards.map((b) => ({ first: String(b.first), second: String(b.second) })),
      dto.bye ? String(dto.bye) : null,
      dto.reason,
    );
  }

  /** Arbiters assigned to the item or to the board (court "第N台"). */
  @Post('items/:itemId/swiss/rounds/:round/boards/:board/result')
  @Allow('judge')
  @HttpCode(200)
  @Operation("Enter or correct a Swiss board's result")
  @ApiOkResponse({ type: SwissBoardViewDto })
  @Refuses({ 404: 'no such board', 409: 'the next round is paired (correction)' })
  swissResult(
    @Caller() caller: Principal,
    @Param('itemId', ParseIdPipe) itemId: number,
    @Param('round', ParseIdPipe) round: number,
    @Param('board', ParseIdPipe) board: number,
    @Body() dto: SwissResultDto,
  ) {
    return this.swiss.enter(caller, itemId, round, board, dto.result, dto.reason);
  }

  @Get('items/:itemId/crosstable')
  @Public()
  @Operation('The Swiss crosstable: each round, the standings and the tie-breaks')
  @ApiOkResponse({ type: CrosstableDto })
  @Refuses({ 404: 'not a match item', 409: 'not a Swiss item' })
  crosstable(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.swiss.crosstable(itemId);
  }

  @Get('items/:itemId/crosstable.xlsx')
  @Public()
  @Operation('The Swiss crosstable as a workbook')
  @FileResponse('the crosstable, one row a player', XLSX_TYPE)
  @Refuses({ 404: 'not a match item', 409: 'not a Swiss item' })
  async crosstableXlsx(@Param('itemId', ParseIdPipe) itemId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.swiss.crosstableXlsx(itemId);
    void reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.localName)}`);
    return file.body;
  }

  @Get('items/:itemId/trf')
  @Public()
  @Operation('The Swiss item as a FIDE TRF-16 file')
  @FileResponse('TRF-16, UTF-8', 'text/plain')
  @Refuses({ 404: 'not a match item', 409: 'not a Swiss item' })
  async trf(@Param('itemId', ParseIdPipe) itemId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const text = await this.swiss.trf(itemId);
    void reply.header('content-type', 'text/plain; charset=utf-8').header('content-disposition', `attachment; filename="item-${itemId}.trf"`);
    return text;
  }

  /** Organizers and arbiters: standings and tie-breaks of a tournament paired elsewhere. */
  @Post('trf/standings')
  @Allow('organizer', 'judge')
  @BodyLimit(TRF_BODY_LIMIT)
  @HttpCode(200)
  @Operation('Standings and tie-breaks of a TRF-16 file (nothing stored)')
  @ApiOkResponse({ type: TrfStandingsDto })
  importTrf(@Body() dto: TrfImportDto) {
    return this.swiss.importTrf(dto.trf, dto.tieBreaks, dto.edition);
  }
}
